#include "modules/importer/kind.h"

namespace anju::importer {

const Kind& HousesKind();
const Kind& ResidentsKind();
const Kind& VehiclesKind();
const Kind& ParkingKind();
const Kind& FeeItemsKind();
const Kind& ReadingsKind();
const Kind& BalancesKind();

// In the order a migration imports them: a kind may refer to rows of the kinds before it.
std::vector<const Kind*> AllKinds() {
  return {&HousesKind(),   &ResidentsKind(), &VehiclesKind(), &ParkingKind(),
          &FeeItemsKind(), &ReadingsKind(),  &BalancesKind()};
}

const Kind* FindKind(std::string_view name) {
  for (const Kind* k : AllKinds())
    if (k->name() == name) return k;
  return nullptr;
}

}  // namespace anju::importer
