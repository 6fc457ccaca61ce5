#include "modules/classify/rules.h"

#include <algorithm>

#include "modules/classify/text.h"

namespace anju::classify {

std::vector<std::string> SplitKeywords(std::string_view keywords) {
  // Separators: ASCII space, tab, newline, comma; U+3000 (ideographic space), U+FF0C (，), U+3001
  // (、).
  static constexpr std::string_view kWide[] = {"\xE3\x80\x80", "\xEF\xBC\x8C", "\xE3\x80\x81"};
  std::string text;
  text.reserve(keywords.size());
  for (size_t i = 0; i < keywords.size();) {
    bool wide = false;
    for (std::string_view w : kWide) wide = wide || keywords.substr(i).starts_with(w);
    text.push_back(wide ? ' ' : keywords[i]);
    i += wide ? 3 : 1;
  }
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find_first_of(" \t\r\n,", i);
    if (j == std::string::npos) j = text.size();
    if (j > i) {
      std::string kw = NormalizeText(std::string_view(text).substr(i, j - i));
      if (std::find(out.begin(), out.end(), kw) == out.end()) out.push_back(std::move(kw));
    }
    i = j + 1;
  }
  return out;
}

Rules::Rules(const std::vector<CategoryKeywords>& categories, std::string_view urgent_keywords)
    : urgent_(SplitKeywords(urgent_keywords)) {
  for (const CategoryKeywords& c : categories) {
    auto kws = SplitKeywords(c.keywords);
    if (!kws.empty()) categories_.push_back({c.category_id, std::move(kws)});
  }
}

RuleMatch Rules::Match(std::string_view text) const {
  RuleMatch m;
  const std::string norm = NormalizeText(text);
  int total = 0;
  for (const Category& c : categories_) {
    int score = 0;
    for (const std::string& kw : c.keywords) {
      if (norm.find(kw) == std::string::npos) continue;
      score += CodePointCount(kw);
      m.matched.push_back(kw);
    }
    if (score == 0) continue;
    total += score;
    m.votes.push_back({c.id, score});
  }
  std::stable_sort(m.votes.begin(), m.votes.end(),
                   [](const RuleVote& a, const RuleVote& b) { return a.score > b.score; });
  if (!m.votes.empty()) {
    m.category_id = m.votes[0].category_id;
    m.score = m.votes[0].score;
    m.confidence = (m.score * 1000 + total / 2) / total;
  }
  for (const std::string& kw : urgent_) {
    if (norm.find(kw) == std::string::npos) continue;
    m.urgent = true;
    m.matched.push_back(kw);
  }
  return m;
}

const std::vector<DefaultCategory>& DefaultCategories() {
  static const std::vector<DefaultCategory> kDefaults = {
      {"plumbing", "水电", "漏水 水管 停电 跳闸 插座 水龙头 下水道 堵"},
      {"carpentry", "门窗",
       "门锁 窗户 玻璃 合页 防盗门 纱窗 门把手 关不上 推拉门 柜门 窗框 入户门"},
      {"elevator", "电梯", "电梯 轿厢 困人 按钮 扶梯 直梯 平层"},
      {"lighting", "公共照明", "路灯 楼道灯 照明 灯泡 灯不亮 声控灯 景观灯 吊灯 太黑"},
      {"greening", "绿化", "草坪 树 绿化 修剪 杂草 浇水 花坛 草地 灌木 绿篱"},
      {"cleaning", "保洁", "垃圾 打扫 清扫 卫生 异味 清理 很脏 小广告 灰尘"},
      {"security", "安防", "门禁 监控 保安 陌生人 小偷 被盗 巡逻 道闸 翻墙 打架 盗窃"},
      {"service", "客服", "投诉 建议 咨询 表扬 感谢 请问 物业费 噪音 太吵 发票 点赞"},
  };
  return kDefaults;
}

}  // namespace anju::classify
