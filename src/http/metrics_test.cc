#include "http/metrics.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace anju::http {
namespace {

bool Contains(const std::string& text, const std::string& line) {
  return text.find(line) != std::string::npos;
}

TEST(HttpMetricsTest, RendersCountersAndHistogram) {
  Metrics m;
  m.ObserveRequest("GET", "/api/v1/houses/{id}", 200, 0.0005);
  m.ObserveRequest("GET", "/api/v1/houses/{id}", 200, 0.02);
  m.ObserveRequest("POST", "/api/v1/houses", 422, 3);
  m.ObserveRequest("BREW", "/api/v1/houses", 404, 20);
  std::string text = m.Render();
  EXPECT_TRUE(Contains(text, "# TYPE anju_http_requests_total counter\n"));
  EXPECT_TRUE(Contains(text, "# HELP anju_http_requests_total "));
  EXPECT_TRUE(Contains(
      text,
      "anju_http_requests_total{method=\"GET\",route=\"/api/v1/houses/{id}\",status=\"200\"} 2\n"));
  EXPECT_TRUE(Contains(
      text, "anju_http_requests_total{method=\"POST\",route=\"/api/v1/houses\",status=\"422\"} 1\n"));
  EXPECT_TRUE(Contains(
      text,
      "anju_http_requests_total{method=\"OTHER\",route=\"/api/v1/houses\",status=\"404\"} 1\n"));
  EXPECT_TRUE(Contains(text, "# TYPE anju_http_request_duration_seconds histogram\n"));
  const std::string b = "anju_http_request_duration_seconds_bucket{route=\"/api/v1/houses/{id}\",";
  EXPECT_TRUE(Contains(text, b + "le=\"0.001\"} 1\n"));
  EXPECT_TRUE(Contains(text, b + "le=\"0.01\"} 1\n"));
  EXPECT_TRUE(Contains(text, b + "le=\"0.025\"} 2\n"));
  EXPECT_TRUE(Contains(text, b + "le=\"10\"} 2\n"));
  EXPECT_TRUE(Contains(text, b + "le=\"+Inf\"} 2\n"));
  EXPECT_TRUE(Contains(
      text, "anju_http_request_duration_seconds_bucket{route=\"/api/v1/houses\",le=\"5\"} 1\n"));
  EXPECT_TRUE(Contains(
      text,
      "anju_http_request_duration_seconds_bucket{route=\"/api/v1/houses\",le=\"+Inf\"} 2\n"));
  EXPECT_TRUE(
      Contains(text, "anju_http_request_duration_seconds_count{route=\"/api/v1/houses\"} 2\n"));
  EXPECT_TRUE(
      Contains(text, "anju_http_request_duration_seconds_sum{route=\"/api/v1/houses\"} 23\n"));
}

TEST(HttpMetricsTest, ConnectionsGaugeAndGaugeSource) {
  Metrics m;
  m.AddOpenConnections(3);
  m.AddOpenConnections(-1);
  EXPECT_EQ(m.OpenConnections(), 2);
  m.SetGaugeSource([] {
    return std::vector<std::pair<std::string, double>>{
        {"anju_db_pool_connections{state=\"in_use\"}", 1},
        {"anju_db_pool_connections{state=\"idle\"}", 3},
        {"anju_db_pool_wait_seconds", 0.25}};
  });
  std::string text = m.Render();
  EXPECT_TRUE(Contains(text, "# TYPE anju_http_connections_open gauge\nanju_http_connections_open 2\n"));
  EXPECT_TRUE(Contains(text, "# TYPE anju_db_pool_connections gauge\n"
                             "anju_db_pool_connections{state=\"in_use\"} 1\n"
                             "anju_db_pool_connections{state=\"idle\"} 3\n"));
  EXPECT_TRUE(Contains(text, "# TYPE anju_db_pool_wait_seconds gauge\nanju_db_pool_wait_seconds 0.25\n"));
  m.SetGaugeSource(nullptr);
  EXPECT_FALSE(Contains(m.Render(), "anju_db_pool"));
}

TEST(HttpMetricsTest, EscapesLabelValues) {
  Metrics m;
  m.ObserveRequest("GET", "/a\"b\\c\nd", 200, 0.1);
  EXPECT_TRUE(Contains(m.Render(), "route=\"/a\\\"b\\\\c\\nd\""));
}

TEST(HttpMetricsTest, ConcurrentObservationsAreAllCounted) {
  Metrics m;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&m, t] {
      for (int i = 0; i < 10000; ++i) {
        m.ObserveRequest("GET", (i % 2) ? "/odd" : "/even", 200 + t % 2, 0.001);
      }
    });
  }
  for (auto& t : threads) t.join();
  std::string text = m.Render();
  EXPECT_TRUE(Contains(text, "anju_http_request_duration_seconds_count{route=\"/odd\"} 20000\n"));
  EXPECT_TRUE(Contains(
      text, "anju_http_requests_total{method=\"GET\",route=\"/even\",status=\"201\"} 10000\n"));
}

TEST(HttpMetricsTest, GlobalMetricsIsOneInstance) {
  EXPECT_EQ(&GlobalMetrics(), &GlobalMetrics());
}

}  // namespace
}  // namespace anju::http
