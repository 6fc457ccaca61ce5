// Amounts in Chinese capital numerals (大写金额), as printed on receipts and cheques.
#pragma once

#include <cstdint>
#include <string>

namespace anju::receipts {

// An amount of 分 in capital numerals, the way Chinese financial documents write it:
//   0 → 零元整, 105 → 壹元零伍分, 10010 → 壹佰元壹角, 1001000 → 壹万零壹拾元整,
//   55 → 伍角伍分 (no 元 when there are no yuan), -105 → 负壹元零伍分.
// 整 ends an amount with no 角 and no 分; one 零 stands for any run of zero digits inside
// the yuan part and before a 分 that follows yuan without 角. Exact for every int64.
std::string CapitalAmount(int64_t fen);

}  // namespace anju::receipts
