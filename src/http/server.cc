// Server internals. The only translation unit that includes Beast's HTTP parser and
// Asio's networking (compile time), apart from the test client.
//
// Threads and ownership
// - ServerCore owns the io_context (run by `io_threads` threads), the worker pool, the
//   acceptor and the registry of live sessions. A Session is owned by the shared_ptrs its
//   pending operations hold; it dies when its last operation completes.
// - Each session's state is touched only on its executor (a strand, or the io_context itself
//   when it has one thread), except Request/Response while the handler runs on a worker:
//   then the session has no operation pending and the post to and from the pool orders it.
//
// One request's life: wait for a first byte (idle_timeout) → read the rest
// (request_timeout, limits checked by the parser) → build the Request → handler on a worker
// → serialize the head into a reused buffer → write head + body (request_timeout) → next.
//
// An event stream's life (the handler returned Response::stream): take a stream slot
// (max_streams, else 503) → head + initial events → then, until it ends, three things are
// pending on the strand: a read (its completion, data aside, means the client went away),
// the heartbeat timer and the lifetime timer; plus a wait on the subscription, whose
// callback (run on the publisher's thread) only posts Pump() to the strand. At most one
// write is in flight; events are taken from the subscription only when no write is, so a
// slow client leaves them in the subscription's bounded queue, which closes on overflow.
// The read has no deadline; each write has request_timeout.
#include "http/server.h"

#include <array>
#include <atomic>
#include <charconv>
#include <chrono>
#include <ctime>
#include <list>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <spdlog/spdlog.h>

#include "core/log.h"
#include "http/event_hub.h"
#include "http/metrics.h"

namespace anju::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using boost::system::error_code;
using std::chrono::milliseconds;

constexpr size_t kReadChunk = 16 * 1024;
// After an error reply that closes the connection, unread request bytes are drained for at
// most this long / this much, so the client sees the reply instead of a reset.
constexpr milliseconds kLingerTime{2000};
constexpr size_t kLingerBytes = 4 * 1024 * 1024;
constexpr milliseconds kAcceptRetryDelay{100};

// "Sun, 06 Nov 1994 08:49:37 GMT", formatted at most once per second per thread.
std::string_view HttpDate() {
  thread_local char buf[40];
  thread_local std::time_t last = -1;
  thread_local size_t len = 0;
  std::time_t now = std::time(nullptr);
  if (now != last) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    len = std::strftime(buf, sizeof(buf), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    last = now;
  }
  return {buf, len};
}

bool IsValidRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// The client's id if it is acceptable, else 16 random hex digits.
void AssignRequestId(std::string_view incoming, std::string& out) {
  if (IsValidRequestId(incoming)) {
    out.assign(incoming);
    return;
  }
  thread_local std::mt19937_64 rng = [] {
    std::random_device rd;
    std::seed_seq seq{rd(), rd(), rd(), rd()};
    return std::mt19937_64(seq);
  }();
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t v = rng();
  out.resize(16);
  for (int i = 15; i >= 0; --i, v >>= 4) out[i] = kHex[v & 0xf];
}

bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

// Handler headers that would corrupt framing are dropped: bad names, CR/LF/NUL in values,
// and the headers the server owns.
bool IsAllowedResponseHeader(std::string_view name, std::string_view value) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!IsTokenChar(c)) return false;
  }
  if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
    return false;
  }
  return !IEquals(name, "content-length") && !IEquals(name, "transfer-encoding") &&
         !IEquals(name, "connection") && !IEquals(name, "x-request-id") &&
         !IEquals(name, "date");
}

void AppendInt(std::string& out, uint64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  out.append(buf, end);
}

Response PlainReply(int status, std::string_view text) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body.assign(text);
  return r;
}

class Session;

// Everything the server owns. Member order is destruction order reversed: sessions that
// die inside ~io_context still find the registry, counters and options alive.
struct ServerCore {
  ServerCore(ServerOptions o, Server::Handler h)
      : options(std::move(o)),
        handler(std::move(h)),
        workers(static_cast<size_t>(std::max(1, options.worker_threads))),
        ioc(std::max(1, options.io_threads)),
        work(ioc.get_executor()),
        control(net::make_strand(ioc)),
        acceptor(control),
        drain_timer(control),
        accept_retry_timer(control) {}

