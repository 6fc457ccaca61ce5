#include "core/tabular/text_decoder.h"

#include <cerrno>

namespace anju::tabular {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// For a lead byte: the length of its character and the range of its second byte
// (RFC 3629, table 3-7 of the Unicode standard); len 0 for a byte that cannot lead.
struct Lead {
  int len;
  unsigned char lo, hi;
};

Lead LeadOf(unsigned char c) {
  if (c < 0x80) return {1, 0, 0};
  if (c >= 0xC2 && c <= 0xDF) return {2, 0x80, 0xBF};
  if (c == 0xE0) return {3, 0xA0, 0xBF};
  if (c == 0xED) return {3, 0x80, 0x9F};
  if (c >= 0xE1 && c <= 0xEF) return {3, 0x80, 0xBF};
  if (c == 0xF0) return {4, 0x90, 0xBF};
  if (c >= 0xF1 && c <= 0xF3) return {4, 0x80, 0xBF};
  if (c == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

}  // namespace

size_t Utf8Prefix(std::string_view s, bool* invalid) {
  size_t i = 0, n = s.size();
  *invalid = false;
  while (i < n) {
    Lead lead = LeadOf(static_cast<unsigned char>(s[i]));
    if (lead.len == 0) return *invalid = true, i;
    if (lead.len == 1) {
      ++i;
      continue;
    }
    for (int k = 1; k < lead.len; ++k) {
      if (i + k >= n) return i;  // cut short: the bytes so far were valid
      auto d = static_cast<unsigned char>(s[i + k]);
      bool ok = k == 1 ? d >= lead.lo && d <= lead.hi : d >= 0x80 && d <= 0xBF;
      if (!ok) return *invalid = true, i;
    }
    i += lead.len;
  }
  return i;
}

Encoding DetectEncoding(std::string_view head, bool whole) {
  if (head.substr(0, 3) == kBom) return Encoding::kUtf8;
  bool invalid = false;
  size_t valid = Utf8Prefix(head, &invalid);
  if (!invalid && (valid == head.size() || !whole)) return Encoding::kUtf8;
  return Encoding::kGb18030;
}

TextDecoder::TextDecoder(Encoding encoding) : encoding_(encoding) {
  if (encoding_ == Encoding::kGb18030) cd_ = iconv_open("UTF-8", "GB18030");
}

TextDecoder::~TextDecoder() {
  if (cd_ != reinterpret_cast<iconv_t>(-1)) iconv_close(cd_);
}

const char* TextDecoder::name() const {
  return encoding_ == Encoding::kGb18030 ? "GB18030" : "UTF-8";
}

void TextDecoder::DropBom(std::string& out, size_t from) {
  if (started_ || out.size() == from) return;
  started_ = true;  // decoders emit whole characters, so a BOM arrives in one piece
  if (std::string_view(out).substr(from, 3) == kBom) out.erase(from, 3);
}

bool TextDecoder::Decode(std::string_view bytes, std::string& out) {
  carry_.append(bytes);
  size_t from = out.size();
  bool ok;
  if (encoding_ == Encoding::kGb18030) {
    ok = DecodeGb18030(out);
  } else {
    bool invalid = false;
    size_t valid = Utf8Prefix(carry_, &invalid);
    out.append(carry_, 0, valid);
    carry_.erase(0, valid);
    ok = !invalid;
  }
  DropBom(out, from);
  return ok;
}

bool TextDecoder::DecodeGb18030(std::string& out) {
  if (cd_ == reinterpret_cast<iconv_t>(-1)) return false;  // glibc always has GB18030
  char* in = carry_.data();
  size_t in_left = carry_.size();
  while (in_left > 0) {
    // A GB18030 character of 1, 2 or 4 bytes becomes at most 4 bytes of UTF-8 (≤ 1.5×).
    size_t used = out.size(), room = in_left * 2 + 16;
    out.resize(used + room);
    char* to = out.data() + used;
    size_t to_left = room;
    size_t r = iconv(cd_, &in, &in_left, &to, &to_left);
    int err = errno;
    out.resize(used + (room - to_left));
    if (r != static_cast<size_t>(-1)) break;
    if (err == E2BIG) continue;
    if (err == EINVAL) break;  // a character cut short: keep it for the next chunk
    carry_.clear();            // EILSEQ: bytes that are not GB18030
    return false;
  }
  carry_.erase(0, carry_.size() - in_left);
  return true;
}

}  // namespace anju::tabular
