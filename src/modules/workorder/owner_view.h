// What an owner sees of an order's timeline: every step, who took it and when, but not the
// staff's internal notes. The dispatcher's reasoning on an assignment ("在岗、技能水电、未完成
// 工单 0 张；唯一符合条件的人选") is for the dispatch desk; the owner sees that the order went
// to 李工 (the event's data.assignee_name) and nothing about how he was chosen.
#pragma once

#include "modules/workorder/workorder_types.h"

namespace anju::workorder {

inline TimelineEvent ForResident(TimelineEvent e) {
  if (e.action == "assign") e.note.clear();
  return e;
}

}  // namespace anju::workorder
