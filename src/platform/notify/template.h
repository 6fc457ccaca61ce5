// Message templates: text with {name} placeholders, e.g.
//   "{house} 业主您好，您有物业费 {amount} 元将于 {due_date} 到期，请及时缴纳。"
// Pure functions; the allowed names are the caller's (billing reminders allow house,
// amount, due_date and days_overdue).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace anju::notify {

inline constexpr size_t kMaxTemplateChars = 300;

// The first problem of a template, or nullopt when it is usable: an unknown placeholder
// ("unknown_placeholder: {name}"), an unclosed or empty brace ("unbalanced_brace"). "{{"
// and "}}" stand for literal braces.
std::optional<std::string> CheckTemplate(std::string_view tmpl,
                                         const std::set<std::string, std::less<>>& allowed);

// Replaces each {name} with values[name] ("" when missing); "{{" / "}}" become "{" / "}".
// Assumes CheckTemplate passed.
std::string Render(std::string_view tmpl, const std::map<std::string, std::string, std::less<>>& values);

}  // namespace anju::notify
