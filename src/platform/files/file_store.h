// The bytes of uploaded files on disk, and what they are.
//
// Contract
// - DetectType looks at magic bytes only (JPEG FF D8 FF; PNG 89 50 4E 47 0D 0A 1A 0A;
//   WebP "RIFF" <size> "WEBP"); a file name or a Content-Type never decides the type.
// - FileStore keeps each file at <root>/<company_id>/<first 2 hex>/<32 random hex>, where
//   root is <data_dir>/files. Put() writes a temporary file in the same folder, fsyncs it,
//   renames it into place and fsyncs the folder, so a file is either whole or absent.
//   Names are generated here (libsodium's CSPRNG), never taken from a client; Get()/Remove()
//   accept only names of that shape, so a database value cannot point outside the root.
// - Thread-safe (no shared state besides the file system).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace anju::files {

struct FileType {
  std::string_view content_type;  // "image/jpeg"
  std::string_view extension;     // "jpg"
};

// The type of `bytes` by their magic bytes, or nullopt for anything else.
std::optional<FileType> DetectType(std::string_view bytes);
// The extension for a stored content type ("bin" for an unknown one).
std::string_view ExtensionOf(std::string_view content_type);
// Whether `path` is `dir` or lies inside it (after resolving "..", symlinks where they exist).
bool PathIsInside(const std::filesystem::path& path, const std::filesystem::path& dir);

class FileStore {
 public:
  explicit FileStore(std::filesystem::path root) : root_(std::move(root)) {}
  const std::filesystem::path& root() const { return root_; }

  // Stores the bytes under a new random name and returns the name. Throws
  // std::runtime_error on an I/O failure (nothing is left behind).
  std::string Put(int64_t company_id, std::string_view bytes) const;
  // The bytes, or nullopt if the file is missing or the name is malformed.
  std::optional<std::string> Get(int64_t company_id, std::string_view name) const;
  // Removes a stored file (best effort; a missing file is fine).
  void Remove(int64_t company_id, std::string_view name) const;
  // Where a name lives (the name must be well-formed).
  std::filesystem::path PathOf(int64_t company_id, std::string_view name) const;

  static bool IsStorageName(std::string_view name);

 private:
  std::filesystem::path root_;
};

}  // namespace anju::files
