// Streaming the XML parts of a zip archive (an .xlsx) through expat: an entry is inflated in
// chunks by libzip and each chunk is parsed as it comes, so no part is ever whole in memory.
// Element and attribute names reach the handler as local names, without their namespace
// (so "x:row" and "row" are the same). A document type declaration is refused: SpreadsheetML
// has none, and refusing it closes the door on entity expansion.
#pragma once

#include <expat.h>
#include <zip.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace anju::tabular {

// The value of attribute `local` (e.g. "r", or "id" for r:id) in expat's list, or nullptr.
const char* Attr(const char** attrs, std::string_view local);

// What a part's parse calls. A handler that finds an error calls Stop().
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view name, const char** attrs) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view text) {}
  // Stops the parse with an error, which XmlStream::Step then returns.
  void Stop(Error e);

 private:
  friend class XmlStream;
  XML_Parser parser_ = nullptr;
  std::optional<Error> error_;
};

using ZipPtr = std::unique_ptr<zip_t, void (*)(zip_t*)>;

// Opens `path` as a zip archive. Errors: "not_xlsx" when it is not one; INTERNAL when the
// file cannot be read.
Result<ZipPtr> OpenZip(const std::string& path);

// One entry of an archive, parsed chunk by chunk into a handler.
class XmlStream {
 public:
  // nullptr when the archive has no entry `name`.
  static std::unique_ptr<XmlStream> Open(zip_t* zip, const std::string& name,
                                         XmlHandler* handler, size_t chunk_size);
  ~XmlStream();
  // Parses the next chunk. Returns true while there is more, false at the end of the entry;
  // an Error for malformed XML, a damaged archive, or the handler's Stop().
  Result<bool> Step();
  // Parses the rest of the entry.
  Status Run();
  // The entry's name, for messages.
  const std::string& name() const { return name_; }

 private:
  XmlStream() = default;
  zip_file_t* file_ = nullptr;
  XML_Parser parser_ = nullptr;
  XmlHandler* handler_ = nullptr;
  std::string name_;
  std::string chunk_;
  bool done_ = false;
};

}  // namespace anju::tabular
