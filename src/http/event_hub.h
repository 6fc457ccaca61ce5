// In-process publish/subscribe for server-sent events (SSE), and the stream a handler
// returns to keep a connection open.
//
// Design
// - Topics are strings ("wo:42", "wo-user:7"). Publish() hands an event to every current
//   subscriber of the topic; nobody subscribed → the event is gone (the hub is not a log:
//   a client that reconnects with Last-Event-ID gets what it missed from the database, by
//   the handler, as EventStream initial events).
// - A Subscription has a bounded queue. Overflow policy: CLOSE. A subscriber whose queue
//   is full (its client reads too slowly) is closed rather than silently losing events; the
//   server then ends the stream and the browser reconnects with Last-Event-ID, so the
//   handler replays exactly what was missed. Dropping the oldest event would leave a gap
//   the client cannot see.
// - AsyncWait(fn) arms a one-shot callback that runs when an event is queued or the
//   subscription closes (at once, on the caller's thread, if that is already so). It runs
//   on the PUBLISHER's thread (a worker), outside every lock of the hub; it must not block
//   (the server's callback only posts to the connection's strand).
// - Thread-safe throughout. Destroying a Subscription unsubscribes it; the hub's state is
//   shared, so a subscription may outlive the EventHub object (it is then closed).
// - Scope: one process. Several `anju` instances behind a balancer each have their own hub;
//   a client sees the events published by the instance it is connected to (the handler's
//   replay on reconnect covers the rest). A cross-instance bus (PostgreSQL LISTEN/NOTIFY)
//   can feed Publish() later without changing subscribers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace anju::http {

inline constexpr size_t kDefaultSubscriberQueue = 256;  // events waiting per subscriber

struct Event {
  std::string id;    // `id:` line ("" for none); the client sends it back as Last-Event-ID
  std::string name;  // `event:` line ("" for the default "message")
  std::string data;  // `data:` (usually one JSON text; newlines become several data lines)
};

// Formats one event as SSE text: "id: …\nevent: …\ndata: …\n\n". CR and LF inside id and
// name are removed; data is split on line breaks into one `data:` line each.
std::string FormatEvent(const Event& e);

struct HubState;

class Subscription {
 public:
  ~Subscription();  // unsubscribes
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;

  const std::string& topic() const { return topic_; }
  // Moves out every queued event, oldest first.
  std::vector<Event> Take();
  // One-shot: fn() once an event is queued or the subscription is closed. A second call
  // replaces a callback that has not run yet.
  void AsyncWait(std::function<void()> fn);
  // Closes (idempotent): no more events are queued; a pending AsyncWait runs.
  void Close();
  bool closed() const;
  // Whether it was closed because its queue overflowed.
  bool overflowed() const;

 private:
  friend class EventHub;
  friend struct HubState;
  Subscription(std::shared_ptr<HubState> hub, std::string topic, size_t limit);
  // Queues e; returns the waiter to run (outside locks) or nullptr.
  std::function<void()> Push(const Event& e);
  std::function<void()> CloseLocked();

  std::shared_ptr<HubState> hub_;
  const std::string topic_;
  const size_t limit_;
  mutable std::mutex mu_;
  std::deque<Event> queue_;
  std::function<void()> waiter_;
  bool closed_ = false;
  bool overflowed_ = false;
};

class EventHub {
 public:
  explicit EventHub(size_t queue_limit = kDefaultSubscriberQueue);
  ~EventHub();  // closes every subscription
  EventHub(const EventHub&) = delete;
  EventHub& operator=(const EventHub&) = delete;

  // Never blocks on a subscriber; callable from any thread (handlers call it after their
  // transaction commits).
  void Publish(std::string_view topic, std::string event_name, std::string data,
               std::string id = "");
  std::shared_ptr<Subscription> Subscribe(std::string topic);
  size_t SubscriberCount() const;
  size_t SubscriberCount(std::string_view topic) const;
  // Closes every subscription (their streams end).
  void CloseAll();

 private:
  std::shared_ptr<HubState> state_;
  const size_t queue_limit_;
};

// What a handler returns in Response::stream to keep the connection open as an SSE
// stream: the initial events (sent first, e.g. those missed since Last-Event-ID) and the
// subscription that feeds live ones. Subscribe BEFORE reading the missed events, so none
// falls between the two; a live event whose id equals an initial event's id is skipped.
// A null subscription streams the initial events and heartbeats only.
struct EventStream {
  std::vector<Event> initial;
  std::shared_ptr<Subscription> subscription;
  // `retry:` hint for the browser's reconnect delay in milliseconds (0: none sent).
  int64_t retry_ms = 0;
};

// A 200 text/event-stream response carrying `stream` (the server writes the head).
Response StreamReply(std::shared_ptr<Subscription> subscription,
                     std::vector<Event> initial = {});

}  // namespace anju::http
