// Uploads (photos, signatures) and who may read them (files/).
//
// Design
// - An upload is raw bytes (POST /api/v1/files, any authenticated caller). Its type comes
//   from magic bytes (file_store.h); the request's Content-Type must name the same type
//   (else 415), so a script renamed .jpg, an SVG or an HTML page never gets in. Size:
//   1..kMaxPhotoBytes. The bytes go to disk first (file_store.h: temp file, fsync,
//   rename); then one transaction checks the uploader's rate, inserts the row and appends
//   the audit row. If that transaction fails the file is removed again, so a refused upload
//   leaves no row and no file. (A crash between the rename and the commit can leave an
//   orphan file without a row; it is unreachable, and a sweep can delete such files.)
// - Reading: a file is visible only inside its company. Until it is attached, only its
//   uploader may read it. Another module attaches it to something it owns (Attach, in that
//   module's transaction); from then on the access rule that module registered for its
//   owner_kind decides (RegisterOwnerAccess), and without one nobody may. Anything not
//   readable answers 404 FILE_NOT_FOUND, so existence is not revealed.
// - Rate limit: at most kUploadRateLimit uploads per user in kUploadRateWindow (429),
//   counted from the files table, so it holds across several instances.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/tenant.h"
#include "db/database.h"
#include "platform/audit/audit_log.h"
#include "platform/files/file_store.h"

namespace anju::files {

inline constexpr size_t kMaxPhotoBytes = 4 * 1024 * 1024;
inline constexpr int64_t kUploadRateLimit = 60;           // uploads per user …
inline constexpr Millis kUploadRateWindow = 10 * kMinute;  // … in this window

// Whether `ctx` may read a file attached to (owner_kind, owner_id). Runs inside the read
// transaction of the file read; must not write. Registered by the owning module.
using OwnerAccess =
    std::function<bool(db::Tx& tx, const TenantContext& ctx, int64_t owner_id)>;

struct StoredFile {
  int64_t id = 0;
  std::string content_type;
  std::string bytes;
  std::string_view extension;  // "jpg", for Content-Disposition
};

struct FileRef {
  int64_t id = 0;
  std::string content_type;
  std::string url;  // "/api/v1/files/{id}"
};

// An upload as stored: its type (from the magic bytes), size, SHA-256 (hex) and its URL.
struct FileUploaded {
  int64_t id = 0;
  std::string content_type;
  int64_t size_bytes = 0;
  std::string sha256;
  std::string url;  // "/api/v1/files/{id}"
};

// "/api/v1/files/{id}". (The JSON of a list of files: files_json.h ToJson.)
std::string UrlOf(int64_t file_id);

class FilesService {
 public:
  // Files are stored under <data_dir>/files.
  FilesService(db::Database& db, const Clock& clock, const std::filesystem::path& data_dir);

  // Replaces any earlier rule for the kind. Thread-safe; register at start-up.
  void RegisterOwnerAccess(std::string owner_kind, OwnerAccess fn);

  // Stores an upload of the caller; content_type: the request's Content-Type header.
  // Errors: FILE_EMPTY, FILE_TOO_LARGE (field `file`), FILE_TYPE_NOT_ALLOWED,
  // FILE_TYPE_MISMATCH, FILE_UPLOAD_RATE_LIMITED. Audited.
  Result<FileUploaded> Upload(const TenantContext& ctx, std::string_view content_type,
                              std::string_view bytes);
  Result<StoredFile> Read(const TenantContext& ctx, int64_t id);

  const FileStore& store() const { return store_; }

 private:
  bool MayRead(db::Tx& tx, const TenantContext& ctx, int64_t uploader_id,
               const std::string& owner_kind, int64_t owner_id) const;

  db::Database& db_;
  const Clock& clock_;
  FileStore store_;
  mutable std::shared_mutex access_mu_;
  std::map<std::string, OwnerAccess, std::less<>> access_;
};

// ---- for other modules, inside their own write transaction ----

// Attaches the caller's unattached uploads to (owner_kind, owner_id). Each id must be a file
// of `company_id`, uploaded by `uploader_id`, not yet attached, and appear once; otherwise
// nothing is attached and the error is FILE_NOT_ATTACHABLE (400) with `field`
// ("photos[2]" for the third id). Appends one audit row per file ("files.file.attach").
Status Attach(db::Tx& tx, int64_t company_id, const std::vector<int64_t>& file_ids,
              int64_t uploader_id, std::string_view owner_kind, int64_t owner_id,
              const audit::Actor& actor, Millis now, std::string_view field = "photos");

// The files attached to (owner_kind, owner_id), oldest first.
std::vector<FileRef> ListFor(db::Tx& tx, int64_t company_id, std::string_view owner_kind,
                             int64_t owner_id);

}  // namespace anju::files
