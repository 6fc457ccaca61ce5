// Bytes of a text file → UTF-8, incrementally: the file arrives in chunks that may split a
// multi-byte character anywhere, so a decoder keeps the few bytes of a character cut short
// and completes it with the next chunk. A leading byte-order mark (U+FEFF) is dropped.
#pragma once

#include <iconv.h>

#include <string>
#include <string_view>

namespace anju::tabular {

enum class Encoding { kAuto, kUtf8, kGb18030 };

// How many bytes of a file DetectEncoding looks at.
inline constexpr size_t kDetectBytes = 64 * 1024;

// The encoding of a file from its first bytes (`head`, at most kDetectBytes; `whole` when the
// file ends there): a UTF-8 byte-order mark, or valid UTF-8 throughout → kUtf8 (a character
// cut short at the end of a partial head still counts as valid); anything else → kGb18030.
Encoding DetectEncoding(std::string_view head, bool whole);

// The length of the longest prefix of `s` made of complete, valid UTF-8 characters (no
// overlong forms, surrogates or code points above U+10FFFF). `*invalid` tells whether the
// rest starts with bytes that can never become valid; otherwise the rest (at most 3 bytes)
// is a character cut short.
size_t Utf8Prefix(std::string_view s, bool* invalid);

class TextDecoder {
 public:
  explicit TextDecoder(Encoding encoding);  // kUtf8 or kGb18030
  ~TextDecoder();
  TextDecoder(const TextDecoder&) = delete;
  TextDecoder& operator=(const TextDecoder&) = delete;

  // Appends the UTF-8 text of the next `bytes` to `out`. False at bytes that are not valid in
  // the encoding; `out` then ends with all the text before them.
  bool Decode(std::string_view bytes, std::string& out);
  // The input has ended; false when it ended inside a character.
  bool Finish() const { return carry_.empty(); }
  // "UTF-8" or "GB18030", for messages.
  const char* name() const;

 private:
  bool DecodeGb18030(std::string& out);
  void DropBom(std::string& out, size_t from);

  Encoding encoding_;
  iconv_t cd_ = reinterpret_cast<iconv_t>(-1);
  std::string carry_;  // a character cut short, then the next chunk
  bool started_ = false;
};

}  // namespace anju::tabular
