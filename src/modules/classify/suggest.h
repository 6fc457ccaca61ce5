// The suggestion shown when a work order is created: category and urgency from the keyword
// rules (rules.h) and the company's trained model (model.h).
//
// Policy (Combine), in order:
//   1. Rules and model agree (the model's category is among the rules' best-scoring
//      categories) → that category, source "both", confidence = the larger of the two.
//   2. The model is confident (confidence ≥ model_wins_per_mille, and it saw at least one
//      known feature) → the model's category, source "model": it has learnt from this
//      company's own orders what the generic keyword lists miss or confuse.
//   3. A rule matched → the rules' category, source "rules", confidence = the rules' own
//      (the best vote's share), when the model is untrained, unsure or without evidence.
//   4. No rule matched and the model saw a known feature → the model's guess, source
//      "model", however unsure: the confidence tells the UI how much to trust it.
//   5. Otherwise (untrained model, unknown words, no keyword) → fallback_category_id
//      (e.g. the 客服 category, where a person triages; 0 = no suggestion), source "none",
//      confidence 0.
// Urgency: "urgent" when an urgency keyword matched (a person in danger is never left to a
// statistic), or when the model's urgent confidence ≥ urgent_per_mille; else "normal".
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "modules/classify/model.h"
#include "modules/classify/rules.h"

namespace anju::classify {

struct SuggestPolicy {
  int model_wins_per_mille = 900;  // the model overrides the rules at or above this
  int urgent_per_mille = 900;      // the model alone makes it urgent at or above this
  int64_t fallback_category_id = 0;
};

struct Suggestion {
  int64_t category_id = 0;              // 0 = no suggestion
  std::string_view urgency = "normal";  // "normal" | "urgent"
  int confidence = 0;                   // per mille
  std::string_view source = "none";     // "rules" | "model" | "both" | "none"
};

// The policy above applied to one rule match and one prediction (pure; Evaluate uses it).
Suggestion Combine(const RuleMatch& rules, const Prediction& model, const SuggestPolicy& policy);

// Holds a company's rules and trained model; build once, share across threads (const).
class Suggester {
 public:
  Suggester(Rules rules, Model model, SuggestPolicy policy = {})
      : rules_(std::move(rules)), model_(std::move(model)), policy_(policy) {}
  Suggestion Suggest(std::string_view text) const {
    return Combine(rules_.Match(text), model_.Predict(text), policy_);
  }
  const Rules& rules() const { return rules_; }
  const Model& model() const { return model_; }

 private:
  Rules rules_;
  Model model_;
  SuggestPolicy policy_;
};

}  // namespace anju::classify
