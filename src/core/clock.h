// All code asks a Clock for "now" so tests can move time (session expiry, lockout, SLA).
// Times are UTC milliseconds since the Unix epoch (int64) everywhere inside Anju.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace anju {

using Millis = int64_t;
inline constexpr Millis kSecond = 1000;
inline constexpr Millis kMinute = 60 * kSecond;
inline constexpr Millis kHour = 60 * kMinute;
inline constexpr Millis kDay = 24 * kHour;

// Thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Millis Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Millis Now() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// A clock that tests move by hand. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Millis start) : now_(start) {}
  Millis Now() const override { return now_.load(); }
  void Advance(Millis d) { now_ += d; }
  void Set(Millis t) { now_ = t; }

 private:
  std::atomic<Millis> now_;
};

// "2026-11-23T08:15:00.123Z"
std::string FormatUtc(Millis t);

// Civil dates (billing periods, move-in dates) are "YYYY-MM-DD" strings; valid means a real
// calendar date between 1900 and 2200.
bool IsValidCivilDate(std::string_view s);

// A billing month "YYYY-MM" (a real month between 1900 and 2200).
bool IsValidCivilMonth(std::string_view s);

// Days since 1970-01-01 of a valid "YYYY-MM-DD".
int64_t DaysFromCivil(std::string_view date);

// The civil date `days` after (or, when negative, before) a valid "YYYY-MM-DD".
std::string AddDays(std::string_view date, int64_t days);

// The civil date at instant t in a zone with a fixed UTC offset (China: +480 minutes, no DST).
std::string CivilDate(Millis t, int utc_offset_minutes = 480);

}  // namespace anju
