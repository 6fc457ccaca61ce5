#include "modules/receipts/receipt_json.h"

#include "core/clock.h"
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

json::object ReceiptJson(const Receipt& r) {
  return {{"id", r.id},
          {"number", r.number},
          {"project_id", r.project_id},
          {"house_id", r.house_id},
          {"payment_id", r.payment_id},
          {"amount", r.amount},
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
