// Work-order classification: training and prediction speed on generated history, and the
// held-out accuracy of rules / model / combined for a few policy thresholds.
// Build: ninja -C build classify_bench. Run: build/classify_bench [samples=50000] [seed=1]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "modules/classify/evaluate.h"
#include "modules/classify/samples.h"

using namespace anju::classify;

namespace {

double MillisSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  const size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 50000;
  const uint64_t seed = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1;
  std::map<std::string, int64_t, std::less<>> ids;
  std::vector<CategoryKeywords> cats;
  for (const DefaultCategory& d : DefaultCategories()) {
    const int64_t id = static_cast<int64_t>(ids.size()) + 1;
    ids.emplace(std::string(d.code), id);
    cats.push_back({id, std::string(d.keywords)});
  }
  const Rules rules(cats, kDefaultUrgentKeywords);

  auto t0 = std::chrono::steady_clock::now();
  const auto samples = WithCategoryIds(GenerateSamples(n, seed), ids);
  std::printf("generate %zu samples: %.1f ms\n", n, MillisSince(t0));

  double best_train = 1e18;
  Model model;
  for (int round = 0; round < 5; ++round) {
    t0 = std::chrono::steady_clock::now();
    model.Train(samples);
    best_train = std::min(best_train, MillisSince(t0));
  }
  std::printf("train on %zu samples: %.1f ms (best of 5), vocabulary %zu\n", samples.size(),
              best_train, model.vocabulary_size());

  const auto probe = GenerateSamples(10000, seed + 1);
  int64_t sink = 0;
  t0 = std::chrono::steady_clock::now();
  for (int round = 0; round < 10; ++round) {
    for (const GeneratedSample& s : probe) sink += model.Predict(s.text).confidence;
  }
  const double predict_us = MillisSince(t0) * 1000.0 / (10.0 * probe.size());
  t0 = std::chrono::steady_clock::now();
  const Suggester suggester(rules, model);
  for (int round = 0; round < 10; ++round) {
    for (const GeneratedSample& s : probe) sink += suggester.Suggest(s.text).confidence;
  }
  const double suggest_us = MillisSince(t0) * 1000.0 / (10.0 * probe.size());
  std::printf("predict: %.2f us, suggest (rules + model): %.2f us per text (%lld)\n", predict_us,
              suggest_us, static_cast<long long>(sink % 10));

  std::printf(
      "\nheld out 20 %% of %zu; per mille: category rules/model/combined, "
      "urgency rules/model/combined\n",
      samples.size());
  for (int wins : {700, 800, 900, 950, 990}) {
    for (int urgent : {800, 900, 950}) {
      SuggestPolicy policy;
      policy.model_wins_per_mille = wins;
      policy.urgent_per_mille = urgent;
      const EvalReport r = Evaluate(rules, samples, 200, seed, policy);
      std::printf("wins %4d urgent %4d (n=%lld): %4d %4d %4d | %4d %4d %4d\n", wins, urgent,
                  static_cast<long long>(r.held_out), r.rules.category_per_mille,
                  r.model.category_per_mille, r.combined.category_per_mille,
                  r.rules.urgency_per_mille, r.model.urgency_per_mille,
                  r.combined.urgency_per_mille);
    }
  }
  return 0;
}
