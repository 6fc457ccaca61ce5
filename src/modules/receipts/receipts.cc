// Receipts: issue (in the payment's transaction), read, list, void, render, verify.
#include "modules/receipts/receipts.h"

#include <fmt/format.h>

#include <cctype>
#include <set>

#include "core/crypto.h"
#include "platform/audit/audit_log.h"
#include "modules/billing/bill_queries.h"
#include "modules/billing/counters.h"
#include "platform/identity/access.h"
#include "platform/identity/accounts.h"
#include "platform/identity/permissions.h"
#include "platform/org/org_service.h"
#include "modules/property/house_people.h"
#include "modules/property/property_service.h"
#include "modules/receipts/capital_amount.h"
#include "modules/receipts/receipt_errors.h"
#include "modules/receipts/receipt_json.h"

namespace anju::receipts {

namespace json = boost::json;
namespace perm = identity::perm;

namespace {

constexpr size_t kTokenBytes = 16;  // 128 bits, 22 URL-safe characters

constexpr std::string_view kReceiptColumns =
    "r.id, r.company_id, r.project_id, r.house_id, r.payment_id, r.number, r.amount, "
    "r.status, r.void_reason, r.voided_at, r.verify_token, r.created_at, r.payer";

// 交款人: the house's owners on `date`, three at most (then 等).
std::string PayerOn(db::Tx& tx, int64_t company_id, int64_t house_id, const std::string& date) {
  std::vector<std::string> names;
  for (const auto& p : property::HousePeopleOn(tx, company_id, house_id, date))
    if (p.relation == "owner") names.push_back(p.name);
  std::string out;
  for (size_t i = 0; i < names.size() && i < 3; ++i) out += (i ? "、" : "") + names[i];
  if (names.size() > 3) out += "等";
  return out;
}

Receipt ReceiptOf(db::Tx& tx, const db::Row& r) {
  Receipt out;
  out.id = r.Int(0), out.company_id = r.Int(1), out.project_id = r.Int(2);
  out.house_id = r.Int(3), out.payment_id = r.Int(4), out.amount = r.Int(6);
  out.number = r.Str(5), out.status = r.Str(7), out.verify_token = r.Str(10);
  out.void_reason = r.OptStr(8), out.voided_at = r.OptInt(9), out.created_at = r.Int(11);
  // Issued before 0017: the owners of the issue day, as linked now.
  if (auto payer = r.OptStr(12))
    out.payer = *payer;
  else
    out.payer = PayerOn(tx, out.company_id, out.house_id, CivilDate(out.created_at));
  return out;
}

std::optional<Receipt> Load(db::Tx& tx, std::string_view where, const db::Params& p) {
  auto r =
      tx.QueryOne(fmt::format("SELECT {} FROM receipts r WHERE {}", kReceiptColumns, where), p);
  if (!r) return std::nullopt;
  return ReceiptOf(tx, *r);
}

// Residents see their own houses' receipts; staff need `code` in the receipt's project.
Status CheckAccess(const TenantContext& ctx, const Receipt& r, std::string_view code) {
  if (ctx.IsResident()) {
    if (!ctx.OwnsHouse(r.house_id)) return Error(kReceiptNotFound);
    return Status::Ok();
  }
  auto s = identity::RequireIn(ctx, code, r.project_id);
  if (!s.ok() && s.error().kind == ErrorKind::kNotFound) return Error(kReceiptNotFound);
  return s;
}

bool IsTokenShaped(const std::string& t) {
  if (t.size() < 16 || t.size() > 64) return false;
  for (char c : t)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  return true;
}

std::string ChannelName(const std::string& channel) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"cash", "现金"},   {"pos", "POS 刷卡"},    {"transfer", "银行转账"},
      {"cheque", "支票"}, {"wechat", "微信支付"}, {"alipay", "支付宝"}};
  for (auto& [code, name] : kNames)
    if (channel == code) return name;
  return channel;
}

// What was paid: each allocation to a bill (its principal or its late fee, 0004_late_fees),
// then what went to the prepaid balance. Billing says what the payment settled.
std::vector<ReceiptDoc::Line> LinesOf(db::Tx& tx, const billing::PaymentFacts& pay) {
  std::vector<ReceiptDoc::Line> lines;
  for (const billing::PaymentPart& part : billing::PaymentParts(tx, pay.id))
    lines.push_back({part.late_fee ? part.fee_item_name + " 滞纳金" : part.fee_item_name,
                     part.period, part.amount});
  if (pay.to_prepayment > 0) lines.push_back({"预存款", "", pay.to_prepayment});
  return lines;
}

}  // namespace

ReceiptService::ReceiptService(db::Database& db, const Clock& clock, ReceiptOptions options)
    : db_(db), clock_(clock), options_(std::move(options)) {
  while (!options_.verify_base_url.empty() && options_.verify_base_url.back() == '/')
    options_.verify_base_url.pop_back();
}

std::string ReceiptService::VerifyUrl(const std::string& token) const {
  return options_.verify_base_url + "/r/" + token;
}

