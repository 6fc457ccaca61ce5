#include "modules/billing/idempotency.h"

#include "core/crypto.h"
#include "modules/billing/billing_errors.h"

namespace anju::billing {

Result<std::optional<StoredAnswer>> Idempotency::Begin(int64_t company_id, const std::string& key,
                                                       const std::string& route,
                                                       const std::string& body) {
  if (key.empty() || key.size() > kMaxIdempotencyKey)
    return Error(kIdempotencyKeyMissing);
  for (unsigned char c : key)
    if (c < 0x21 || c > 0x7e) return Error(kIdempotencyKeyMissing, "Idempotency-Key must be printable ASCII");
  std::string hash = crypto::Sha256Hex(route + "\n" + body);
  Millis now = clock_.Now();
  return db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<std::optional<StoredAnswer>> {
    auto r = tx.QueryOne("SELECT request_hash, status, response, created_at FROM "
                         "idempotency_keys WHERE company_id = ? AND idem_key = ?",
                         {company_id, key});
    if (!r) {
      tx.Exec("INSERT INTO idempotency_keys (company_id, idem_key, route, request_hash, status, "
              "response, created_at) VALUES (?, ?, ?, ?, 0, '', ?)",
              {company_id, key, route, hash, now});
      return std::optional<StoredAnswer>();
    }
    if (r->Str(0) != hash) return Error(kIdempotencyReused);
    if (r->Int(1) != 0) return std::optional<StoredAnswer>(StoredAnswer{int(r->Int(1)), r->Str(2)});
    if (now - r->Int(3) < kInFlightTimeout) return Error(kIdempotencyInFlight);
    // A stale in-flight key: its request died before moving money; take it over.
    tx.Exec("UPDATE idempotency_keys SET created_at = ? WHERE company_id = ? AND idem_key = ?",
            {now, company_id, key});
    return std::optional<StoredAnswer>();
  });
}

void Idempotency::Complete(db::Tx& tx, int64_t company_id, const std::string& key, int status,
                           const std::string& body) {
  int64_t n = tx.Exec("UPDATE idempotency_keys SET status = ?, response = ? "
                      "WHERE company_id = ? AND idem_key = ? AND status = 0",
                      {int64_t(status), body, company_id, key});
  if (n != 1) throw db::DbError(db::DbError::Kind::kSerialization, "idempotency key taken over");
}

void Idempotency::Complete(int64_t company_id, const std::string& key, int status,
                           const std::string& body) {
  db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) { Complete(tx, company_id, key, status, body); });
}

void Idempotency::Fail(int64_t company_id, const std::string& key, int status,
                       const std::string& body) {
  db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    tx.Exec("UPDATE idempotency_keys SET status = ?, response = ? "
            "WHERE company_id = ? AND idem_key = ? AND status = 0",
            {int64_t(status), body, company_id, key});
  });
}

void Idempotency::Release(int64_t company_id, const std::string& key) {
  db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    tx.Exec("DELETE FROM idempotency_keys WHERE company_id = ? AND idem_key = ? AND status = 0",
            {company_id, key});
  });
}

}  // namespace anju::billing
