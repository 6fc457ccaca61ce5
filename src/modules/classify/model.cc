#include "modules/classify/model.h"

#include <algorithm>
#include <cmath>

#include "modules/classify/text.h"

namespace anju::classify {
namespace {

// Soft-max posterior of scores[best], per mille.
int PerMille(const double* scores, size_t n, size_t best) {
  double sum = 0;
  for (size_t i = 0; i < n; ++i) sum += std::exp(scores[i] - scores[best]);
  return static_cast<int>(std::lround(1000.0 / sum));
}

}  // namespace

void Model::Train(std::span<const Sample> samples) {
  categories_.clear();
  vocab_.clear();
  log_prior_.clear();
  table_.clear();
  for (const Sample& s : samples) {
    if (s.category_id != 0) categories_.push_back(s.category_id);
  }
  std::sort(categories_.begin(), categories_.end());
  categories_.erase(std::unique(categories_.begin(), categories_.end()), categories_.end());
  if (categories_.empty()) return;

  // Columns: one per category, then not-urgent, urgent.
  const size_t classes = categories_.size(), width = classes + 2;
  std::vector<uint32_t> counts;            // rows × width
  std::vector<uint64_t> totals(width, 0);  // n-grams per column
  std::vector<uint64_t> docs(width, 0);    // samples per column
  std::vector<FeatureKey> keys;
  vocab_.reserve(samples.size() / 2 + 1024);
  for (const Sample& s : samples) {
    if (s.category_id == 0) continue;
    const size_t c = std::lower_bound(categories_.begin(), categories_.end(), s.category_id) -
                     categories_.begin();
    const size_t u = classes + (s.urgent ? 1 : 0);
    ++docs[c];
    ++docs[u];
    ExtractFeatures(s.text, keys);
    totals[c] += keys.size();
    totals[u] += keys.size();
    for (FeatureKey k : keys) {
      auto [it, fresh] = vocab_.try_emplace(k, static_cast<uint32_t>(vocab_.size()));
      if (fresh) counts.resize(counts.size() + width, 0);
      uint32_t* row = &counts[static_cast<size_t>(it->second) * width];
      ++row[c];
      ++row[u];
    }
  }

  const size_t rows = vocab_.size();
  const double v = static_cast<double>(rows);
  std::vector<double> log_denominator(width);
  for (size_t j = 0; j < width; ++j) log_denominator[j] = std::log(totals[j] + v);
  table_.resize(rows * width);
  for (size_t i = 0; i < rows * width; ++i) {
    table_[i] = std::log(counts[i] + 1.0) - log_denominator[i % width];
  }
  // Priors, Laplace-smoothed too so an urgency class with no sample is not log(0).
  log_prior_.resize(width);
  uint64_t n = docs[classes] + docs[classes + 1];
  for (size_t j = 0; j < classes; ++j) {
    log_prior_[j] = std::log((docs[j] + 1.0) / (n + classes));
  }
  for (size_t j = classes; j < width; ++j) log_prior_[j] = std::log((docs[j] + 1.0) / (n + 2.0));
}

Prediction Model::Predict(std::string_view text) const {
  Prediction p;
  if (!trained()) return p;
  const size_t classes = categories_.size(), width = classes + 2;
  std::vector<FeatureKey> keys;
  keys.reserve(text.size());
  ExtractFeatures(text, keys);
  std::vector<double> score(log_prior_);
  for (FeatureKey k : keys) {
    auto it = vocab_.find(k);
    if (it == vocab_.end()) continue;
    ++p.known_features;
    const double* row = &table_[static_cast<size_t>(it->second) * width];
    for (size_t j = 0; j < width; ++j) score[j] += row[j];
  }
  const size_t best = std::max_element(score.begin(), score.begin() + classes) - score.begin();
  p.category_id = categories_[best];
  p.confidence = PerMille(score.data(), classes, best);
  p.urgent_confidence = PerMille(score.data() + classes, 2, 1);
  p.urgent = score[classes + 1] > score[classes];
  return p;
}

}  // namespace anju::classify
