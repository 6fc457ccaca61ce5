// Errors are values. A service returns Result<T>; the HTTP edge turns an Error into a JSON
// reply whose status comes from the error's kind (`StatusOf` in http/message.cc, the one
// place that maps kinds to statuses).
//
// The error catalogue: each error code is declared exactly once, as an ErrorDef constant in
// the `<area>_errors.h` of the module that owns the concept (a stable code, a kind, an i18n
// key and an English message), and listed in that header's `k<Area>Errors` array. Other
// modules include the owner's header instead of declaring the code again. The errors every
// layer shares (VALIDATION_FAILED, NOT_FOUND, FORBIDDEN…) are in core/common_errors.h,
// included at the end of this file. app/error_catalogue.h gathers every list;
// app/error_catalogue_test.cc fails on a code declared twice, an i18n key used by two codes,
// a malformed code or key, or an ErrorDef outside a `*_errors.h`.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace anju {

enum class ErrorKind {
  kValidation,        // 400: the request is malformed or a field is invalid
  kUnauthenticated,   // 401
  kForbidden,         // 403
  kNotFound,          // 404 (also for rows outside the caller's tenant context)
  kMethodNotAllowed,  // 405
  kConflict,          // 409: state does not allow it, or a duplicate
  kTooLarge,          // 413
  kUnsupportedMedia,  // 415
  kUnprocessable,     // 422
  kLocked,            // 423: account locked
  kRateLimited,       // 429
  kUnavailable,       // 503
  kInternal,          // 500
};

// A module's error declaration. Keep them as `inline constexpr` in `<area>_errors.h` and list
// each one in that header's `k<Area>Errors` array.
struct ErrorDef {
  const char* code;     // stable, upper snake case: "HOUSE_NOT_FOUND"
  ErrorKind kind;
  const char* i18n;     // key the UI translates, `area.snake_case`: "property.house_not_found"
                        // (web/src/locales: zh-CN and en-US, under `server`)
  const char* message;  // English fallback
};

struct FieldError {
  std::string field;  // JSON path of the field: "gross_area", "items[2].name"
  std::string code;   // "required", "too_long", "invalid", "unknown_field", "read_only"…
  std::string message;
};

struct Error {
  std::string code;
  ErrorKind kind = ErrorKind::kInternal;
  std::string i18n;
  std::string message;
  std::vector<FieldError> fields;

  Error() = default;
  Error(const ErrorDef& d) : code(d.code), kind(d.kind), i18n(d.i18n), message(d.message) {}
  Error(const ErrorDef& d, std::string msg)
      : code(d.code), kind(d.kind), i18n(d.i18n), message(std::move(msg)) {}
  Error& WithField(std::string field, std::string fcode, std::string msg = {}) {
    fields.push_back({std::move(field), std::move(fcode), std::move(msg)});
    return *this;
  }
};

// Result<T>: either a value or an Error. Result<void> is spelled Status.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Error e) : v_(std::move(e)) {}
  Result(const ErrorDef& d) : v_(Error(d)) {}
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  const T& value() const& { return std::get<0>(v_); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }
  Error&& take_error() { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error e) : e_(std::move(e)) {}
  Status(const ErrorDef& d) : e_(Error(d)) {}
  static Status Ok() { return {}; }
  bool ok() const { return !e_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *e_; }
  Error&& take_error() { return std::move(*e_); }

 private:
  std::optional<Error> e_;
};

// Returns early with the error of a failed Result/Status expression.
#define ANJU_TRY(expr)                                 \
  do {                                                 \
    auto&& anju_try_r_ = (expr);                       \
    if (!anju_try_r_.ok()) return anju_try_r_.take_error(); \
  } while (0)

}  // namespace anju

// The shared errors (errors::kValidation…): every user of Result and Status sees them.
#include "core/common_errors.h"  // IWYU pragma: export
