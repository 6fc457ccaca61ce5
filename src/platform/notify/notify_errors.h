#pragma once

#include "core/error.h"

namespace anju::notify {

inline constexpr ErrorDef kMessageNotFound{"MESSAGE_NOT_FOUND", ErrorKind::kNotFound,
                                           "notify.message_not_found", "Message not found"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kNotifyErrors[] = {&kMessageNotFound};

}  // namespace anju::notify
