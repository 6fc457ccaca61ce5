// Strict reading of JSON request bodies.
//
// Contract: a body is an object no deeper than kMaxJsonDepth; every field a handler reads
// is declared through a BodyReader; after reading, Finish() fails with 400 if any field
// was invalid, missing, not declared (unknown) or server-owned (read-only). Numbers that
// are not exact integers in the allowed range are rejected, never rounded.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "core/error.h"

namespace anju {

inline constexpr int kMaxJsonDepth = 32;

// Parses text as a JSON object. Errors: MALFORMED_JSON (syntax, invalid UTF-8, too deep,
// not an object).
Result<boost::json::object> ParseJsonObject(std::string_view text);

class BodyReader {
 public:
  explicit BodyReader(const boost::json::object& obj) : obj_(obj) {}

  // Declares fields the caller may never set (status, company_id, computed amounts).
  BodyReader& ReadOnly(std::initializer_list<std::string_view> names);

  // Text: trimmed is not applied; must be valid (already UTF-8 checked by the parser).
  // max_chars counts Unicode code points.
  std::optional<std::string> Str(std::string_view name, bool required, size_t max_chars = 200,
                                 size_t min_chars = 0);
  // Multi-line text (notes, a file's content): like Str, but line breaks are allowed.
  std::optional<std::string> Text(std::string_view name, bool required, size_t max_chars);
  // Integer within [min, max].
  std::optional<int64_t> Int(std::string_view name, bool required, int64_t min, int64_t max);
  std::optional<bool> Bool(std::string_view name, bool required);
  // A string from a fixed set.
  std::optional<std::string> Enum(std::string_view name, bool required,
                                  const std::vector<std::string_view>& allowed);
  // "YYYY-MM-DD".
  std::optional<std::string> Date(std::string_view name, bool required);
  // A JSON array (elements are the caller's to check; report them as "name[i]").
  const boost::json::array* Array(std::string_view name, bool required, size_t max_items = 1000);
  // A nested JSON object (read it with a BodyReader of its own; report its errors as
  // "name.field").
  const boost::json::object* Object(std::string_view name, bool required);
  // A list of positive ids (each error reported as "name[i]").
  std::vector<int64_t> Ids(std::string_view name, size_t max_items = 200);
  // Field present with JSON null (to clear an optional value in PATCH).
  bool IsNull(std::string_view name) const;
  bool Has(std::string_view name) const { return obj_.contains(name); }

  // Adds a field error found by the caller's own checks.
  void Fail(std::string field, std::string code, std::string message = {});
  bool ok() const { return fields_.empty(); }
  // Fails for unknown and read-only fields, then for any recorded field error.
  Status Finish();

 private:
  const boost::json::value* Get(std::string_view name, bool required);
  std::optional<std::string> ReadText(std::string_view name, bool required, size_t max_chars,
                                      size_t min_chars, bool multiline);
  const boost::json::object& obj_;
  std::set<std::string, std::less<>> known_;
  std::set<std::string, std::less<>> read_only_;
  std::vector<FieldError> fields_;
};

// Counts code points in valid UTF-8.
size_t Utf8Length(std::string_view s);
bool IsValidUtf8(std::string_view s);

}  // namespace anju