  ~ServerCore();

  uint16_t Listen();
  void Run();
  void Stop();
  void DoAccept();
  void OnAccept(error_code ec, tcp::socket socket);
  void BeginDrain();
  // Called by ~Session.
  void SessionClosed(std::list<std::weak_ptr<Session>>::iterator it);
  // Executor for a new connection: the io_context itself when only one thread runs it.
  net::any_io_executor ConnectionExecutor() {
    if (options.io_threads <= 1) return ioc.get_executor();
    return net::make_strand(ioc);
  }

  const ServerOptions options;
  const Server::Handler handler;
  Metrics& metrics = GlobalMetrics();
  std::atomic<bool> stopping{false};
  std::atomic<bool> destroying{false};
  std::atomic<int> open_connections{0};
  std::atomic<int> open_streams{0};
  std::mutex sessions_mutex;
  std::list<std::weak_ptr<Session>> sessions;  // guarded by sessions_mutex
  bool listening = false;                      // set once by Listen()
  uint16_t port = 0;
  std::thread background;  // StartInBackground()

  net::thread_pool workers;
  net::io_context ioc;
  net::executor_work_guard<net::io_context::executor_type> work;  // Run() until Stop()
  net::strand<net::io_context::executor_type> control;  // acceptor, signals, timers
  tcp::acceptor acceptor;
  std::optional<net::signal_set> signals;
  net::steady_timer drain_timer;
  net::steady_timer accept_retry_timer;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(ServerCore& core, tcp::socket socket)
      : core_(core), stream_(std::move(socket)) {
    error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ip_ = endpoint.address().to_string();
  }

  ~Session() {
    if (streaming_) --core_.open_streams;  // the io_context stopped under an open stream
    core_.SessionClosed(registry_it_);
  }

  // Called once, right after construction, by the accept handler.
  void Start(std::list<std::weak_ptr<Session>>::iterator it) {
    registry_it_ = it;
    net::dispatch(stream_.get_executor(),
                  [self = shared_from_this()] { self->BeginRequest(); });
  }

