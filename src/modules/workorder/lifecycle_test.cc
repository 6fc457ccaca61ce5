// Every (status, action) pair: the allowed ones move where the diagram says, all others
// are refused.
#include "modules/workorder/lifecycle.h"

#include <map>
#include <string>

#include <gtest/gtest.h>

namespace anju::workorder {
namespace {

using Key = std::pair<std::string, std::string>;

TEST(WorkOrderLifecycle, EveryPairIsAllowedOrRefused) {
  const std::map<Key, std::string> allowed = {
      {{"submitted", "assign"}, "assigned"},  {{"assigned", "assign"}, "assigned"},
      {{"accepted", "assign"}, "assigned"},   {{"on_site", "assign"}, "assigned"},
      {{"paused", "assign"}, "assigned"},     {{"submitted", "accept"}, "accepted"},
      {{"assigned", "accept"}, "accepted"},   {{"accepted", "arrive"}, "on_site"},
      {{"accepted", "pause"}, "paused"},      {{"on_site", "pause"}, "paused"},
      {{"paused", "resume"}, "on_site"},      {{"accepted", "complete"}, "completed"},
      {{"on_site", "complete"}, "completed"}, {{"completed", "confirm"}, "confirmed"},
      {{"confirmed", "rate"}, "closed"},      {{"submitted", "cancel"}, "cancelled"},
      {{"assigned", "cancel"}, "cancelled"},  {{"accepted", "cancel"}, "cancelled"},
      {{"on_site", "cancel"}, "cancelled"},   {{"paused", "cancel"}, "cancelled"},
      {{"completed", "reopen"}, "assigned"},  {{"confirmed", "reopen"}, "assigned"},
      {{"closed", "reopen"}, "assigned"},
  };
  Facts f{.arrived = true, .completed_at = 1000, .now = 2000};
  int allowed_seen = 0;
  for (auto s : kStatuses)
    for (auto a : kActions) {
      auto next = Next(s, a, f);
      auto it = allowed.find({std::string(s), std::string(a)});
      if (it == allowed.end()) {
        EXPECT_FALSE(next) << s << " --" << a << "--> " << (next ? *next : "");
      } else {
        ASSERT_TRUE(next) << s << " --" << a << " refused";
        EXPECT_EQ(*next, it->second) << s << " --" << a;
        ++allowed_seen;
      }
    }
  EXPECT_EQ(allowed_seen, static_cast<int>(allowed.size()));
}

TEST(WorkOrderLifecycle, ResumeGoesBackWhereItWas) {
  EXPECT_EQ(*Next("paused", "resume", {.arrived = false}), "accepted");
  EXPECT_EQ(*Next("paused", "resume", {.arrived = true}), "on_site");
}

TEST(WorkOrderLifecycle, ReopenOnlyWithinSevenDaysOfCompletion) {
  Millis done = 1'000'000;
  EXPECT_TRUE(Next("closed", "reopen", {.completed_at = done, .now = done + kReopenWindow}));
  EXPECT_FALSE(Next("closed", "reopen", {.completed_at = done, .now = done + kReopenWindow + 1}));
  EXPECT_FALSE(Next("completed", "reopen", {.completed_at = 0, .now = done}));
}

TEST(WorkOrderLifecycle, OpenStatusesAndActions) {
  for (auto s : {"submitted", "assigned", "accepted", "on_site", "paused"}) EXPECT_TRUE(IsOpen(s));
  for (auto s : {"completed", "confirmed", "closed", "cancelled"}) EXPECT_FALSE(IsOpen(s));
  EXPECT_TRUE(IsKnownAction("rate"));
  EXPECT_FALSE(IsKnownAction("close"));
}

}  // namespace
}  // namespace anju::workorder
