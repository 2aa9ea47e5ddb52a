#include "tools/fix_load/step_measurement.h"

#include <gtest/gtest.h>

namespace fix_load {
namespace {

// Four orders at 1000/s (t_i = 0, 1, 2, 3 ms), the first is warm-up.
StepRecord fourOrders() {
  StepRecord r;
  r.offeredRate = 1000;
  r.warmup = 1;
  r.intendedNs = {0, 1000000, 2000000, 3000000};
  r.sentNs = {1000, 1001000, 2500000, 3001000};   // order 2 went out 500 us late
  r.replyNs = {50000, 1040000, 2600000, 3030000};
  r.rejected = {0, 0, 1, 0};
  r.endNs = 3030000;
  return r;
}

TEST(StepMeasurementTest, LatencyIsFromTheIntendedTime) {
  const StepResult s = computeStepResult(fourOrders());
  EXPECT_EQ(s.sent, 4);
  EXPECT_EQ(s.answered, 4);
  EXPECT_EQ(s.rejected, 1);
  EXPECT_EQ(s.lost, 0);
  EXPECT_EQ(s.measured, 3);
  // Measured latencies: 1.04 ms - 1 ms = 40 us; 2.6 - 2 = 600 us (the late send counts); 30 us.
  EXPECT_DOUBLE_EQ(s.latency.minUs, 30);
  EXPECT_DOUBLE_EQ(s.latency.p50Us, 40);   // rank ceil(1.5) = 2 of {30, 40, 600}
  EXPECT_DOUBLE_EQ(s.latency.maxUs, 600);
  EXPECT_DOUBLE_EQ(s.maxSendLagUs, 500);   // order 2: 2.5 ms - 2 ms
  // Sends of the measured orders: 1.001 ms to 3.001 ms, 2 intervals -> 1000/s.
  EXPECT_DOUBLE_EQ(s.achievedSendRate, 1000);
  // Answers 1.04 ms to 3.03 ms, 2 intervals over 1.99 ms -> 2 / 0.00199 = 1005.02.../s.
  EXPECT_NEAR(s.achievedResponseRate, 1005.025, 0.001);
}

TEST(StepMeasurementTest, UnansweredOrdersAreLost) {
  StepRecord r = fourOrders();
  r.replyNs[3] = -1;
  r.sentNs[1] = -1;  // never sent: neither sent nor lost
  r.replyNs[1] = -1;
  const StepResult s = computeStepResult(r);
  EXPECT_EQ(s.sent, 3);
  EXPECT_EQ(s.answered, 2);
  EXPECT_EQ(s.lost, 1);
  EXPECT_EQ(s.measured, 1);
}

TEST(StepMeasurementTest, JudgesSustainedSteps) {
  SustainCriteria criteria;  // 0.98 x offered, p99 < 1000 us
  StepResult s = computeStepResult(fourOrders());
  judgeStep(s, criteria);
  EXPECT_TRUE(s.passed);
  EXPECT_EQ(s.verdict, "ok");

  criteria.p99LimitUs = 600;  // p99 = 600 us is not below 600
  judgeStep(s, criteria);
  EXPECT_FALSE(s.passed);
  EXPECT_NE(s.verdict.find("p99"), std::string::npos);

  StepRecord r = fourOrders();
  r.replyNs[3] = -1;
  StepResult lost = computeStepResult(r);
  judgeStep(lost, SustainCriteria());
  EXPECT_FALSE(lost.passed);
  EXPECT_NE(lost.verdict.find("lost 1"), std::string::npos);

  StepResult slow = computeStepResult(fourOrders());
  slow.offeredRate = 1100;  // achieved ~1000 < 0.98 x 1100 = 1078
  judgeStep(slow, SustainCriteria());
  EXPECT_FALSE(slow.passed);
  EXPECT_NE(slow.verdict.find("send rate"), std::string::npos);
}

}  // namespace
}  // namespace fix_load
