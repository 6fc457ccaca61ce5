#include "platform/notify/notifier.h"

#include "platform/notify/in_app.h"

#include <map>

#include "core/pii.h"
#include "platform/audit/audit_log.h"
#include "platform/identity/access.h"
#include "platform/identity/permissions.h"
#include "platform/notify/notify_errors.h"

namespace anju::notify {

namespace json = boost::json;

namespace {

constexpr std::string_view kPhoneContext = "notify_outbox.phone";

constexpr std::string_view kDue =
    "SELECT id, company_id, channel, phone_enc, user_id, template, params, title, text, "
    "ref_type, ref_id, attempts FROM notify_outbox WHERE status = 'queued' AND "
    "next_attempt_at <= ?";

// No SMS provider configured: the outbox itself is where the message goes.
class LocalSmsChannel final : public Channel {
 public:
  SendResult Send(const Message&) override { return {true, "local", ""}; }
};

// In-app messages: one `messages` row per outbox row (UNIQUE outbox_id), so a resend after
// a crash writes nothing twice.
class InAppChannel final : public Channel {
 public:
  InAppChannel(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  SendResult Send(const Message& m) override {
    if (!m.user_id) return {false, "in_app", "no user"};
    db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      tx.Exec("INSERT INTO messages (company_id, user_id, outbox_id, title, text, ref_type, "
              "ref_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
              "ON CONFLICT (outbox_id) DO NOTHING",
              {m.company_id, *m.user_id, m.id, m.title, m.text, m.ref_type,
               m.ref_id ? db::Value(*m.ref_id) : db::kNull, clock_.Now()});
    });
    return {true, "in_app", ""};
  }

 private:
  db::Database& db_;
  const Clock& clock_;
};

// 1, 2, 4, 8 … minutes after the n-th attempt, at most an hour.
Millis Backoff(int64_t attempts) { return std::min<Millis>(kMinute << std::min<int64_t>(attempts, 6), kHour); }

// A row of (id, project_id, channel, recipient, template, text, status, transport,
// attempts, last_error, ref_type, ref_id, created_at, sent_at).
OutboxEntry OutboxEntryOf(const db::Row& r) {
  auto opt_str = [&](size_t i) {
    return r.IsNull(i) ? std::nullopt : std::optional<std::string>(r.Str(i));
  };
  return {r.Int(0),    r.OptInt(1),  r.Str(2),    r.Str(3),  r.Str(4),
          r.Str(5),    r.Str(6),     opt_str(7),  r.Int(8),  opt_str(9),
          r.Str(10),   r.OptInt(11), r.Int(12),   r.OptInt(13)};
}

// A row of (id, title, text, ref_type, ref_id, read_at, created_at).
InAppMessage MessageOf(const db::Row& r) {
  return {r.Int(0), r.Str(1), r.Str(2), r.Str(3), r.OptInt(4), !r.IsNull(5), r.Int(6)};
}

}  // namespace

Notifier::Notifier(db::Database& db, const Clock& clock, const crypto::SecretKey& key,
                   std::unique_ptr<Channel> sms)
    : db_(db),
      clock_(clock),
      key_(key),
      sms_(std::move(sms)),
      local_sms_(std::make_unique<LocalSmsChannel>()),
      in_app_(std::make_unique<InAppChannel>(db, clock)) {}

Notifier::~Notifier() = default;

int64_t PostInApp(db::Tx& tx, const Outgoing& o, Millis now) {
  if (o.channel != "in_app" || !o.user_id) throw std::logic_error("PostInApp: not an in-app message");
  int64_t id = tx.InsertId(
      "INSERT INTO notify_outbox (company_id, project_id, channel, recipient, user_id, template, "
      "params, title, text, status, transport, attempts, next_attempt_at, ref_type, ref_id, "
      "created_at, sent_at) VALUES (?, ?, 'in_app', ?, ?, ?, ?, ?, ?, 'sent', 'in_app', 1, ?, ?, "
      "?, ?, ?) RETURNING id",
      {o.company_id, o.project_id ? db::Value(*o.project_id) : db::kNull, o.user_name,
       *o.user_id, o.template_code, json::serialize(o.params), o.title, o.text, now, o.ref_type,
       o.ref_id ? db::Value(*o.ref_id) : db::kNull, now, now});
  tx.Exec("INSERT INTO messages (company_id, user_id, outbox_id, title, text, ref_type, ref_id, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {o.company_id, *o.user_id, id, o.title, o.text, o.ref_type,
           o.ref_id ? db::Value(*o.ref_id) : db::kNull, now});
  return id;
}

