// The errors of receipts (收据, receipts.h) and their PDF (receipt_pdf.h): code, kind
// (→ HTTP status), i18n key, English message.
#pragma once

#include "core/error.h"

namespace anju::receipts {

inline constexpr ErrorDef kReceiptNotFound{"RECEIPT_NOT_FOUND", ErrorKind::kNotFound,
                                           "billing.receipt_not_found", "Receipt not found"};
inline constexpr ErrorDef kReceiptAlreadyVoid{"RECEIPT_ALREADY_VOID", ErrorKind::kConflict,
                                              "billing.receipt_already_void",
                                              "The receipt is void already"};
inline constexpr ErrorDef kReceiptPaymentNotFound{"RECEIPT_PAYMENT_NOT_FOUND", ErrorKind::kNotFound,
                                                  "billing.receipt_payment_not_found",
                                                  "No such payment to issue a receipt for"};
// The PDF is drawn with a CJK TrueType font; without one the render fails rather than print
// empty boxes.
inline constexpr ErrorDef kReceiptFontMissing{
    "RECEIPT_FONT_MISSING", ErrorKind::kUnavailable, "billing.receipt_font_missing",
    "No Chinese TrueType font is installed for receipts (install fonts-wqy-zenhei)"};
inline constexpr ErrorDef kReceiptRenderFailed{"RECEIPT_RENDER_FAILED", ErrorKind::kInternal,
                                               "billing.receipt_render_failed",
                                               "The receipt could not be rendered"};

// Every error above, for the catalogue (app/error_catalogue.h).
inline constexpr const ErrorDef* kReceiptErrors[] = {
    &kReceiptNotFound,    &kReceiptAlreadyVoid,  &kReceiptPaymentNotFound,
    &kReceiptFontMissing, &kReceiptRenderFailed,
};

}  // namespace anju::receipts
