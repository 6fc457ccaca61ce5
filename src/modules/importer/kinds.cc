#include "modules/importer/kind.h"

namespace anju::importer {

const Kind& HousesKind();
const Kind& ResidentsKind();
const Kind& VehiclesKind();

std::vector<const Kind*> AllKinds() { return {&HousesKind(), &ResidentsKind(), &VehiclesKind()}; }

const Kind* FindKind(std::string_view name) {
  for (const Kind* k : AllKinds())
    if (k->name() == name) return k;
  return nullptr;
}

}  // namespace anju::importer
