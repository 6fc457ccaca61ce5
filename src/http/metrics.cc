#include "http/metrics.h"

#include <array>
#include <charconv>

namespace anju::http {
namespace {

// Methods outside this set are counted as "OTHER", so clients cannot mint series.
std::string_view CanonicalMethod(std::string_view m) {
  static constexpr std::string_view kKnown[] = {"GET", "HEAD",   "POST",   "PUT",
                                                "PATCH", "DELETE", "OPTIONS"};
  for (std::string_view k : kKnown) {
    if (m == k) return k;
  }
  return "OTHER";
}

void AppendEscaped(std::string& out, std::string_view label_value) {
  for (char c : label_value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
}

void AppendNumber(std::string& out, double v) {
  char buf[32];  // shortest text that reads back as the same double
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  out.append(buf, ec == std::errc() ? end : buf);
}

void AppendNumber(std::string& out, uint64_t v) { out += std::to_string(v); }

}  // namespace

struct Metrics::RouteStats {
  struct Counter {
    std::string method;
    int status;
    uint64_t count;
  };
  std::mutex mutex;
  std::vector<Counter> counters;                      // guarded by mutex
  std::array<uint64_t, kBucketCount + 1> buckets{};  // per bucket, last is +Inf; guarded
  double sum = 0;                                     // guarded
  uint64_t count = 0;                                 // guarded
};

Metrics::Metrics() = default;
Metrics::~Metrics() = default;

Metrics::RouteStats& Metrics::StatsFor(std::string_view route) {
  {
    std::shared_lock lock(routes_mutex_);
    auto it = routes_.find(route);
    if (it != routes_.end()) return *it->second;
  }
  std::unique_lock lock(routes_mutex_);
  auto it = routes_.find(route);
  if (it == routes_.end()) {
    it = routes_.emplace(std::string(route), std::make_unique<RouteStats>()).first;
  }
  return *it->second;
}

void Metrics::ObserveRequest(std::string_view method, std::string_view route, int status,
                             double seconds) {
  method = CanonicalMethod(method);
  if (status < 100 || status > 599) status = 0;
  if (!(seconds >= 0)) seconds = 0;  // also catches NaN
  size_t bucket = 0;
  while (bucket < kBucketCount && seconds > kBuckets[bucket]) ++bucket;

  RouteStats& stats = StatsFor(route);
  std::lock_guard lock(stats.mutex);
  ++stats.buckets[bucket];
  stats.sum += seconds;
  ++stats.count;
  for (RouteStats::Counter& c : stats.counters) {
    if (c.status == status && c.method == method) {
      ++c.count;
      return;
    }
  }
  stats.counters.push_back({std::string(method), status, 1});
}

void Metrics::AddOpenConnections(int delta) {
  open_connections_.fetch_add(delta, std::memory_order_relaxed);
}

int64_t Metrics::OpenConnections() const {
  return open_connections_.load(std::memory_order_relaxed);
}

void Metrics::SetGaugeSource(GaugeSource source) {
  auto shared = source ? std::make_shared<const GaugeSource>(std::move(source)) : nullptr;
  std::lock_guard lock(gauge_mutex_);
  gauge_source_ = std::move(shared);
}

std::string Metrics::Render() const {
  std::string out;
  out.reserve(4096);
  std::string counters;
  std::string histograms;
  {
    std::shared_lock lock(routes_mutex_);
    for (const auto& [route, stats_ptr] : routes_) {
      RouteStats& stats = *stats_ptr;
      std::lock_guard route_lock(stats.mutex);
      for (const RouteStats::Counter& c : stats.counters) {
        counters += "anju_http_requests_total{method=\"";
        AppendEscaped(counters, c.method);
        counters += "\",route=\"";
        AppendEscaped(counters, route);
        counters += "\",status=\"";
        counters += std::to_string(c.status);
        counters += "\"} ";
        AppendNumber(counters, c.count);
        counters += '\n';
      }
      uint64_t cumulative = 0;
      for (size_t i = 0; i <= kBucketCount; ++i) {
        cumulative += stats.buckets[i];
        histograms += "anju_http_request_duration_seconds_bucket{route=\"";
        AppendEscaped(histograms, route);
        histograms += "\",le=\"";
        if (i < kBucketCount) {
          AppendNumber(histograms, kBuckets[i]);
        } else {
          histograms += "+Inf";
        }
        histograms += "\"} ";
        AppendNumber(histograms, cumulative);
        histograms += '\n';
      }
      for (std::string_view suffix : {"_sum", "_count"}) {
        histograms += "anju_http_request_duration_seconds";
        histograms += suffix;
        histograms += "{route=\"";
        AppendEscaped(histograms, route);
        histograms += "\"} ";
        if (suffix == "_sum") {
          AppendNumber(histograms, stats.sum);
        } else {
          AppendNumber(histograms, stats.count);
        }
        histograms += '\n';
      }
    }
  }
  out += "# HELP anju_http_requests_total HTTP requests answered.\n";
  out += "# TYPE anju_http_requests_total counter\n";
  out += counters;
  out += "# HELP anju_http_request_duration_seconds Time from request read to reply.\n";
  out += "# TYPE anju_http_request_duration_seconds histogram\n";
  out += histograms;
  out += "# HELP anju_http_connections_open Open HTTP connections.\n";
  out += "# TYPE anju_http_connections_open gauge\n";
  out += "anju_http_connections_open ";
  AppendNumber(out, static_cast<double>(OpenConnections()));
  out += '\n';

  std::shared_ptr<const GaugeSource> source;
  {
    std::lock_guard lock(gauge_mutex_);
    source = gauge_source_;
  }
  if (source) {
    std::string last_name;
    for (const auto& [series, value] : (*source)()) {
      std::string_view name = std::string_view(series).substr(0, series.find('{'));
      if (name.empty()) continue;
      if (name != last_name) {
        last_name = std::string(name);
        out += "# HELP " + last_name + " Reported by the application.\n";
        out += "# TYPE " + last_name + " gauge\n";
      }
      out += series;
      out += ' ';
      AppendNumber(out, value);
      out += '\n';
    }
  }
  return out;
}

Metrics& GlobalMetrics() {
  static Metrics* metrics = new Metrics();  // never destroyed: used until process exit
  return *metrics;
}

}  // namespace anju::http
