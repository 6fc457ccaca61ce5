// Keyword rules: the explainable first opinion on a work order's category and urgency.
// Each category carries keywords (stored by the work-order module as one space-separated
// string per category); a description that contains a keyword votes for its category.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace anju::classify {

// The keywords of one category as the category tree stores them: "漏水 水管 停电 …".
struct CategoryKeywords {
  int64_t category_id = 0;
  std::string keywords;  // space-separated (ASCII or ideographic space); empty = no rule
};

// A category the rules voted for. score = the summed length in characters of the distinct
// keywords found (a longer keyword is more specific: "电梯困" outweighs "电梯").
struct RuleVote {
  int64_t category_id = 0;
  int score = 0;
};

struct RuleMatch {
  int64_t category_id = 0;  // the best vote; 0 = no keyword matched
  int score = 0;            // its score
  // How clear the vote is, per mille: the best score's share of all votes' scores
  // (1000 = only one category matched; 500 = a tie between two). 0 when nothing matched.
  int confidence = 0;
  std::vector<RuleVote> votes;       // every category with a match, best first (ties: list order)
  std::vector<std::string> matched;  // the keywords found, category ones then urgency ones
  bool urgent = false;               // an urgency keyword matched
};

class Rules {
 public:
  Rules() = default;
  // `urgent_keywords` is space-separated like a category's. Keywords are normalised like the
  // text (NormalizeText: ASCII lower-cased, full-width folded); duplicates are ignored.
  Rules(const std::vector<CategoryKeywords>& categories, std::string_view urgent_keywords);

  // Substring matching on the normalised text (UTF-8 is self-synchronising, so a byte match
  // of a keyword always starts on a character). Cost: O(keywords × text length).
  RuleMatch Match(std::string_view text) const;

  bool empty() const { return categories_.empty() && urgent_.empty(); }

 private:
  struct Category {
    int64_t id;
    std::vector<std::string> keywords;
  };
  std::vector<Category> categories_;
  std::vector<std::string> urgent_;
};

// Splits a space-separated keyword string (ASCII spaces, tabs, U+3000 ideographic spaces,
// commas ,，、) into normalised, distinct, non-empty keywords.
std::vector<std::string> SplitKeywords(std::string_view keywords);

// The default category tree's rule material, for seeding a company and for the demo.
struct DefaultCategory {
  std::string_view code;      // "plumbing" — the dispatch skill
  std::string_view name;      // "水电"
  std::string_view keywords;  // space-separated
};
const std::vector<DefaultCategory>& DefaultCategories();
inline constexpr std::string_view kDefaultUrgentKeywords =
    "漏水严重 冒水 着火 冒烟 困人 电梯困 触电 爆管 燃气 煤气";

}  // namespace anju::classify
