// Rendering a receipt (收据) as a one-page PDF: pure, no database.
//
// The page is A5 landscape: the company and the title 收款收据, the receipt number and
// date, project and house, a table of what was paid (fee item, period, amount), the total
// in figures and in capital numerals (大写), channel and cashier, and a QR code of the
// receipt's public verify URL. A voided receipt carries a large 作废 watermark and its
// reason. Text is drawn with a CJK TrueType font (libharu cannot embed CFF/OpenType
// outlines, so Noto CJK will not do): the first of `fonts` that exists is used, and the
// render fails with RECEIPT_FONT_MISSING rather than print empty boxes.
// Thread-safe: each call builds its own document.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "modules/receipts/receipt_errors.h"

namespace anju::receipts {

// A TrueType font file; `index` selects the face in a collection (.ttc).
struct FontFile {
  std::string path;
  int index = 0;
};
// Debian's TrueType CJK fonts, in order of preference.
std::vector<FontFile> DefaultReceiptFonts();

// Lines after this many are summed into one "其余 N 项" line, so a receipt stays one page.
inline constexpr size_t kReceiptMaxLines = 8;

struct ReceiptDoc {
  struct Line {
    std::string item;    // fee item name, or 预存款 for money kept as prepaid balance
    std::string period;  // "2026-11" or ""
    int64_t amount = 0;  // 分
  };
  std::string company, project, number, date, house_code, channel, cashier, payment_number;
  int64_t amount = 0;  // 分; the sum of the lines
  std::vector<Line> lines;
  bool is_void = false;
  std::string void_reason;
  std::string verify_url;  // encoded in the QR code
};

// The PDF bytes. Errors: RECEIPT_FONT_MISSING (503) when none of `fonts` exists,
// RECEIPT_RENDER_FAILED (500) when libharu or libqrencode fail.
Result<std::string> RenderReceiptPdf(const ReceiptDoc& doc, const std::vector<FontFile>& fonts);

// "1,234.56" (分 → 元 with two decimals and thousands separators).
std::string FormatYuan(int64_t fen);

}  // namespace anju::receipts
