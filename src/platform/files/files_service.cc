#include "platform/files/files_service.h"

#include <mutex>
#include <set>

#include <spdlog/spdlog.h>

#include "core/crypto.h"
#include "platform/files/files_errors.h"

namespace anju::files {

namespace json = boost::json;

namespace {

// "image/JPEG; charset=x" → "image/jpeg".
std::string MediaType(std::string_view header) {
  std::string_view media = header.substr(0, header.find(';'));
  while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.remove_prefix(1);
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  std::string out(media);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

}  // namespace

std::string UrlOf(int64_t file_id) { return "/api/v1/files/" + std::to_string(file_id); }

FilesService::FilesService(db::Database& db, const Clock& clock,
                           const std::filesystem::path& data_dir)
    : db_(db), clock_(clock), store_(data_dir / "files") {}

void FilesService::RegisterOwnerAccess(std::string owner_kind, OwnerAccess fn) {
  std::unique_lock lock(access_mu_);
  access_[std::move(owner_kind)] = std::move(fn);
}

Result<FileUploaded> FilesService::Upload(const TenantContext& ctx,
                                          std::string_view content_type, std::string_view bytes) {
  if (bytes.empty()) return Error(kFileEmpty).WithField("file", "required", kFileEmpty.message);
  if (bytes.size() > kMaxPhotoBytes)
    return Error(kFileTooLarge).WithField("file", "too_large", kFileTooLarge.message);
  auto type = DetectType(bytes);
  if (!type) return Error(kFileTypeNotAllowed);
  if (MediaType(content_type) != type->content_type)
    return Error(kFileTypeMismatch, std::string("The Content-Type must be ") +
                                        std::string(type->content_type) + " for this file");
  Millis now = clock_.Now();
  auto recent = [&](db::Tx& tx) {
    return tx.QueryOne("SELECT COUNT(*) FROM files WHERE uploader_id = ? AND created_at > ?",
                       {ctx.user_id, now - kUploadRateWindow})->Int(0);
  };
  // Cheap check first, so a limited caller does not make us write to disk.
  if (db_.Run(db::TxMode::kRead, recent) >= kUploadRateLimit) return Error(kUploadRateLimited);

  std::string sha = crypto::Sha256Hex(bytes);
  std::string name = store_.Put(ctx.company_id, bytes);
  bool kept = false;
  struct Cleanup {
    const FileStore& store;
    int64_t company;
    const std::string& name;
    const bool& kept;
    ~Cleanup() {
      if (!kept) store.Remove(company, name);
    }
  } cleanup{store_, ctx.company_id, name, kept};

  auto r = db_.Run(db::TxMode::kWrite, [&](db::Tx& tx) -> Result<FileUploaded> {
    if (recent(tx) >= kUploadRateLimit) return Error(kUploadRateLimited);
    std::string ct(type->content_type);
    int64_t size = static_cast<int64_t>(bytes.size());
    int64_t id = tx.InsertId(
        "INSERT INTO files (company_id, uploader_id, content_type, size_bytes, sha256, "
        "storage_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {ctx.company_id, ctx.user_id, ct, size, sha, name, now});
    json::object after{{"content_type", ct}, {"size_bytes", size}, {"sha256", sha}};
    audit::Append(tx, audit::Actor::Of(ctx),
                  {"files.file.upload", "file", id, std::nullopt, nullptr, after}, now);
    return FileUploaded{id, ct, size, sha, UrlOf(id)};
  });
  kept = r.ok();
  return r;
}

bool FilesService::MayRead(db::Tx& tx, const TenantContext& ctx, int64_t uploader_id,
                           const std::string& owner_kind, int64_t owner_id) const {
  if (owner_kind.empty()) return uploader_id == ctx.user_id;
  OwnerAccess fn;
  {
    std::shared_lock lock(access_mu_);
    auto it = access_.find(owner_kind);
    if (it == access_.end()) return false;
    fn = it->second;
  }
  return fn(tx, ctx, owner_id);
}

Result<StoredFile> FilesService::Read(const TenantContext& ctx, int64_t id) {
  std::string name;
  auto found = db_.Run(db::TxMode::kRead, [&](db::Tx& tx) -> Result<StoredFile> {
    auto row = tx.QueryOne(
        "SELECT uploader_id, content_type, storage_name, owner_kind, owner_id FROM files "
        "WHERE id = ? AND company_id = ?",
        {id, ctx.company_id});
    if (!row || !MayRead(tx, ctx, row->Int(0), row->Str(3), row->Int(4)))
      return Error(kFileNotFound);
    StoredFile f;
    f.id = id;
    f.content_type = row->Str(1);
    f.extension = ExtensionOf(f.content_type);
    name = row->Str(2);
    return f;
  });
  if (!found.ok()) return found;
  auto bytes = store_.Get(ctx.company_id, name);
  if (!bytes) {
    spdlog::error("files: file {} ({}) is missing from {}", id, name,
                  store_.root().string());
    return Error(errors::kInternal);
  }
  found->bytes = std::move(*bytes);
  return found;
}

Status Attach(db::Tx& tx, int64_t company_id, const std::vector<int64_t>& file_ids,
              int64_t uploader_id, std::string_view owner_kind, int64_t owner_id,
              const audit::Actor& actor, Millis now, std::string_view field) {
  auto refuse = [&](size_t i) {
    return Error(kFileNotAttachable)
        .WithField(std::string(field) + "[" + std::to_string(i) + "]", "not_attachable",
                   kFileNotAttachable.message);
  };
  if (owner_kind.empty() || owner_id <= 0)
    return Error(errors::kValidation).WithField(std::string(field), "invalid");
  std::set<int64_t> seen;
  for (size_t i = 0; i < file_ids.size(); ++i) {
    auto row = tx.QueryOne("SELECT uploader_id, owner_kind FROM files WHERE id = ? AND company_id = ?",
                           {file_ids[i], company_id});
    if (!row || row->Int(0) != uploader_id || !row->Str(1).empty() ||
        !seen.insert(file_ids[i]).second)
      return refuse(i);
  }
  std::string kind(owner_kind);
  for (size_t i = 0; i < file_ids.size(); ++i) {
    // The condition makes a concurrent attach of the same file lose cleanly.
    if (tx.Exec("UPDATE files SET owner_kind = ?, owner_id = ? WHERE id = ? AND owner_kind = ''",
                {kind, owner_id, file_ids[i]}) != 1)
      return refuse(i);
    audit::Append(tx, actor,
                  {"files.file.attach", "file", file_ids[i], std::nullopt, nullptr,
                   json::object{{"owner_kind", kind}, {"owner_id", owner_id}}},
                  now);
  }
  return Status::Ok();
}

std::vector<FileRef> ListFor(db::Tx& tx, int64_t company_id, std::string_view owner_kind,
                             int64_t owner_id) {
  std::vector<FileRef> out;
  for (const db::Row& r : tx.Query(
           "SELECT id, content_type FROM files WHERE company_id = ? AND owner_kind = ? AND "
           "owner_id = ? ORDER BY id",
           {company_id, std::string(owner_kind), owner_id}))
    out.push_back({r.Int(0), r.Str(1), UrlOf(r.Int(0))});
  return out;
}

}  // namespace anju::files
