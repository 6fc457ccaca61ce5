// Property's implementations of the ports that modules below it declare (identity and
// org may not include property): the app wires them at start-up.
#pragma once

#include "platform/identity/resident_directory.h"
#include "platform/org/house_directory.h"

namespace anju::property {

// A resident account's houses (house_residents current on the day) and resident records.
const identity::ResidentDirectory& ResidentDirectoryOf();
// The projects that hold given houses.
const org::HouseDirectory& HouseDirectoryOf();

}  // namespace anju::property
