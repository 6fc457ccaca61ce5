// A QR code as a standalone SVG image (labels on public places and assets): black modules
// on white, a 4-module quiet zone, one path, scalable for printing.
#pragma once

#include <optional>
#include <string>

namespace anju {

// nullopt when the text does not fit a QR code.
std::optional<std::string> QrSvg(const std::string& text);

}  // namespace anju
