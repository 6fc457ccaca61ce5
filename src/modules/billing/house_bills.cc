#include "modules/billing/house_bills.h"

namespace anju::billing {

namespace {
class Bills final : public property::HouseBills {
 public:
  bool HasBills(db::Tx& tx, int64_t house_id) const override {
    return tx.QueryOne("SELECT 1 FROM bills WHERE house_id = ? LIMIT 1", {house_id}).has_value();
  }
};
}  // namespace

const property::HouseBills& HouseBillsOf() {
  static const Bills kBills;
  return kBills;
}

}  // namespace anju::billing
