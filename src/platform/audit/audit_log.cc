#include "platform/audit/audit_log.h"

#include "core/crypto.h"

namespace anju::audit {

namespace json = boost::json;

namespace {

constexpr std::string_view kGenesis = "genesis";

// The fields a row's hash covers, in a fixed order. Before/after are stored as the exact
// serialised text, so the hash is over the stored bytes.
std::string Canonical(int64_t company_id, int64_t seq, int64_t at,
                      const std::optional<int64_t>& actor_id, std::string_view actor_login,
                      std::string_view action, std::string_view entity,
                      const std::optional<int64_t>& entity_id,
                      const std::optional<int64_t>& project_id, std::string_view before,
                      std::string_view after, std::string_view request_id, std::string_view ip) {
  json::array a;
  a.emplace_back(company_id);
  a.emplace_back(seq);
  a.emplace_back(at);
  if (actor_id) a.emplace_back(*actor_id); else a.emplace_back(nullptr);
  a.emplace_back(actor_login);
  a.emplace_back(action);
  a.emplace_back(entity);
  if (entity_id) a.emplace_back(*entity_id); else a.emplace_back(nullptr);
  if (project_id) a.emplace_back(*project_id); else a.emplace_back(nullptr);
  a.emplace_back(before);
  a.emplace_back(after);
  a.emplace_back(request_id);
  a.emplace_back(ip);
  return json::serialize(a);
}

std::string ChainHash(std::string_view prev, const std::string& canonical) {
  std::string data(prev);
  data += '\n';
  data += canonical;
  return crypto::Sha256Hex(data);
}

db::Value Opt(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::kNull; }

}  // namespace

void Append(db::Tx& tx, const Actor& actor, const Entry& e, Millis now) {
  // Lock the head first (creates it on the company's first entry).
  tx.Exec("INSERT INTO audit_heads (company_id, seq, hash) VALUES (?, 0, ?) "
          "ON CONFLICT (company_id) DO NOTHING",
          {actor.company_id, std::string(kGenesis)});
  tx.Exec("UPDATE audit_heads SET seq = seq WHERE company_id = ?", {actor.company_id});
  auto head = tx.QueryOne("SELECT seq, hash FROM audit_heads WHERE company_id = ?",
                          {actor.company_id});
  int64_t seq = head->Int(0) + 1;
  std::string prev = head->Str(1);
  std::string before = json::serialize(e.before);
  std::string after = json::serialize(e.after);
  std::string hash = ChainHash(
      prev, Canonical(actor.company_id, seq, now, actor.user_id, actor.login, e.action, e.entity,
                      e.entity_id, e.project_id, before, after, actor.request_id, actor.ip));
  tx.Exec(
      "INSERT INTO audit_log (company_id, seq, at, actor_id, actor_login, action, entity, "
      "entity_id, project_id, before_json, after_json, request_id, ip, prev_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {actor.company_id, seq, now, Opt(actor.user_id), actor.login, e.action, e.entity,
       Opt(e.entity_id), Opt(e.project_id), before, after, actor.request_id, actor.ip, prev,
       hash});
  tx.Exec("UPDATE audit_heads SET seq = ?, hash = ? WHERE company_id = ?",
          {seq, hash, actor.company_id});
}

VerifyReport Verify(db::Database& db, std::optional<int64_t> company_id) {
  VerifyReport rep;
  auto tx = db.Begin(db::TxMode::kRead);
  std::vector<int64_t> companies;
  if (company_id) {
    companies.push_back(*company_id);
  } else {
    for (auto& r : tx->Query("SELECT company_id FROM audit_heads UNION "
                             "SELECT DISTINCT company_id FROM audit_log ORDER BY 1"))
      companies.push_back(r.Int(0));
  }
  auto fail = [&](int64_t cid, std::optional<int64_t> row, int64_t seq, std::string problem,
                  std::string detail) {
    rep.ok = false;
    rep.company_id = cid;
    rep.row_id = row;
    rep.seq = seq;
    rep.problem = std::move(problem);
    rep.detail = std::move(detail);
  };
  constexpr int64_t kBatch = 5000;
  for (int64_t cid : companies) {
    ++rep.companies;
    int64_t expect_seq = 1, last_id = 0;
    std::string prev(kGenesis);
    for (;;) {
      auto rows = tx->Query(
          "SELECT id, seq, at, actor_id, actor_login, action, entity, entity_id, project_id, "
          "before_json, after_json, request_id, ip, prev_hash, hash FROM audit_log "
          "WHERE company_id = ? AND id > ? ORDER BY id LIMIT ?",
          {cid, last_id, kBatch});
      for (auto& r : rows) {
        int64_t id = r.Int(0), seq = r.Int(1);
        ++rep.rows_checked;
        if (seq > expect_seq) {
          fail(cid, id, seq, "removed",
               "rows with seq " + std::to_string(expect_seq) + ".." + std::to_string(seq - 1) +
                   " before row " + std::to_string(id) + " are missing");
          return rep;
        }
        if (seq < expect_seq || r.Str(13) != prev) {
          fail(cid, id, seq, "reordered",
               "row " + std::to_string(id) + " does not follow the row before it");
          return rep;
        }
        std::string canon =
            Canonical(cid, seq, r.Int(2), r.OptInt(3), r.Str(4), r.Str(5), r.Str(6),
                      r.OptInt(7), r.OptInt(8), r.Str(9), r.Str(10), r.Str(11), r.Str(12));
        std::string hash = ChainHash(prev, canon);
        if (hash != r.Str(14)) {
          fail(cid, id, seq, "changed", "row " + std::to_string(id) + " was changed");
          return rep;
        }
        prev = hash;
        expect_seq = seq + 1;
        last_id = id;
      }
      if (static_cast<int64_t>(rows.size()) < kBatch) break;
    }
    auto head = tx->QueryOne("SELECT seq, hash FROM audit_heads WHERE company_id = ?", {cid});
    int64_t head_seq = head ? head->Int(0) : 0;
    std::string head_hash = head ? head->Str(1) : std::string(kGenesis);
    if (head_seq != expect_seq - 1 || head_hash != prev) {
      fail(cid, std::nullopt, expect_seq - 1, "tail_removed",
           "the chain head is at seq " + std::to_string(head_seq) + " but the last row is seq " +
               std::to_string(expect_seq - 1));
      return rep;
    }
  }
  return rep;
}

json::object ToJson(const VerifyReport& r) {
  json::object o;
  o["ok"] = r.ok;
  o["rows_checked"] = r.rows_checked;
  o["companies"] = r.companies;
  if (!r.ok) {
    o["company_id"] = r.company_id;
    if (r.row_id) o["row_id"] = *r.row_id; else o["row_id"] = nullptr;
    o["seq"] = r.seq;
    o["problem"] = r.problem;
    o["detail"] = r.detail;
  }
  return o;
}

}  // namespace anju::audit
