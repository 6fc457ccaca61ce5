#include "modules/workorder/lifecycle.h"

#include <algorithm>

namespace anju::workorder {

bool IsOpen(std::string_view s) {
  return s == "submitted" || s == "assigned" || s == "accepted" || s == "on_site" ||
         s == "paused";
}

bool IsKnownAction(std::string_view a) {
  return std::find(std::begin(kActions), std::end(kActions), a) != std::end(kActions);
}

std::optional<std::string_view> Next(std::string_view s, std::string_view a, const Facts& f) {
  auto in = [&](std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), s) != set.end();
  };
  if (a == "assign" && in({"submitted", "assigned", "accepted", "on_site", "paused"}))
    return "assigned";
  if (a == "accept" && in({"submitted", "assigned"})) return "accepted";
  if (a == "arrive" && s == "accepted") return "on_site";
  if (a == "pause" && in({"accepted", "on_site"})) return "paused";
  if (a == "resume" && s == "paused")
    return f.arrived ? std::string_view("on_site") : std::string_view("accepted");
  if (a == "complete" && in({"accepted", "on_site"})) return "completed";
  if (a == "confirm" && s == "completed") return "confirmed";
  if (a == "rate" && s == "confirmed") return "closed";
  if (a == "cancel" && IsOpen(s)) return "cancelled";
  if (a == "reopen" && in({"completed", "confirmed", "closed"}) && f.completed_at > 0 &&
      f.now - f.completed_at <= kReopenWindow)
    return "assigned";
  return std::nullopt;
}

}  // namespace anju::workorder
