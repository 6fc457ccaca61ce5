#include "jobs/scheduler.h"

#include <chrono>

#include "core/log.h"

namespace anju::jobs {

namespace {
Millis SteadyNow() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

void Scheduler::Every(std::string name, Millis period, Millis first_delay,
                      std::function<void()> fn) {
  std::lock_guard lock(mu_);
  jobs_.push_back({std::move(name), period, SteadyNow() + first_delay, std::move(fn)});
}

void Scheduler::Start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { Loop(); });
}

void Scheduler::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    Millis now = SteadyNow(), next = now + kHour;
    for (Job& job : jobs_) {
      if (job.next <= now) {
        job.next = now + job.period;
        auto fn = job.fn;
        std::string name = job.name;
        lock.unlock();
        try {
          fn();
        } catch (const std::exception& e) {
          log::Error("job failed", {{"job", name}, {"error", e.what()}});
        }
        lock.lock();
        if (stopping_) return;
        now = SteadyNow();
      }
      next = std::min(next, job.next);
    }
    cv_.wait_for(lock, std::chrono::milliseconds(std::max<Millis>(next - now, 10)),
                 [this] { return stopping_; });
  }
}

}  // namespace anju::jobs
