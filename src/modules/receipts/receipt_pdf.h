// Rendering receipts (收据) as PDF: pure, no database.
//
// A receipt is a form 595 × 420 pt (A5 landscape): the company and the title 收款收据, the
// receipt number and date, project and house, a table of what was paid (fee item, period,
// amount), the total in figures and in capital numerals (大写), channel, cashier (收款人, the
// staff member's name) and payer (交款人), and a QR code of the receipt's public verify URL.
// A voided receipt carries a large 作废 watermark and its reason.
//
// Paper. One receipt per page, in the order given, on
// - A4 portrait (default): the form fills the top half, so the cut leaves an A5 slip;
// - 241 mm continuous paper, 二等分: 241 × 139.7 mm pages (9.5 × 5.5 in, two forms per
//   11-inch fanfold sheet), the size of pre-perforated 三联 收据 stock for dot-matrix
//   printers; the form is scaled by 0.944 and centred, clear of the tractor holes;
// - 80 mm thermal rolls: the cashier's slip (收银小票), one narrow column (the same facts,
//   the QR code at the foot), each page as long as its slip.
//
// Font. Text is drawn with a CJK TrueType font (libharu cannot embed CFF/OpenType outlines,
// so Noto CJK will not do): the first of `fonts` that exists. Embedding the face whole
// made a one-page receipt ~520 KB, so the face is first cut with HarfBuzz (font_subset.h)
// to the code points the document draws: printable ASCII, the form's own labels and the
// receipts' texts, and libharu embeds that (its base font name gets the subset tag,
// "HPDFAA+…"). Drawing a code point outside the cut fails the render rather than print an
// empty box. libharu 2.3 writes its UTF-8 encoder's CMap as the font's ToUnicode, which
// is not a ToUnicode CMap (poppler: "Invalid 'begincidrange' operator"); it is rewritten
// as the identity over the code points used (the codes are the characters' UTF-16 units).
// Characters outside the Basic Multilingual Plane are not drawn (libharu's UTF-8 encoder
// stops at U+FFFF).
// Thread-safe: each call builds its own document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
  std::string company, project, number, date, house_code, channel, payment_number;
  std::string cashier;  // 收款人: the staff member's name, or 线上支付
  std::string payer;    // 交款人: the house's owners when paid (receipts.h), may be ""
  int64_t amount = 0;  // 分; the sum of the lines
  std::vector<Line> lines;
  bool is_void = false;
  std::string void_reason;
  std::string verify_url;  // encoded in the QR code
};

enum class Paper {
  kA4,             // 210 × 297 mm, the form in the top half
  kContinuous241,  // 241 × 139.7 mm (二等分 continuous paper)
  kSlip80,         // the cashier's slip (收银小票): 80 mm thermal roll, as long as it needs
};
// "a4" | "241" | "80" (the `paper` query parameter); nullopt otherwise.
std::optional<Paper> PaperOf(std::string_view name);
// The page size in points (width, height); a slip's height is 0 (it depends on the lines).
std::pair<float, float> PageSize(Paper paper);

// The PDF bytes. Errors: RECEIPT_FONT_MISSING (503) when none of `fonts` exists,
// RECEIPT_RENDER_FAILED (500) when HarfBuzz, libharu or libqrencode fail.
Result<std::string> RenderReceiptPdf(const ReceiptDoc& doc, const std::vector<FontFile>& fonts,
                                     Paper paper = Paper::kA4);
// Several receipts in one PDF, one per page in the order of `docs` (batch printing).
Result<std::string> RenderReceiptsPdf(const std::vector<ReceiptDoc>& docs,
                                      const std::vector<FontFile>& fonts,
                                      Paper paper = Paper::kA4);

// "1,234.56" (分 → 元 with two decimals and thousands separators).
std::string FormatYuan(int64_t fen);

}  // namespace anju::receipts
