#include "modules/classify/text.h"

namespace anju::classify {
namespace {

// Decodes the code point at text[i], advancing i; returns -1 for an invalid byte (i + 1).
int32_t Decode(std::string_view text, size_t& i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > text.size()) {
    ++i;
    return -1;
  }
  if (len == 1) {
    ++i;
    return b0;
  }
  int32_t cp = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

int32_t FoldAscii(int32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
  if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
  return cp;
}

bool IsCjk(int32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool IsAsciiWordChar(int32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'); }

constexpr uint64_t kUnigram = 1ULL << 62, kBigram = 2ULL << 62, kWord = 3ULL << 62;
constexpr uint64_t kLow62 = (1ULL << 62) - 1;
constexpr uint64_t kFnvOffset = 1469598103934665603ULL, kFnvPrime = 1099511628211ULL;

}  // namespace

std::string NormalizeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    const int32_t cp = Decode(text, i);
    const int32_t folded = cp < 0 ? cp : FoldAscii(cp);
    if (folded >= 0 && folded < 0x80) {
      out.push_back(static_cast<char>(folded));
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

void ExtractFeatures(std::string_view text, std::vector<FeatureKey>& out) {
  out.clear();
  int32_t prev_cjk = -1;       // the CJK character just before, or -1 after a break
  uint64_t word = kFnvOffset;  // FNV-1a of the ASCII word being read
  bool in_word = false;
  size_t i = 0;
  while (i <= text.size()) {
    const int32_t cp = i < text.size() ? FoldAscii(Decode(text, i)) : (++i, -1);
    if (cp >= 0 && IsAsciiWordChar(cp)) {
      word = (word ^ static_cast<uint64_t>(cp)) * kFnvPrime;
      in_word = true;
      prev_cjk = -1;
      continue;
    }
    if (in_word) {
      out.push_back(kWord | (word & kLow62));
      word = kFnvOffset;
      in_word = false;
    }
    if (cp >= 0 && IsCjk(cp)) {
      out.push_back(kUnigram | static_cast<uint64_t>(cp));
      if (prev_cjk >= 0) {
        out.push_back(kBigram | (static_cast<uint64_t>(prev_cjk) << 21) |
                      static_cast<uint64_t>(cp));
      }
      prev_cjk = cp;
    } else {
      prev_cjk = -1;
    }
  }
}

int CodePointCount(std::string_view text) {
  int n = 0;
  for (size_t i = 0; i < text.size(); ++n) Decode(text, i);
  return n;
}

}  // namespace anju::classify
