#include "modules/classify/evaluate.h"

#include <algorithm>
#include <vector>

namespace anju::classify {
namespace {

uint64_t Mix(uint64_t seed, uint64_t index) {
  uint64_t z = seed + (index + 1) * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

void Count(EvalScore& score, const Sample& s, int64_t category_id, bool urgent) {
  score.category_correct += category_id == s.category_id ? 1 : 0;
  score.urgency_correct += urgent == s.urgent ? 1 : 0;
}

int PerMille(int64_t part, int64_t whole) {
  return whole == 0 ? 0 : static_cast<int>((part * 1000 + whole / 2) / whole);
}

void Finish(EvalScore& score, int64_t held_out) {
  score.category_per_mille = PerMille(score.category_correct, held_out);
  score.urgency_per_mille = PerMille(score.urgency_correct, held_out);
}

}  // namespace

bool HeldOut(uint64_t index, uint64_t seed, int held_out_per_mille) {
  const int limit = std::clamp(held_out_per_mille, 0, 1000);
  return static_cast<int>(Mix(seed, index) % 1000) < limit;
}

EvalReport Evaluate(const Rules& rules, std::span<const Sample> samples, int held_out_per_mille,
                    uint64_t seed, const SuggestPolicy& policy) {
  std::vector<Sample> train;
  std::vector<const Sample*> test;
  for (size_t i = 0; i < samples.size(); ++i) {
    if (HeldOut(i, seed, held_out_per_mille)) {
      test.push_back(&samples[i]);
    } else {
      train.push_back(samples[i]);
    }
  }
  Model model;
  model.Train(train);

  EvalReport r;
  r.trained = static_cast<int64_t>(train.size());
  r.held_out = static_cast<int64_t>(test.size());
  for (const Sample* s : test) {
    const RuleMatch m = rules.Match(s->text);
    const Prediction p = model.Predict(s->text);
    const Suggestion c = Combine(m, p, policy);
    Count(r.rules, *s, m.category_id, m.urgent);
    Count(r.model, *s, p.category_id, p.urgent);
    Count(r.combined, *s, c.category_id, c.urgency == "urgent");
  }
  Finish(r.rules, r.held_out);
  Finish(r.model, r.held_out);
  Finish(r.combined, r.held_out);
  return r;
}

}  // namespace anju::classify
