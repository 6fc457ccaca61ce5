// Locks: HubState::mu (the topic table) is taken before a Subscription's mu_, never the
// other way round. Waiters run after both are released, so a waiter may subscribe,
// unsubscribe or publish.
#include "http/event_hub.h"

#include <algorithm>
#include <map>
#include <utility>

namespace anju::http {

struct HubState {
  mutable std::mutex mu;
  std::map<std::string, std::set<Subscription*>, std::less<>> topics;
  bool closed = false;  // the EventHub was destroyed
};

namespace {

void AppendLine(std::string& out, std::string_view field, std::string_view value) {
  out += field;
  out += ": ";
  for (char c : value)
    if (c != '\r' && c != '\n') out += c;
  out += '\n';
}

}  // namespace

std::string FormatEvent(const Event& e) {
  std::string out;
  out.reserve(e.data.size() + e.name.size() + e.id.size() + 32);
  if (!e.id.empty()) AppendLine(out, "id", e.id);
  if (!e.name.empty()) AppendLine(out, "event", e.name);
  // Line breaks are CRLF, LF or CR (the SSE grammar); each line is one data field.
  std::string_view rest = e.data;
  for (;;) {
    size_t brk = rest.find_first_of("\r\n");
    AppendLine(out, "data", rest.substr(0, brk));
    if (brk == std::string_view::npos) break;
    size_t skip = (rest[brk] == '\r' && brk + 1 < rest.size() && rest[brk + 1] == '\n') ? 2 : 1;
    rest.remove_prefix(brk + skip);
  }
  out += '\n';
  return out;
}

Subscription::Subscription(std::shared_ptr<HubState> hub, std::string topic, size_t limit)
    : hub_(std::move(hub)), topic_(std::move(topic)), limit_(limit) {}

Subscription::~Subscription() {
  std::lock_guard lock(hub_->mu);
  auto it = hub_->topics.find(topic_);
  if (it == hub_->topics.end()) return;
  it->second.erase(this);
  if (it->second.empty()) hub_->topics.erase(it);
}

std::vector<Event> Subscription::Take() {
  std::lock_guard lock(mu_);
  std::vector<Event> out(std::make_move_iterator(queue_.begin()),
                         std::make_move_iterator(queue_.end()));
  queue_.clear();
  return out;
}

void Subscription::AsyncWait(std::function<void()> fn) {
  {
    std::lock_guard lock(mu_);
    if (queue_.empty() && !closed_) {
      waiter_ = std::move(fn);
      return;
    }
    waiter_ = nullptr;
  }
  fn();
}

std::function<void()> Subscription::Push(const Event& e) {
  std::lock_guard lock(mu_);
  if (closed_) return nullptr;
  if (queue_.size() >= limit_) {
    overflowed_ = true;
    return CloseLocked();
  }
  queue_.push_back(e);
  return std::exchange(waiter_, nullptr);
}

std::function<void()> Subscription::CloseLocked() {
  closed_ = true;
  return std::exchange(waiter_, nullptr);
}

void Subscription::Close() {
  std::function<void()> w;
  {
    std::lock_guard lock(mu_);
    if (closed_) return;
    w = CloseLocked();
  }
  if (w) w();
}

bool Subscription::closed() const {
  std::lock_guard lock(mu_);
  return closed_;
}

bool Subscription::overflowed() const {
  std::lock_guard lock(mu_);
  return overflowed_;
}

EventHub::EventHub(size_t queue_limit)
    : state_(std::make_shared<HubState>()), queue_limit_(std::max<size_t>(1, queue_limit)) {}

EventHub::~EventHub() {
  {
    std::lock_guard lock(state_->mu);
    state_->closed = true;
  }
  CloseAll();
}

void EventHub::Publish(std::string_view topic, std::string event_name, std::string data,
                       std::string id) {
  Event e{std::move(id), std::move(event_name), std::move(data)};
  std::vector<std::function<void()>> wake;
  {
    std::lock_guard lock(state_->mu);
    auto it = state_->topics.find(topic);
    if (it == state_->topics.end()) return;
    for (Subscription* s : it->second)
      if (auto w = s->Push(e)) wake.push_back(std::move(w));
  }
  for (auto& w : wake) w();
}

std::shared_ptr<Subscription> EventHub::Subscribe(std::string topic) {
  std::shared_ptr<Subscription> s(new Subscription(state_, topic, queue_limit_));
  std::lock_guard lock(state_->mu);
  if (state_->closed) {
    s->closed_ = true;
    return s;
  }
  state_->topics[std::move(topic)].insert(s.get());
  return s;
}

size_t EventHub::SubscriberCount() const {
  std::lock_guard lock(state_->mu);
  size_t n = 0;
  for (const auto& [topic, subs] : state_->topics) n += subs.size();
  return n;
}

size_t EventHub::SubscriberCount(std::string_view topic) const {
  std::lock_guard lock(state_->mu);
  auto it = state_->topics.find(topic);
  return it == state_->topics.end() ? 0 : it->second.size();
}

void EventHub::CloseAll() {
  std::vector<std::function<void()>> wake;
  {
    std::lock_guard lock(state_->mu);
    for (auto& [topic, subs] : state_->topics)
      for (Subscription* s : subs) {
        std::lock_guard sl(s->mu_);
        if (!s->closed_)
          if (auto w = s->CloseLocked()) wake.push_back(std::move(w));
      }
  }
  for (auto& w : wake) w();
}

Response StreamReply(std::shared_ptr<Subscription> subscription, std::vector<Event> initial) {
  Response r;
  r.status = 200;
  r.content_type = "text/event-stream; charset=utf-8";
  r.stream = std::make_shared<EventStream>();
  r.stream->initial = std::move(initial);
  r.stream->subscription = std::move(subscription);
  return r;
}

}  // namespace anju::http
