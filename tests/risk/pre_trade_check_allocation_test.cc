// RiskEngine::check() must not allocate: every global operator new / delete of this executable is
// replaced with a counting version (tools/bench_support/counted_allocations.h), and the count is read around 1,000 calls of check() for an
// accepted order and for each denial path on a warm engine. The replacements call malloc/free, so the
// test runs under AddressSanitizer too (its malloc is the one that checks).
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/risk/engine_fixture.h"
#include "tools/bench_support/counted_allocations.h"

namespace risk::testing {
namespace {

// Counts the allocations and deallocations made from its construction to stop().
class AllocationCounter {
 public:
  AllocationCounter() : allocationsAtStart_(allocationsSoFar()), deallocationsAtStart_(deallocationsSoFar()) {}
  void stop() {
    allocations_ = static_cast<long>(allocationsSoFar() - allocationsAtStart_);
    deallocations_ = static_cast<long>(deallocationsSoFar() - deallocationsAtStart_);
  }
  long allocations() const { return allocations_; }
  long deallocations() const { return deallocations_; }

 private:
  std::uint64_t allocationsAtStart_;
  std::uint64_t deallocationsAtStart_;
  long allocations_ = 0;
  long deallocations_ = 0;
};

// Keeps a pointer where the optimizer cannot see it, so that a new/delete pair is not elided.
void* volatile gSink = nullptr;

TEST(AllocationCounterTest, SeesAllocations) {
  AllocationCounter counter;
  {
    std::string text(200, 'x');  // beyond the small-string buffer
    gSink = text.data();
    auto* number = new int(7);
    gSink = number;
    delete number;
  }
  counter.stop();
  EXPECT_GE(counter.allocations(), 2);
  EXPECT_GE(counter.deallocations(), 2);
}

struct Case {
  std::string_view name;
  NewOrder order;
  std::optional<DenialCode> expected;  // empty: accepted
};

class CheckAllocationTest : public EngineTest {
 protected:
  void SetUp() override {
    // FUT, FUT2: multiplier 10, IM 10 %, MM 5 %, max quantity 1,000, max notional 500,000, stale after 60 s.
    Instrument fut = flatInstrument("FUT", "10", "0.10", "0.05");
    fut.maxOrderQuantity = qty("1000");
    fut.maxOrderNotional = money("500000");
    config_.instruments.push_back(fut);
    Instrument fut2 = fut;
    fut2.symbol = "FUT2";
    config_.instruments.push_back(fut2);
    Instrument eur = fut;
    eur.symbol = "EUFUT";
    eur.currency = "EUR";
    config_.instruments.push_back(eur);
    Instrument noMark = fut;
    noMark.symbol = "NOMARK";
    config_.instruments.push_back(noMark);
    config_.instruments.push_back(flatInstrument("BIG", "10", "0.10", "0.05"));
    config_.accounts.push_back(account("A", "100000"));
    config_.accounts.push_back(account("B", "10000"));
    config_.accounts.push_back(account("C", "10000"));
    config_.accounts.push_back(account("D", "10000"));
    start();

    // t=0: marks; A long 50 FUT and long 5 FUT2; B long 80 FUT; C halted.
    markAt("FUT", "100", 0);
    markAt("FUT2", "100", 0);
    markAt("EUFUT", "100", 0);
    openPosition("a-fut", "A", "FUT", Side::kBuy, "50", "100", 0);
    openPosition("a-fut2", "A", "FUT2", Side::kBuy, "5", "100", 0);
    openPosition("b-fut", "B", "FUT", Side::kBuy, "80", "100", 0);
    send(Halt{at(0), "C", "operator"});
    // t=100: FUT at 92 puts B in a call (E = 3,600 < MM 3,680); FUT2's mark is now 100 s old (stale).
    markAt("FUT", "92", 100);
    ASSERT_EQ(report("B").state, MarginState::kCall);
    markAt("BIG", "90000000000", 100);
    // A has a sell 20 and a buy 10 open on FUT.
    order("a-sell", "A", "FUT", Side::kSell, "20", "92", 100);
    ASSERT_TRUE(has<OrderAccepted>());
    order("a-buy", "A", "FUT", Side::kBuy, "10", "92", 100);
    ASSERT_TRUE(has<OrderAccepted>());

    entitledA_ = {"A"};
    entitledB_ = {"B"};
    entitledC_ = {"C"};
    entitledD_ = {"D"};
    entitledOther_ = {"B", "C"};
    entitledUnknown_ = {"NOPE"};
    tooLongId_ = std::string(65, 'x');

    add("accepted increasing", "n1", entitledA_, "A", "FUT", Side::kBuy, "1", "92", std::nullopt);
    add("accepted reducing", "n2", entitledA_, "A", "FUT", Side::kSell, "5", "92", std::nullopt);
    add("accepted reducing, stale mark", "n3", entitledA_, "A", "FUT2", Side::kSell, "1", "100", std::nullopt);
    add("accepted market", "n4", entitledA_, "A", "FUT", Side::kBuy, "1", "0", std::nullopt).order.type =
        OrderType::kMarket;
    add("empty id", "", entitledA_, "A", "FUT", Side::kBuy, "1", "92", DenialCode::kInvalidId);
    add("long id", tooLongId_, entitledA_, "A", "FUT", Side::kBuy, "1", "92", DenialCode::kInvalidId);
    add("unknown account", "d1", entitledUnknown_, "NOPE", "FUT", Side::kBuy, "1", "92",
        DenialCode::kUnknownAccount);
    add("not entitled", "d2", entitledOther_, "A", "FUT", Side::kBuy, "1", "92", DenialCode::kNotEntitled);
    add("unknown instrument", "d3", entitledA_, "A", "NOPE", Side::kBuy, "1", "92", DenialCode::kUnknownInstrument);
    add("currency", "d4", entitledA_, "A", "EUFUT", Side::kBuy, "1", "100", DenialCode::kCurrencyMismatch);
    add("duplicate", "a-sell", entitledA_, "A", "FUT", Side::kBuy, "1", "92", DenialCode::kDuplicateClOrdId);
    add("halted", "d5", entitledC_, "C", "FUT", Side::kBuy, "1", "92", DenialCode::kAccountHalted);
    add("price off tick", "d6", entitledA_, "A", "FUT", Side::kBuy, "1", "92.005", DenialCode::kInvalidPrice);
    add("price zero", "d7", entitledA_, "A", "FUT", Side::kBuy, "1", "0", DenialCode::kInvalidPrice);
    add("quantity off lot", "d8", entitledA_, "A", "FUT", Side::kBuy, "1.5", "92", DenialCode::kInvalidQuantity);
    add("quantity", "d9", entitledA_, "A", "FUT", Side::kBuy, "1001", "92", DenialCode::kMaxQuantity);
    add("stale mark", "d10", entitledA_, "A", "FUT2", Side::kBuy, "1", "100", DenialCode::kStaleMark);
    add("no mark", "d11", entitledA_, "A", "NOMARK", Side::kBuy, "1", "100", DenialCode::kStaleMark);
    add("collar", "d12", entitledA_, "A", "FUT", Side::kBuy, "1", "120", DenialCode::kPriceCollar);
    // 600 * 10 * 92 = 552,000 > 500,000.
    add("notional", "d13", entitledA_, "A", "FUT", Side::kBuy, "600", "92", DenialCode::kMaxNotional);
    add("out of range", "d14", entitledA_, "A", "BIG", Side::kBuy, "100000", "90000000000",
        DenialCode::kValueOutOfRange);
    add("maintenance", "d15", entitledB_, "B", "FUT", Side::kBuy, "1", "92", DenialCode::kMaintenanceBreach);
    // 200 * 10 * 92 * 0.10 = 18,400 > 10,000.
    add("margin", "d16", entitledD_, "D", "FUT", Side::kBuy, "200", "92", DenialCode::kInsufficientMargin);
  }

