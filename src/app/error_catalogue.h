// The error catalogue: every error the server can answer with, in one list.
//
// Each error code is an ErrorDef constant declared once, in the `<area>_errors.h` of the
// module that owns the concept (PROJECT_NOT_FOUND in org, HOUSE_NOT_FOUND in property; the
// errors every layer shares in core/common_errors.h), and listed in that header's
// `k<Area>Errors` array. ErrorCatalogue() gathers those arrays; it lives in app/ because
// only app/ may see every module.
//
// error_catalogue_test.cc holds the rules: a code is defined once (even identical copies
// are refused) and spelled UPPER_SNAKE; an i18n key belongs to one code and is spelled
// `area.snake_case`; and, reading the sources under src/, every ErrorDef sits in a
// `*_errors.h` and in that header's list here. Adding an error: declare it in the owner's
// `<area>_errors.h`, add it to the array at the end of that header, and translate its
// i18n key under `server` in web/src/locales (zh-CN and en-US). Adding an `*_errors.h`:
// add its array to kLists in error_catalogue.cc.
#pragma once

#include <span>

#include "core/error.h"

namespace anju::app {

// One `<area>_errors.h` and the errors it declares, in declaration order.
struct ErrorList {
  const char* header;  // path under src/: "platform/org/org_errors.h"
  std::span<const ErrorDef* const> defs;
};

// Every list: core's shared errors first, then the modules'. The pointers are to the
// constants themselves. Never empty; thread-safe (constant data).
std::span<const ErrorList> ErrorCatalogue();

}  // namespace anju::app
