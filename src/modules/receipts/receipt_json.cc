#include "modules/receipts/receipt_json.h"

#include <fmt/format.h>

#include <charconv>

#include "core/clock.h"
#include "core/common_errors.h"
#include "core/json_body.h"

namespace anju::receipts {

namespace json = boost::json;

Result<std::string> ReadVoidReason(const json::object& body) {
  BodyReader reader(body);
  reader.ReadOnly({"id", "number", "status", "amount", "voided_at", "voided_by"});
  auto reason = reader.Str("reason", true, 200, 2);
  ANJU_TRY(reader.Finish());
  return *reason;
}

Result<std::vector<int64_t>> ReadReceiptIds(std::string_view text) {
  std::vector<int64_t> ids;
  auto bad = [](std::string msg) {
    return Error(errors::kBadQuery).WithField("ids", "invalid", std::move(msg));
  };
  if (text.empty()) return bad("comma-separated receipt ids");
  for (size_t pos = 0; pos <= text.size();) {
    size_t end = std::min(text.find(',', pos), text.size());
    std::string_view part = text.substr(pos, end - pos);
    int64_t id = 0;
    auto [p, ec] = std::from_chars(part.data(), part.data() + part.size(), id);
    if (part.empty() || ec != std::errc() || p != part.data() + part.size() || id <= 0)
      return bad("comma-separated receipt ids");
    if (ids.size() == kMaxPrintBatch) return bad(fmt::format("at most {} ids", kMaxPrintBatch));
    ids.push_back(id);
    pos = end + 1;
  }
  return ids;
}

Result<Paper> ReadPaper(std::string_view text) {
  if (text.empty()) return Paper::kA4;
  if (auto paper = PaperOf(text)) return *paper;
  return Error(errors::kBadQuery).WithField("paper", "invalid", "a4, 241 or 80");
}

json::object ReceiptJson(const Receipt& r) {
  return {{"id", r.id},
          {"number", r.number},
          {"project_id", r.project_id},
          {"house_id", r.house_id},
          {"payment_id", r.payment_id},
          {"amount", r.amount},
          {"payer", r.payer},
          {"status", r.status},
          {"void_reason", r.void_reason ? json::value(*r.void_reason) : nullptr},
          {"voided_at", r.voided_at ? json::value(FormatUtc(*r.voided_at)) : nullptr},
          {"created_at", FormatUtc(r.created_at)}};
}

json::object ReceiptDetailJson(const ReceiptDetail& d) {
  json::object out = ReceiptJson(d.receipt);
  out["house_code"] = d.house_code;
  out["payment_number"] = d.payment_number;
  out["channel"] = d.channel;
  out["amount_words"] = d.amount_words;
  json::array lines;
  for (const ReceiptDoc::Line& l : d.lines)
    lines.push_back(json::object{{"item", l.item}, {"period", l.period}, {"amount", l.amount}});
  out["lines"] = std::move(lines);
  out["verify_url"] = d.verify_url;
  return out;
}

json::object ReceiptListJson(const ReceiptPage& list, const Page& page) {
  json::array items;
  for (const Receipt& r : list.items) items.push_back(ReceiptJson(r));
  return {{"items", std::move(items)}, {"total", list.total}, {"page", page.page},
          {"size", page.size}};
}

json::object ReceiptCheckJson(const ReceiptCheck& c) {
  return {{"number", c.number},          {"company_name", c.company_name},
          {"project_name", c.project_name}, {"amount", c.amount},
          {"date", c.date},              {"status", c.status}};
}

}  // namespace anju::receipts