  // Graceful stop: closes the connection now if it waits for a new request or streams
  // events; otherwise the request in flight finishes and the connection closes after its
  // reply.
  void Shutdown() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (self->phase_ == Phase::kIdle) self->stream_.close();
      if (self->phase_ == Phase::kStreaming) self->EndStream();
    });
  }

 private:
  enum class Phase { kIdle, kReading, kHandling, kWriting, kStreaming, kClosing };

  void BeginRequest() {
    if (core_.stopping.load()) return Close();
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(core_.options.header_limit));
    parser_->body_limit(core_.options.body_limit);
    parser_->eager(true);
    continue_sent_ = false;
    if (buffer_.size() > 0) {  // the client sent the next request early
      BeginReceiving();
      Parse();
      return;
    }
    phase_ = Phase::kIdle;
    stream_.expires_after(milliseconds(core_.options.idle_timeout));
    ReadSome();
  }

  void BeginReceiving() {
    phase_ = Phase::kReading;
    stream_.expires_after(milliseconds(core_.options.request_timeout));
  }

  void ReadSome() {
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(error_code ec, size_t n) {
    // eof, timeout (idle or mid-request), reset, or closed by Shutdown(): nothing to answer.
    if (ec) return Close();
    buffer_.commit(n);
    if (phase_ == Phase::kIdle) BeginReceiving();
    Parse();
  }

  // Feeds buffered bytes to the parser; dispatches, reads more, or answers an error.
  void Parse() {
    error_code ec;
    while (!parser_->is_done() && buffer_.size() > 0) {
      size_t used = parser_->put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec == bhttp::error::need_more) {
        ec = {};
        break;
      }
      if (ec) return OnParseError(ec);
    }
    if (parser_->is_done()) return Dispatch();
    if (parser_->is_header_done() && !continue_sent_) {
      continue_sent_ = true;
      if (IEquals(parser_->get()[bhttp::field::expect], "100-continue")) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                         [self = shared_from_this()](error_code ec, size_t) {
                           if (ec) return self->Close();
                           self->ReadSome();
                         });
        return;
      }
    }
    ReadSome();
  }

  void OnParseError(error_code ec) {
    // The fields parsed before the error are in the message (body_limit is raised at the
    // end of the header, before is_header_done() turns true).
    AssignRequestId(parser_->get()["X-Request-Id"], req_.request_id);
    if (ec == bhttp::error::body_limit) {
      return WriteErrorAndClose(ErrorReply(errors::kBodyTooLarge, req_.request_id));
    }
    if (ec == bhttp::error::header_limit) {
      return WriteErrorAndClose(PlainReply(431, "Request header fields too large\n"));
    }
    WriteErrorAndClose(PlainReply(400, "Bad request\n"));
  }

  void WriteErrorAndClose(Response r) {
    keep_alive_ = false;
    linger_ = true;
    head_only_ = false;
    res_ = std::move(r);
    Write();
  }

  // Builds req_ from the parsed message and hands it to a worker.
  void Dispatch() {
    phase_ = Phase::kHandling;
    auto& msg = parser_->get();
    keep_alive_ = msg.keep_alive();
    http10_ = msg.version() < 11;
    head_only_ = msg.method() == bhttp::verb::head;
    linger_ = false;

    req_.method.assign(msg.method_string());
    req_.target.assign(msg.target());
    size_t i = 0;
    for (const auto& field : msg) {
      if (i == req_.headers.size()) req_.headers.emplace_back();
      auto& [name, value] = req_.headers[i++];
      name.assign(field.name_string());
      for (char& c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      }
      value.assign(field.value());
    }
    req_.headers.resize(i);
    req_.body = std::move(msg.body());
    req_.remote_ip.assign(remote_ip_);
    AssignRequestId(msg["X-Request-Id"], req_.request_id);
    req_.path_params.clear();
    req_.route.clear();
    if (!DecodeTarget()) {
      res_ = ErrorReply(errors::kBadQuery, req_.request_id);
      return Write();
    }
    net::post(core_.workers, [self = shared_from_this()]() mutable {
      Session& s = *self;
      s.RunHandler();
      net::post(s.stream_.get_executor(), [self = std::move(self)] { self->Write(); });
    });
  }

  // Fills path and query; false if the target is not origin-form, is badly
  // percent-encoded, or decodes to a NUL.
  bool DecodeTarget() {
    auto url = boost::urls::parse_origin_form(req_.target);
    if (!url) return false;
    req_.path = url->path();
    if (req_.path.find('\0') != std::string::npos) return false;
    size_t i = 0;
    for (auto param : url->params()) {
      if (i == req_.query.size()) req_.query.emplace_back();
      auto& [key, value] = req_.query[i++];
      key.assign(param.key);
      value.assign(param.value);
      if (key.find('\0') != std::string::npos || value.find('\0') != std::string::npos) {
        return false;
      }
    }
    req_.query.resize(i);
    return true;
  }

  // On a worker thread.
  void RunHandler() {
    try {
      res_ = core_.handler(req_);
      return;
    } catch (const std::exception& e) {
      log::Error("http: handler threw", {{"request_id", req_.request_id},
                                          {"method", req_.method},
                                          {"path", req_.path},
                                          {"error", e.what()}});
    } catch (...) {
      log::Error("http: handler threw", {{"request_id", req_.request_id},
                                          {"method", req_.method},
                                          {"path", req_.path}});
    }
    res_ = ErrorReply(errors::kInternal, req_.request_id);
  }

  void Write() {
    phase_ = Phase::kWriting;
    if (core_.stopping.load()) keep_alive_ = false;
    if (res_.stream) {
      if (!core_.stopping.load() && TakeStreamSlot()) return StartStream();
      std::string request_id = req_.request_id;
      res_ = ErrorReply(errors::kTooManyStreams, request_id);  // drops the subscription
      res_.Header("Retry-After", "5");
    }
    bool has_body = SerializeHead();
    std::array<net::const_buffer, 2> buffers{
        net::buffer(head_),
        has_body && !head_only_ ? net::buffer(res_.body) : net::const_buffer()};
    stream_.expires_after(milliseconds(core_.options.request_timeout));
    net::async_write(stream_, buffers,
                     beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  // Writes the status line and headers of res_ into head_; returns whether a body follows.
  // For an event stream: no Content-Length (the stream ends with the connection).
  bool SerializeHead(bool stream = false) {
    int status = (res_.status >= 100 && res_.status <= 599) ? res_.status : 500;
    bool has_body = status >= 200 && status != 204 && status != 304;
    head_.clear();
    head_ += "HTTP/1.1 ";
    AppendInt(head_, static_cast<uint64_t>(status));
    head_ += ' ';
    head_ += bhttp::obsolete_reason(static_cast<bhttp::status>(status));
    head_ += "\r\nDate: ";
    head_ += HttpDate();
    if (has_body) {
      if (!res_.content_type.empty()) {
        head_ += "\r\nContent-Type: ";
        head_ += res_.content_type;
      }
      if (stream) {
        head_ += "\r\nCache-Control: no-cache\r\nX-Accel-Buffering: no";
      } else {
        head_ += "\r\nContent-Length: ";
        AppendInt(head_, res_.body.size());
      }
    }
    head_ += "\r\nX-Request-Id: ";
    head_ += req_.request_id;
    bool cache_control = stream;
    bool nosniff = false;
    for (const auto& [name, value] : res_.headers) {
      if (!IsAllowedResponseHeader(name, value)) {
        log::Warn("http: dropped response header",
                  {{"request_id", req_.request_id}, {"header", name}});
        continue;
      }
      if (stream && (IEquals(name, "cache-control") || IEquals(name, "x-accel-buffering")))
        continue;
      cache_control = cache_control || IEquals(name, "cache-control");
      nosniff = nosniff || IEquals(name, "x-content-type-options");
      head_ += "\r\n";
      head_ += name;
      head_ += ": ";
      head_ += value;
    }
    if (!nosniff) head_ += "\r\nX-Content-Type-Options: nosniff";
    if (!cache_control) head_ += "\r\nCache-Control: no-store";
    if (!keep_alive_) {
      head_ += "\r\nConnection: close";
    } else if (http10_) {
      head_ += "\r\nConnection: keep-alive";
    }
    head_ += "\r\n\r\n";
    return has_body;
  }

  void OnWrite(error_code ec, size_t) {
    if (ec) return Close();
    if (!keep_alive_) return linger_ ? Linger() : Close();
    BeginRequest();
  }

  // Half-closes, then discards what the client still sends until it closes, the time
  // runs out or enough was read; then closes.
  void Linger() {
    phase_ = Phase::kClosing;
    error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    buffer_.clear();
    stream_.expires_after(kLingerTime);
    LingerRead(0);
  }

  void LingerRead(size_t total) {
    stream_.async_read_some(
        buffer_.prepare(kReadChunk),
        [self = shared_from_this(), total](error_code ec, size_t n) {
          if (ec || total + n > kLingerBytes) return self->Close();
          self->buffer_.clear();
          self->LingerRead(total + n);
        });
  }

  // ---- event streams (see the top of this file) ----

  bool TakeStreamSlot() {
    if (++core_.open_streams > core_.options.max_streams) {
      --core_.open_streams;
      return false;
    }
    streaming_ = true;
    return true;
  }

  void StartStream() {
    phase_ = Phase::kStreaming;
    keep_alive_ = false;
    std::shared_ptr<EventStream> es = std::move(res_.stream);
    res_.stream.reset();
    sub_ = std::move(es->subscription);
    initial_ids_.clear();
    SerializeHead(/*stream=*/true);
    out_ = head_;
    if (head_only_) {
      end_after_flush_ = true;
    } else {
      if (es->retry_ms > 0) {
        out_ += "retry: ";
        AppendInt(out_, static_cast<uint64_t>(es->retry_ms));
        out_ += "\n\n";
      }
      for (const Event& e : es->initial) {
        if (!e.id.empty()) initial_ids_.insert(e.id);
        out_ += FormatEvent(e);
      }
    }
    buffer_.clear();
    stream_.expires_never();  // no operation is pending: both directions
    StreamRead();
    heartbeat_.emplace(stream_.get_executor());
    lifetime_.emplace(stream_.get_executor());
    ArmHeartbeat();
    lifetime_->expires_after(milliseconds(core_.options.sse_max_lifetime));
    lifetime_->async_wait([self = shared_from_this()](error_code ec) {
      if (!ec) self->EndStream();
    });
    Pump();
  }

  // Completes only when the client closes or resets (or the socket is closed here); what a
  // client sends on a stream is read and ignored.
  void StreamRead() {
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](error_code ec, size_t) {
                              if (ec || !self->streaming_) return self->EndStream();
                              self->buffer_.clear();
                              self->StreamRead();
                            });
  }

  void ArmHeartbeat() {
    heartbeat_->expires_after(milliseconds(core_.options.sse_heartbeat));
    heartbeat_->async_wait([self = shared_from_this()](error_code ec) {
      if (ec || !self->streaming_) return;
      self->out_ += ": ping\n\n";
      self->ArmHeartbeat();
      self->Pump();
    });
  }

  // Moves live events into out_ and writes; or ends the stream once its subscription has
  // closed and everything is written; or waits for the next event. Never while writing:
  // the write's completion calls Pump again.
  void Pump() {
    if (!streaming_ || writing_) return;
    if (sub_ && !end_after_flush_) {
      bool closed = sub_->closed();
      for (const Event& e : sub_->Take())
        if (e.id.empty() || !initial_ids_.count(e.id)) out_ += FormatEvent(e);
      if (closed) {
        sub_.reset();
        end_after_flush_ = true;
      }
    }
    if (!out_.empty()) return Flush();
    if (end_after_flush_) return EndStream();
    ArmWait();
  }

  void ArmWait() {
    if (!sub_ || wait_armed_) return;
    wait_armed_ = true;
    // Runs on the publisher's thread: only hop to the strand. A weak pointer, so that a
    // subscription kept alive elsewhere cannot keep this session alive.
    sub_->AsyncWait([weak = weak_from_this(), ex = stream_.get_executor()] {
      if (auto self = weak.lock()) {
        net::post(ex, [self = std::move(self)] {
          self->wait_armed_ = false;
          self->Pump();
        });
      }
    });
  }

  void Flush() {
    writing_ = true;
    std::swap(out_, wbuf_);
    out_.clear();
    stream_.expires_after(milliseconds(core_.options.request_timeout));  // the write only
    net::async_write(stream_, net::buffer(wbuf_),
                     [self = shared_from_this()](error_code ec, size_t) {
                       self->writing_ = false;
                       if (ec) return self->EndStream();
                       self->Pump();
                     });
  }

  // Idempotent. Frees the stream slot and the subscription, then closes the connection,
  // which completes the pending read and write.
  void EndStream() {
    if (!streaming_) return;
    streaming_ = false;
    --core_.open_streams;
    if (heartbeat_) heartbeat_->cancel();
    if (lifetime_) lifetime_->cancel();
    sub_.reset();
    Close();
  }

  void Close() {
    phase_ = Phase::kClosing;
    error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  ServerCore& core_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Request req_;        // reused across requests to keep string capacity
  Response res_;
  std::string head_;   // reused serialized status line and headers
  std::string remote_ip_;
  Phase phase_ = Phase::kIdle;
  bool keep_alive_ = false;
  bool http10_ = false;
  bool head_only_ = false;
  bool linger_ = false;
  bool continue_sent_ = false;
  std::list<std::weak_ptr<Session>>::iterator registry_it_;
  // Event stream state (phase kStreaming).
  bool streaming_ = false;  // holds one of core_.open_streams
  bool writing_ = false;
  bool wait_armed_ = false;
  bool end_after_flush_ = false;
  std::shared_ptr<Subscription> sub_;
  std::set<std::string> initial_ids_;
  std::string out_;   // waiting to be written
  std::string wbuf_;  // being written
  std::optional<net::steady_timer> heartbeat_;
  std::optional<net::steady_timer> lifetime_;
};

