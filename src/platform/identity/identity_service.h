// Accounts, passwords, sessions and the tenant context of every request.
//
// Sessions are random opaque tokens (32 bytes); only their SHA-256 is stored. A token is
// sent either as the `anju_session` cookie (HttpOnly; SameSite=Strict) — then every unsafe
// request must carry the session's CSRF token in `X-CSRF-Token` — or as
// `Authorization: Bearer …` (apps, scripts; no CSRF check). A session ends after
// `session_idle` without use or `session_max` after login, at logout, or when the password
// changes. After `lockout_threshold` wrong passwords in a row an account is locked for
// `lockout_duration`.
//
// Thread-safe. Two short caches keep the database off the hot path of every request: a
// session looked up by its token for at most kSessionCacheTtl, and the permission part of
// a context per account for at most kContextCacheTtl. This process drops its entries at
// once on logout, password change, lock and grant changes; other instances sharing a
// PostgreSQL database see such a change within those few seconds.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "platform/identity/resident_directory.h"

namespace anju::identity {

struct IdentityConfig {
  Millis session_idle = 2 * kHour;
  Millis session_max = 7 * kDay;
  int lockout_threshold = 5;
  Millis lockout_duration = 30 * kMinute;
  bool cookie_secure = false;  // add `Secure` to the cookie (set when served over TLS)
  crypto::PwCost password_cost = crypto::PwCost::kInteractive;
};

inline constexpr Millis kContextCacheTtl = 5 * kSecond;
inline constexpr Millis kSessionCacheTtl = 2 * kSecond;
inline constexpr size_t kMaxCachedSessions = 100000;  // beyond it the cache starts over
inline constexpr Millis kLastSeenResolution = 60 * kSecond;
inline constexpr std::string_view kSessionCookie = "anju_session";

struct LoginResult {
  std::string token;
  std::string csrf_token;
  Millis expires_at = 0;
  TenantContext ctx;
};

struct NewAccount {
  int64_t company_id = 0;
  AccountKind kind = AccountKind::kStaff;
  std::string login;
  std::string name;
  std::string password;
  std::optional<int64_t> department_id;
  std::string trade;
};

class IdentityService {
 public:
  IdentityService(db::Database& db, const Clock& clock, IdentityConfig cfg)
      : db_(db), clock_(clock), cfg_(cfg) {}

  const IdentityConfig& config() const { return cfg_; }

  // Where resident accounts' houses come from (property implements it; the app wires it
  // before serving). Not owned; must outlive the service. Unset: residents reach no houses.
  void SetResidentDirectory(const ResidentDirectory* residents) { residents_ = residents; }

  Result<LoginResult> Login(std::string_view login, std::string_view password,
                            const std::string& ip, const std::string& request_id);
  Status Logout(const TenantContext& ctx);
  Status ChangePassword(const TenantContext& ctx, std::string_view current,
                        std::string_view next);

  // The tenant context of a session token. A token sent as `Authorization: Bearer …`
  // (apps, scripts) needs nothing more. One sent as the session cookie comes with the
  // request's method and its `X-CSRF-Token` header ("" when absent): an unsafe method
  // (anything but GET, HEAD, OPTIONS) must carry the session's CSRF token (403 CSRF).
  // Errors: UNAUTHENTICATED (no such session, ended, or a token of no plausible length),
  // ACCOUNT_DISABLED, SESSION_EXPIRED. The HTTP side reads the credentials from a request
  // (identity_routes.h RequestAuthenticator).
  Result<TenantContext> AuthenticateToken(std::string_view token);
  Result<TenantContext> AuthenticateCookie(std::string_view token, std::string_view csrf_header,
                                           std::string_view method);

  // Creates an account inside tx (checks login format and the password policy; audits).
  // `actor` is who creates it (for the audit row).
  Result<int64_t> CreateAccount(db::Tx& tx, const NewAccount& a, const std::string& actor_login,
                                std::optional<int64_t> actor_id);
  // Sets a password without knowing the old one (admin reset, `anju user passwd`).
  Status ResetPassword(db::Tx& tx, int64_t user_id, std::string_view password,
                       const std::string& actor_login);
  // Locks (or unlocks) an account until `until` (0 unlocks) and ends its sessions.
  Status SetLocked(db::Tx& tx, int64_t user_id, bool locked, const std::string& actor_login);

  void InvalidateAccount(int64_t user_id);
  void InvalidateAll();

  // The CSRF token of the caller's session ("" for bearer-only use is still returned).
  std::string CsrfOf(const TenantContext& ctx);

 private:
  struct Session {
    int64_t id = 0, user_id = 0;
    std::string csrf;
    Millis last_seen = 0, expires_at = 0;
    bool revoked = false;
    bool account_disabled = false;
    Millis loaded_at = 0;
  };
  // A session's context; `csrf` (cookie sessions on unsafe methods) must equal its token.
  Result<TenantContext> AuthenticateSession(std::string_view token,
                                            std::optional<std::string_view> csrf);
  Result<TenantContext> LoadContext(db::Tx& tx, int64_t user_id);
  Result<TenantContext> CachedContext(int64_t user_id);
  std::optional<Session> FindSession(const std::string& token_hash, Millis now);
  void ForgetSessions(int64_t user_id, std::optional<int64_t> session_id);

  db::Database& db_;
  const Clock& clock_;
  IdentityConfig cfg_;
  const ResidentDirectory* residents_ = nullptr;
  std::mutex mu_;
  struct CacheEntry {
    TenantContext ctx;
    Millis loaded_at;
  };
  std::unordered_map<int64_t, CacheEntry> cache_;           // guarded by mu_
  std::unordered_map<std::string, Session> sessions_;       // by token hash; guarded by mu_
};

// "admin", "zhang.san", "owner2": 3–32 of [a-z0-9._-], starting with a letter or digit.
bool IsValidLogin(std::string_view login);
// The Set-Cookie value for a session (or for clearing it when token is empty).
std::string SessionCookie(const std::string& token, Millis max_age, bool secure);

}  // namespace anju::identity
