// Cell values as people type them in spreadsheets: decimals of 元 and ㎡ to integers of
// 分 and 0.01 m² exactly (no floating point), Chinese labels of enumerations, dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace anju::importer {

// "89.5", "89.50", "1,234.5", "89" → 8950 with `decimals` = 2; nullopt for anything else
// (more decimals than allowed, letters, a sign). Excel's integer E-notation is not accepted
// here (readers return integers as digits).
std::optional<int64_t> ParseDecimal(std::string_view text, int decimals);

// The code for a label: each pair is {code, "标签"}; either is accepted (case-insensitive
// for codes). nullopt when it is neither.
std::optional<std::string> ParseChoice(std::string_view text,
                                       const std::vector<std::pair<std::string_view, std::string_view>>& choices);

// The labels of a choice list ({code, "标签"} pairs), for a template's drop-down list.
std::vector<std::string> Labels(const std::vector<std::pair<std::string_view, std::string_view>>& choices);

// "2026-03-05", "2026/3/5", "2026.3.5" → "2026-03-05"; an Excel serial date ("46086") too.
std::optional<std::string> ParseDate(std::string_view text);

std::string Trim(std::string_view s);

}  // namespace anju::importer
