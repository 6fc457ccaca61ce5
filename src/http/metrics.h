// Process metrics in the Prometheus text format (0.0.4), served by GET /metrics.
//
// Contract
// - Thread-safe: every method may be called from any thread at any time.
// - ObserveRequest() is on the request hot path: after the first request of a route it
//   takes a shared lock on the route table and one short per-route mutex; no allocation.
// - Label values are escaped on output; routes should be patterns ("/api/v1/houses/{id}"),
//   never raw paths, so the number of series stays bounded.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace anju::http {

class Metrics {
 public:
  // Series (full name with labels, e.g. `anju_db_pool_connections{state="in_use"}`) and
  // value pairs, sampled at each Render(). Each distinct metric name is typed a gauge.
  using GaugeSource = std::function<std::vector<std::pair<std::string, double>>()>;

  // Upper bounds of the request duration histogram, in seconds (+Inf is implied).
  static constexpr double kBuckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                        0.25,  0.5,    1,     2.5,  5,    10};
  static constexpr size_t kBucketCount = sizeof(kBuckets) / sizeof(kBuckets[0]);

  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Counts one answered request: anju_http_requests_total{method,route,status} and
  // anju_http_request_duration_seconds{route}.
  void ObserveRequest(std::string_view method, std::string_view route, int status,
                      double seconds);
  // anju_http_connections_open; the server adds +1 on accept and -1 on close.
  void AddOpenConnections(int delta);
  int64_t OpenConnections() const;
  // Replaces the gauge source (nullptr removes it). The source is called without any
  // Metrics lock held and must be thread-safe.
  void SetGaugeSource(GaugeSource source);

  std::string Render() const;

 private:
  struct RouteStats;

  RouteStats& StatsFor(std::string_view route);

  mutable std::shared_mutex routes_mutex_;
  std::map<std::string, std::unique_ptr<RouteStats>, std::less<>> routes_;  // guarded
  std::atomic<int64_t> open_connections_{0};
  mutable std::mutex gauge_mutex_;
  std::shared_ptr<const GaugeSource> gauge_source_;  // guarded by gauge_mutex_
};

// The process-wide registry the server and the request pipeline report to.
Metrics& GlobalMetrics();

}  // namespace anju::http
