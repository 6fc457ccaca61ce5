#include "core/tabular/zip_xml.h"

#include <cstring>

#include "core/tabular/file_error.h"

namespace anju::tabular {

namespace {

std::string_view Local(const char* name) {
  std::string_view n(name);
  size_t bar = n.rfind('|');  // expat joins namespace URI and local name with '|'
  return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

XmlHandler* HandlerOf(void* user) { return static_cast<XmlHandler*>(user); }

void OnStart(void* user, const char* name, const char** attrs) {
  HandlerOf(user)->Start(Local(name), attrs);
}
void OnEnd(void* user, const char* name) { HandlerOf(user)->End(Local(name)); }
void OnText(void* user, const char* s, int len) {
  HandlerOf(user)->Text(std::string_view(s, static_cast<size_t>(len)));
}
void OnDoctype(void* user, const char*, const char*, const char*, int) {
  HandlerOf(user)->Stop(FileError("malformed", "The spreadsheet contains a document type declaration"));
}

}  // namespace

const char* Attr(const char** attrs, std::string_view local) {
  for (size_t i = 0; attrs[i]; i += 2)
    if (Local(attrs[i]) == local) return attrs[i + 1];
  return nullptr;
}

void XmlHandler::Stop(Error e) {
  if (!error_) error_ = std::move(e);
  if (parser_) XML_StopParser(parser_, XML_FALSE);
}

Result<ZipPtr> OpenZip(const std::string& path) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) {
    if (err == ZIP_ER_OPEN || err == ZIP_ER_NOENT || err == ZIP_ER_READ || err == ZIP_ER_MEMORY)
      return Unreadable(path);
    return FileError("not_xlsx", "The file is not an .xlsx workbook (not a zip archive)");
  }
  return ZipPtr(z, [](zip_t* p) { zip_discard(p); });
}

std::unique_ptr<XmlStream> XmlStream::Open(zip_t* zip, const std::string& name,
                                           XmlHandler* handler, size_t chunk_size) {
  zip_file_t* f = zip_fopen(zip, name.c_str(), 0);
  if (!f) return nullptr;
  std::unique_ptr<XmlStream> s(new XmlStream());
  s->file_ = f;
  s->name_ = name;
  s->handler_ = handler;
  s->chunk_.resize(chunk_size == 0 ? 1 : chunk_size);
  s->parser_ = XML_ParserCreateNS(nullptr, '|');
  XML_SetUserData(s->parser_, handler);
  XML_SetElementHandler(s->parser_, OnStart, OnEnd);
  XML_SetCharacterDataHandler(s->parser_, OnText);
  XML_SetStartDoctypeDeclHandler(s->parser_, OnDoctype);
  handler->parser_ = s->parser_;
  return s;
}

XmlStream::~XmlStream() {
  if (handler_) handler_->parser_ = nullptr;
  if (parser_) XML_ParserFree(parser_);
  if (file_) zip_fclose(file_);
}

Result<bool> XmlStream::Step() {
  if (done_) return false;
  zip_int64_t n = zip_fread(file_, chunk_.data(), chunk_.size());
  if (n < 0)
    return FileError("malformed", "The spreadsheet is damaged (" + name_ + " cannot be unpacked)");
  bool last = n == 0;
  XML_Status st = XML_Parse(parser_, chunk_.data(), static_cast<int>(n), last);
  if (handler_->error_) return *handler_->error_;
  if (st != XML_STATUS_OK)
    return FileError("malformed", "The spreadsheet is damaged (" + name_ + ", XML line " +
                                      std::to_string(XML_GetCurrentLineNumber(parser_)) + ": " +
                                      XML_ErrorString(XML_GetErrorCode(parser_)) + ")");
  done_ = last;
  return !last;
}

Status XmlStream::Run() {
  for (;;) {
    auto more = Step();
    if (!more.ok()) return more.take_error();
    if (!*more) return Status::Ok();
  }
}

}  // namespace anju::tabular