int64_t Notifier::Enqueue(db::Tx& tx, const Outgoing& o, Millis now) {
  if (o.channel == "in_app" && o.user_id) return PostInApp(tx, o, now);
  bool sms = o.channel == "sms";
  std::string recipient = sms ? pii::MaskPhone(o.phone) : o.user_name;
  return tx.InsertId(
      "INSERT INTO notify_outbox (company_id, project_id, channel, recipient, user_id, phone_enc, "
      "template, params, title, text, status, next_attempt_at, ref_type, ref_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?) RETURNING id",
      {o.company_id, o.project_id ? db::Value(*o.project_id) : db::kNull, o.channel, recipient,
       o.user_id ? db::Value(*o.user_id) : db::kNull,
       sms ? db::Value(key_.Encrypt(o.phone, kPhoneContext)) : db::kNull, o.template_code,
       json::serialize(o.params), o.title, o.text, now, o.ref_type,
       o.ref_id ? db::Value(*o.ref_id) : db::kNull, now});
}

SendResult Notifier::DeliverOne(const db::Row& r) {
  Message m;
  m.id = r.Int(0);
  m.company_id = r.Int(1);
  m.channel = r.Str(2);
  m.user_id = r.OptInt(4);
  m.template_code = r.Str(5);
  if (auto p = json::parse(r.Str(6)); p.is_object()) m.params = p.as_object();
  m.title = r.Str(7);
  m.text = r.Str(8);
  m.ref_type = r.Str(9);
  m.ref_id = r.OptInt(10);
  if (m.channel == "in_app") return in_app_->Send(m);
  if (m.channel != "sms") return {false, "", "unknown channel"};
  auto phone = key_.Decrypt(r.Str(3), kPhoneContext);
  if (!phone) return {false, "", "phone does not decrypt"};
  m.phone = std::move(*phone);
  return sms_ ? sms_->Send(m) : local_sms_->Send(m);
}

DeliveryReport Notifier::Deliver(std::optional<int64_t> company_id) {
  DeliveryReport rep;
  Millis now = clock_.Now();
  std::string sql(kDue);
  db::Params params{now};
  if (company_id) sql += " AND company_id = ?", params.emplace_back(*company_id);
  params.emplace_back(kDeliverBatch);
  db::Rows due = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return tx.Query(sql + " ORDER BY id LIMIT ?", params);
  });
  std::map<int64_t, DeliveryReport> per_company;
  for (const db::Row& r : due) {
    int64_t id = r.Int(0), attempts = r.Int(11);
    bool claimed = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      return tx.Exec("UPDATE notify_outbox SET attempts = attempts + 1, next_attempt_at = ? "
                     "WHERE id = ? AND status = 'queued' AND attempts = ?",
                     {now + Backoff(attempts), id, attempts}) == 1;
    });
    if (!claimed) continue;  // another instance is sending this attempt
    SendResult res;
    try {
      res = DeliverOne(r);
    } catch (const std::exception& e) {
      res = {false, "", "internal error"};
    }
    bool give_up = !res.ok && attempts + 1 >= kMaxAttempts;
    DeliveryReport& c = per_company[r.Int(1)];
    (res.ok ? c.sent : give_up ? c.failed : c.retrying)++;
    db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      tx.Exec("UPDATE notify_outbox SET status = ?, transport = ?, last_error = ?, sent_at = ? "
              "WHERE id = ?",
              {std::string(res.ok ? "sent" : give_up ? "failed" : "queued"),
               res.transport.empty() ? db::kNull : db::Value(res.transport),
               res.ok ? db::kNull : db::Value(res.error),
               res.ok ? db::Value(clock_.Now()) : db::kNull, id});
    });
  }
  // One audit row per company and batch: what was delivered.
  for (auto& [company, c] : per_company) {
    db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      audit::Append(tx, {company, std::nullopt, "job:notify", "", ""},
                    {"notify.outbox.deliver", "company", company, std::nullopt, nullptr,
                     json::object{{"sent", c.sent}, {"retrying", c.retrying},
                                  {"failed", c.failed}}},
                    clock_.Now());
    });
    rep.sent += c.sent;
    rep.retrying += c.retrying;
    rep.failed += c.failed;
  }
  return rep;
}

