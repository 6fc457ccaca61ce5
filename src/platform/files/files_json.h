// The JSON forms of the files service's values: the upload reply (files_routes.cc) and the
// list of a thing's attached files that other modules' replies embed. The API contract
// (api/openapi.yaml) describes them.
#pragma once

#include <vector>

#include <boost/json.hpp>

#include "platform/files/files_service.h"

namespace anju::files {

// {content_type, size_bytes, sha256, id, url}: the 201 body of POST /api/v1/files.
boost::json::object UploadJson(const FileUploaded& f);
// [{id, content_type, url}]
boost::json::array ToJson(const std::vector<FileRef>& files);

}  // namespace anju::files
