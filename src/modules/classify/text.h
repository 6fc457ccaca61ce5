// Text handling shared by the keyword rules and the classifier: normalisation and n-gram
// feature keys. Pure functions over UTF-8; invalid bytes are skipped, never thrown on.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace anju::classify {

// ASCII letters lower-cased and full-width ASCII (Ａ１！, U+FF01–U+FF5E) folded to ASCII;
// everything else, including invalid bytes, kept as is. Keyword rules match on this form.
std::string NormalizeText(std::string_view text);

// One feature of a text, exactly encoded in 64 bits (no table, no collisions for CJK):
//   bits 63–62 = 1: a CJK character, low bits its code point
//   bits 63–62 = 2: two adjacent CJK characters, (first << 21) | second
//   bits 63–62 = 3: an ASCII word (letters/digits, lower-cased), 62 bits of its FNV-1a hash
using FeatureKey = uint64_t;

// Replaces `out` with the features of `text` in reading order, repeats kept (counts matter
// to a multinomial model). CJK = the unified ideographs (basic, extension A, compatibility,
// supplementary planes 2–3). Whitespace, punctuation, symbols and other scripts are ignored
// and break runs: a bigram never spans them, nor an ASCII word.
void ExtractFeatures(std::string_view text, std::vector<FeatureKey>& out);

// Number of code points (invalid bytes count one each): a keyword's length for rule scores.
int CodePointCount(std::string_view text);

}  // namespace anju::classify
