// Pre-trade checks through RiskEngine: one test per denial code with the numbers it carries, the
// risk-increasing / reducing classification, open-order margin and replaces. Every expected number
// is computed by hand in the comment beside it.
#include <gtest/gtest.h>

#include <string>
#include <ostream>
#include <string_view>
#include <vector>

#include "tests/risk/engine_fixture.h"

namespace risk {
// Failure messages show fixed-point values as decimals ("12.5") rather than raw bytes.
template <class Tag>
void PrintTo(const Fixed<Tag>& value, std::ostream* os) {
  *os << value.toString();
}
}  // namespace risk

namespace risk::testing {
namespace {

// A detail as Denial::format() prints it ("<absent>" when the denial has no such detail).
std::string detail(const Denial& denial, std::string_view name) {
  const DenialDetail* found = denial.find(name);
  if (!found) return "<absent>";
  switch (found->kind) {
    case DenialDetail::Kind::kMillis: return std::to_string(found->value) + "ms";
    case DenialDetail::Kind::kText: return std::string(found->text);
    default: return formatRawDecimal(found->value);
  }
}

// FUT:    multiplier 10, IM 10 %, MM 5 %, tick 0.01, lot 1, max quantity 1,000, max notional 500,000,
//         collar 10 %, mark stale after 60 s. Mark 100 at t=0: one contract is 1,000 of notional, IM 100.
// EUFUT:  like FUT, in EUR.          NOMARK: like FUT, never marked.
// BTC:    multiplier 1, tick 0.5, lot 0.001, mark 20,000.
// BIG:    like FUT with the default limits (max quantity 100,000, max notional 1e9).
// ACC and OTHER: 10,000 USD each. EDGE: 10,080 USD.
class PreTradeTest : public EngineTest {
 protected:
  void SetUp() override {
    Instrument fut = flatInstrument("FUT", "10", "0.10", "0.05");
    fut.maxOrderQuantity = qty("1000");
    fut.maxOrderNotional = money("500000");
    config_.instruments.push_back(fut);
    Instrument eur = fut;
    eur.symbol = "EUFUT";
    eur.currency = "EUR";
    config_.instruments.push_back(eur);
    Instrument noMark = fut;
    noMark.symbol = "NOMARK";
    config_.instruments.push_back(noMark);
    Instrument btc = flatInstrument("BTC", "1", "0.10", "0.05");
    btc.tickSize = px("0.5");
    btc.lotSize = qty("0.001");
    config_.instruments.push_back(btc);
    config_.instruments.push_back(flatInstrument("BIG", "10", "0.10", "0.05"));
    config_.accounts.push_back(account("ACC", "10000"));
    config_.accounts.push_back(account("OTHER", "10000"));
    config_.accounts.push_back(account("EDGE", "10080"));
    start();
    markAt("FUT", "100", 0);
    markAt("EUFUT", "100", 0);
    markAt("BTC", "20000", 0);
  }

  NewOrder newOrder(std::string_view id, std::string_view account, std::string_view symbol, Side side,
                    std::string_view quantity, std::string_view price, int64_t second) {
    entitled_ = {std::string(account)};
    NewOrder input;
    input.time = at(second);
    input.clOrdId = id;
    input.account = account;
    input.symbol = symbol;
    input.side = side;
    input.type = OrderType::kLimit;
    input.quantity = qty(quantity);
    input.limitPrice = px(price);
    input.entitledAccounts = entitled_;
    return input;
  }

  Events& replace(std::string_view id, std::string_view orig, std::string_view quantity, std::string_view price,
                  int64_t second) {
    entitled_ = {"ACC"};
    return send(ReplaceRequest{at(second), id, orig, qty(quantity), px(price), entitled_});
  }
  Events& cancel(std::string_view orig, int64_t second) {
    entitled_ = {"ACC"};
    return send(CancelRequest{at(second), orig, entitled_});
  }

  const Denial& denial() const { return first<OrderDenied>().denial; }
  const Denial& replaceDenial() const { return first<ReplaceDenied>().denial; }

  void expectDenied(DenialCode code) {
    ASSERT_TRUE(has<OrderDenied>()) << "expected " << toString(code);
    EXPECT_EQ(denial().code(), code) << denial().format();
  }
  void expectAccepted() {
    ASSERT_TRUE(has<OrderAccepted>()) << (has<OrderDenied>() ? denial().format() : std::string("no decision"));
  }

