#include "modules/receipts/receipt_pdf.h"

#include <fmt/format.h>
#include <hpdf.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <qrencode.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <set>

#include "modules/receipts/capital_amount.h"
#include "modules/receipts/font_subset.h"

namespace anju::receipts {

namespace {

// The form, in points: A5 landscape.
constexpr float kWidth = 595.276f, kHeight = 419.528f;
constexpr float kA4Height = 841.89f;
constexpr float kMm = 72 / 25.4f;

// Every label the form draws besides the receipts' own texts and printable ASCII: the
// font is cut to these (Canvas::Text refuses a code point outside the cut, so a label
// missing here fails the render and the tests, never prints a box).
constexpr std::string_view kLabels[] = {
    "收 款 收 据", "扫码验真", "收据编号：", "收款日期：", "项目：", "房屋：", "序号", "收费项目",
    "所属期间", "金额（元）", "合计人民币（大写）：", "¥", "付款方式：", "收款人：", "付款单号：",
    "收款单位（盖章）：", "交款人：", "作 废", "已作废　作废原因：", "…", "其余项",
    "本收据为付款凭证，不作发票使用。扫描右上角二维码可核验收据真伪。",
    // The cashier's slip (收银小票).
    "收 银 小 票", "单号：", "日期：", "期间", "金额", "合计：", "大写：", "已作废：",
    "本小票为付款凭证，不作发票使用。"};
constexpr float kLeft = 36, kRight = kWidth - 36;
constexpr float kQrSize = 68;

// libharu reports errors through a callback; the first one is kept and checked at the end.
struct HaruError {
  HPDF_STATUS code = HPDF_OK, detail = 0;
};
void OnHaruError(HPDF_STATUS code, HPDF_STATUS detail, void* data) {
  auto* e = static_cast<HaruError*>(data);
  if (e->code == HPDF_OK) e->code = code, e->detail = detail;
}

struct DocDeleter {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};
struct QrDeleter {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

// Drawing helpers over one page and one font.
class Canvas {
 public:
  Canvas(HPDF_Page page, HPDF_Font font, const std::set<char32_t>& glyphs)
      : page_(page), font_(font), glyphs_(glyphs) {}

  float Width(const std::string& s, float size) {
    HPDF_Page_SetFontAndSize(page_, font_, size);
    return HPDF_Page_TextWidth(page_, s.c_str());
  }
  void Text(float x, float y, const std::string& s, float size) {
    std::set<char32_t> used;
    AddCodePoints(s, used);
    for (char32_t c : used)
      if (!glyphs_.contains(c)) missing_ = true;
    HPDF_Page_BeginText(page_);
    HPDF_Page_SetFontAndSize(page_, font_, size);
    HPDF_Page_TextOut(page_, x, y, s.c_str());
    HPDF_Page_EndText(page_);
  }
  void Right(float right, float y, const std::string& s, float size) {
    Text(right - Width(s, size), y, s, size);
  }
  void Center(float cx, float y, const std::string& s, float size) {
    Text(cx - Width(s, size) / 2, y, s, size);
  }
  // `s` cut (at a code point) with "…" until it fits in `width`.
  std::string Fit(std::string s, float width, float size) {
    if (Width(s, size) <= width) return s;
    while (!s.empty()) {
      while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
      if (!s.empty()) s.pop_back();  // the lead byte
      if (Width(s + "…", size) <= width) return s + "…";
    }
    return s;
  }
  void Line(float x1, float y1, float x2, float y2, float w = 0.6f) {
    HPDF_Page_SetLineWidth(page_, w);
    HPDF_Page_MoveTo(page_, x1, y1);
    HPDF_Page_LineTo(page_, x2, y2);
    HPDF_Page_Stroke(page_);
  }
  void Color(float r, float g, float b) {
    HPDF_Page_SetRGBFill(page_, r, g, b);
    HPDF_Page_SetRGBStroke(page_, r, g, b);
  }
  HPDF_Page page() { return page_; }
  // Whether some text drew a code point the font was not cut for.
  bool missing() const { return missing_; }