  Case& add(std::string_view name, std::string_view id, const std::vector<std::string>& entitled,
            std::string_view account, std::string_view symbol, Side side, std::string_view quantity,
            std::string_view price, std::optional<DenialCode> expected) {
    NewOrder input;
    input.time = at(100);
    input.clOrdId = id;
    input.account = account;
    input.symbol = symbol;
    input.side = side;
    input.type = OrderType::kLimit;
    input.quantity = qty(quantity);
    input.limitPrice = px(price);
    input.entitledAccounts = entitled;
    cases_.push_back({name, input, expected});
    return cases_.back();
  }

  std::vector<std::string> entitledA_, entitledB_, entitledC_, entitledD_, entitledOther_, entitledUnknown_;
  std::string tooLongId_;
  std::vector<Case> cases_;
};

TEST_F(CheckAllocationTest, EveryCaseDecidesAsExpected) {
  ASSERT_EQ(cases_.size(), 23u);
  for (const Case& c : cases_) {
    SCOPED_TRACE(c.name);
    const OrderDecision decision = engine_->check(c.order);
    if (!c.expected) {
      EXPECT_FALSE(decision.denial) << decision.denial->format();
    } else {
      ASSERT_TRUE(decision.denial);
      EXPECT_EQ(decision.denial->code(), *c.expected) << decision.denial->format();
    }
  }
}

TEST_F(CheckAllocationTest, CheckDoesNotAllocate) {
  for (const Case& c : cases_) engine_->check(c.order);  // warm: every path once

  for (const Case& c : cases_) {
    SCOPED_TRACE(c.name);
    int wrong = 0;
    AllocationCounter counter;
    for (int i = 0; i < 1000; ++i) {
      const OrderDecision decision = engine_->check(c.order);
      const bool asExpected = c.expected ? decision.denial && decision.denial->code() == *c.expected
                                         : !decision.denial;
      wrong += asExpected ? 0 : 1;
    }
    counter.stop();
    EXPECT_EQ(counter.allocations(), 0);
    EXPECT_EQ(counter.deallocations(), 0);
    EXPECT_EQ(wrong, 0);
  }

  // And all of them interleaved, 1,000 calls in all.
  AllocationCounter counter;
  for (int i = 0; i < 1000; ++i) engine_->check(cases_[static_cast<std::size_t>(i) % cases_.size()].order);
  counter.stop();
  EXPECT_EQ(counter.allocations(), 0);
  EXPECT_EQ(counter.deallocations(), 0);
}

}  // namespace
}  // namespace risk::testing
