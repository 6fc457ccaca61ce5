#include "platform/files/file_store.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>

namespace anju::files {

namespace fs = std::filesystem;

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

[[noreturn]] void Fail(const std::string& what, const fs::path& p) {
  throw std::runtime_error("files: " + what + " " + p.string() + ": " + std::strerror(errno));
}

void FsyncPath(const fs::path& p, int flags) {
  int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) Fail("open", p);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) Fail("fsync", p);
}

}  // namespace

std::optional<FileType> DetectType(std::string_view b) {
  if (StartsWith(b, "\xFF\xD8\xFF")) return FileType{"image/jpeg", "jpg"};
  if (StartsWith(b, "\x89PNG\r\n\x1A\n")) return FileType{"image/png", "png"};
  if (b.size() >= 12 && StartsWith(b, "RIFF") && b.substr(8, 4) == "WEBP")
    return FileType{"image/webp", "webp"};
  return std::nullopt;
}

std::string_view ExtensionOf(std::string_view content_type) {
  if (content_type == "image/jpeg") return "jpg";
  if (content_type == "image/png") return "png";
  if (content_type == "image/webp") return "webp";
  return "bin";
}

bool PathIsInside(const fs::path& path, const fs::path& dir) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  fs::path d = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  auto [dit, pit] = std::mismatch(d.begin(), d.end(), p.begin(), p.end());
  // A trailing separator of d yields one empty element at its end.
  return dit == d.end() || (std::next(dit) == d.end() && dit->empty());
}

bool FileStore::IsStorageName(std::string_view name) {
  if (name.size() != 32) return false;
  for (char c : name)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

fs::path FileStore::PathOf(int64_t company_id, std::string_view name) const {
  return root_ / std::to_string(company_id) / std::string(name.substr(0, 2)) / std::string(name);
}

std::string FileStore::Put(int64_t company_id, std::string_view bytes) const {
  unsigned char raw[16];
  randombytes_buf(raw, sizeof raw);
  char hex[sizeof raw * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
  std::string name(hex, sizeof raw * 2);

  fs::path final_path = PathOf(company_id, name);
  fs::path dir = final_path.parent_path();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error("files: create " + dir.string() + ": " + ec.message());
  fs::path tmp = dir / ("." + name + ".tmp");
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) Fail("create", tmp);
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int saved = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      errno = saved;
      Fail("write", tmp);
    }
    done += static_cast<size_t>(n);
  }
  int synced = ::fsync(fd);
  int closed = ::close(fd);
  if (synced != 0 || closed != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    Fail("fsync", tmp);
  }
  if (::rename(tmp.c_str(), final_path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    errno = saved;
    Fail("rename", final_path);
  }
  FsyncPath(dir, O_RDONLY | O_DIRECTORY);
  return name;
}

std::optional<std::string> FileStore::Get(int64_t company_id, std::string_view name) const {
  if (!IsStorageName(name)) return std::nullopt;
  std::ifstream in(PathOf(company_id, name), std::ios::binary);
  if (!in) return std::nullopt;
  std::string out((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return out;
}

void FileStore::Remove(int64_t company_id, std::string_view name) const {
  if (!IsStorageName(name)) return;
  std::error_code ec;
  fs::remove(PathOf(company_id, name), ec);
}

}  // namespace anju::files
