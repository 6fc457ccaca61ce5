#include "modules/classify/samples.h"

#include <array>

namespace anju::classify {
namespace {

// Phrases are '|'-separated. `weight` = share of orders; `urgent_per_mille` = how often an
// order of the category is urgent (then one of `urgent` is used); `indoor` = places are
// inside a home (户内) rather than public areas (公区).
struct Template {
  std::string_view code;
  int weight;
  int urgent_per_mille;
  bool indoor;
  std::string_view normal;
  std::string_view urgent;
};

constexpr std::array<Template, 8> kTemplates = {{
    {"plumbing", 22, 180, true,
     "水龙头一直滴水关不紧|厨房水管接口漏水|天花板往下渗水|家里突然停电了|空开老是跳闸|"
     "插座没电，充不了电|下水道返臭味|马桶堵了冲不下去|洗手池下水很慢|热水器没有热水|"
     "墙上开关坏了，按了没反应|水压特别小，洗澡都不行|地漏反水|电表箱有滋滋的响声|"
     "楼上渗水到我家吊顶|洗衣机排水管漏水|厨房灯的电线老化",
     "水管爆了，家里到处是水|爆管了，水一直往外冒|卫生间漏水严重，已经流到楼下|"
     "插座冒烟了，有焦味|配电箱打火花|有人触电了|地漏往外冒水|水漫到客厅了"},
    {"carpentry", 12, 50, true,
     "防盗门锁芯坏了打不开|窗户关不严，漏风|纱窗破了个洞|阳台推拉门卡住推不动|门把手松了|"
     "卧室门合页响|玻璃裂了一道缝|入户门关不上|柜门掉下来了|窗框密封条老化脱落|"
     "房门变形，关门很费劲|晾衣架摇不下来|门锁钥匙断在里面了",
     "窗户玻璃掉下来了，楼下有人经过|防盗门锁坏了，老人被锁在屋里|窗扇脱落悬在外面"},
    {"elevator", 8, 250, false,
     "电梯运行时有异响|电梯门关不上|电梯按钮失灵，按了没反应|电梯停在8楼不动了|"
     "轿厢里的灯不亮|电梯平层不准，出来要跨一步|直梯一直停运|扶梯突然停了|"
     "梯子晃得厉害，坐着害怕|电梯显示屏不显示楼层|电梯经常停在顶层不下来",
     "电梯困人，里面有老人小孩|电梯突然下坠，有人被关在里面|电梯卡在两层中间，有人出不来|"
     "电梯困了两个人"},
    {"lighting", 9, 60, false,
     "楼道灯不亮|声控灯拍手没反应|路灯坏了晚上很黑|车库的灯一闪一闪的|单元门口的灯坏了|"
     "景观灯一直不亮|地下室照明太暗|楼梯间灯泡烧了|小区晚上太黑了，灯都不开|"
     "路灯白天也亮着，浪费电|大堂吊灯有几个不亮",
     "路灯杆倒了，电线露在外面|楼道灯线路冒烟"},
    {"greening", 6, 30, false,
     "树枝伸到我家窗户了|草坪很久没修剪了|花坛里全是杂草|绿化带有人种菜|树上有马蜂窝|"
     "草长得太高，蚊子多|灌木挡住了路|草地喷头一直喷水|枯死的树需要移走|"
     "绿篱长得乱七八糟|树叶把排水沟盖住了",
     "大树被风刮倒压住了车|大树枝断了悬在路上"},
    {"cleaning", 12, 20, false,
     "楼道里堆满了垃圾|垃圾桶满了没人清理|电梯里有人吐了，请打扫一下|地下车库有一股异味|"
     "楼梯扶手很多灰|大堂地面很脏|草地上有狗屎没人管|外墙玻璃很脏|小广告贴得到处都是|"
     "楼道里有老鼠|落叶太多没人扫|消防楼梯有烟头",
     "楼道里有一大摊油，已经有人滑倒了"},
    {"security", 10, 150, false,
     "门禁刷卡没反应|有陌生人在楼下转悠|电动车被盗了，要查监控|夜里没看到保安巡逻|"
     "外卖员随便进出小区|车库道闸抬不起来|有人翻墙进来|人脸识别进不了门|"
     "消防通道被车堵住了|访客登记太松|车位被别人占了",
     "闻到很浓的燃气味|楼道着火了|有人撬门入室盗窃|有人在小区打架|地下车库冒烟"},
    {"service", 21, 10, false,
     "投诉楼上装修噪音太大|投诉维修师傅态度不好|邻居在楼道堆放杂物|楼上天天半夜跺脚，太吵了|"
     "有人在小区里遛狗不牵绳|请问物业费怎么交|咨询一下停车位怎么租|想问下装修需要办什么手续|"
     "快递柜在哪里|发票怎么开|建议在小区增加充电桩|希望多装几个健身器材|建议周末也开放泳池|"
     "表扬保安小王帮我搬东西|感谢维修师傅及时修好了水管|保洁阿姨很负责，点赞|"
     "谢谢物业帮忙找回了钱包|楼道有人抽烟，烟味很大|燃气表怎么充值|建议在电梯里禁止抽烟",
     "业主晕倒在大堂，需要帮忙"},
}};

// Orders that honestly belong to two trades: text, first code, its share per mille, second.
struct Confusable {
  std::string_view text, first;
  int first_per_mille;
  std::string_view second;
};
constexpr std::array<Confusable, 8> kConfusables = {{
    {"楼道灯的线路坏了", "lighting", 600, "plumbing"},
    {"单元门禁门关不上", "security", 550, "carpentry"},
    {"电梯厅很脏", "cleaning", 700, "elevator"},
    {"投诉水管漏了三天没人修", "service", 500, "plumbing"},
    {"车库道闸的灯不亮", "security", 500, "lighting"},
    {"树枝挡住了路灯", "greening", 500, "lighting"},
    {"阳台漏雨", "carpentry", 500, "plumbing"},
    {"单元门坏了", "carpentry", 600, "security"},
}};

constexpr std::string_view kOpeners =
    "|||您好，|你好，|物业你好，|麻烦一下，|师傅，|业主反映：|报修：";
constexpr std::string_view kTimes = "|||从昨天开始|今天早上|已经三天了，|刚刚|最近一周|晚上";
constexpr std::string_view kClosers =
    "|||，请尽快处理|，谢谢|，麻烦派人来看看|。|！|，急|，下午在家|，电话联系我";
constexpr std::string_view kUrgentClosers = "！|，请马上来人！|，快来人！|，非常危险|！！";
constexpr std::string_view kRooms = "卫生间|厨房|阳台|主卧|客厅|次卧";
constexpr std::string_view kPublic =
    "地下车库|东门|西门|南门口|大堂|楼道|小区花园|儿童乐园|会所|篮球场旁边|电梯厅|北门";

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  bool PerMille(int p) { return Below(1000) < p; }
  std::string Num(int lo, int hi) { return std::to_string(lo + Below(hi - lo + 1)); }