Result<OutboxPage> Notifier::ListOutbox(const TenantContext& ctx, const OutboxFilter& filter,
                                        const Page& page) {
  const std::optional<int64_t>& project_id = filter.project_id;
  const std::string& status = filter.status;
  const std::string& channel = filter.channel;
  ANJU_TRY(identity::Require(ctx, identity::perm::kOutboxRead));
  if (!status.empty() && status != "queued" && status != "sent" && status != "failed")
    return Error(errors::kBadQuery).WithField("status", "invalid", "queued, sent or failed");
  if (!channel.empty() && channel != "sms" && channel != "in_app")
    return Error(errors::kBadQuery).WithField("channel", "invalid", "sms or in_app");
  std::string where = " FROM notify_outbox WHERE company_id = ?";
  db::Params params{ctx.company_id};
  identity::AppendProjectScope(ctx, identity::perm::kOutboxRead, "project_id", where, params);
  if (project_id) where += " AND project_id = ?", params.emplace_back(*project_id);
  if (!status.empty()) where += " AND status = ?", params.emplace_back(status);
  if (!channel.empty()) where += " AND channel = ?", params.emplace_back(channel);
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<OutboxPage> {
    OutboxPage out{{}, tx.QueryOne("SELECT COUNT(*)" + where, params)->Int(0), page,
                   sms_configured()};
    db::Params p = params;
    p.emplace_back(page.size);
    p.emplace_back(page.offset());
    for (const db::Row& r : tx.Query(
             "SELECT id, project_id, channel, recipient, template, text, status, transport, "
             "attempts, last_error, ref_type, ref_id, created_at, sent_at" + where +
                 " ORDER BY id DESC LIMIT ? OFFSET ?",
             p))
      out.items.push_back(OutboxEntryOf(r));
    return out;
  });
}

Result<MessagePage> Notifier::ListMessages(const TenantContext& ctx, const Page& page) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<MessagePage> {
    auto counts = tx.QueryOne(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0) "
        "FROM messages WHERE company_id = ? AND user_id = ?",
        {ctx.company_id, ctx.user_id});
    MessagePage out{{}, counts->Int(0), counts->Int(1), page};
    for (const db::Row& r : tx.Query(
             "SELECT id, title, text, ref_type, ref_id, read_at, created_at FROM messages "
             "WHERE company_id = ? AND user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
             {ctx.company_id, ctx.user_id, page.size, page.offset()}))
      out.items.push_back(MessageOf(r));
    return out;
  });
}

Result<InAppMessage> Notifier::MarkRead(const TenantContext& ctx, int64_t id) {
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<InAppMessage> {
    constexpr std::string_view kOne =
        "SELECT id, title, text, ref_type, ref_id, read_at, created_at FROM messages "
        "WHERE id = ? AND company_id = ? AND user_id = ?";
    auto r = tx.QueryOne(kOne, {id, ctx.company_id, ctx.user_id});
    if (!r) return Error(kMessageNotFound);
    if (r->IsNull(5)) {
      Millis now = clock_.Now();
      tx.Exec("UPDATE messages SET read_at = ? WHERE id = ?", {now, id});
      audit::Append(tx, audit::Actor::Of(ctx),
                    {"notify.message.read", "message", id, std::nullopt,
                     json::object{{"read", false}}, json::object{{"read", true}}},
                    now);
      r = tx.QueryOne(kOne, {id, ctx.company_id, ctx.user_id});
    }
    return MessageOf(*r);
  });
}

}  // namespace anju::notify
