// Suggested category and urgency (建议分类) for a new order's description: the company's
// keyword rules plus a model trained on its own past orders (classify/), cached per
// company and retrained when stale. Thread-safe.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <boost/json.hpp>

#include "core/clock.h"
#include "db/database.h"

namespace anju::workorder {

struct Suggestion {
  std::optional<int64_t> category_id;
  std::string category_name;
  std::string urgency = "normal";
  int64_t confidence = 0;  // per-mille
  std::string source;      // rules | model | both | none
};

class Suggester {
 public:
  explicit Suggester(const Clock& clock);
  ~Suggester();
  Suggestion Suggest(db::Tx& tx, int64_t company_id, const std::string& text);
  // Retrains from the company's past orders now; returns the evaluation (classifier info).
  boost::json::object Train(db::Tx& tx, int64_t company_id);
  boost::json::object Info(db::Tx& tx, int64_t company_id);

 private:
  struct Company;
  std::shared_ptr<Company> Ensure(db::Tx& tx, int64_t company_id, bool force);
  const Clock& clock_;
  std::mutex mu_;
  std::map<int64_t, std::shared_ptr<Company>> companies_;
};

}  // namespace anju::workorder
