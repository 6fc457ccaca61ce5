#include "http/event_hub.h"

#include <atomic>
#include <thread>

#include <gtest/gtest.h>

namespace anju::http {
namespace {

TEST(EventHubTest, PublishReachesEverySubscriberOfTheTopicInOrder) {
  EventHub hub;
  auto a = hub.Subscribe("wo:1");
  auto b = hub.Subscribe("wo:1");
  auto other = hub.Subscribe("wo:2");
  EXPECT_EQ(hub.SubscriberCount(), 3u);
  EXPECT_EQ(hub.SubscriberCount("wo:1"), 2u);
  hub.Publish("wo:1", "status", R"({"s":"assigned"})", "10");
  hub.Publish("wo:1", "status", R"({"s":"accepted"})", "11");
  for (auto& sub : {a, b}) {
    auto got = sub->Take();
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].id, "10");
    EXPECT_EQ(got[1].data, R"({"s":"accepted"})");
    EXPECT_EQ(got[1].name, "status");
    EXPECT_TRUE(sub->Take().empty());
  }
  EXPECT_TRUE(other->Take().empty());
}

TEST(EventHubTest, DestroyingASubscriptionUnsubscribes) {
  EventHub hub;
  auto a = hub.Subscribe("t");
  {
    auto b = hub.Subscribe("t");
    EXPECT_EQ(hub.SubscriberCount("t"), 2u);
  }
  EXPECT_EQ(hub.SubscriberCount("t"), 1u);
  a.reset();
  EXPECT_EQ(hub.SubscriberCount(), 0u);
  hub.Publish("t", "x", "nobody");  // no subscriber: dropped, no error
}

TEST(EventHubTest, AsyncWaitRunsOnceWhenAnEventArrivesOrAtOnceIfOneIsQueued) {
  EventHub hub;
  auto sub = hub.Subscribe("t");
  int calls = 0;
  sub->AsyncWait([&] { ++calls; });
  EXPECT_EQ(calls, 0);
  hub.Publish("t", "a", "1");
  EXPECT_EQ(calls, 1);
  hub.Publish("t", "a", "2");
  EXPECT_EQ(calls, 1);  // one-shot
  sub->AsyncWait([&] { ++calls; });  // events are queued: runs at once
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(sub->Take().size(), 2u);
  sub->AsyncWait([&] { calls += 10; });
  sub->Close();
  EXPECT_EQ(calls, 12);
  EXPECT_TRUE(sub->closed());
  hub.Publish("t", "a", "after close");
  EXPECT_TRUE(sub->Take().empty());
}

TEST(EventHubTest, AFullQueueClosesTheSubscriptionInsteadOfDroppingEvents) {
  EventHub hub(/*queue_limit=*/3);
  auto sub = hub.Subscribe("t");
  bool woken = false;
  for (int i = 1; i <= 3; ++i) hub.Publish("t", "e", std::to_string(i), std::to_string(i));
  EXPECT_FALSE(sub->closed());
  hub.Publish("t", "e", "4", "4");
  EXPECT_TRUE(sub->closed());
  EXPECT_TRUE(sub->overflowed());
  sub->AsyncWait([&] { woken = true; });
  EXPECT_TRUE(woken);
  auto got = sub->Take();  // what was queued before the overflow is still there
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got.back().id, "3");
}

TEST(EventHubTest, ASubscriptionMayOutliveTheHub) {
  std::shared_ptr<Subscription> sub;
  {
    EventHub hub;
    sub = hub.Subscribe("t");
  }
  EXPECT_TRUE(sub->closed());
  sub.reset();  // no crash
}

TEST(EventHubTest, ConcurrentPublishersAndSubscribers) {
  EventHub hub(100000);
  auto sub = hub.Subscribe("t");
  std::atomic<bool> stop{false};
  std::thread churn([&] {
    while (!stop) hub.Subscribe("t")->AsyncWait([] {});
  });
  std::vector<std::thread> publishers;
  for (int p = 0; p < 4; ++p)
    publishers.emplace_back([&, p] {
      for (int i = 0; i < 1000; ++i) hub.Publish("t", "e", std::to_string(p), std::to_string(i));
    });
  for (auto& t : publishers) t.join();
  stop = true;
  churn.join();
  auto got = sub->Take();
  ASSERT_EQ(got.size(), 4000u);
  int last[4] = {-1, -1, -1, -1};  // each publisher's events arrive in its order
  for (const Event& e : got) {
    int p = std::stoi(e.data), i = std::stoi(e.id);
    EXPECT_EQ(i, last[p] + 1);
    last[p] = i;
  }
  EXPECT_EQ(hub.SubscriberCount(), 1u);
}

TEST(EventHubTest, FormatEventWritesIdEventAndOneDataLinePerLine) {
  EXPECT_EQ(FormatEvent({"7", "status", R"({"a":1})"}), "id: 7\nevent: status\ndata: {\"a\":1}\n\n");
  EXPECT_EQ(FormatEvent({"", "", "a\r\nb\rc\nd"}), "data: a\ndata: b\ndata: c\ndata: d\n\n");
  EXPECT_EQ(FormatEvent({"1\n2", "x\r\ny", ""}), "id: 12\nevent: xy\ndata: \n\n");
}

}  // namespace
}  // namespace anju::http
