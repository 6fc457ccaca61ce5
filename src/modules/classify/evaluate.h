// Measuring the suggestion on a company's own history: hold part of the past orders out,
// train on the rest, and count how often rules, model and the combination get them right.
#pragma once

#include <cstdint>
#include <span>

#include "modules/classify/model.h"
#include "modules/classify/rules.h"
#include "modules/classify/suggest.h"

namespace anju::classify {

struct EvalScore {
  int64_t category_correct = 0;  // suggested category == the sample's (no suggestion = wrong)
  int64_t urgency_correct = 0;   // suggested urgent == the sample's urgent
  int category_per_mille = 0;    // correct × 1000 / held_out, rounded half up; 0 if none
  int urgency_per_mille = 0;
};

struct EvalReport {
  int64_t trained = 0;   // samples the model learnt from
  int64_t held_out = 0;  // samples scored
  EvalScore rules;       // Rules::Match alone: best vote, urgency keyword
  EvalScore model;       // Model::Predict alone: its category, its urgent flag
  EvalScore combined;    // Combine(rules, model, policy)
};

// Sample i is held out when Mix(seed, i) mod 1000 < held_out_per_mille, Mix being the
// SplitMix64 finaliser: deterministic for (samples, seed), independent of the order of
// the categories, and about held_out_per_mille of them (clamped to 0–1000).
EvalReport Evaluate(const Rules& rules, std::span<const Sample> samples,
                    int held_out_per_mille = 200, uint64_t seed = 0,
                    const SuggestPolicy& policy = {});

// True when sample `index` falls in the held-out part for this seed (the split above).
bool HeldOut(uint64_t index, uint64_t seed, int held_out_per_mille);

}  // namespace anju::classify