 private:
  HPDF_Page page_;
  HPDF_Font font_;
  const std::set<char32_t>& glyphs_;
  bool missing_ = false;
};

const FontFile* FindFont(const std::vector<FontFile>& fonts) {
  std::error_code ec;
  for (const FontFile& f : fonts)
    if (std::filesystem::is_regular_file(f.path, ec)) return &f;
  return nullptr;
}

// The QR code of `text` as filled squares, top-left corner at (x, top), `size` wide.
bool DrawQr(Canvas& c, const std::string& text, float x, float top, float size) {
  std::unique_ptr<QRcode, QrDeleter> qr(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!qr) return false;
  const int n = qr->width;
  const float m = size / n;
  c.Color(0, 0, 0);
  for (int row = 0; row < n; ++row) {
    for (int col = 0; col < n;) {
      if (!(qr->data[row * n + col] & 1)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < n && (qr->data[row * n + end] & 1)) ++end;
      // A hair taller than a module, so viewers show no seams between rows.
      HPDF_Page_Rectangle(c.page(), x + col * m, top - (row + 1) * m, (end - col) * m, m + 0.05f);
      col = end;
    }
  }
  HPDF_Page_Fill(c.page());
  return true;
}

// The lines as printed: at most kReceiptMaxLines, the rest summed into one.
std::vector<ReceiptDoc::Line> PrintedLines(const std::vector<ReceiptDoc::Line>& lines) {
  if (lines.size() <= kReceiptMaxLines) return lines;
  std::vector<ReceiptDoc::Line> out(lines.begin(), lines.begin() + kReceiptMaxLines - 1);
  ReceiptDoc::Line rest{fmt::format("其余 {} 项", lines.size() - out.size()), "", 0};
  for (size_t i = out.size(); i < lines.size(); ++i) rest.amount += lines[i].amount;
  out.push_back(std::move(rest));
  return out;
}

void DrawVoidMark(HPDF_Doc pdf, Canvas& c, const std::string& reason, float y) {
  HPDF_ExtGState faint = HPDF_CreateExtGState(pdf);
  HPDF_ExtGState_SetAlphaFill(faint, 0.28f);
  HPDF_Page page = c.page();
  HPDF_Page_GSave(page);
  HPDF_Page_SetExtGState(page, faint);
  c.Color(0.85f, 0.1f, 0.1f);
  const float size = 120, angle = 20 * 3.14159265f / 180;
  const std::string mark = "作 废";
  float w = c.Width(mark, size);
  float cos_a = std::cos(angle), sin_a = std::sin(angle);
  // Centre the rotated text on the page.
  float x = kWidth / 2 - (w / 2) * cos_a + (size * 0.35f) * sin_a;
  float y0 = kHeight / 2 - (w / 2) * sin_a - (size * 0.35f) * cos_a;
  HPDF_Page_BeginText(page);
  HPDF_Page_SetTextMatrix(page, cos_a, sin_a, -sin_a, cos_a, x, y0);
  HPDF_Page_ShowText(page, mark.c_str());
  HPDF_Page_EndText(page);
  HPDF_Page_GRestore(page);
  c.Color(0.8f, 0.05f, 0.05f);
  c.Text(kLeft, y, c.Fit("已作废　作废原因：" + reason, kRight - kLeft, 9), 9);
  c.Color(0, 0, 0);
}

std::string ReadStream(HPDF_Doc pdf) {
  std::string out(HPDF_GetStreamSize(pdf), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
  HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  out.resize(size);
  return out;
}

}  // namespace

std::vector<FontFile> DefaultReceiptFonts() {
  return {{"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0},
          {"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0},
          {"/usr/share/fonts/truetype/arphic/uming.ttc", 0},
          {"/usr/share/fonts/truetype/arphic/ukai.ttc", 0}};
}

std::string FormatYuan(int64_t fen) {
  uint64_t n = fen < 0 ? 0 - static_cast<uint64_t>(fen) : static_cast<uint64_t>(fen);
  std::string digits = std::to_string(n / 100), grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return fmt::format("{}{}.{:02d}", fen < 0 ? "-" : "", grouped, n % 100);
}

namespace {

// One receipt's form on `page`, in form coordinates (the caller set the transformation).
bool DrawReceipt(HPDF_Doc pdf, Canvas& c, const ReceiptDoc& doc) {
  HPDF_Page page = c.page();
  const float mid = kWidth / 2;

  // Heading: company, title with a double rule, QR code top right.
  c.Center(mid, 382, c.Fit(doc.company, 380, 13), 13);
  const std::string title = "收 款 收 据";
  c.Center(mid, 352, title, 22);
  float tw = c.Width(title, 22);
  c.Line(mid - tw / 2 - 8, 346, mid + tw / 2 + 8, 346, 0.8f);
  c.Line(mid - tw / 2 - 8, 343, mid + tw / 2 + 8, 343, 0.4f);
  if (!DrawQr(c, doc.verify_url, kRight - kQrSize, 386, kQrSize)) return false;
  c.Center(kRight - kQrSize / 2, 308, "扫码验真", 7.5f);

  // Who and when.
  const float col2 = 270;
  c.Text(kLeft, 322, "收据编号：", 10);
  c.Color(0.75f, 0.05f, 0.05f);
  c.Text(kLeft + c.Width("收据编号：", 10), 322, doc.number, 11);
  c.Color(0, 0, 0);
  c.Text(col2, 322, "收款日期：" + doc.date, 10);
  c.Text(kLeft, 304, c.Fit("项目：" + doc.project, col2 - kLeft - 8, 10), 10);
  c.Text(col2, 304, c.Fit("房屋：" + doc.house_code, kRight - kQrSize - col2 - 8, 10), 10);

  // The table: 序号 | 收费项目 | 所属期间 | 金额（元）.
  const float x_no = kLeft, x_item = 72, x_period = 300, x_amount = 420;
  const float top = 294, head_h = 20, row_h = 18, pad = 6;
  std::vector<ReceiptDoc::Line> lines = PrintedLines(doc.lines);
  size_t rows = std::max<size_t>(lines.size(), 5);  // empty rows keep the form's shape
  float y = top;
  HPDF_Page_SetRGBFill(page, 0.93f, 0.93f, 0.93f);
  HPDF_Page_Rectangle(page, kLeft, top - head_h, kRight - kLeft, head_h);
  HPDF_Page_Fill(page);
  c.Color(0, 0, 0);
  c.Center((x_no + x_item) / 2, y - 14, "序号", 10);
  c.Center((x_item + x_period) / 2, y - 14, "收费项目", 10);
  c.Center((x_period + x_amount) / 2, y - 14, "所属期间", 10);
  c.Center((x_amount + kRight) / 2, y - 14, "金额（元）", 10);
  y -= head_h;
  for (size_t i = 0; i < rows; ++i) {
    c.Line(kLeft, y, kRight, y, 0.4f);
    if (i < lines.size()) {
      const ReceiptDoc::Line& l = lines[i];
      c.Center((x_no + x_item) / 2, y - 13, std::to_string(i + 1), 9.5f);
      c.Text(x_item + pad, y - 13, c.Fit(l.item, x_period - x_item - 2 * pad, 9.5f), 9.5f);
      c.Center((x_period + x_amount) / 2, y - 13, l.period, 9.5f);
      c.Right(kRight - pad, y - 13, FormatYuan(l.amount), 9.5f);
    }
    y -= row_h;
  }
  // Total: capital numerals across the first three columns, figures in the last.
  c.Line(kLeft, y, kRight, y, 0.4f);
  const float total_h = 24;
  c.Text(x_no + pad, y - 16, "合计人民币（大写）：", 10);
  c.Text(x_no + pad + c.Width("合计人民币（大写）：", 10), y - 16,
         c.Fit(CapitalAmount(doc.amount), x_amount - x_no - 130, 11), 11);
  c.Right(kRight - pad, y - 16, "¥" + FormatYuan(doc.amount), 11);
  float bottom = y - total_h;
  HPDF_Page_SetLineWidth(page, 0.8f);
  HPDF_Page_Rectangle(page, kLeft, bottom, kRight - kLeft, top - bottom);
  HPDF_Page_Stroke(page);
  for (float x : {x_item, x_period, x_amount}) c.Line(x, top, x, y, 0.4f);
  c.Line(x_amount, y, x_amount, bottom, 0.4f);

  // Footer: how it was paid and who took it.
  y = bottom - 18;
  c.Text(kLeft, y, "付款方式：" + doc.channel, 10);
  c.Text(200, y, c.Fit("收款人：" + doc.cashier, 150, 10), 10);
  c.Text(360, y, "付款单号：" + doc.payment_number, 10);
  y -= 20;
  c.Text(kLeft, y, c.Fit("收款单位（盖章）：" + doc.company, 310, 10), 10);
  c.Text(360, y, c.Fit("交款人：" + doc.payer, kRight - 360, 10), 10);
  if (doc.is_void) DrawVoidMark(pdf, c, doc.void_reason, y - 20);
  c.Color(0.45f, 0.45f, 0.45f);
  c.Text(kLeft, 22, "本收据为付款凭证，不作发票使用。扫描右上角二维码可核验收据真伪。", 7.5f);
  c.Color(0, 0, 0);

  return !c.missing();
}

// The cashier's slip (收银小票) for 80 mm thermal paper: one column, top to bottom from
// `top`, as long as its lines need. With `c` null nothing is drawn: the call measures, so
// the page can be cut to the slip's length first. The bottom's y; nullopt when the QR code
// fails.
constexpr float kSlipWidth = 80 * kMm, kSlipMargin = 10;
std::optional<float> DrawSlip(Canvas* c, const ReceiptDoc& doc, float top) {
  const float left = kSlipMargin, right = kSlipWidth - kSlipMargin, mid = kSlipWidth / 2;
  const float width = right - left;
  float y = top;
  auto text = [&](float x, const std::string& s, float size) {
    if (c) c->Text(x, y, c->Fit(s, right - x, size), size);
  };
  auto rule = [&] {
    if (!c) return;
    const HPDF_UINT16 dash[] = {2, 2};
    HPDF_Page_SetDash(c->page(), dash, 2, 0);
    c->Line(left, y, right, y, 0.5f);
    HPDF_Page_SetDash(c->page(), nullptr, 0, 0);
  };
  y -= 12;
  if (c) c->Center(mid, y, c->Fit(doc.company, width, 9), 9);
  y -= 18;
  if (c) c->Center(mid, y, "收 银 小 票", 13);
  y -= 9;
  rule();
  for (const auto& [label, value] :
       {std::pair<const char*, const std::string*>{"单号：", &doc.number}, {"日期：", &doc.date},
        {"项目：", &doc.project}, {"房屋：", &doc.house_code}, {"交款人：", &doc.payer}}) {
    y -= 12;
    text(left, label + *value, 8);
  }
  y -= 7;
  rule();
  y -= 11;
  const float x_period = left + width * 0.52f;
  if (c) {
    c->Text(left, y, "项目", 8);
    c->Text(x_period, y, "期间", 8);
    c->Right(right, y, "金额", 8);
  }
  for (const ReceiptDoc::Line& l : PrintedLines(doc.lines)) {
    y -= 11;
    if (c) {
      c->Text(left, y, c->Fit(l.item, x_period - left - 4, 8), 8);
      c->Text(x_period, y, l.period, 8);
      c->Right(right, y, FormatYuan(l.amount), 8);
    }
  }
  y -= 7;
  rule();
  y -= 14;
  if (c) c->Right(right, y, "合计：¥" + FormatYuan(doc.amount), 11);
  for (const auto& [label, value] :
       {std::pair<const char*, std::string>{"大写：", CapitalAmount(doc.amount)},
        {"付款方式：", doc.channel}, {"收款人：", doc.cashier},
        {"付款单号：", doc.payment_number}}) {
    y -= 12;
    text(left, label + value, 8);
  }
  if (doc.is_void) {
    y -= 12;
    if (c) c->Color(0.8f, 0.05f, 0.05f);
    text(left, "已作废：" + doc.void_reason, 8);
    if (c) c->Color(0, 0, 0);
  }
  y -= 8;
  if (c && !DrawQr(*c, doc.verify_url, mid - kQrSize / 2, y, kQrSize)) return std::nullopt;
  y -= kQrSize + 10;
  if (c) c->Center(mid, y, "扫码验真", 7);
  y -= 12;
  if (c) c->Center(mid, y, "本小票为付款凭证，不作发票使用。", 7);
  return y - kSlipMargin;
}

// libharu 2.3 only loads TrueType from a named file: the subset goes into an anonymous
// memory file, which libharu opens by its /proc path and keeps open (it reads the glyphs
// again when it saves), so ours is closed at once. Where memfd_create is missing, an
// unlinked temporary file does the same.
const char* LoadFontBytes(HPDF_Doc pdf, const std::string& bytes) {
  int fd = static_cast<int>(memfd_create("anju-receipt-font", MFD_CLOEXEC));
  std::string path, temp;
  if (fd >= 0) {
    path = fmt::format("/proc/self/fd/{}", fd);
  } else {
    temp = (std::filesystem::temp_directory_path() / "anju-font-XXXXXX").string();
    fd = mkstemp(temp.data());
    if (fd < 0) return nullptr;
    path = temp;
  }
  bool written = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
  const char* name = written ? HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE) : nullptr;
  ::close(fd);
  if (!temp.empty()) std::remove(temp.c_str());
  return name;
}

// The font's ToUnicode rewritten as the identity over `used` (see receipt_pdf.h): ranges
// of consecutive code points sharing their high byte, at most 100 to a block.
bool FixToUnicode(HPDF_Font font, const std::set<char32_t>& used) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (!attr || !attr->cmap_stream || !attr->cmap_stream->stream) return false;
  std::vector<std::pair<char32_t, char32_t>> ranges;
  for (char32_t c : used) {
    if (c > 0xFFFF) break;
    if (!ranges.empty() && ranges.back().second + 1 == c && (c & 0xFF) != 0)
      ranges.back().second = c;
    else
      ranges.emplace_back(c, c);
  }
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (size_t i = 0; i < ranges.size(); i += 100) {
    size_t n = std::min<size_t>(100, ranges.size() - i);
    cmap += fmt::format("{} beginbfrange\n", n);
    for (size_t k = i; k < i + n; ++k)
      cmap += fmt::format("<{:04X}> <{:04X}> <{:04X}>\n", static_cast<uint32_t>(ranges[k].first),
                          static_cast<uint32_t>(ranges[k].second),
                          static_cast<uint32_t>(ranges[k].first));
    cmap += "endbfrange\n";
  }
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  HPDF_Stream stream = attr->cmap_stream->stream;
  HPDF_MemStream_FreeData(stream);
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                           static_cast<HPDF_UINT>(cmap.size())) == HPDF_OK;
}

}  // namespace

std::optional<Paper> PaperOf(std::string_view name) {
  if (name == "a4") return Paper::kA4;
  if (name == "241") return Paper::kContinuous241;
  if (name == "80") return Paper::kSlip80;
  return std::nullopt;
}

std::pair<float, float> PageSize(Paper paper) {
  if (paper == Paper::kContinuous241) return {241 * kMm, 5.5f * 72};
  if (paper == Paper::kSlip80) return {kSlipWidth, 0};
  return {kWidth, kA4Height};
}

Result<std::string> RenderReceiptPdf(const ReceiptDoc& doc, const std::vector<FontFile>& fonts,
                                     Paper paper) {
  return RenderReceiptsPdf({doc}, fonts, paper);
}

Result<std::string> RenderReceiptsPdf(const std::vector<ReceiptDoc>& docs,
                                      const std::vector<FontFile>& fonts, Paper paper) {
  const FontFile* font_file = FindFont(fonts);
  if (!font_file) return Error(kReceiptFontMissing);
  // What the pages will draw: printable ASCII, the labels, the receipts' texts.
  std::set<char32_t> glyphs;
  for (char32_t c = 0x20; c < 0x7F; ++c) glyphs.insert(c);
  for (std::string_view label : kLabels) AddCodePoints(label, glyphs);
  for (const ReceiptDoc& doc : docs) {
    for (const std::string* text :
         {&doc.company, &doc.project, &doc.number, &doc.date, &doc.house_code, &doc.channel,
          &doc.payment_number, &doc.cashier, &doc.payer, &doc.void_reason})
      AddCodePoints(*text, glyphs);
    AddCodePoints(CapitalAmount(doc.amount), glyphs);
    for (const ReceiptDoc::Line& l : doc.lines) AddCodePoints(l.item + l.period, glyphs);
  }
  std::erase_if(glyphs, [](char32_t c) { return c > 0xFFFF; });
  auto subset = SubsetFont(font_file->path, font_file->index, glyphs);
  if (!subset) return Error(kReceiptRenderFailed);

  HaruError err;
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter> pdf(HPDF_New(OnHaruError, &err));
  if (!pdf) return Error(kReceiptRenderFailed);
  HPDF_Doc d = pdf.get();
  HPDF_SetCompressionMode(d, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(d);
  HPDF_SetCurrentEncoder(d, "UTF-8");
  HPDF_SetInfoAttr(d, HPDF_INFO_CREATOR, "Anju");
  std::string title = docs.size() == 1 ? docs[0].number : fmt::format("收据 {} 张", docs.size());
  HPDF_SetInfoAttr(d, HPDF_INFO_TITLE, title.c_str());
  const char* name = LoadFontBytes(d, *subset);
  if (!name || err.code != HPDF_OK) return Error(kReceiptRenderFailed);
  HPDF_Font font = HPDF_GetFont(d, name, "UTF-8");
  if (!font || !FixToUnicode(font, glyphs)) return Error(kReceiptRenderFailed);

  auto [page_w, page_h] = PageSize(paper);
  // The form's place on the page: the top half of A4; scaled to the height of the 241 mm
  // paper and centred across it.
  float scale = paper == Paper::kContinuous241 ? page_h / kHeight : 1;
  float dx = (page_w - kWidth * scale) / 2, dy = page_h - kHeight * scale;
  for (const ReceiptDoc& doc : docs) {
    HPDF_Page page = HPDF_AddPage(d);
    HPDF_Page_SetWidth(page, page_w);
    if (paper == Paper::kSlip80) {  // a roll: the page is as long as the slip
      float length = -DrawSlip(nullptr, doc, 0).value_or(0);
      HPDF_Page_SetHeight(page, length);
      Canvas c(page, font, glyphs);
      if (!DrawSlip(&c, doc, length) || c.missing()) return Error(kReceiptRenderFailed);
      continue;
    }
    HPDF_Page_SetHeight(page, page_h);
    HPDF_Page_Concat(page, scale, 0, 0, scale, dx, dy);
    Canvas c(page, font, glyphs);
    if (!DrawReceipt(d, c, doc)) return Error(kReceiptRenderFailed);
  }
  if (err.code != HPDF_OK || HPDF_SaveToStream(d) != HPDF_OK) return Error(kReceiptRenderFailed);
  return ReadStream(d);
}

}  // namespace anju::receipts