Result<billing::ReceiptRef> ReceiptService::IssueFor(db::Tx& tx, int64_t company_id,
                                                        int64_t payment_id, Millis now) {
  auto r = Issue(tx, company_id, payment_id, now);
  if (!r.ok()) return r.take_error();
  return billing::ReceiptRef{r->id, r->number};
}

Result<Receipt> ReceiptService::Issue(db::Tx& tx, int64_t company_id, int64_t payment_id,
                                      Millis now) {
  if (auto r = Load(tx, "r.payment_id = ? AND r.company_id = ?", {payment_id, company_id}))
    return *r;
  auto pay = billing::FindPayment(tx, company_id, payment_id);
  if (!pay) return Error(kReceiptPaymentNotFound);
  int64_t project_id = pay->project_id;
  auto project_code = org::ProjectCode(tx, company_id, project_id);
  if (!project_code) return Error(kReceiptPaymentNotFound);
  std::string year = CivilDate(now).substr(0, 4);
  int64_t seq =
      billing::NextCounter(tx, company_id, fmt::format("receipt:{}:{}", project_id, year));
  Receipt r;
  r.company_id = company_id;
  r.project_id = project_id;
  r.house_id = pay->house_id;
  r.payment_id = payment_id;
  r.amount = pay->amount;
  r.number = fmt::format("R-{}-{}-{:06d}", *project_code, year, seq);
  r.status = "issued";
  r.verify_token = crypto::RandomToken(kTokenBytes);
  r.created_at = now;
  r.payer = PayerOn(tx, company_id, r.house_id, CivilDate(now));
  r.id = tx.InsertId(
      "INSERT INTO receipts (company_id, project_id, house_id, payment_id, number, amount, "
      "status, verify_token, created_at, payer) VALUES (?, ?, ?, ?, ?, ?, 'issued', ?, ?, ?) "
      "RETURNING id",
      {company_id, project_id, r.house_id, payment_id, r.number, r.amount, r.verify_token, now,
       r.payer});
  return r;
}

Result<ReceiptDetail> ReceiptService::Get(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<ReceiptDetail> {
    auto r = Load(tx, "r.id = ? AND r.company_id = ?", {id, ctx.company_id});
    if (!r) return Error(kReceiptNotFound);
    ANJU_TRY(CheckAccess(ctx, *r, perm::kPaymentRead));
    auto pay = billing::FindPayment(tx, ctx.company_id, r->payment_id);
    auto house = property::FindHouseFacts(tx, ctx.company_id, r->house_id);
    return ReceiptDetail{*r,
                         house ? house->code : "",
                         pay->number,
                         pay->channel,
                         CapitalAmount(r->amount),
                         LinesOf(tx, *pay),
                         VerifyUrl(r->verify_token)};
  });
}

Result<ReceiptPage> ReceiptService::List(const TenantContext& ctx, const ReceiptFilter& f,
                                         const Page& page) {
  if (!f.status.empty() && f.status != "issued" && f.status != "void")
    return Error(errors::kBadQuery).WithField("status", "invalid", "issued or void");
  std::string where = " FROM receipts r WHERE r.company_id = ?";
  db::Params p{ctx.company_id};
  if (ctx.IsResident()) {
    identity::AppendHouseScope(ctx, "r.house_id", where, p);
  } else {
    ANJU_TRY(identity::Require(ctx, perm::kPaymentRead));
    identity::AppendProjectScope(ctx, perm::kPaymentRead, "r.project_id", where, p);
  }
  if (f.project_id) where += " AND r.project_id = ?", p.emplace_back(*f.project_id);
  if (f.house_id) where += " AND r.house_id = ?", p.emplace_back(*f.house_id);
  if (!f.status.empty()) where += " AND r.status = ?", p.emplace_back(f.status);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<ReceiptPage> {
    ReceiptPage out;
    out.total = tx.QueryOne("SELECT COUNT(*)" + where, p)->Int(0);
    db::Params q = p;
    q.emplace_back(page.size);
    q.emplace_back(page.offset());
    for (auto& row : tx.Query(
             fmt::format("SELECT {}{} ORDER BY r.id DESC LIMIT ? OFFSET ?", kReceiptColumns, where),
             q))
      out.items.push_back(ReceiptOf(tx, row));
    return out;
  });
}

Status ReceiptService::MayVoid(const TenantContext& ctx) {
  return identity::Require(ctx, perm::kPaymentCreate);
}

