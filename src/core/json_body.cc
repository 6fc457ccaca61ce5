#include "core/json_body.h"

#include "core/clock.h"

namespace anju {

namespace json = boost::json;

Result<json::object> ParseJsonObject(std::string_view text) {
  json::parse_options opt;
  opt.max_depth = kMaxJsonDepth;
  opt.allow_comments = false;
  opt.allow_trailing_commas = false;
  opt.allow_invalid_utf8 = false;
  boost::system::error_code ec;
  json::value v = json::parse(text, ec, {}, opt);
  if (ec) return Error(errors::kMalformedJson, "The body is not valid JSON: " + ec.message());
  if (!v.is_object()) return Error(errors::kMalformedJson, "The body must be a JSON object");
  return std::move(v.as_object());
}

size_t Utf8Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = s[i];
    size_t len;
    uint32_t cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      unsigned char d = s[i + k];
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

BodyReader& BodyReader::ReadOnly(std::initializer_list<std::string_view> names) {
  for (auto n : names) read_only_.emplace(n);
  return *this;
}

const json::value* BodyReader::Get(std::string_view name, bool required) {
  known_.emplace(name);
  auto it = obj_.find(name);
  if (it == obj_.end() || (it->value().is_null() && required)) {
    if (required) Fail(std::string(name), "required", "This field is required");
    return nullptr;
  }
  if (it->value().is_null()) return nullptr;
  return &it->value();
}

const json::array* BodyReader::Array(std::string_view name, bool required, size_t max_items) {
  const json::value* v = Get(name, required);
  if (!v) return nullptr;
  if (!v->is_array()) {
    Fail(std::string(name), "invalid_type", "Must be a list");
    return nullptr;
  }
  if (v->as_array().size() > max_items) {
    Fail(std::string(name), "too_long", "At most " + std::to_string(max_items) + " items");
    return nullptr;
  }
  return &v->as_array();
}

const json::object* BodyReader::Object(std::string_view name, bool required) {
  const json::value* v = Get(name, required);
  if (!v) return nullptr;
  if (!v->is_object()) {
    Fail(std::string(name), "invalid_type", "Must be an object");
    return nullptr;
  }
  return &v->as_object();
}

std::vector<int64_t> BodyReader::Ids(std::string_view name, size_t max_items) {
  std::vector<int64_t> ids;
  const json::array* list = Array(name, false, max_items);
  if (!list) return ids;
  for (size_t i = 0; i < list->size(); ++i) {
    const json::value& v = (*list)[i];
    if (!v.is_int64() || v.as_int64() < 1) {
      Fail(std::string(name) + "[" + std::to_string(i) + "]", "invalid", "Must be an id");
      return {};
    }
    ids.push_back(v.as_int64());
  }
  return ids;
}

bool BodyReader::IsNull(std::string_view name) const {
  auto it = obj_.find(name);
  return it != obj_.end() && it->value().is_null();
}

std::optional<std::string> BodyReader::Str(std::string_view name, bool required,
                                            size_t max_chars, size_t min_chars) {
  return ReadText(name, required, max_chars, min_chars, false);
}

std::optional<std::string> BodyReader::Text(std::string_view name, bool required,
                                             size_t max_chars) {
  return ReadText(name, required, max_chars, 0, true);
}

std::optional<std::string> BodyReader::ReadText(std::string_view name, bool required,
                                                 size_t max_chars, size_t min_chars,
                                                 bool multiline) {
  const json::value* v = Get(name, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    Fail(std::string(name), "invalid_type", "Must be a string");
    return std::nullopt;
  }
  std::string s(v->as_string());
  size_t len = Utf8Length(s);
  if (required && len == 0 && min_chars == 0) min_chars = 1;
  if (len < min_chars) {
    Fail(std::string(name), len == 0 ? "required" : "too_short",
         len == 0 ? "This field is required" : "Too short");
    return std::nullopt;
  }
  if (len > max_chars) {
    Fail(std::string(name), "too_long", "At most " + std::to_string(max_chars) + " characters");
    return std::nullopt;
  }
  for (unsigned char c : s) {
    if (c < 0x20 && c != '\t' && !(multiline && (c == '\n' || c == '\r'))) {
      Fail(std::string(name), "invalid", "Control characters are not allowed");
      return std::nullopt;
    }
  }
  return s;
}

std::optional<int64_t> BodyReader::Int(std::string_view name, bool required, int64_t min,
                                       int64_t max) {
  const json::value* v = Get(name, required);
  if (!v) return std::nullopt;
  int64_t x;
  if (v->is_int64()) {
    x = v->as_int64();
  } else if (v->is_uint64()) {
    Fail(std::string(name), "out_of_range", "Number out of range");
    return std::nullopt;
  } else {
    Fail(std::string(name), v->is_double() ? "not_integer" : "invalid_type",
         "Must be an integer");
    return std::nullopt;
  }
  if (x < min || x > max) {
    Fail(std::string(name), "out_of_range",
         "Must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return x;
}

std::optional<bool> BodyReader::Bool(std::string_view name, bool required) {
  const json::value* v = Get(name, required);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    Fail(std::string(name), "invalid_type", "Must be true or false");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::string> BodyReader::Enum(std::string_view name, bool required,
                                            const std::vector<std::string_view>& allowed) {
  const json::value* v = Get(name, required);
  if (!v) return std::nullopt;
  if (v->is_string()) {
    for (auto a : allowed)
      if (v->as_string() == a) return std::string(a);
  }
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  Fail(std::string(name), "invalid", "Must be one of: " + list);
  return std::nullopt;
}

std::optional<std::string> BodyReader::Date(std::string_view name, bool required) {
  const json::value* v = Get(name, required);
  if (!v) return std::nullopt;
  if (!v->is_string() || !IsValidCivilDate(v->as_string())) {
    Fail(std::string(name), "invalid", "Must be a date YYYY-MM-DD");
    return std::nullopt;
  }
  return std::string(v->as_string());
}

void BodyReader::Fail(std::string field, std::string code, std::string message) {
  fields_.push_back({std::move(field), std::move(code), std::move(message)});
}

Status BodyReader::Finish() {
  for (auto& [k, v] : obj_) {
    if (read_only_.count(k))
      Fail(std::string(k), "read_only", "This field is set by the server");
    else if (!known_.count(k))
      Fail(std::string(k), "unknown_field", "Unknown field");
  }
  if (fields_.empty()) return Status::Ok();
  Error e(errors::kValidation);
  e.fields = fields_;
  return e;
}

}  // namespace anju
