// The errors every layer and module shares: malformed requests, the generic 404/403/409,
// authentication, limits of the HTTP edge. Included by core/error.h, so every user of
// Result and Status sees them as `errors::k…`. An error that belongs to one area's concept
// (a project, a house, a bill) goes in that area's `<area>_errors.h`, not here.
#pragma once

#include "core/error.h"

namespace anju {

namespace errors {
inline constexpr ErrorDef kValidation{"VALIDATION_FAILED", ErrorKind::kValidation,
                                      "common.validation_failed", "Some fields are invalid"};
inline constexpr ErrorDef kMalformedJson{"MALFORMED_JSON", ErrorKind::kValidation,
                                         "common.malformed_json", "The body is not valid JSON"};
inline constexpr ErrorDef kBadQuery{"BAD_QUERY_PARAMETER", ErrorKind::kValidation,
                                    "common.bad_query_parameter", "A query parameter is invalid"};
inline constexpr ErrorDef kUnsupportedMedia{"UNSUPPORTED_MEDIA_TYPE", ErrorKind::kUnsupportedMedia,
                                            "common.unsupported_media_type",
                                            "The body must be application/json"};
inline constexpr ErrorDef kBodyTooLarge{"BODY_TOO_LARGE", ErrorKind::kTooLarge,
                                        "common.body_too_large", "The body is too large"};
inline constexpr ErrorDef kNotFound{"NOT_FOUND", ErrorKind::kNotFound, "common.not_found",
                                    "Not found"};
inline constexpr ErrorDef kMethodNotAllowed{"METHOD_NOT_ALLOWED", ErrorKind::kMethodNotAllowed,
                                            "common.method_not_allowed", "Method not allowed"};
inline constexpr ErrorDef kUnauthenticated{"UNAUTHENTICATED", ErrorKind::kUnauthenticated,
                                           "auth.unauthenticated", "Please log in"};
inline constexpr ErrorDef kForbidden{"FORBIDDEN", ErrorKind::kForbidden, "auth.forbidden",
                                     "You may not do this"};
inline constexpr ErrorDef kCsrf{"CSRF_TOKEN_INVALID", ErrorKind::kForbidden, "auth.csrf_invalid",
                                "Missing or wrong X-CSRF-Token header"};
inline constexpr ErrorDef kConflict{"CONFLICT", ErrorKind::kConflict, "common.conflict",
                                    "The record changed or already exists"};
inline constexpr ErrorDef kInternal{"INTERNAL", ErrorKind::kInternal, "common.internal",
                                    "Internal error"};
inline constexpr ErrorDef kUnavailable{"UNAVAILABLE", ErrorKind::kUnavailable, "common.unavailable",
                                       "Try again later"};
inline constexpr ErrorDef kRateLimited{"RATE_LIMITED", ErrorKind::kRateLimited,
                                       "common.rate_limited", "Too many requests; try again later"};
inline constexpr ErrorDef kTooManyStreams{"TOO_MANY_STREAMS", ErrorKind::kUnavailable,
                                          "common.too_many_streams",
                                          "Too many open event streams; try again later"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kCommonErrors[] = {
    &kValidation, &kMalformedJson,    &kBadQuery,        &kUnsupportedMedia, &kBodyTooLarge,
    &kNotFound,   &kMethodNotAllowed, &kUnauthenticated, &kForbidden,        &kCsrf,
    &kConflict,   &kInternal,         &kUnavailable,     &kRateLimited,      &kTooManyStreams,
};
}  // namespace errors

}  // namespace anju
