// Test helpers shared by the SLA unit tests: local Shanghai times written as text.
#pragma once

#include <string>

#include "core/clock.h"
#include "modules/workorder/sla/calendar.h"

namespace anju::workorder::sla::testing {

// "2026-01-05 08:30" or "2026-01-05 08:30:00.001", Asia/Shanghai (UTC+8) → epoch ms.
inline Millis At(const std::string& s, int utc_offset_minutes = 480) {
  Millis t = DaysFromCivil(s.substr(0, 10)) * kDay + std::stoi(s.substr(11, 2)) * kHour +
             std::stoi(s.substr(14, 2)) * kMinute;
  if (s.size() >= 19) t += std::stoi(s.substr(17, 2)) * kSecond;
  if (s.size() >= 23) t += std::stoi(s.substr(20, 3));
  return t - utc_offset_minutes * kMinute;
}

// Mon–Fri 08:30–17:30 (UTC+8) with the real 2025 National Day and 2026 New Year schedules:
// 2025-10-01…08 off, make-up Sun 2025-09-28 and Sat 2025-10-11; 2026-01-01…03 off, make-up
// Sun 2026-01-04.
inline BusinessHours ChinaOffice() {
  BusinessHours h;
  h.holidays = {"2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05",
                "2025-10-06", "2025-10-07", "2025-10-08", "2026-01-01", "2026-01-02",
                "2026-01-03"};
  h.workdays = {"2025-09-28", "2025-10-11", "2026-01-04"};
  return h;
}

inline Calendar Office() { return Calendar::Business(ChinaOffice()).value(); }

}  // namespace anju::workorder::sla::testing