ServerCore::~ServerCore() {
  Stop();
  if (background.joinable()) background.join();
  workers.join();  // handlers in flight finish; their replies are dropped with the ioc
  destroying = true;
}

uint16_t ServerCore::Listen() {
  if (listening) return port;
  error_code ec;
  auto address = net::ip::make_address(options.host, ec);
  if (ec) throw std::runtime_error("http: bad listen address " + options.host);
  tcp::endpoint endpoint(address, options.port);
  auto fail = [&](const char* what) {
    throw std::runtime_error(fmt::format("http: {} {}:{}: {}", what, options.host,
                                         options.port, ec.message()));
  };
  acceptor.open(endpoint.protocol(), ec);
  if (ec) fail("open");
  acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) fail("reuse_address");
  acceptor.bind(endpoint, ec);
  if (ec) fail("bind");
  acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) fail("listen");
  port = acceptor.local_endpoint(ec).port();
  listening = true;
  net::dispatch(control, [this] { DoAccept(); });
  if (options.handle_signals) {
    signals.emplace(control, SIGINT, SIGTERM);
    signals->async_wait([this](error_code ec, int signal) {
      if (ec) return;
      spdlog::info("http: signal {} received, stopping", signal);
      Stop();
    });
  }
  return port;
}

void ServerCore::DoAccept() {
  if (!acceptor.is_open()) return;
  acceptor.async_accept(ConnectionExecutor(), [this](error_code ec, tcp::socket socket) {
    OnAccept(ec, std::move(socket));
  });
}

