#include "platform/identity/identity_service.h"

#include <sstream>

#include "platform/audit/audit_log.h"
#include "platform/identity/identity_errors.h"
#include "platform/identity/password_policy.h"

namespace anju::identity {

namespace json = boost::json;

namespace {

bool IsUnsafe(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Constant-time comparison for the CSRF token.
bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char d = 0;
  for (size_t i = 0; i < a.size(); ++i) d |= a[i] ^ b[i];
  return d == 0;
}

// A hash of a random password, verified when the login is unknown so that a wrong login
// costs the same time as a wrong password.
const std::string& DummyHash() {
  static const std::string h = crypto::HashPassword(crypto::RandomToken(16));
  return h;
}

}  // namespace

bool IsValidLogin(std::string_view login) {
  if (login.size() < 3 || login.size() > 32) return false;
  if (!std::isalnum(static_cast<unsigned char>(login[0]))) return false;
  for (char c : login) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string SessionCookie(const std::string& token, Millis max_age, bool secure) {
  std::string c = std::string(kSessionCookie) + "=" + token +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                  std::to_string(token.empty() ? 0 : max_age / 1000);
  if (secure) c += "; Secure";
  return c;
}

Result<LoginResult> IdentityService::Login(std::string_view login, std::string_view password,
                                           const std::string& ip,
                                           const std::string& request_id) {
  Millis now = clock_.Now();
  struct Account {
    int64_t id, company_id;
    std::string hash, status;
    int64_t locked_until;
  };
  std::optional<Account> acc = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    std::optional<Account> a;
    if (auto r = tx.QueryOne("SELECT id, company_id, password_hash, status, locked_until "
                             "FROM users WHERE login = ?",
                             {std::string(login)}))
      a = Account{r->Int(0), r->Int(1), r->Str(2), r->Str(3), r->Int(4)};
    return a;
  });
  if (!acc) {
    crypto::VerifyPassword(DummyHash(), password);
    return Error(kInvalidCredentials);
  }
  if (acc->locked_until > now) return Error(kAccountLocked);
  bool good = crypto::VerifyPassword(acc->hash, password);
  audit::Actor actor{acc->company_id, acc->id, std::string(login), request_id, ip};
  if (!good) {
    bool locked = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      auto r = tx.QueryOne(
          "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ? "
          "RETURNING failed_logins",
          {acc->id});
      bool lock = r && r->Int(0) >= cfg_.lockout_threshold;
      if (lock)
        tx.Exec("UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?",
                {now + cfg_.lockout_duration, acc->id});
      audit::Append(tx, actor,
                    {lock ? "identity.account.locked" : "identity.login.failed", "user", acc->id,
                     std::nullopt, nullptr, json::object{{"ip", ip}}},
                    now);
      return lock;
    });
    return Error(locked ? kAccountLocked : kInvalidCredentials);
  }
  if (acc->status != "active") return Error(kAccountDisabled);

  LoginResult out;
  out.token = crypto::RandomToken();
  out.csrf_token = crypto::RandomToken(24);
  out.expires_at = now + cfg_.session_max;
  auto ctx = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<TenantContext> {
    tx.Exec("UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = ?", {acc->id});
    int64_t sid = tx.InsertId(
        "INSERT INTO sessions (company_id, user_id, token_hash, csrf_token, created_at, "
        "last_seen_at, expires_at, ip) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {acc->company_id, acc->id, crypto::Sha256Hex(out.token), out.csrf_token, now, now,
         out.expires_at, ip});
    audit::Append(tx, actor,
                  {"identity.login", "session", sid, std::nullopt, nullptr,
                   json::object{{"ip", ip}}},
                  now);
    auto c = LoadContext(tx, acc->id);
    if (c.ok()) c->session_id = sid;
    return c;
  });
  if (!ctx.ok()) return ctx.take_error();
  out.ctx = std::move(ctx.value());
  return out;
}

Status IdentityService::Logout(const TenantContext& ctx) {
  db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    tx.Exec("UPDATE sessions SET revoked = 1 WHERE id = ?", {ctx.session_id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"identity.logout", "session", ctx.session_id, std::nullopt, nullptr, nullptr},
                  clock_.Now());
  });
  ForgetSessions(ctx.user_id, ctx.session_id);
  return Status::Ok();
}

