#include "modules/metering/meter_rules.h"

#include <boost/json.hpp>

#include "core/clock.h"
#include "modules/billing/calc/bill_calc.h"
#include "modules/metering/meter_errors.h"

namespace anju::metering {

namespace json = boost::json;

bool IsValidPeriod(std::string_view p) {
  return IsValidCivilMonth(p);
}

int64_t RolloverSpan(int64_t digits) {
  int64_t span = 100;
  for (int64_t i = 0; i < digits; ++i) span *= 10;
  return span;
}

namespace {

Error FieldFailure(const ErrorDef& def, std::string field, std::string code, std::string msg) {
  return Error(def).WithField(std::move(field), std::move(code), std::move(msg));
}

}  // namespace

Result<Measured> MeasureConsumption(const ReadingInput& in) {
  const int64_t span = RolloverSpan(in.digits);
  if (in.reading < 0 || in.reading >= span)
    return FieldFailure(errors::kValidation, "reading", "out_of_range",
                        "The dial shows less than " + std::to_string(span));
  Measured m;
  int64_t dial = 0;  // how far the dial (or dials) moved
  if (in.replaced) {
    if (in.rollover)
      return FieldFailure(errors::kValidation, "rollover", "conflicts_with_replaced",
                          "A replaced meter does not also roll over");
    const Replacement& r = *in.replaced;
    for (auto [field, value] : {std::pair{"replaced.old_final_reading", r.old_final_reading},
                                std::pair{"replaced.new_start_reading", r.new_start_reading}})
      if (value < 0 || value >= span)
        return FieldFailure(errors::kValidation, field, "out_of_range",
                            "The dial shows less than " + std::to_string(span));
    if (r.old_final_reading < in.previous)
      return FieldFailure(kReadingBelowPrevious, "replaced.old_final_reading", "below_previous",
                          "The old meter's last reading is below the previous reading " +
                              std::to_string(in.previous));
    if (in.reading < r.new_start_reading)
      return FieldFailure(kReadingBelowPrevious, "reading", "below_new_start",
                          "The reading is below the new meter's start reading");
    dial = (r.old_final_reading - in.previous) + (in.reading - r.new_start_reading);
    m.flags = "replaced";
  } else if (in.rollover) {
    if (in.reading >= in.previous)
      return FieldFailure(errors::kValidation, "rollover", "not_below_previous",
                          "A meter rolls over only when its reading goes below the previous one");
    dial = span - in.previous + in.reading;
    m.flags = "rollover";
  } else {
    if (in.reading < in.previous)
      return FieldFailure(kReadingBelowPrevious, "reading", "below_previous",
                          "Below the previous reading " + std::to_string(in.previous));
    dial = in.reading - in.previous;
  }
  // Every dial is below span ≤ 10^14, so dial < 2 × 10^14; multiplier ≤ 10^4: fits int64.
  m.consumption = dial * in.multiplier;
  return m;
}

bool IsHighConsumption(int64_t consumption, const std::vector<int64_t>& trailing) {
  const size_t n = std::min<size_t>(trailing.size(), kTrailingReadings);
  if (n == 0) return false;
  billing::calc::Int128 sum = 0;
  for (size_t i = 0; i < n; ++i) sum += trailing[i];
  return billing::calc::Int128{consumption} * static_cast<int64_t>(n) > sum * kHighFactor;
}

std::string WithFlag(std::string flags, std::string_view flag) {
  if (!flags.empty()) flags += ' ';
  flags += flag;
  return flags;
}

}  // namespace anju::metering
