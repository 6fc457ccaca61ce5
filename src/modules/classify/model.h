// A classifier trained on a company's own past work orders.
//
// Why naive Bayes. Property companies write the same few hundred complaints in many words
// ("卫生间天花板滴水", "楼上渗水下来了"); keyword lists miss the paraphrases, and a company's
// history (category as finally dispatched, urgency as finally set) is free labelled data.
// Multinomial naive Bayes learns from tens of thousands of short texts in one counting pass,
// predicts with one table look-up per feature, needs no tuning beyond Laplace smoothing, and
// its tables can be explained ("滴水" appeared 212 times in 水电 orders). It is the standard
// strong baseline for short-text classification; anything fancier would need a runtime we
// do not ship.
//
// Features. Chinese has no spaces, so words are out of reach without a dictionary; character
// unigrams plus bigrams recover most words (漏水, 电梯, 门禁 are bigrams) and stay robust to
// typos and new words. ASCII runs (brand names, "LED", room numbers) are lower-cased words.
// Punctuation and whitespace are dropped and break runs (text.h).
//
// Representation. Every feature is encoded exactly in a 64-bit key (text.h: a code point, a
// pair of code points, or a 62-bit hash of an ASCII word), so there are no strings to
// allocate and no collisions between Chinese n-grams. Training maps keys to dense indexes
// with an unordered_map<uint64_t, uint32_t> (the vocabulary: memory grows with what the
// company actually wrote — tens of thousands of n-grams — unlike a fixed hashed table,
// which must be sized for the worst case and silently merges features when full). The
// log-probabilities sit in one feature-major array (row = feature, one double per category,
// then two for not-urgent/urgent), so prediction reads one contiguous row per feature.
// Cost: training is O(total characters) map operations (50,000 orders ≈ tens of ms);
// prediction is O(characters × categories) — a few microseconds for a description.
//
// Model. score(c) = log P(c) + Σ_f count(f) · log P(f | c), with
// P(f | c) = (n(f, c) + 1) / (N(c) + V) (Laplace; V = vocabulary size). Features never seen
// in training are skipped (they carry no evidence). Urgency is a second naive Bayes over the
// same features with two classes. Confidence is the soft-max posterior of the winner, in
// per mille. Naive Bayes posteriors are over-confident (features are not independent), so
// confidence ranks predictions well but is not a calibrated probability: the thresholds in
// suggest.h were chosen by measuring (Evaluate), not by reading it as a probability.
// Log-probabilities are doubles: this is not money, and the result is only a suggestion.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace anju::classify {

// One past order: its description, the category it ended up in, whether it was urgent.
struct Sample {
  std::string text;
  int64_t category_id = 0;
  bool urgent = false;
};

struct Prediction {
  int64_t category_id = 0;    // 0 = untrained
  int confidence = 0;         // per mille, posterior of category_id
  bool urgent = false;        // urgent is the likelier class
  int urgent_confidence = 0;  // per mille, posterior of "urgent"
  int known_features = 0;     // features of the text seen in training; 0 = no evidence
};

class Model {
 public:
  // Replaces any earlier training. Samples with category_id 0 are skipped. With no usable
  // sample the model stays untrained.
  void Train(std::span<const Sample> samples);
  // Untrained: all zero. Thread-safe (const, no shared scratch).
  Prediction Predict(std::string_view text) const;

  bool trained() const { return !categories_.empty(); }
  size_t vocabulary_size() const { return vocab_.size(); }
  const std::vector<int64_t>& categories() const { return categories_; }  // ascending ids

 private:
  std::vector<int64_t> categories_;               // class index → category id
  std::unordered_map<uint64_t, uint32_t> vocab_;  // feature key → row
  std::vector<double> log_prior_;                 // per class, then not-urgent, urgent
  std::vector<double> table_;                     // row-major: rows × (classes + 2)
};

}  // namespace anju::classify
