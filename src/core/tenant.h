// The tenant context every request runs in: who is calling, for which company (the
// tenant), and which projects each of their permission codes reaches. Repositories take
// it and never return rows outside it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace anju {

enum class AccountKind { kStaff, kResident };

// Where a permission code applies: every project of the company, or the listed ones.
struct Scope {
  bool all_projects = false;
  std::set<int64_t> projects;
  bool Covers(int64_t project_id) const { return all_projects || projects.count(project_id); }
};

// Permission codes and their scopes. Copying is cheap (the table is shared, copy-on-write),
// because every request gets a copy of its caller's cached context.
class Access {
 public:
  // Grants `code` company-wide (project_id = nullopt) or in one project.
  void Grant(const std::string& code, std::optional<int64_t> project_id) {
    if (!scopes_ || scopes_.use_count() > 1)
      scopes_ = std::make_shared<Table>(scopes_ ? *scopes_ : Table{});
    Scope& s = (*scopes_)[code];
    if (project_id) s.projects.insert(*project_id); else s.all_projects = true;
  }
  bool Has(const std::string& code) const { return ScopeOf(code) != nullptr; }
  bool HasIn(const std::string& code, int64_t project_id) const {
    const Scope* s = ScopeOf(code);
    return s && s->Covers(project_id);
  }
  // nullptr when the code is not held at all.
  const Scope* ScopeOf(const std::string& code) const {
    if (!scopes_) return nullptr;
    auto it = scopes_->find(code);
    return it == scopes_->end() ? nullptr : &it->second;
  }
  std::vector<std::string> Codes() const {
    std::vector<std::string> out;
    if (scopes_)
      for (auto& [c, s] : *scopes_) out.push_back(c);
    return out;
  }

 private:
  using Table = std::map<std::string, Scope, std::less<>>;
  std::shared_ptr<Table> scopes_;
};

struct TenantContext {
  int64_t company_id = 0;
  int64_t user_id = 0;
  int64_t session_id = 0;
  AccountKind kind = AccountKind::kStaff;
  std::string login;
  std::string name;
  Access access;
  // For residents: the houses they are linked to now (owner, family or tenant).
  std::vector<int64_t> house_ids;
  std::vector<int64_t> resident_ids;  // the resident records of this account
  std::string request_id;
  std::string ip;

  bool IsResident() const { return kind == AccountKind::kResident; }
  bool OwnsHouse(int64_t house_id) const {
    return std::find(house_ids.begin(), house_ids.end(), house_id) != house_ids.end();
  }
};

}  // namespace anju
