// The files service's JSON forms (files_json.h).
#include "platform/files/files_json.h"

namespace anju::files {

namespace json = boost::json;

json::object UploadJson(const FileUploaded& f) {
  return json::object{{"content_type", f.content_type},
                      {"size_bytes", f.size_bytes},
                      {"sha256", f.sha256},
                      {"id", f.id},
                      {"url", f.url}};
}

json::array ToJson(const std::vector<FileRef>& files) {
  json::array out;
  out.reserve(files.size());
  for (const FileRef& f : files)
    out.push_back(json::object{{"id", f.id}, {"content_type", f.content_type}, {"url", f.url}});
  return out;
}

}  // namespace anju::files
