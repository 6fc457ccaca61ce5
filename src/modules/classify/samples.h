// Realistic past work orders for the demo and the tests: Chinese descriptions built from
// templates for the default categories (rules.h DefaultCategories), with places, openers,
// times and closings in varied order, ~10 % urgent, and the mess real history has — phrases
// that name no keyword, phrases that belong to two trades (楼道灯的线路 → 水电 or 公共照明),
// words that mislead keyword rules (感谢师傅修好了水管 is a 客服 praise), and ~3 % of orders
// filed under a wrong category. So neither rules nor model can reach 100 %.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "modules/classify/model.h"

namespace anju::classify {

struct GeneratedSample {
  std::string text;
  std::string_view category_code;  // a DefaultCategories() code: "plumbing", … "service"
  bool urgent = false;
};

// n samples; the same (n, seed) always gives the same samples (own SplitMix64 stream, no
// <random> distributions, whose output differs between standard libraries).
std::vector<GeneratedSample> GenerateSamples(size_t n, uint64_t seed);

// Training samples with the caller's category ids; samples whose code has no id are dropped.
std::vector<Sample> WithCategoryIds(std::span<const GeneratedSample> samples,
                                    const std::map<std::string, int64_t, std::less<>>& ids);

}  // namespace anju::classify
