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
// - Event streams (SSE): a handler may return a Response with `stream` set (StreamReply in
//   http/event_hub.h). The server then writes a text/event-stream head (no Content-Length,
//   Connection: close), the stream's initial events, then each live event as it is
//   published, and `: ping` every sse_heartbeat — all on the connection's strand; no worker
//   thread waits on a stream. The idle and request timeouts do not apply to an open stream
//   (a single write that stalls for request_timeout still closes it: a client that stops
//   reading). The stream ends, and the connection closes, when the client disconnects (its
//   pending read fails), after sse_max_lifetime (browsers reconnect with Last-Event-ID),
//   when the subscription closes (queue overflow), or at Stop(), which does not wait for
//   open streams. Beyond max_streams open streams, or while stopping, a stream reply
//   becomes 503 TOO_MANY_STREAMS.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/clock.h"
#include "http/message.h"

namespace anju::http {

inline constexpr size_t kDefaultBodyLimit = 5 * 1024 * 1024;

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port (tests)
  // Measured on 2 cores with small keep-alive requests (wrk -t2 -c64): one I/O thread and
  // two workers cost least CPU per request; raise workers when handlers wait on a database.
  int io_threads = 1;
  int worker_threads = 2;
  size_t header_limit = 16 * 1024;
  // The largest body the server reads (413 beyond it, before the handler runs). It admits
  // an upload (files::kMaxPhotoBytes, 4 MiB) with room to spare; JSON bodies are held to
  // the router's tighter kMaxJsonBodyBytes (1 MiB).
  size_t body_limit = kDefaultBodyLimit;
  Millis request_timeout = 30 * kSecond;  // to receive one whole request
  Millis idle_timeout = 60 * kSecond;     // keep-alive connection with no request
  Millis drain_timeout = 10 * kSecond;    // graceful stop
  int max_connections = 10000;
  int max_streams = 1000;                  // open SSE streams; beyond it 503
  Millis sse_heartbeat = 15 * kSecond;     // `: ping` comment on an open stream
  Millis sse_max_lifetime = 30 * kMinute;  // then the stream ends; the browser reconnects
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
  // SSE streams open now (tests, metrics).
  int OpenStreams() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace anju::http
