// The per-company suggester: keyword rules from the category tree, and the model trained on
// the company's own past orders (their final category and urgency, after staff override).
// A company's suggester is built on first use and rebuilt when older than kRetrainAfter or
// on request; the evaluation on held-out past orders is computed when the console first asks
// for it and kept with it.
#include <optional>

#include <fmt/format.h>

#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "modules/classify/evaluate.h"
#include "modules/classify/suggest.h"
#include "modules/workorder/suggest.h"
#include "modules/workorder/workorder_service.h"

namespace anju::workorder {

namespace perm = identity::perm;

namespace {
constexpr Millis kRetrainAfter = kHour;
constexpr int64_t kMaxTrainingOrders = 50'000;
constexpr int kHeldOutPerMille = 200;

// The company's past orders (final category and urgency), newest first.
std::vector<classify::Sample> PastOrders(db::Tx& tx, int64_t company_id) {
  std::vector<classify::Sample> samples;
  for (auto& r : tx.Query("SELECT o.description, o.category_id, o.urgency FROM work_orders o "
                          "JOIN wo_categories c ON c.id = o.category_id AND c.active = 1 WHERE "
                          "o.company_id = ? AND o.status <> 'cancelled' ORDER BY o.id DESC "
                          "LIMIT ?",
                          {company_id, kMaxTrainingOrders}))
    samples.push_back({r.Str(0), r.Int(1), r.Str(2) == "urgent"});
  return samples;
}

}  // namespace

struct Suggester::Company {
  std::shared_ptr<const classify::Suggester> suggester;
  classify::SuggestPolicy policy;
  std::map<int64_t, std::string> names;
  std::optional<classify::EvalReport> eval;  // computed when first asked (Info), under mu_
  int64_t samples = 0;
  Millis trained_at = 0;
};

Suggester::Suggester(const Clock& clock) : clock_(clock) {}
Suggester::~Suggester() = default;

std::shared_ptr<Suggester::Company> Suggester::Ensure(db::Tx& tx, int64_t company_id, bool force) {
  Millis now = clock_.Now();
  {
    std::lock_guard lock(mu_);
    auto it = companies_.find(company_id);
    if (!force && it != companies_.end() && now - it->second->trained_at < kRetrainAfter)
      return it->second;
  }
  auto c = std::make_shared<Company>();
  std::vector<classify::CategoryKeywords> keywords;
  int64_t fallback = 0;
  for (auto& r : tx.Query("SELECT id, name, keywords, code FROM wo_categories WHERE "
                          "company_id = ? AND active = 1 ORDER BY sort, id",
                          {company_id})) {
    c->names[r.Int(0)] = r.Str(1);
    keywords.push_back({r.Int(0), r.Str(2)});
    if (r.Str(3) == "service" || !fallback) fallback = r.Int(0);
  }
  classify::Rules rules(keywords, classify::kDefaultUrgentKeywords);
  std::vector<classify::Sample> samples = PastOrders(tx, company_id);
  c->policy.fallback_category_id = fallback;
  classify::Model model;
  model.Train(samples);
  c->samples = static_cast<int64_t>(samples.size());
  c->suggester = std::make_shared<classify::Suggester>(std::move(rules), std::move(model), c->policy);
  c->trained_at = now;
  std::lock_guard lock(mu_);
  return companies_[company_id] = c;
}

Suggestion Suggester::Suggest(db::Tx& tx, int64_t company_id, const std::string& text) {
  auto c = Ensure(tx, company_id, false);
  classify::Suggestion s = c->suggester->Suggest(text);
  Suggestion out;
  if (s.category_id && c->names.count(s.category_id)) {
    out.category_id = s.category_id;
    out.category_name = c->names.at(s.category_id);
  }
  out.urgency = std::string(s.urgency);
  out.confidence = s.confidence;
  out.source = std::string(s.source);
  return out;
}

ClassifierReport Suggester::Info(db::Tx& tx, int64_t company_id) {
  auto c = Ensure(tx, company_id, false);
  // The evaluation trains a second model on 80 % of the orders: only for this report, never
  // on the path of a new order's suggestion.
  classify::EvalReport eval;
  bool known = false;
  {
    std::lock_guard lock(mu_);
    if (c->eval) eval = *c->eval, known = true;
  }
  if (!known) {
    eval = classify::Evaluate(c->suggester->rules(), PastOrders(tx, company_id), kHeldOutPerMille,
                              1, c->policy);
    std::lock_guard lock(mu_);
    c->eval = eval;
  }
  ClassifierReport out;
  out.trained_at = c->trained_at;
  out.samples = c->samples;
  out.held_out = eval.held_out;
  out.accuracy = {eval.rules.category_per_mille, eval.model.category_per_mille,
                  eval.combined.category_per_mille};
  out.urgency_accuracy = {eval.rules.urgency_per_mille, eval.model.urgency_per_mille,
                          eval.combined.urgency_per_mille};
  return out;
}

ClassifierReport Suggester::Train(db::Tx& tx, int64_t company_id) {
  Ensure(tx, company_id, true);
  return Info(tx, company_id);
}

Result<Suggestion> WorkOrderService::Suggest(const TenantContext& ctx, const std::string& text) {
  if (!ctx.IsResident()) ANJU_TRY(identity::Require(ctx, perm::kWorkOrderWrite));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<Suggestion> {
    return suggester_->Suggest(tx, ctx.company_id, text);
  });
}

Result<ClassifierReport> WorkOrderService::ClassifierInfo(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderReport));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<ClassifierReport> {
    return suggester_->Info(tx, ctx.company_id);
  });
}

Result<ClassifierReport> WorkOrderService::TrainClassifier(const TenantContext& ctx) {
  ANJU_TRY(identity::Require(ctx, perm::kWorkOrderSettings));
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<ClassifierReport> {
    return suggester_->Train(tx, ctx.company_id);
  });
}

}  // namespace anju::workorder
