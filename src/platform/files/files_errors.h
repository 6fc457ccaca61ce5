// Errors of uploads and file reads (files/). Codes are stable; the UI translates i18n keys.
#pragma once

#include "core/error.h"

namespace anju::files {

inline constexpr ErrorDef kFileEmpty{"FILE_EMPTY", ErrorKind::kValidation, "files.empty",
                                     "The upload is empty"};
inline constexpr ErrorDef kFileTooLarge{"FILE_TOO_LARGE", ErrorKind::kTooLarge,
                                        "files.too_large", "A photo may be at most 4 MiB"};
inline constexpr ErrorDef kFileTypeNotAllowed{"FILE_TYPE_NOT_ALLOWED",
                                              ErrorKind::kUnsupportedMedia,
                                              "files.type_not_allowed",
                                              "Only JPEG, PNG and WebP images are accepted"};
inline constexpr ErrorDef kFileTypeMismatch{"FILE_TYPE_MISMATCH", ErrorKind::kUnsupportedMedia,
                                            "files.type_mismatch",
                                            "The Content-Type does not match the file's content"};
inline constexpr ErrorDef kUploadRateLimited{"FILE_UPLOAD_RATE_LIMITED",
                                             ErrorKind::kRateLimited, "files.rate_limited",
                                             "Too many uploads; try again in a few minutes"};
inline constexpr ErrorDef kFileNotFound{"FILE_NOT_FOUND", ErrorKind::kNotFound,
                                        "files.not_found", "File not found"};
inline constexpr ErrorDef kFileNotAttachable{
    "FILE_NOT_ATTACHABLE", ErrorKind::kValidation, "files.not_attachable",
    "A file is unknown, not yours, or already attached to something else"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kFilesErrors[] = {
    &kFileEmpty,         &kFileTooLarge, &kFileTypeNotAllowed, &kFileTypeMismatch,
    &kUploadRateLimited, &kFileNotFound, &kFileNotAttachable};

}  // namespace anju::files