  PositionReport position(std::string_view account, std::string_view symbol) const {
    for (const PositionReport& line : report(account).positions) {
      if (line.symbol == symbol) return line;
    }
    return PositionReport{};
  }
};

// ---------------------------------------------------------------------------------------------
// One test per denial code

TEST_F(PreTradeTest, UnknownAccount) {
  order("o1", "NOPE", "FUT", Side::kBuy, "1", "100", 1);
  expectDenied(DenialCode::kUnknownAccount);
  EXPECT_EQ(denial().size(), 0u);
  EXPECT_EQ(first<OrderDenied>().clOrdId, std::string_view("o1"));
  EXPECT_TRUE(first<OrderDenied>().account.empty());
  EXPECT_EQ(denial().format(), "UNKNOWN_ACCOUNT:");
}

TEST_F(PreTradeTest, UnknownInstrument) {
  order("o1", "ACC", "NOPE", Side::kBuy, "1", "100", 1);
  expectDenied(DenialCode::kUnknownInstrument);
  EXPECT_EQ(denial().size(), 0u);
  EXPECT_EQ(first<OrderDenied>().account, std::string_view("ACC"));
}

TEST_F(PreTradeTest, NotEntitled) {
  NewOrder input = newOrder("o1", "ACC", "FUT", Side::kBuy, "1", "100", 1);
  entitled_ = {"OTHER"};  // the session may trade OTHER only
  input.entitledAccounts = entitled_;
  send(input);
  expectDenied(DenialCode::kNotEntitled);
  EXPECT_EQ(first<OrderDenied>().account, std::string_view("ACC"));
  entitled_.clear();  // a session entitled to nothing
  input.entitledAccounts = entitled_;
  send(input);
  expectDenied(DenialCode::kNotEntitled);
}

TEST_F(PreTradeTest, InvalidQuantity) {
  for (const std::string_view quantity : {"0", "-1", "1.5", "0.00000001"}) {
    SCOPED_TRACE(quantity);
    order("o1", "ACC", "FUT", Side::kBuy, quantity, "100", 1);
    expectDenied(DenialCode::kInvalidQuantity);
    EXPECT_EQ(detail(denial(), "quantity"), std::string(quantity));
    EXPECT_EQ(detail(denial(), "lotSize"), "1");
  }
  // BTC lots are 0.001: 0.0015 is not a multiple, 0.002 is (IM 0.002 * 20,000 * 0.10 = 4).
  order("b1", "ACC", "BTC", Side::kBuy, "0.0015", "20000", 1);
  expectDenied(DenialCode::kInvalidQuantity);
  EXPECT_EQ(denial().format(), "INVALID_QUANTITY: quantity=0.0015 lotSize=0.001");
  order("b2", "ACC", "BTC", Side::kBuy, "0.002", "20000", 1);
  expectAccepted();
  EXPECT_EQ(first<OrderAccepted>().orderMargin, money("4"));
}

TEST_F(PreTradeTest, InvalidPrice) {
  for (const std::string_view price : {"0", "-1", "100.005"}) {
    SCOPED_TRACE(price);
    order("o1", "ACC", "FUT", Side::kBuy, "1", price, 1);
    expectDenied(DenialCode::kInvalidPrice);
    EXPECT_EQ(detail(denial(), "price"), std::string(price));
    EXPECT_EQ(detail(denial(), "tickSize"), "0.01");
  }
  order("b1", "ACC", "BTC", Side::kBuy, "0.001", "20000.25", 1);  // BTC ticks are 0.5
  expectDenied(DenialCode::kInvalidPrice);
  EXPECT_EQ(denial().format(), "INVALID_PRICE: price=20000.25 tickSize=0.5");
  // A market order carries no price: it is not checked (and is margined at the mark: IM 100).
  NewOrder market = newOrder("m1", "ACC", "FUT", Side::kBuy, "1", "0", 1);
  market.type = OrderType::kMarket;
  send(market);
  expectAccepted();
  EXPECT_EQ(first<OrderAccepted>().orderMargin, money("100"));
}

TEST_F(PreTradeTest, InvalidId) {
  order("", "ACC", "FUT", Side::kBuy, "1", "100", 1);
  expectDenied(DenialCode::kInvalidId);
  EXPECT_EQ(denial().size(), 0u);
  EXPECT_TRUE(first<OrderDenied>().account.empty());  // the id is checked before anything else

  const std::string tooLong(65, 'x');
  order(tooLong, "ACC", "FUT", Side::kBuy, "1", "100", 1);
  expectDenied(DenialCode::kInvalidId);
  EXPECT_TRUE(first<OrderDenied>().clOrdId.empty());  // it cannot be carried in the event

  const std::string longest(64, 'y');
  order(longest, "ACC", "FUT", Side::kBuy, "1", "100", 1);
  expectAccepted();
  EXPECT_EQ(first<OrderAccepted>().clOrdId, std::string_view(longest));
}

TEST_F(PreTradeTest, MaxQuantity) {
  order("o1", "ACC", "FUT", Side::kBuy, "1001", "100", 1);
  expectDenied(DenialCode::kMaxQuantity);
  EXPECT_EQ(denial().format(), "MAX_QUANTITY: quantity=1001 maxQuantity=1000");
  // 1,000 is allowed by quantity; its notional 1,000 * 10 * 100 = 1,000,000 is not.
  order("o2", "ACC", "FUT", Side::kBuy, "1000", "100", 1);
  expectDenied(DenialCode::kMaxNotional);
}

TEST_F(PreTradeTest, MaxNotionalUsesTheLimitPrice) {
  // 501 * 10 * 100 = 501,000 > 500,000.
  order("o1", "ACC", "FUT", Side::kSell, "501", "100", 1);
  expectDenied(DenialCode::kMaxNotional);
  EXPECT_EQ(denial().format(), "MAX_NOTIONAL: notional=501000 maxNotional=500000");
  // 455 @ 110: 455 * 10 * 110 = 500,500 > 500,000, though at the mark it would be 455,000.
  order("o2", "ACC", "FUT", Side::kBuy, "455", "110", 1);
  expectDenied(DenialCode::kMaxNotional);
  EXPECT_EQ(detail(denial(), "notional"), "500500");
  // 500 @ 100 is exactly 500,000: the notional limit passes, the margin does not (IM 50,000 > 10,000).
  order("o3", "ACC", "FUT", Side::kBuy, "500", "100", 1);
  expectDenied(DenialCode::kInsufficientMargin);
}

TEST_F(PreTradeTest, PriceCollar) {
  // Mark 100, collar 10 %: band 10, from 90 to 110.
  order("o1", "ACC", "FUT", Side::kBuy, "1", "110.01", 1);
  expectDenied(DenialCode::kPriceCollar);
  EXPECT_EQ(denial().format(), "PRICE_COLLAR: price=110.01 mark=100 low=90 high=110");
  order("o2", "ACC", "FUT", Side::kSell, "1", "89.99", 1);
  expectDenied(DenialCode::kPriceCollar);
  EXPECT_EQ(detail(denial(), "low"), "90");
  EXPECT_EQ(detail(denial(), "high"), "110");
  // Exactly at either edge passes.
  order("o3", "ACC", "FUT", Side::kBuy, "1", "110", 1);
  expectAccepted();
  order("o4", "ACC", "FUT", Side::kSell, "1", "90", 1);
  expectAccepted();

  // Mark 100.03: band 10.003, from 90.027 to 110.033; 110.03 passes, 110.04 does not, 90.02 does not.
  markAt("FUT", "100.03", 2);
  order("o5", "ACC", "FUT", Side::kBuy, "1", "110.03", 2);
  expectAccepted();
  order("o6", "ACC", "FUT", Side::kBuy, "1", "110.04", 2);
  expectDenied(DenialCode::kPriceCollar);
  EXPECT_EQ(denial().format(), "PRICE_COLLAR: price=110.04 mark=100.03 low=90.027 high=110.033");
  order("o7", "ACC", "FUT", Side::kSell, "1", "90.02", 2);
  expectDenied(DenialCode::kPriceCollar);
}

TEST_F(PreTradeTest, StaleMarkWhenThereIsNoMark) {
  order("o1", "ACC", "NOMARK", Side::kBuy, "1", "100", 1);
  expectDenied(DenialCode::kStaleMark);
  EXPECT_EQ(denial().format(), "STALE_MARK: mark=none staleAfter=60000ms");
}

TEST_F(PreTradeTest, StaleMarkWhenTheMarkIsOlderThanTheWindow) {
  // Mark at t=0, window 60 s: at t=60 the mark is 60 s old and still fresh.
  order("o1", "ACC", "FUT", Side::kBuy, "1", "100", 60);
  expectAccepted();
  // At t=61 it is 61 s old: stale.
  order("o2", "ACC", "FUT", Side::kBuy, "1", "100", 61);
  expectDenied(DenialCode::kStaleMark);
  EXPECT_EQ(denial().format(), "STALE_MARK: mark=100 markAge=61000ms staleAfter=60000ms");
}

TEST_F(PreTradeTest, RiskReducingOrderPassesWithAStaleMark) {
  openPosition("o1", "ACC", "FUT", Side::kBuy, "10", "100", 0);  // long 10
  // t=1000: the mark is 1,000 s old. Selling 5 of the 10 reduces risk: accepted.
  order("o2", "ACC", "FUT", Side::kSell, "5", "100", 1000);
  expectAccepted();
  EXPECT_FALSE(first<OrderAccepted>().riskIncreasing);
  // Buying more does not.
  order("o3", "ACC", "FUT", Side::kBuy, "1", "100", 1000);
  expectDenied(DenialCode::kStaleMark);
  EXPECT_EQ(detail(denial(), "markAge"), "1000000ms");
  // Selling 6 more would take the position through zero (5 + 6 > 10): risk-increasing, refused.
  order("o4", "ACC", "FUT", Side::kSell, "6", "100", 1000);
  expectDenied(DenialCode::kStaleMark);
}

TEST_F(PreTradeTest, AccountHalted) {
  send(Halt{at(1), "ACC", "operator"});
  ASSERT_TRUE(has<AccountHalted>());
  order("o1", "ACC", "FUT", Side::kBuy, "1", "100", 2);
  expectDenied(DenialCode::kAccountHalted);
  EXPECT_EQ(denial().format(), "ACCOUNT_HALTED:");
  // Another account is not affected.
  order("o2", "OTHER", "FUT", Side::kBuy, "1", "100", 2);
  expectAccepted();
  send(Resume{at(3), "ACC"});
  order("o3", "ACC", "FUT", Side::kBuy, "1", "100", 3);
  expectAccepted();
}

TEST_F(PreTradeTest, DuplicateClOrdId) {
  order("o1", "ACC", "FUT", Side::kBuy, "1", "100", 1);
  expectAccepted();
  order("o1", "ACC", "FUT", Side::kBuy, "1", "100", 1);
  expectDenied(DenialCode::kDuplicateClOrdId);
  // Still refused once the first order has finished.
  send(OrderDone{at(2), "o1"});
  EXPECT_EQ(report("ACC").openOrders, 0);
  order("o1", "ACC", "FUT", Side::kBuy, "1", "100", 3);
  expectDenied(DenialCode::kDuplicateClOrdId);
  // The same id from another account is a duplicate too (ids are unique across the gateway).
  order("o1", "OTHER", "FUT", Side::kBuy, "1", "100", 3);
  expectDenied(DenialCode::kDuplicateClOrdId);
  // A replacement's id is used as well.
  order("o2", "ACC", "FUT", Side::kBuy, "1", "100", 4);
  replace("r2", "o2", "2", "100", 4);
  ASSERT_TRUE(has<ReplaceAccepted>());
  order("r2", "ACC", "FUT", Side::kBuy, "1", "100", 4);
  expectDenied(DenialCode::kDuplicateClOrdId);
}

TEST_F(PreTradeTest, DuplicateIdOnAReplace) {
  order("o1", "ACC", "FUT", Side::kBuy, "1", "100", 1);
  order("o2", "ACC", "FUT", Side::kBuy, "1", "100", 1);
  replace("o1", "o2", "2", "100", 2);
  ASSERT_TRUE(has<ReplaceDenied>());
  EXPECT_EQ(replaceDenial().code(), DenialCode::kDuplicateClOrdId);
}

TEST_F(PreTradeTest, CurrencyMismatch) {
  order("o1", "ACC", "EUFUT", Side::kBuy, "1", "100", 1);
  expectDenied(DenialCode::kCurrencyMismatch);
  EXPECT_EQ(denial().size(), 0u);
}

TEST_F(PreTradeTest, MaintenanceBreachInCall) {
  // Long 80 @ 100: N 80,000, IM 8,000, MM 4,000. Mark 92: U = 80 * 10 * (92 - 100) = -6,400; E = 3,600;
  // N = 73,600: MM 3,680, IM 7,360. E < MM: call. Health 0.978 is above the 0.80 floor.
  openPosition("o1", "ACC", "FUT", Side::kBuy, "80", "100", 1);
  markAt("FUT", "92", 2);
  ASSERT_TRUE(has<CallIssued>());
  order("o2", "ACC", "FUT", Side::kBuy, "1", "92", 3);
  expectDenied(DenialCode::kMaintenanceBreach);
  // Amount to cure = IM - E = 7,360 - 3,600 = 3,760.
  EXPECT_EQ(denial().format(), "MAINTENANCE_BREACH: state=CALL equity=3600 maintenance=3680 initial=7360 amountToCure=3760");
  // Selling 81 would take the position short (81 > 80): risk-increasing, refused as well.
  order("o3", "ACC", "FUT", Side::kSell, "81", "92", 3);
  expectDenied(DenialCode::kMaintenanceBreach);
  // The reducing order passes in CALL.
  order("o4", "ACC", "FUT", Side::kSell, "5", "92", 3);
  expectAccepted();
  EXPECT_FALSE(first<OrderAccepted>().riskIncreasing);
  EXPECT_EQ(first<OrderAccepted>().orderMargin, money("0"));
}

TEST_F(PreTradeTest, MaintenanceBreachWhenEquityEqualsMaintenance) {
  // EDGE (10,080) long 80 @ 100; mark 92: E = 10,080 - 6,400 = 3,680 = MM 3,680 exactly. Not below
  // maintenance, so no call (a warning: 3,680 < 1.10 * 3,680), but a new risk-increasing order is refused.
  entitled_ = {"EDGE"};
  openPosition("e1", "EDGE", "FUT", Side::kBuy, "80", "100", 1);
  markAt("FUT", "92", 2);
  EXPECT_FALSE(has<CallIssued>());
  EXPECT_TRUE(has<WarningIssued>());
  order("e2", "EDGE", "FUT", Side::kBuy, "1", "92", 3);
  expectDenied(DenialCode::kMaintenanceBreach);
  // Amount to cure = 7,360 - 3,680 = 3,680.
  EXPECT_EQ(denial().format(),
            "MAINTENANCE_BREACH: state=WARNING equity=3680 maintenance=3680 initial=7360 amountToCure=3680");
  // One cent above: mark 92.01: E = 10,080 - 80 * 10 * 7.99 = 3,688 > MM = 80 * 10 * 92.01 * 0.05 = 3,680.4.
  // Then it is the available funds that refuse it: AF = 3,688 - 7,360.8 < 0.
  markAt("FUT", "92.01", 4);
  order("e3", "EDGE", "FUT", Side::kBuy, "1", "92.01", 4);
  expectDenied(DenialCode::kInsufficientMargin);
}

TEST_F(PreTradeTest, InsufficientMarginAndExactlyZeroPasses) {
  // Flat, 10,000 cash, IM 100 per contract at mark 100. Buy 101: order margin 10,100, after = -100.
  order("o1", "ACC", "FUT", Side::kBuy, "101", "100", 1);
  expectDenied(DenialCode::kInsufficientMargin);
  EXPECT_EQ(denial().format(),
            "INSUFFICIENT_MARGIN: equity=10000 initial=0 openOrderMargin=0 orderMargin=10100 availableFunds=10000 "
            "availableAfter=-100");
  // Buy 100: order margin 10,000, available after exactly 0: accepted.
  order("o2", "ACC", "FUT", Side::kBuy, "100", "100", 1);
  expectAccepted();
  EXPECT_TRUE(first<OrderAccepted>().riskIncreasing);
  EXPECT_EQ(first<OrderAccepted>().orderMargin, money("10000"));
  EXPECT_EQ(first<OrderAccepted>().availableAfter, money("0"));
  // Nothing is left for even one more contract: 0 - 100 < 0.
  order("o3", "ACC", "FUT", Side::kBuy, "1", "100", 1);
  expectDenied(DenialCode::kInsufficientMargin);
  EXPECT_EQ(detail(denial(), "availableAfter"), "-100");
}

TEST_F(PreTradeTest, InsufficientMarginFormatWithPositionAndOpenOrders) {
  // Long 50 @ 100, then mark 101: U = 50 * 10 * 1 = 500; E = 10,500; IM = 50 * 10 * 101 * 0.10 = 5,050.
  openPosition("o1", "ACC", "FUT", Side::kBuy, "50", "100", 1);
  markAt("FUT", "101", 2);
  // Buy 20 @ 101 open: IM(70) = 7,070, so 7,070 - 5,050 = 2,020; AF = 10,500 - 5,050 - 2,020 = 3,430.
  order("o2", "ACC", "FUT", Side::kBuy, "20", "101", 3);
  expectAccepted();
  EXPECT_EQ(first<OrderAccepted>().orderMargin, money("2020"));
  EXPECT_EQ(first<OrderAccepted>().availableAfter, money("3430"));
  // Buy 34 more: IM(104) = 10,504, 10,504 - 5,050 = 5,454 in all, 5,454 - 2,020 = 3,434 for this order;
  // after = 3,430 - 3,434 = -4.
  order("o3", "ACC", "FUT", Side::kBuy, "34", "101", 3);
  expectDenied(DenialCode::kInsufficientMargin);
  EXPECT_EQ(denial().format(),
            "INSUFFICIENT_MARGIN: equity=10500 initial=5050 openOrderMargin=2020 orderMargin=3434 "
            "availableFunds=3430 availableAfter=-4");
  // Buy 33: 3,333, after 97.
  order("o4", "ACC", "FUT", Side::kBuy, "33", "101", 3);
  expectAccepted();
  EXPECT_EQ(first<OrderAccepted>().availableAfter, money("97"));
}

TEST_F(PreTradeTest, UnknownOrderOnCancelAndReplace) {
  cancel("nope", 1);
  ASSERT_TRUE(has<CancelDenied>());
  EXPECT_EQ(first<CancelDenied>().denial.code(), DenialCode::kUnknownOrder);
  EXPECT_EQ(first<CancelDenied>().origClOrdId, std::string_view("nope"));
  replace("r1", "nope", "1", "100", 1);
  ASSERT_TRUE(has<ReplaceDenied>());
  EXPECT_EQ(replaceDenial().code(), DenialCode::kUnknownOrder);
  EXPECT_EQ(first<ReplaceDenied>().origClOrdId, std::string_view("nope"));
  // A finished order is unknown too.
  order("o1", "ACC", "FUT", Side::kBuy, "1", "100", 2);
  send(OrderDone{at(3), "o1"});
  cancel("o1", 4);
  EXPECT_EQ(first<CancelDenied>().denial.code(), DenialCode::kUnknownOrder);
  replace("r2", "o1", "2", "100", 4);
  EXPECT_EQ(replaceDenial().code(), DenialCode::kUnknownOrder);
}

TEST_F(PreTradeTest, OrderNotReplaceableWhileCancelOrReplacePending) {
  order("o1", "ACC", "FUT", Side::kBuy, "1", "100", 1);
  cancel("o1", 2);
  ASSERT_TRUE(has<CancelAccepted>());
  replace("r1", "o1", "2", "100", 2);
  ASSERT_TRUE(has<ReplaceDenied>());
  EXPECT_EQ(replaceDenial().format(), "ORDER_NOT_REPLACEABLE: reason=cancel pending");

  order("o2", "ACC", "FUT", Side::kBuy, "1", "100", 3);
  replace("r2", "o2", "2", "100", 3);
  ASSERT_TRUE(has<ReplaceAccepted>());
  replace("r3", "o2", "3", "100", 3);
  ASSERT_TRUE(has<ReplaceDenied>());
  EXPECT_EQ(replaceDenial().format(), "ORDER_NOT_REPLACEABLE: reason=replace pending");
}

TEST_F(PreTradeTest, ValueOutOfRange) {
  // BIG marked at 90,000,000,000 (no one holds it). Buy 100,000: 100,000 * 10 * 9e10 = 9e16, beyond the
  // 92,233,720,368 money limit.
  markAt("BIG", "90000000000", 1);
  order("o1", "ACC", "BIG", Side::kBuy, "100000", "90000000000", 1);
  expectDenied(DenialCode::kValueOutOfRange);
  EXPECT_EQ(denial().format(), "VALUE_OUT_OF_RANGE: quantity=100000 price=90000000000");
  // A market order is valued at the mark: the same.
  NewOrder market = newOrder("o2", "ACC", "BIG", Side::kSell, "100000", "0", 1);
  market.type = OrderType::kMarket;
  send(market);
  expectDenied(DenialCode::kValueOutOfRange);
}

// ---------------------------------------------------------------------------------------------
// Classification: reducing is judged by the position after every open order on the same side fills.

TEST_F(PreTradeTest, ClassificationCountsOtherOpenOrdersOnTheSameSide) {
  openPosition("o1", "ACC", "FUT", Side::kBuy, "10", "100", 1);  // long 10: IM 1,000
  order("o2", "ACC", "FUT", Side::kSell, "6", "100", 1);        // sell 6 open
  expectAccepted();
  EXPECT_FALSE(first<OrderAccepted>().riskIncreasing);

  // A new sell 4: 6 + 4 = 10 <= 10, the position can at worst reach zero: reducing.
  OrderDecision decision = engine_->check(newOrder("o3", "ACC", "FUT", Side::kSell, "4", "100", 1));
  EXPECT_FALSE(decision.denial);
  EXPECT_FALSE(decision.riskIncreasing);
  // Worst case with sells of 10: max(IM(10 + 0) = 1,000, IM(10 - 10) = 0) - 1,000 = 0.
  EXPECT_EQ(decision.orderMargin, money("0"));
  EXPECT_EQ(decision.availableAfter, money("9000"));  // 10,000 - 1,000 - 0 - 0

  // A new sell 5: 6 + 5 = 11 > 10 would flip the position short: risk-increasing.
  decision = engine_->check(newOrder("o3", "ACC", "FUT", Side::kSell, "5", "100", 1));
  EXPECT_FALSE(decision.denial);
  EXPECT_TRUE(decision.riskIncreasing);
  // Worst case: max(IM(10) = 1,000, IM(|10 - 11|) = 100) - 1,000 = 0.
  EXPECT_EQ(decision.orderMargin, money("0"));

  // check() records nothing: the same id is still free.
  order("o3", "ACC", "FUT", Side::kSell, "4", "100", 1);
  expectAccepted();
  EXPECT_FALSE(first<OrderAccepted>().riskIncreasing);
  // Now 10 are open on the sell side: one more sells through zero.
  order("o4", "ACC", "FUT", Side::kSell, "1", "100", 1);
  expectAccepted();
  EXPECT_TRUE(first<OrderAccepted>().riskIncreasing);
  // A buy when long adds to the position: increasing.
  EXPECT_TRUE(engine_->check(newOrder("o5", "ACC", "FUT", Side::kBuy, "1", "100", 1)).riskIncreasing);
  // Flat: any order is increasing.
  EXPECT_TRUE(engine_->check(newOrder("o6", "OTHER", "FUT", Side::kSell, "1", "100", 1)).riskIncreasing);
}

TEST(IsRiskIncreasingTest, Cases) {
  const auto q = [](std::string_view text) { return qty(text); };
  EXPECT_FALSE(isRiskIncreasing(q("10"), Side::kSell, q("6"), q("4")));   // 6 + 4 = 10 <= 10
  EXPECT_TRUE(isRiskIncreasing(q("10"), Side::kSell, q("6"), q("5")));    // 11 > 10
  EXPECT_TRUE(isRiskIncreasing(q("10"), Side::kBuy, q("0"), q("1")));     // same side
  EXPECT_TRUE(isRiskIncreasing(q("0"), Side::kSell, q("0"), q("1")));     // flat
  EXPECT_TRUE(isRiskIncreasing(q("0"), Side::kBuy, q("0"), q("1")));
  EXPECT_FALSE(isRiskIncreasing(q("-10"), Side::kBuy, q("3"), q("7")));   // short: 3 + 7 = 10 <= 10
  EXPECT_TRUE(isRiskIncreasing(q("-10"), Side::kBuy, q("3"), q("8")));    // 11 > 10
}

TEST_F(PreTradeTest, ReducingOrdersPassInLiquidation) {
  // Long 80 @ 100; mark 90: U = -8,000, E = 2,000; MM = 80 * 10 * 90 * 0.05 = 3,600; health 0.56 < 0.80:
  // call and liquidation at once. Plan: keep k with IM(k) = 900k <= 2,000 -> k = 22, sell 58 @ 90 - 9 = 81.
  openPosition("o1", "ACC", "FUT", Side::kBuy, "80", "100", 1);
  markAt("FUT", "90", 2);
  ASSERT_TRUE(has<CallEscalated>());
  EXPECT_EQ(first<CallEscalated>().reason, EscalationReason::kLiquidationFloor);
  ASSERT_TRUE(has<LiquidationPlan>());
  const LiquidationPlan plan = first<LiquidationPlan>();
  ASSERT_EQ(plan.orders.size(), 1u);
  EXPECT_EQ(plan.orders[0].quantity, qty("58"));
  EXPECT_EQ(plan.orders[0].limitPrice, px("81"));
  EXPECT_EQ(report("ACC").state, MarginState::kLiquidation);
  const std::string liquidationId(plan.orders[0].clOrdId.view());

  // The client sells the other 22: 58 + 22 = 80, reducing: accepted.
  order("o2", "ACC", "FUT", Side::kSell, "22", "90", 3);
  expectAccepted();
  EXPECT_FALSE(first<OrderAccepted>().riskIncreasing);
  // One more would take the position short: 81 > 80, refused in LIQUIDATION.
  order("o3", "ACC", "FUT", Side::kSell, "1", "90", 3);
  expectDenied(DenialCode::kMaintenanceBreach);
  EXPECT_EQ(detail(denial(), "state"), "LIQUIDATION");
  // E 2,000, MM 3,600, IM 7,200: cure 5,200.
  EXPECT_EQ(detail(denial(), "amountToCure"), "5200");
  order("o4", "ACC", "FUT", Side::kBuy, "1", "90", 3);
  expectDenied(DenialCode::kMaintenanceBreach);

  // The liquidation order can be neither cancelled nor replaced by the client.
  cancel(liquidationId, 4);
  ASSERT_TRUE(has<CancelDenied>());
  EXPECT_EQ(first<CancelDenied>().denial.format(), "ORDER_NOT_REPLACEABLE: reason=liquidation order");
  replace("r1", liquidationId, "10", "90", 4);
  ASSERT_TRUE(has<ReplaceDenied>());
  EXPECT_EQ(replaceDenial().format(), "ORDER_NOT_REPLACEABLE: reason=liquidation order");
}

// ---------------------------------------------------------------------------------------------
// Open-order margin

TEST_F(PreTradeTest, OpenOrderMarginIsChargedAtWorstCaseAndReleased) {
  // Buy 10 @ 100 open: IM(10) = 1,000.
  order("o1", "ACC", "FUT", Side::kBuy, "10", "100", 1);
  expectAccepted();
  EXPECT_EQ(first<OrderAccepted>().orderMargin, money("1000"));
  EXPECT_EQ(first<OrderAccepted>().availableAfter, money("9000"));
  // Sell 20 @ 100 open as well: worst case all sells, IM(20) = 2,000; this order adds 2,000 - 1,000 = 1,000.
  order("o2", "ACC", "FUT", Side::kSell, "20", "100", 1);
  expectAccepted();
  EXPECT_EQ(first<OrderAccepted>().orderMargin, money("1000"));
  EXPECT_EQ(first<OrderAccepted>().availableAfter, money("8000"));
  AccountReport r = report("ACC");
  EXPECT_EQ(r.snapshot.openOrderInitial, money("2000"));
  EXPECT_EQ(r.snapshot.availableFunds, money("8000"));
  EXPECT_EQ(r.openOrders, 2);

  // A cancel request alone releases nothing: the order is charged until the venue confirms.
  cancel("o2", 2);
  ASSERT_TRUE(has<CancelAccepted>());
  EXPECT_EQ(report("ACC").snapshot.openOrderInitial, money("2000"));
  // Cancel confirmed (OrderDone): back to the buys' 1,000.
  send(OrderDone{at(3), "o2"});
  r = report("ACC");
  EXPECT_EQ(r.snapshot.openOrderInitial, money("1000"));
  EXPECT_EQ(r.snapshot.availableFunds, money("9000"));
  EXPECT_EQ(position("ACC", "FUT").openSell, qty("0"));
  // The venue rejects the buy: nothing left, the idle position line is dropped.
  send(VenueReject{at(4), "o1"});
  r = report("ACC");
  EXPECT_EQ(r.snapshot.openOrderInitial, money("0"));
  EXPECT_EQ(r.snapshot.availableFunds, money("10000"));
  EXPECT_EQ(r.openOrders, 0);
  EXPECT_TRUE(r.positions.empty());
}

TEST_F(PreTradeTest, PartialFillMovesMarginFromTheOrderToThePosition) {
  // Buy 10 @ 100 open (1,000); 4 fill: long 4 (IM 400), 6 open: max(IM(10), IM(4)) - 400 = 600.
  order("o1", "ACC", "FUT", Side::kBuy, "10", "100", 1);
  fill("o1", "4", "100", 2);
  AccountReport r = report("ACC");
  EXPECT_EQ(r.snapshot.initial, money("400"));
  EXPECT_EQ(r.snapshot.openOrderInitial, money("600"));
  EXPECT_EQ(position("ACC", "FUT").openBuy, qty("6"));
  // OrderDone releases the rest: the position stays.
  send(OrderDone{at(3), "o1"});
  r = report("ACC");
  EXPECT_EQ(r.snapshot.openOrderInitial, money("0"));
  EXPECT_EQ(r.snapshot.initial, money("400"));
  EXPECT_EQ(position("ACC", "FUT").quantity, qty("4"));
}

// ---------------------------------------------------------------------------------------------
// Replaces

TEST_F(PreTradeTest, RaisingAnOrderIsCheckedAsRiskIncreasing) {
  order("o1", "ACC", "FUT", Side::kBuy, "10", "100", 1);  // 1,000 charged, AF 9,000
  // To 101: charge 101 -> IM 10,100, this replace adds 10,100 - 1,000 = 9,100; after = 9,000 - 9,100 = -100.
  replace("r1", "o1", "101", "100", 2);
  ASSERT_TRUE(has<ReplaceDenied>());
  EXPECT_EQ(replaceDenial().format(),
            "INSUFFICIENT_MARGIN: equity=10000 initial=0 openOrderMargin=1000 orderMargin=9100 availableFunds=9000 "
            "availableAfter=-100");
  EXPECT_EQ(first<ReplaceDenied>().account, std::string_view("ACC"));
  // To 100: adds 9,000, after exactly 0: accepted as risk-increasing.
  replace("r2", "o1", "100", "100", 2);
  ASSERT_TRUE(has<ReplaceAccepted>());
  EXPECT_TRUE(first<ReplaceAccepted>().riskIncreasing);
  EXPECT_EQ(first<ReplaceAccepted>().orderMargin, money("9000"));
  EXPECT_EQ(first<ReplaceAccepted>().availableAfter, money("0"));
  EXPECT_EQ(report("ACC").snapshot.openOrderInitial, money("10000"));
}

TEST_F(PreTradeTest, ReplaceChargesTheLargerOfOldAndNewUntilConfirmed) {
  order("o1", "ACC", "FUT", Side::kBuy, "10", "100", 1);  // 1,000
  // Up to 20: charged 20 (2,000) at once, and still after the confirmation.
  replace("r1", "o1", "20", "100", 2);
  ASSERT_TRUE(has<ReplaceAccepted>());
  EXPECT_EQ(first<ReplaceAccepted>().orderMargin, money("1000"));     // 2,000 - 1,000
  EXPECT_EQ(first<ReplaceAccepted>().availableAfter, money("8000"));  // 10,000 - 1,000 - 1,000
  EXPECT_EQ(report("ACC").snapshot.openOrderInitial, money("2000"));
  EXPECT_EQ(position("ACC", "FUT").openBuy, qty("20"));
  send(ReplaceConfirmed{at(3), "r1", "o1"});
  EXPECT_TRUE(events_.empty());
  EXPECT_EQ(report("ACC").snapshot.openOrderInitial, money("2000"));
  // Down to 5: lowering is not risk-increasing; the old 20 stays charged until the venue confirms.
  replace("r2", "r1", "5", "100", 4);
  ASSERT_TRUE(has<ReplaceAccepted>());
  EXPECT_FALSE(first<ReplaceAccepted>().riskIncreasing);
  EXPECT_EQ(first<ReplaceAccepted>().orderMargin, money("0"));
  EXPECT_EQ(report("ACC").snapshot.openOrderInitial, money("2000"));
  EXPECT_EQ(position("ACC", "FUT").openBuy, qty("20"));
  send(ReplaceConfirmed{at(5), "r2", "r1"});
  EXPECT_TRUE(events_.empty());
  // Confirmed: IM(5) = 500.
  EXPECT_EQ(report("ACC").snapshot.openOrderInitial, money("500"));
  EXPECT_EQ(position("ACC", "FUT").openBuy, qty("5"));
  EXPECT_EQ(report("ACC").openOrders, 1);
  // The order now answers to r2 only.
  cancel("r1", 6);
  EXPECT_EQ(first<CancelDenied>().denial.code(), DenialCode::kUnknownOrder);
  cancel("r2", 6);
  EXPECT_TRUE(has<CancelAccepted>());
}

TEST_F(PreTradeTest, ReplaceRejectedRestoresTheOldCharge) {
  order("o1", "ACC", "FUT", Side::kBuy, "10", "100", 1);
  replace("r1", "o1", "30", "100", 2);
  ASSERT_TRUE(has<ReplaceAccepted>());
  EXPECT_EQ(report("ACC").snapshot.openOrderInitial, money("3000"));
  send(ReplaceRejected{at(3), "r1", "o1"});
  EXPECT_EQ(report("ACC").snapshot.openOrderInitial, money("1000"));
  EXPECT_EQ(position("ACC", "FUT").openBuy, qty("10"));
  // The order is still o1; r1 is gone (and used).
  fill("r1", "1", "100", 4);
  ASSERT_TRUE(has<InputRejected>());
  EXPECT_EQ(first<InputRejected>().reason, std::string_view("unknown order"));
  replace("r3", "o1", "12", "100", 5);  // a new replace is possible again
  EXPECT_TRUE(has<ReplaceAccepted>());
  order("r1", "ACC", "FUT", Side::kBuy, "1", "100", 5);
  expectDenied(DenialCode::kDuplicateClOrdId);
}

TEST_F(PreTradeTest, LoweringPassesInCall) {
  // Long 70 @ 100 (IM 7,000) and buy 10 @ 100 open (IM(80) - IM(70) = 1,000; AF 10,000 - 7,000 - 1,000 = 2,000).
  openPosition("p1", "ACC", "FUT", Side::kBuy, "70", "100", 1);
  order("o1", "ACC", "FUT", Side::kBuy, "10", "100", 1);
  expectAccepted();
  // Mark 90: U = 70 * 10 * (90 - 100) = -7,000; E = 3,000; MM = 70 * 10 * 90 * 0.05 = 3,150; call
  // (health 0.95 >= 0.80). IM = 6,300; open buy: IM(80) = 7,200 - 6,300 = 900.
  markAt("FUT", "90", 2);
  ASSERT_TRUE(has<CallIssued>());
  // Raising the buy is refused: E 3,000, MM 3,150, IM 6,300, cure 3,300.
  replace("r0", "o1", "15", "90", 3);
  ASSERT_TRUE(has<ReplaceDenied>());
  EXPECT_EQ(replaceDenial().format(),
            "MAINTENANCE_BREACH: state=CALL equity=3000 maintenance=3150 initial=6300 amountToCure=3300");
  // Lowering it to 5 (at 90, inside the 81..99 collar) passes; the charge stays at 10 (900) until confirmed.
  replace("r1", "o1", "5", "90", 3);
  ASSERT_TRUE(has<ReplaceAccepted>());
  EXPECT_FALSE(first<ReplaceAccepted>().riskIncreasing);
  EXPECT_EQ(first<ReplaceAccepted>().orderMargin, money("0"));
  EXPECT_EQ(first<ReplaceAccepted>().availableAfter, money("-4200"));  // 3,000 - 6,300 - 900
  EXPECT_EQ(report("ACC").snapshot.openOrderInitial, money("900"));
  send(ReplaceConfirmed{at(4), "r1", "o1"});
  // IM(75) = 75 * 10 * 90 * 0.10 = 6,750; 6,750 - 6,300 = 450.
  EXPECT_EQ(report("ACC").snapshot.openOrderInitial, money("450"));
  EXPECT_EQ(position("ACC", "FUT").openBuy, qty("5"));

  // A reducing sell of 10 passes in CALL, and so does raising it to 20 (20 <= 70: still reducing). Neither
  // adds margin: sells take the position down to 60 or 50, below the buys' worst case of 75.
  order("s1", "ACC", "FUT", Side::kSell, "10", "90", 5);
  expectAccepted();
  EXPECT_FALSE(first<OrderAccepted>().riskIncreasing);
  replace("s2", "s1", "20", "90", 5);
  ASSERT_TRUE(has<ReplaceAccepted>());
  EXPECT_FALSE(first<ReplaceAccepted>().riskIncreasing);
  EXPECT_EQ(first<ReplaceAccepted>().orderMargin, money("0"));
  send(ReplaceConfirmed{at(6), "s2", "s1"});
  // Raising it to 71 would take the position short: risk-increasing, refused.
  replace("s3", "s2", "71", "90", 6);
  ASSERT_TRUE(has<ReplaceDenied>());
  EXPECT_EQ(replaceDenial().code(), DenialCode::kMaintenanceBreach);
}

TEST_F(PreTradeTest, FillUnderTheReplacementIdIsApplied) {
  order("o1", "ACC", "FUT", Side::kBuy, "10", "100", 1);
  replace("r1", "o1", "15", "100", 2);  // charged max(10, 15) = 15
  ASSERT_TRUE(has<ReplaceAccepted>());
  // 4 fill under r1 before the confirmation: long 4 (IM 400); charge max(10 - 4, 15 - 4) = 11:
  // IM(15) - IM(4) = 1,500 - 400 = 1,100.
  fill("r1", "4", "100", 3);
  ASSERT_TRUE(has<FillApplied>());
  EXPECT_FALSE(first<FillApplied>().overfill);
  EXPECT_EQ(first<FillApplied>().positionAfter, qty("4"));
  AccountReport r = report("ACC");
  EXPECT_EQ(r.snapshot.initial, money("400"));
  EXPECT_EQ(r.snapshot.openOrderInitial, money("1100"));
  EXPECT_EQ(position("ACC", "FUT").openBuy, qty("11"));
  EXPECT_EQ(r.openOrders, 1);
  send(ReplaceConfirmed{at(4), "r1", "o1"});
  EXPECT_FALSE(has<InputRejected>());
  EXPECT_EQ(position("ACC", "FUT").openBuy, qty("11"));  // 15 - 4
  // The rest fills under r1: long 15, nothing open.
  fill("r1", "11", "100", 5);
  ASSERT_TRUE(has<FillApplied>());
  EXPECT_FALSE(first<FillApplied>().overfill);
  r = report("ACC");
  EXPECT_EQ(position("ACC", "FUT").quantity, qty("15"));
  EXPECT_EQ(position("ACC", "FUT").openBuy, qty("0"));
  EXPECT_EQ(r.snapshot.initial, money("1500"));
  EXPECT_EQ(r.snapshot.openOrderInitial, money("0"));
  EXPECT_EQ(r.openOrders, 0);
}

TEST_F(PreTradeTest, FillUnderTheReplacementIdBeyondTheOldQuantity) {
  // Buy 10, replaced up to 15; the venue fills 12 under the new id before the confirmation arrives. A fill
  // under the new id means the venue has replaced the order: 12 of 15 are filled, 3 stay open.
  order("o1", "ACC", "FUT", Side::kBuy, "10", "100", 1);
  replace("r1", "o1", "15", "100", 2);
  ASSERT_TRUE(has<ReplaceAccepted>());
  fill("r1", "12", "100", 3);
  ASSERT_TRUE(has<FillApplied>());
  EXPECT_FALSE(first<FillApplied>().overfill);
  EXPECT_EQ(first<FillApplied>().positionAfter, qty("12"));
  // Long 12 (IM 1,200), 3 open: IM(15) - IM(12) = 300.
  AccountReport r = report("ACC");
  EXPECT_EQ(r.openOrders, 1);
  EXPECT_EQ(position("ACC", "FUT").openBuy, qty("3"));
  EXPECT_EQ(r.snapshot.openOrderInitial, money("300"));
  // The late confirmation changes nothing and raises no alarm.
  send(ReplaceConfirmed{at(4), "r1", "o1"});
  EXPECT_FALSE(has<InputRejected>());
  EXPECT_EQ(position("ACC", "FUT").openBuy, qty("3"));
  // The last 3 fill under r1: long 15.
  fill("r1", "3", "100", 5);
  ASSERT_TRUE(has<FillApplied>());
  EXPECT_FALSE(first<FillApplied>().overfill);
  EXPECT_EQ(position("ACC", "FUT").quantity, qty("15"));
  EXPECT_EQ(report("ACC").openOrders, 0);
}

TEST_F(PreTradeTest, ReplaceQuantityNotAboveFilledIsInvalid) {
  order("o1", "ACC", "FUT", Side::kBuy, "10", "100", 1);
  fill("o1", "6", "100", 2);
  replace("r1", "o1", "6", "100", 3);
  ASSERT_TRUE(has<ReplaceDenied>());
  EXPECT_EQ(replaceDenial().format(), "INVALID_QUANTITY: quantity=6 filled=6");
  replace("r2", "o1", "7", "100", 3);
  EXPECT_TRUE(has<ReplaceAccepted>());
}

}  // namespace
}  // namespace risk::testing