Status IdentityService::ChangePassword(const TenantContext& ctx, std::string_view current,
                                       std::string_view next) {
  std::string hash = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    return tx.QueryOne("SELECT password_hash FROM users WHERE id = ?", {ctx.user_id})->Str(0);
  });
  if (!crypto::VerifyPassword(hash, current)) {
    Error e(kWrongPassword);
    e.WithField("current_password", "wrong", "The current password is wrong");
    return e;
  }
  if (Status policy = CheckPasswordPolicy(next, ctx.login); !policy.ok()) {
    Error e = policy.take_error();
    for (FieldError& f : e.fields) f.field = "new_password";  // the body's name for it
    return e;
  }
  std::string new_hash = crypto::HashPassword(next, cfg_.password_cost);
  db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
    Millis now = clock_.Now();
    tx.Exec("UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? "
            "WHERE id = ?",
            {new_hash, now, now, ctx.user_id});
    // Other sessions end; the caller's own stays.
    tx.Exec("UPDATE sessions SET revoked = 1 WHERE user_id = ? AND id <> ?",
            {ctx.user_id, ctx.session_id});
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"identity.password.change", "user", ctx.user_id, std::nullopt, nullptr,
                   nullptr},
                  now);
  });
  ForgetSessions(ctx.user_id, std::nullopt);  // the caller's own one reloads from the database
  return Status::Ok();
}

Result<TenantContext> IdentityService::AuthenticateToken(std::string_view token) {
  return AuthenticateSession(token, std::nullopt);
}

Result<TenantContext> IdentityService::AuthenticateCookie(std::string_view token,
                                                          std::string_view csrf_header,
                                                          std::string_view method) {
  return AuthenticateSession(token, IsUnsafe(method) ? std::optional(csrf_header) : std::nullopt);
}

Result<TenantContext> IdentityService::AuthenticateSession(std::string_view token,
                                                           std::optional<std::string_view> csrf) {
  if (token.empty() || token.size() > 100) return Error(errors::kUnauthenticated);
  Millis now = clock_.Now();
  std::string hash = crypto::Sha256Hex(token);
  std::optional<Session> s = FindSession(hash, now);
  if (!s || s->revoked) return Error(errors::kUnauthenticated);
  if (s->account_disabled) return Error(kAccountDisabled);
  if (now >= s->expires_at || now - s->last_seen >= cfg_.session_idle)
    return Error(kSessionExpired);
  if (csrf && !SameSecret(*csrf, s->csrf)) return Error(errors::kCsrf);
  if (now - s->last_seen >= kLastSeenResolution) {
    db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) {
      tx.Exec("UPDATE sessions SET last_seen_at = ? WHERE id = ?", {now, s->id});
    });
    std::lock_guard lock(mu_);
    if (auto it = sessions_.find(hash); it != sessions_.end()) it->second.last_seen = now;
  }
  auto ctx = CachedContext(s->user_id);
  if (ctx.ok()) ctx->session_id = s->id;
  return ctx;
}

std::optional<IdentityService::Session> IdentityService::FindSession(const std::string& hash,
                                                                      Millis now) {
  {
    std::lock_guard lock(mu_);
    auto it = sessions_.find(hash);
    if (it != sessions_.end() && now >= it->second.loaded_at &&
        now - it->second.loaded_at < kSessionCacheTtl)
      return it->second;
  }
  auto s = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    std::optional<Session> out;
    if (auto r = tx.QueryOne(
            "SELECT s.id, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, s.revoked, "
            "u.status FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
            {hash}))
      out = Session{r->Int(0), r->Int(1), r->Str(2), r->Int(3), r->Int(4),
                    r->Int(5) != 0, r->Str(6) != "active", now};
    return out;
  });
  if (s) {
    std::lock_guard lock(mu_);
    if (sessions_.size() >= kMaxCachedSessions) sessions_.clear();
    sessions_[hash] = *s;
  }
  return s;
}

void IdentityService::ForgetSessions(int64_t user_id, std::optional<int64_t> session_id) {
  std::lock_guard lock(mu_);
  std::erase_if(sessions_, [&](const auto& kv) {
    return kv.second.user_id == user_id && (!session_id || kv.second.id == *session_id);
  });
}

Result<TenantContext> IdentityService::CachedContext(int64_t user_id) {
  Millis now = clock_.Now();
  {
    std::lock_guard lock(mu_);
    auto it = cache_.find(user_id);
    if (it != cache_.end() && now - it->second.loaded_at < kContextCacheTtl &&
        now >= it->second.loaded_at)
      return it->second.ctx;
  }
  auto ctx = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) { return LoadContext(tx, user_id); });
  if (ctx.ok()) {
    std::lock_guard lock(mu_);
    cache_[user_id] = {ctx.value(), now};
  }
  return ctx;
}

void IdentityService::InvalidateAccount(int64_t user_id) {
  ForgetSessions(user_id, std::nullopt);
  std::lock_guard lock(mu_);
  cache_.erase(user_id);
}

void IdentityService::InvalidateAll() {
  std::lock_guard lock(mu_);
  cache_.clear();
  sessions_.clear();
}

