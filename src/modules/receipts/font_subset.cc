#include "modules/receipts/font_subset.h"

#include <hb-subset.h>
#include <hb.h>

#include <memory>

namespace anju::receipts {

namespace {

struct BlobDeleter {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct FaceDeleter {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct InputDeleter {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};

}  // namespace

std::optional<std::string> SubsetFont(const std::string& path, int index,
                                      const std::set<char32_t>& code_points) {
  // The file is mapped, not read: a CJK collection is large and only a few glyphs are used.
  std::unique_ptr<hb_blob_t, BlobDeleter> blob(hb_blob_create_from_file_or_fail(path.c_str()));
  if (!blob) return std::nullopt;
  std::unique_ptr<hb_face_t, FaceDeleter> face(hb_face_create(blob.get(), index));
  if (hb_face_get_glyph_count(face.get()) == 0) return std::nullopt;
  std::unique_ptr<hb_subset_input_t, InputDeleter> input(hb_subset_input_create_or_fail());
  if (!input) return std::nullopt;
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t c : code_points) hb_set_add(unicodes, c);
  // Hints matter on screens at small sizes, not in a PDF that is printed or zoomed.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  std::unique_ptr<hb_face_t, FaceDeleter> subset(hb_subset_or_fail(face.get(), input.get()));
  if (!subset) return std::nullopt;
  std::unique_ptr<hb_blob_t, BlobDeleter> out(hb_face_reference_blob(subset.get()));
  unsigned int length = 0;
  const char* data = hb_blob_get_data(out.get(), &length);
  if (!data || length == 0) return std::nullopt;
  return std::string(data, length);
}

void AddCodePoints(std::string_view text, std::set<char32_t>& out) {
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    int n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > text.size()) {
      ++i;
      continue;
    }
    char32_t c = n == 1 ? b : b & (0x7F >> n);
    bool ok = true;
    for (int k = 1; k < n; ++k) {
      auto cont = static_cast<unsigned char>(text[i + k]);
      if ((cont & 0xC0) != 0x80) ok = false;
      c = (c << 6) | (cont & 0x3F);
    }
    if (ok) out.insert(c);
    i += ok ? n : 1;
  }
}

}  // namespace anju::receipts