 private:
  uint64_t state_;
};

// A uniformly chosen '|'-separated item of `list` (empty items allowed).
std::string_view Pick(Rng& rng, std::string_view list) {
  int count = 1;
  for (char ch : list) count += ch == '|' ? 1 : 0;
  int k = rng.Below(count);
  size_t start = 0;
  while (k-- > 0) start = list.find('|', start) + 1;
  const size_t end = list.find('|', start);
  return list.substr(start, end == std::string_view::npos ? end : end - start);
}

std::string Place(Rng& rng, bool indoor) {
  const std::string building = rng.Num(1, 18);
  switch (rng.Below(indoor ? 4 : 5)) {
    case 0:
      return "";
    case 1:
      return building + "栋" + rng.Num(1, 4) + "单元";
    case 2:
      if (indoor)
        return building + "-" + rng.Num(1, 3) + "-" + rng.Num(1, 32) + "0" + rng.Num(1, 4);
      return building + "号楼";
    default:
      return indoor ? std::string(Pick(rng, kRooms)) : std::string(Pick(rng, kPublic));
  }
}

}  // namespace

std::vector<GeneratedSample> GenerateSamples(size_t n, uint64_t seed) {
  int total_weight = 0;
  for (const Template& t : kTemplates) total_weight += t.weight;
  Rng rng(seed);
  std::vector<GeneratedSample> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    int w = rng.Below(total_weight);
    size_t ti = 0;
    while (w >= kTemplates[ti].weight) w -= kTemplates[ti++].weight;
    const Template& t = kTemplates[ti];
    GeneratedSample s{{}, t.code, rng.PerMille(t.urgent_per_mille)};
    std::string_view problem = Pick(rng, s.urgent ? t.urgent : t.normal);
    if (!s.urgent && rng.PerMille(80)) {  // a two-trade order
      const Confusable& c = kConfusables[rng.Below(kConfusables.size())];
      problem = c.text;
      s.category_code = rng.PerMille(c.first_per_mille) ? c.first : c.second;
    }
    s.text.append(Pick(rng, kOpeners));
    if (rng.PerMille(500)) s.text.append(Place(rng, t.indoor));
    s.text.append(Pick(rng, kTimes)).append(problem);
    s.text.append(Pick(rng, s.urgent && rng.PerMille(600) ? kUrgentClosers : kClosers));
    if (rng.PerMille(30)) s.category_code = kTemplates[rng.Below(kTemplates.size())].code;
    if (rng.PerMille(15)) s.urgent = !s.urgent;  // urgency set by hand, inconsistently
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Sample> WithCategoryIds(std::span<const GeneratedSample> samples,
                                    const std::map<std::string, int64_t, std::less<>>& ids) {
  std::vector<Sample> out;
  out.reserve(samples.size());
  for (const GeneratedSample& g : samples) {
    auto it = ids.find(g.category_code);
    if (it != ids.end()) out.push_back({g.text, it->second, g.urgent});
  }
  return out;
}

}  // namespace anju::classify
