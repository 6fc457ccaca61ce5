#include "modules/workorder/dispatch/shifts.h"

#include <gtest/gtest.h>

#include <vector>

namespace anju::workorder::dispatch {
namespace {

constexpr Millis k8 = 8 * kHour, k16 = 16 * kHour, k24 = 24 * kHour;

struct Case {
  const char* label;
  std::vector<Shift> shifts;
  Millis now;
  bool want;
};

TEST(DispatchShiftTest, OnDutyCoversStartButNotEnd) {
  const Case cases[] = {
      {"no shifts", {}, k8, false},
      {"start is inclusive", {{k8, k16}}, k8, true},
      {"one ms before the start", {{k8, k16}}, k8 - 1, false},
      {"inside", {{k8, k16}}, 12 * kHour, true},
      {"last ms before the end", {{k8, k16}}, k16 - 1, true},
      {"end is exclusive", {{k8, k16}}, k16, false},
      {"empty interval", {{k8, k8}}, k8, false},
      {"inverted interval", {{k16, k8}}, 12 * kHour, false},
      {"hand-over belongs to the next shift", {{0, k8}, {k8, k16}}, k8, true},
      {"gap between shifts", {{0, k8}, {k16, k24}}, 12 * kHour, false},
      {"any order, later one covers", {{k16, k24}, {0, k8}}, 20 * kHour, true},
      {"night shift over midnight", {{20 * kHour, k24 + k8}}, k24 + kHour, true},
      {"overlapping shifts", {{0, k16}, {k8, k24}}, k16, true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(OnDuty(c.shifts, c.now), c.want) << c.label;
  }
}

}  // namespace
}  // namespace anju::workorder::dispatch
