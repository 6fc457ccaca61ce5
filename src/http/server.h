// The HTTP/1.1 server: Boost.Beast on Asio, keep-alive, bounded at every edge.
//
// Contract
// - I/O threads only read and write sockets. Each complete request is handed to a worker
//   thread pool, which calls the handler (handlers may block on the database); the reply is
//   written back on the connection's strand. One request at a time per connection
//   (no pipelining beyond that; Beast reads the next request after the reply is written).
// - Limits (ServerOptions): header bytes, body bytes (413 before the handler runs), time to
//   receive a whole request once it starts (408/close), idle keep-alive time (close),
//   maximum open connections (new ones are closed at once beyond it).
// - The handler must not throw; the server still catches and answers 500 if it does.
// - Stop() is graceful: stop accepting, let in-flight requests finish and be written
//   (bounded by drain_timeout), close idle connections, return from Run().
// - Thread-safe: Stop() may be called from any thread or a signal handler thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/clock.h"
#include "http/message.h"

namespace anju::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port (tests)
  // Measured on 2 cores with small keep-alive requests (wrk -t2 -c64): one I/O thread and
  // two workers cost least CPU per request; raise workers when handlers wait on a database.
  int io_threads = 1;
  int worker_threads = 2;
  size_t header_limit = 16 * 1024;
  size_t body_limit = 1024 * 1024;
  Millis request_timeout = 30 * kSecond;  // to receive one whole request
  Millis idle_timeout = 60 * kSecond;     // keep-alive connection with no request
  Millis drain_timeout = 10 * kSecond;    // graceful stop
  int max_connections = 10000;
  bool handle_signals = false;  // SIGINT/SIGTERM call Stop()
};

class Server {
 public:
  using Handler = std::function<Response(Request&)>;
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts listening; returns the bound port. Throws std::runtime_error.
  uint16_t Listen();
  // Serves until Stop(); blocks the calling thread.
  void Run();
  // Listen() + Run() on background threads; returns the port (tests).
  uint16_t StartInBackground();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace anju::http
