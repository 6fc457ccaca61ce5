// Billing's implementation of property's port HouseBills (property/house_bills.h): whether
// a house has bills, so that property refuses to delete it (HOUSE_HAS_BILLS).
#pragma once

#include "modules/property/house_bills.h"

namespace anju::billing {

// Stateless; lives for the whole process.
const property::HouseBills& HouseBillsOf();

}  // namespace anju::billing
