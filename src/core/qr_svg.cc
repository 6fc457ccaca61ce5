#include "core/qr_svg.h"

#include <memory>

#include <fmt/format.h>
#include <qrencode.h>

namespace anju {

std::optional<std::string> QrSvg(const std::string& text) {
  std::unique_ptr<QRcode, void (*)(QRcode*)> qr(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!qr) return std::nullopt;
  const int n = qr->width, quiet = 4, size = n + 2 * quiet;
  std::string path;
  for (int row = 0; row < n; ++row)
    for (int col = 0; col < n;) {
      if (!(qr->data[row * n + col] & 1)) { ++col; continue; }
      int end = col;
      while (end < n && (qr->data[row * n + end] & 1)) ++end;
      path += fmt::format("M{} {}h{}v1h-{}z", col + quiet, row + quiet, end - col, end - col);
      col = end;
    }
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {0} {0}\" width=\"{1}\" "
      "height=\"{1}\" shape-rendering=\"crispEdges\"><rect width=\"{0}\" height=\"{0}\" "
      "fill=\"#fff\"/><path fill=\"#000\" d=\"{2}\"/></svg>",
      size, size * 8, path);
}

}  // namespace anju
