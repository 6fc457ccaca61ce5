// Shifts (排班): when a staff member is on duty in a project.
//
// The lead stores shifts as rows (user_id, project_id, start_at, end_at), UTC epoch ms, each
// the half-open interval [start_at, end_at): a shift 08:00–16:00 covers 08:00:00.000 and
// 15:59:59.999 but not 16:00:00.000, so back-to-back shifts never overlap and a hand-over
// instant belongs to exactly one of them. A row with end_at <= start_at covers nothing.
//
// How the caller asks (one query for all of a project's candidates, not one per person):
//
//   SELECT DISTINCT user_id FROM staff_shifts
//    WHERE project_id = :project AND end_at > :now AND start_at <= :now
//
// with an index on (project_id, end_at): `end_at > now` is the selective side — it reaches
// only shifts not yet over (a few weeks planned ahead at most), while `start_at <= now`
// would reach every shift that ever started. The user ids it returns are the candidates with
// on_duty = true (or, in one candidate query, `EXISTS (SELECT 1 FROM staff_shifts s WHERE
// s.user_id = u.id AND s.project_id = :project AND s.end_at > :now AND s.start_at <= :now)
// AS on_duty`). OnDuty below is the same predicate in C++, for callers that already hold
// a person's shifts (a schedule screen, tests, the benchmark).
#pragma once

#include <span>

#include "core/clock.h"

namespace anju::workorder::dispatch {

// One shift of one person in one project: [start_at, end_at), UTC epoch ms.
struct Shift {
  Millis start_at = 0;
  Millis end_at = 0;
};

// True when some shift covers `now`: start_at <= now < end_at. The shifts are one person's
// in the order's project, in any order, overlapping or not.
bool OnDuty(std::span<const Shift> shifts, Millis now);

}  // namespace anju::workorder::dispatch
