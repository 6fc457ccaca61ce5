#include "modules/classify/suggest.h"

#include <algorithm>

namespace anju::classify {

Suggestion Combine(const RuleMatch& rules, const Prediction& model, const SuggestPolicy& policy) {
  Suggestion s;
  const bool evidence = model.category_id != 0 && model.known_features > 0;
  bool agree = false;
  for (const RuleVote& v : rules.votes) {
    if (v.score < rules.score) break;  // votes are best first
    agree = agree || (evidence && v.category_id == model.category_id);
  }
  if (agree) {
    s = {model.category_id, {}, std::max(model.confidence, rules.confidence), "both"};
  } else if (evidence && model.confidence >= policy.model_wins_per_mille) {
    s = {model.category_id, {}, model.confidence, "model"};
  } else if (rules.category_id != 0) {
    s = {rules.category_id, {}, rules.confidence, "rules"};
  } else if (evidence) {
    s = {model.category_id, {}, model.confidence, "model"};
  } else {
    s = {policy.fallback_category_id, {}, 0, "none"};
  }
  const bool model_urgent = evidence && model.urgent_confidence >= policy.urgent_per_mille;
  s.urgency = rules.urgent || model_urgent ? "urgent" : "normal";
  return s;
}

}  // namespace anju::classify