void ServerCore::OnAccept(error_code ec, tcp::socket socket) {
  if (ec) {
    if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
    spdlog::warn("http: accept failed: {}", ec.message());
    // Out of descriptors or buffers: back off instead of spinning.
    accept_retry_timer.expires_after(kAcceptRetryDelay);
    accept_retry_timer.async_wait([this](error_code ec) {
      if (!ec) DoAccept();
    });
    return;
  }
  if (stopping.load() || open_connections.load() >= options.max_connections) {
    error_code ignored;
    socket.close(ignored);  // beyond the limit: closed at once
  } else {
    error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    ++open_connections;
    metrics.AddOpenConnections(1);
    auto session = std::make_shared<Session>(*this, std::move(socket));
    std::list<std::weak_ptr<Session>>::iterator it;
    {
      std::lock_guard lock(sessions_mutex);
      it = sessions.insert(sessions.end(), session);
    }
    session->Start(it);
  }
  DoAccept();
}

void ServerCore::SessionClosed(std::list<std::weak_ptr<Session>>::iterator it) {
  {
    std::lock_guard lock(sessions_mutex);
    sessions.erase(it);
  }
  metrics.AddOpenConnections(-1);
  if (--open_connections == 0 && stopping.load() && !destroying.load()) ioc.stop();
}

