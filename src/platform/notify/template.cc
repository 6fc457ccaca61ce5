#include "platform/notify/template.h"

namespace anju::notify {

namespace {

// Walks the template, calling text(piece) for literal text and field(name) for {name}.
// Returns false at the first unbalanced brace.
template <class Text, class Field>
bool Walk(std::string_view t, Text text, Field field) {
  for (size_t i = 0; i < t.size();) {
    char c = t[i];
    if ((c == '{' || c == '}') && i + 1 < t.size() && t[i + 1] == c) {
      text(t.substr(i, 1));
      i += 2;
    } else if (c == '}') {
      return false;
    } else if (c == '{') {
      size_t end = t.find_first_of("{}", i + 1);
      if (end == std::string_view::npos || t[end] != '}' || end == i + 1) return false;
      if (!field(t.substr(i + 1, end - i - 1))) return true;
      i = end + 1;
    } else {
      size_t end = t.find_first_of("{}", i);
      if (end == std::string_view::npos) end = t.size();
      text(t.substr(i, end - i));
      i = end;
    }
  }
  return true;
}

}  // namespace

std::optional<std::string> CheckTemplate(std::string_view tmpl,
                                         const std::set<std::string, std::less<>>& allowed) {
  std::optional<std::string> unknown;
  bool balanced = Walk(
      tmpl, [](std::string_view) {},
      [&](std::string_view name) {
        if (allowed.count(name)) return true;
        unknown = "unknown_placeholder: {" + std::string(name) + "}";
        return false;
      });
  if (unknown) return unknown;
  if (!balanced) return std::string("unbalanced_brace");
  return std::nullopt;
}

std::string Render(std::string_view tmpl,
                   const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  Walk(
      tmpl, [&](std::string_view s) { out += s; },
      [&](std::string_view name) {
        if (auto it = values.find(name); it != values.end()) out += it->second;
        return true;
      });
  return out;
}

}  // namespace anju::notify
