#include "modules/workorder/dispatch/shifts.h"

namespace anju::workorder::dispatch {

bool OnDuty(std::span<const Shift> shifts, Millis now) {
  for (const Shift& s : shifts) {
    if (s.start_at <= now && now < s.end_at) return true;
  }
  return false;
}

}  // namespace anju::workorder::dispatch
