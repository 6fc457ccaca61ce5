// A page of a list: which page (1-based) and how many rows. Services take it; the HTTP edge
// reads it from ?page=&size= (http/reply.h PageOf), which keeps 1 ≤ size ≤ kMaxPageSize.
#pragma once

#include <cstdint>

namespace anju {

inline constexpr int64_t kDefaultPageSize = 20;
inline constexpr int64_t kMaxPageSize = 100;

struct Page {
  int64_t page = 1;  // 1-based
  int64_t size = kDefaultPageSize;
  int64_t offset() const { return (page - 1) * size; }
};

}  // namespace anju