Result<Receipt> ReceiptService::Void(const TenantContext& ctx, int64_t id,
                                     const std::string& reason) {
  ANJU_TRY(MayVoid(ctx));
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<Receipt> {
    auto r = Load(tx, "r.id = ? AND r.company_id = ?", {id, ctx.company_id});
    if (!r) return Error(kReceiptNotFound);
    ANJU_TRY(CheckAccess(ctx, *r, perm::kPaymentCreate));
    // The status test in the UPDATE makes a concurrent second void find nothing to change.
    if (r->status != "issued" ||
        tx.Query("UPDATE receipts SET status = 'void', void_reason = ?, voided_by = ?, "
                 "voided_at = ? WHERE id = ? AND status = 'issued' RETURNING id",
                 {reason, ctx.user_id, now, id})
            .empty())
      return Error(kReceiptAlreadyVoid);
    json::object before = ReceiptJson(*r);
    r->status = "void";
    r->void_reason = reason;
    r->voided_at = now;
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"billing.receipt.void", "receipt", r->id, r->project_id, before,
                   ReceiptJson(*r)},
                  now);
    return *r;
  });
}

// What the PDF of receipt `id` shows, or RECEIPT_NOT_FOUND (also for a receipt outside the
// caller's scope).
Result<ReceiptDoc> ReceiptService::DocOf(db::Tx& tx, const TenantContext& ctx, int64_t id) const {
  auto r = Load(tx, "r.id = ? AND r.company_id = ?", {id, ctx.company_id});
  if (!r) return Error(kReceiptNotFound);
  ANJU_TRY(CheckAccess(ctx, *r, perm::kPaymentRead));
  auto pay = billing::FindPayment(tx, ctx.company_id, r->payment_id);
  // The cashier's name (the login when it has none); an online payment has no cashier (the
  // provider confirmed it).
  std::string cashier = "线上支付";
  if (auto user = pay->created_by) {
    std::string name = identity::UserNames(tx, ctx.company_id, {*user})[*user];
    if (name.empty()) name = identity::UserLogin(tx, ctx.company_id, *user);
    if (!name.empty()) cashier = name;
  }
  auto house = property::FindHouseFacts(tx, ctx.company_id, r->house_id);
  return ReceiptDoc{org::CompanyName(tx, ctx.company_id),
                    org::ProjectName(tx, ctx.company_id, r->project_id).value_or(""),
                    r->number,
                    CivilDate(r->created_at),
                    house ? house->code : "",
                    ChannelName(pay->channel),
                    pay->number,
                    cashier,
                    r->payer,
                    r->amount,
                    LinesOf(tx, *pay),
                    r->status == "void",
                    r->void_reason.value_or(""),
                    VerifyUrl(r->verify_token)};
}

Result<ReceiptPdf> ReceiptService::Pdf(const TenantContext& ctx, int64_t id, Paper paper) {
  auto doc = db_.Run(db::TxMode::kRead,
                     [&](db::Tx& tx) -> Result<ReceiptDoc> { return DocOf(tx, ctx, id); });
  if (!doc.ok()) return doc.take_error();
  auto bytes = RenderReceiptPdf(*doc, options_.fonts, paper);
  if (!bytes.ok()) return bytes.take_error();
  return ReceiptPdf{doc->number, std::move(*bytes)};
}

Result<ReceiptPdf> ReceiptService::Pdfs(const TenantContext& ctx, const std::vector<int64_t>& ids,
                                        Paper paper) {
  if (ids.empty() || ids.size() > kMaxPrintBatch)
    return Error(errors::kBadQuery)
        .WithField("ids", "invalid", fmt::format("1 to {} receipt ids", kMaxPrintBatch));
  std::set<int64_t> seen;
  for (int64_t id : ids)
    if (!seen.insert(id).second)
      return Error(errors::kBadQuery).WithField("ids", "duplicate", fmt::format("{}", id));
  auto docs = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<std::vector<ReceiptDoc>> {
    std::vector<ReceiptDoc> out;
    for (int64_t id : ids) {
      auto doc = DocOf(tx, ctx, id);
      if (!doc.ok()) {
        Error e = doc.take_error();
        if (e.code == kReceiptNotFound.code) e.WithField("ids", "not_found", fmt::format("{}", id));
        return e;
      }
      out.push_back(std::move(*doc));
    }
    return out;
  });
  if (!docs.ok()) return docs.take_error();
  auto bytes = RenderReceiptsPdf(*docs, options_.fonts, paper);
  if (!bytes.ok()) return bytes.take_error();
  std::string name = docs->size() == 1
                         ? docs->front().number
                         : fmt::format("receipts-{}-{}", docs->front().number, docs->size());
  return ReceiptPdf{std::move(name), std::move(*bytes)};
}

Result<ReceiptCheck> ReceiptService::Verify(const std::string& token) {
  if (!IsTokenShaped(token)) return Error(kReceiptNotFound);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<ReceiptCheck> {
    auto r = tx.QueryOne(
        "SELECT r.number, r.company_id, r.project_id, r.amount, r.created_at, r.status "
        "FROM receipts r WHERE r.verify_token = ?",
        {token});
    if (!r) return Error(kReceiptNotFound);
    int64_t company_id = r->Int(1);
    return ReceiptCheck{r->Str(0),
                        org::CompanyName(tx, company_id),
                        org::ProjectName(tx, company_id, r->Int(2)).value_or(""),
                        r->Int(3),
                        CivilDate(r->Int(4)),
                        r->Str(5)};
  });
}

}  // namespace anju::receipts
