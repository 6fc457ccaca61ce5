// The Chinese and English sentences of a dispatch reason (internal to the dispatcher).
#pragma once

#include "modules/workorder/dispatch/dispatcher.h"

namespace anju::workorder::dispatch {

// Fills r.zh and r.en from the structured fields of `r`. `chosen` is the chosen candidate,
// or null when nobody was (r.code says why).
void WriteTexts(const Order& order, const Candidate* chosen, Reason& r);

}  // namespace anju::workorder::dispatch