Result<TenantContext> IdentityService::LoadContext(db::Tx& tx, int64_t user_id) {
  auto u = tx.QueryOne("SELECT company_id, kind, login, name FROM users WHERE id = ?", {user_id});
  if (!u) return Error(errors::kUnauthenticated);
  TenantContext ctx;
  ctx.user_id = user_id;
  ctx.company_id = u->Int(0);
  ctx.kind = u->Str(1) == "resident" ? AccountKind::kResident : AccountKind::kStaff;
  ctx.login = u->Str(2);
  ctx.name = u->Str(3);
  if (ctx.kind == AccountKind::kStaff) {
    for (auto& r : tx.Query("SELECT r.permissions, g.project_id FROM role_grants g "
                            "JOIN roles r ON r.id = g.role_id "
                            "WHERE g.user_id = ? AND r.company_id = ?",
                            {user_id, ctx.company_id})) {
      std::istringstream codes(r.Str(0));
      std::string code;
      while (codes >> code) ctx.access.Grant(code, r.OptInt(1));
    }
  } else if (residents_) {
    ResidentLinks links = residents_->LinksOf(tx, ctx.company_id, user_id, CivilDate(clock_.Now()));
    ctx.house_ids = std::move(links.house_ids);
    ctx.resident_ids = std::move(links.resident_ids);
  }
  return ctx;
}

Result<int64_t> IdentityService::CreateAccount(db::Tx& tx, const NewAccount& a,
                                               const std::string& actor_login,
                                               std::optional<int64_t> actor_id) {
  Error e(errors::kValidation);
  if (!IsValidLogin(a.login))
    e.WithField("login", "invalid", "3–32 of a-z 0-9 . _ -, starting with a letter or digit");
  if (a.name.empty()) e.WithField("name", "required", "This field is required");
  if (!e.fields.empty()) return e;
  ANJU_TRY(CheckPasswordPolicy(a.password, a.login));
  if (tx.QueryOne("SELECT 1 FROM users WHERE login = ?", {a.login})) {
    Error t(kLoginTaken);
    t.WithField("login", "taken", "This login is already used");
    return t;
  }
  Millis now = clock_.Now();
  int64_t id = tx.InsertId(
      "INSERT INTO users (company_id, kind, login, name, password_hash, department_id, trade, "
      "password_changed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {a.company_id, std::string(a.kind == AccountKind::kStaff ? "staff" : "resident"), a.login,
       a.name, crypto::HashPassword(a.password, cfg_.password_cost),
       a.department_id ? db::Value(*a.department_id) : db::kNull, a.trade, now, now, now});
  audit::Append(tx, {a.company_id, actor_id, actor_login, "", ""},
                {"identity.account.create", "user", id, std::nullopt, nullptr,
                 json::object{{"login", a.login},
                              {"name", a.name},
                              {"kind", a.kind == AccountKind::kStaff ? "staff" : "resident"}}},
                now);
  return id;
}

Status IdentityService::ResetPassword(db::Tx& tx, int64_t user_id, std::string_view password,
                                      const std::string& actor_login) {
  auto u = tx.QueryOne("SELECT company_id, login FROM users WHERE id = ?", {user_id});
  if (!u) return Error(errors::kNotFound);
  ANJU_TRY(CheckPasswordPolicy(password, u->Str(1)));
  Millis now = clock_.Now();
  tx.Exec("UPDATE users SET password_hash = ?, password_changed_at = ?, failed_logins = 0, "
          "locked_until = 0, updated_at = ? WHERE id = ?",
          {crypto::HashPassword(password, cfg_.password_cost), now, now, user_id});
  tx.Exec("UPDATE sessions SET revoked = 1 WHERE user_id = ?", {user_id});
  audit::Append(tx, {u->Int(0), std::nullopt, actor_login, "", ""},
                {"identity.password.reset", "user", user_id, std::nullopt, nullptr, nullptr},
                now);
  InvalidateAccount(user_id);
  return Status::Ok();
}

Status IdentityService::SetLocked(db::Tx& tx, int64_t user_id, bool locked,
                                  const std::string& actor_login) {
  auto u = tx.QueryOne("SELECT company_id, status FROM users WHERE id = ?", {user_id});
  if (!u) return Error(errors::kNotFound);
  Millis now = clock_.Now();
  std::string status = locked ? "disabled" : "active";
  tx.Exec("UPDATE users SET status = ?, failed_logins = 0, locked_until = 0, updated_at = ? "
          "WHERE id = ?",
          {status, now, user_id});
  if (locked) tx.Exec("UPDATE sessions SET revoked = 1 WHERE user_id = ?", {user_id});
  audit::Append(tx, {u->Int(0), std::nullopt, actor_login, "", ""},
                {locked ? "identity.account.disable" : "identity.account.enable", "user",
                 user_id, std::nullopt, json::object{{"status", u->Str(1)}},
                 json::object{{"status", status}}},
                now);
  InvalidateAccount(user_id);
  return Status::Ok();
}

std::string IdentityService::CsrfOf(const TenantContext& ctx) {
  return db_.Run(db::TxMode::kRead, [&](db::Tx& tx) {
    auto r = tx.QueryOne("SELECT csrf_token FROM sessions WHERE id = ?", {ctx.session_id});
    return r ? r->Str(0) : std::string();
  });
}

}  // namespace anju::identity
