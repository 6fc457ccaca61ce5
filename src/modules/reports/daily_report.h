// Daily figures (日报) per project: what was billed, received and still owed on one day.
//
//   billed      应收   Σ amount of the bills posted that day (created_at in the day), not
//                      opening arrears carried over from another system (opening.h)
//   late_fees   滞纳金 Σ late fees accrued (posted) that day
//   received    实收   Σ payments taken that day, all channels; `channels` splits it by
//                      channel (cash, pos, transfer, cheque, wechat, alipay; zeros included)
//   to_prepayment      of `received`, what went to prepaid balances rather than to bills
//   arrears     欠收   at the end of the day, as the books stood then: principal and late
//                      fees posted by then minus what payments taken by then settled (due or
//                      not, like the collection report's 欠收)
//
// So, per project, arrears(day) = arrears(day − 1) + billed + late_fees − (received −
// to_prepayment) + opening arrears posted − reversed that day while prepaid balances are
// not yet applied to bills. The day is the civil
// day in China time (UTC+8), as in the collection report. All amounts are integer 分.
// Scope: billing:bill:read; rows only for the projects where the caller holds it; a
// project_id outside that scope gives no rows. Projects with nothing to show are left out.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "modules/billing/report_queries.h"

namespace anju::reports {

inline constexpr std::array<std::string_view, 6> kPaymentChannels = {
    "cash", "pos", "transfer", "cheque", "wechat", "alipay"};

struct DailyQuery {
  std::string date;  // "YYYY-MM-DD"
  std::optional<int64_t> project_id;
};

// One project's figures of the day (billing::DayBooks: billed, late_fees, received,
// to_prepayment, arrears, received by channel).
struct ProjectDay {
  int64_t project_id = 0;
  billing::DayBooks figures;
};

// The day's figures summed over the projects, and per project in project id order.
struct DailyFigures {
  std::string date;  // "YYYY-MM-DD"
  billing::DayBooks total;
  std::vector<ProjectDay> items;
};

// Errors: 403 without billing:bill:read; BAD_QUERY_PARAMETER (field "date"). The JSON is
// report_json.h DailyJson.
Result<DailyFigures> DailyReport(db::Database& db, const TenantContext& ctx, const DailyQuery& q);

}  // namespace anju::reports
