// Scheduled work inside `anju serve`: each job runs on a background thread every `period`,
// starting `first_delay` after Start(). Jobs must be idempotent (they may also run on other
// instances sharing a PostgreSQL database, or from the command line): the late-fee job, for
// one, accrues each bill and day once whoever runs it.
//
// Thread-safe. Stop() wakes the thread and waits for a running job to finish.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"

namespace anju::jobs {

class Scheduler {
 public:
  Scheduler() = default;
  ~Scheduler() { Stop(); }
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // Registers a job before Start(). fn's exceptions are logged, never propagated.
  void Every(std::string name, Millis period, Millis first_delay, std::function<void()> fn);
  void Start();
  void Stop();

 private:
  struct Job {
    std::string name;
    Millis period, next;
    std::function<void()> fn;
  };
  void Loop();

  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // guarded by mu_
  std::vector<Job> jobs_;  // guarded by mu_
  std::thread thread_;
};

}  // namespace anju::jobs
