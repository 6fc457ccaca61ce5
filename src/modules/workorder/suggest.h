// Suggested category and urgency (建议分类) for a new order's description: the company's
// keyword rules plus a model trained on its own past orders (classify/), cached per
// company and retrained when stale. Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.h"
#include "db/database.h"

namespace anju::workorder {

// The suggested category (none when nothing matched) and urgency of a description.
struct Suggestion {
  std::optional<int64_t> category_id;
  std::string category_name;
  std::string urgency = "normal";
  int64_t confidence = 0;  // per-mille
  std::string source;      // rules | model | both | none
};

// Per-mille scores of the rules alone, the model alone and both combined.
struct ClassifierScores {
  int64_t rules = 0, model = 0, combined = 0;
};

// The company's classifier: when it was trained on how many past orders, and how often it
// chose the right category and urgency for the held-out ones.
struct ClassifierReport {
  Millis trained_at = 0;
  int64_t samples = 0, held_out = 0;
  ClassifierScores accuracy, urgency_accuracy;
};

class Suggester {
 public:
  explicit Suggester(const Clock& clock);
  ~Suggester();
  Suggestion Suggest(db::Tx& tx, int64_t company_id, const std::string& text);
  // Retrains from the company's past orders now; returns the evaluation (as Info).
  ClassifierReport Train(db::Tx& tx, int64_t company_id);
  // The current classifier and its evaluation (computed on first ask, then kept).
  ClassifierReport Info(db::Tx& tx, int64_t company_id);

 private:
  struct Company;
  std::shared_ptr<Company> Ensure(db::Tx& tx, int64_t company_id, bool force);
  const Clock& clock_;
  std::mutex mu_;
  std::map<int64_t, std::shared_ptr<Company>> companies_;
};

}  // namespace anju::workorder