void ServerCore::Run() {
  Listen();
  auto run_loop = [this] {
    for (;;) {
      try {
        ioc.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("http: exception on an I/O thread: {}", e.what());
      }
    }
  };
  std::vector<std::thread> extra;
  for (int i = 1; i < options.io_threads; ++i) extra.emplace_back(run_loop);
  run_loop();
  for (std::thread& t : extra) t.join();
}

void ServerCore::Stop() {
  if (stopping.exchange(true)) return;
  net::post(control, [this] { BeginDrain(); });
}

// On the control strand, once.
void ServerCore::BeginDrain() {
  error_code ignored;
  acceptor.close(ignored);
  accept_retry_timer.cancel();
  if (signals) signals->cancel(ignored);
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(sessions_mutex);
    for (const auto& weak : sessions) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
  }
  for (const auto& session : live) session->Shutdown();
  live.clear();
  if (open_connections.load() == 0) {
    ioc.stop();
    return;
  }
  drain_timer.expires_after(milliseconds(options.drain_timeout));
  drain_timer.async_wait([this](error_code ec) {
    if (ec) return;
    spdlog::warn("http: drain timeout, closing {} connections", open_connections.load());
    ioc.stop();
  });
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, Handler handler)
      : core(std::move(options), std::move(handler)) {}
  ServerCore core;
};

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

uint16_t Server::Listen() { return impl_->core.Listen(); }

void Server::Run() { impl_->core.Run(); }

uint16_t Server::StartInBackground() {
  uint16_t port = impl_->core.Listen();
  impl_->core.background = std::thread([this] { impl_->core.Run(); });
  return port;
}

void Server::Stop() { impl_->core.Stop(); }

int Server::OpenStreams() const { return impl_->core.open_streams.load(); }

}  // namespace anju::http
