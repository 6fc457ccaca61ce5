// Cutting a TrueType face down to the glyphs a document uses (HarfBuzz's hb-subset), so a
// receipt embeds a few hundred glyphs instead of a 17 MB CJK collection's face.
// Thread-safe: each call owns its HarfBuzz objects.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace anju::receipts {

// Face `index` of the TrueType file or collection at `path`, reduced to the glyphs of
// `code_points` (and .notdef), hinting dropped, glyphs renumbered, as the bytes of a
// standalone .ttf; nullopt when the file cannot be read or HarfBuzz cannot cut it.
std::optional<std::string> SubsetFont(const std::string& path, int index,
                                      const std::set<char32_t>& code_points);

// The code points of UTF-8 `text` added to `out` (a malformed byte is skipped).
void AddCodePoints(std::string_view text, std::set<char32_t>& out);

}  // namespace anju::receipts
