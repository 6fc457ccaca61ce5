// What a bill still owes, as SQL over `bills b`, for every query that needs it.
//
// A posted bill is never edited (billing_service.h); its corrections sit beside it:
//   principal  amount − paid − credited, floored at 0. A credit note (冲减) on a bill the
//              house had paid already makes paid + credited exceed the amount; that excess
//              went to the house's prepaid balance, so the bill owes 0, not a negative sum.
//   late fee   late_fee − late_paid − late_waived (never negative: waivers and payments
//              are capped at what is open when they are applied).
// `anju ledger check` proves the receivable and late accounts equal the sums of these.
#pragma once

#include <string_view>

namespace anju::billing {

inline constexpr std::string_view kOpenPrincipalSql =
    "(CASE WHEN b.amount - b.paid - b.credited > 0 THEN b.amount - b.paid - b.credited ELSE 0 END)";
inline constexpr std::string_view kOpenLateSql = "(b.late_fee - b.late_paid - b.late_waived)";
// " AND the bill still owes something" for a WHERE clause over `bills b`.
inline constexpr std::string_view kBillOpenSql =
    " AND (b.amount - b.paid - b.credited > 0 OR b.late_fee - b.late_paid - b.late_waived > 0)";

}  // namespace anju::billing
