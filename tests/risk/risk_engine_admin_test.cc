// The broker's inputs (deposits, withdrawals, halts, configuration reloads), bad venue and market
// inputs, marks from quotes and the clock. Every number is computed by hand in the comments.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "tests/risk/engine_fixture.h"

namespace risk {
template <class Tag>
static void PrintTo(const Fixed<Tag>& value, std::ostream* os) {
  *os << value.toString();
}
static void PrintTo(const Timestamp& time, std::ostream* os) { *os << time.nanos << "ns"; }
}  // namespace risk

namespace risk::testing {
namespace {

template <class T>
int indexOf(const Events& events) {
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (std::holds_alternative<T>(events[i])) return static_cast<int>(i);
  }
  return -1;
}

Money detailMoney(const Denial& denial, std::string_view name) {
  const DenialDetail* detail = denial.find(name);
  if (detail == nullptr) {
    ADD_FAILURE() << "no detail " << name << " in " << denial.format();
    return Money::zero();
  }
  return Money::fromRaw(detail->value);
}

// FUT: multiplier 10, initial 10 %, maintenance 5 %. SPARE: multiplier 1, same rates, held by nobody.
// ACC: cash 10,000, long 80 FUT at 100: IM 8,000, MM 4,000, AF 2,000. OTHER: cash 5,000, flat.
class RiskEngineAdminTest : public EngineTest {
 protected:
  void SetUp() override {
    config_ = baseConfig();
    start();
    markAt("FUT", "100", 0);
    markAt("SPARE", "10", 0);
    openPosition("o1", "ACC", "FUT", Side::kBuy, "80", "100", 0);
  }

  static RiskConfig baseConfig() {
    RiskConfig config;
    config.instruments.push_back(flatInstrument("FUT", "10", "0.10", "0.05"));
    config.instruments.push_back(flatInstrument("SPARE", "1", "0.10", "0.05"));
    config.accounts.push_back(account("ACC", "10000"));
    config.accounts.push_back(account("OTHER", "5000"));
    return config;
  }

  Events& deposit(std::string_view account, std::string_view amount, int64_t second = 1) {
    return send(Deposit{at(second), account, money(amount), "dep"});
  }
  Events& withdraw(std::string_view account, std::string_view amount, int64_t second = 1) {
    return send(Withdrawal{at(second), account, money(amount), "wd"});
  }
  Events& reload(const RiskConfig& config, int64_t second = 1) {
    reloaded_ = config;  // the engine reads it during the call only
    return send(ConfigReload{at(second), &reloaded_});
  }

  // Everything an input could have changed for an account.
  void expectUnchanged(const AccountReport& before, const AccountReport& after) {
    EXPECT_EQ(after.state, before.state);
    EXPECT_EQ(after.halted, before.halted);
    EXPECT_EQ(after.openOrders, before.openOrders);
    EXPECT_EQ(after.snapshot.cash, before.snapshot.cash);
    EXPECT_EQ(after.snapshot.equity, before.snapshot.equity);
    EXPECT_EQ(after.snapshot.initial, before.snapshot.initial);
    EXPECT_EQ(after.snapshot.openOrderInitial, before.snapshot.openOrderInitial);
    ASSERT_EQ(after.positions.size(), before.positions.size());
    for (std::size_t i = 0; i < before.positions.size(); ++i) {
      EXPECT_EQ(after.positions[i].quantity, before.positions[i].quantity);
      EXPECT_EQ(after.positions[i].openBuy, before.positions[i].openBuy);
      EXPECT_EQ(after.positions[i].openSell, before.positions[i].openSell);
    }
  }

  RiskConfig reloaded_;
};

// ---- Deposits ----

TEST_F(RiskEngineAdminTest, WithoutItsStoreTheCoreRefusesOnlyRiskIncreasingOrders) {
  send(StoreStatus{at(1), false});
  EXPECT_TRUE(events_.empty());
  order("b2", "ACC", "FUT", Side::kBuy, "1", "100", 2);
  ASSERT_TRUE(has<OrderDenied>());
  EXPECT_EQ(first<OrderDenied>().denial.code(), DenialCode::kStoreUnavailable);
  EXPECT_EQ(first<OrderDenied>().denial.format(), "STORE_UNAVAILABLE: reason=the audit trail cannot be written");
  order("s2", "ACC", "FUT", Side::kSell, "10", "100", 2);  // reduces the long position: passes
  EXPECT_TRUE(has<OrderAccepted>());
  send(StoreStatus{at(3), true});
  order("b3", "ACC", "FUT", Side::kBuy, "1", "100", 4);
  EXPECT_TRUE(has<OrderAccepted>());
}

TEST_F(RiskEngineAdminTest, DepositOfNonPositiveAmountIsRefused) {
  for (const char* amount : {"0", "-5"}) {
    deposit("ACC", amount);
    ASSERT_EQ(count<AdminDenied>(), 1) << amount;
    const AdminDenied denied = first<AdminDenied>();
    EXPECT_EQ(denied.action, "deposit");
    EXPECT_EQ(denied.account, std::string_view("ACC"));
    EXPECT_EQ(denied.denial.code(), DenialCode::kInvalidAmount);
    EXPECT_EQ(detailMoney(denied.denial, "amount"), money(amount));
    EXPECT_FALSE(has<DepositApplied>());
  }
  EXPECT_EQ(report("ACC").snapshot.cash, money("10000"));
  EXPECT_EQ(report("ACC").deposits, money("0"));
}

TEST_F(RiskEngineAdminTest, DepositToAnUnknownAccountIsRefused) {
  deposit("NOPE", "100");
  ASSERT_EQ(count<AdminDenied>(), 1);
  EXPECT_EQ(first<AdminDenied>().denial.code(), DenialCode::kUnknownAccount);
  EXPECT_TRUE(first<AdminDenied>().account.empty());
  EXPECT_EQ(events_.size(), 1u);
}

TEST_F(RiskEngineAdminTest, DepositAddsToCashAndTheLedger) {
  deposit("ACC", "500.25", 2);
  ASSERT_EQ(count<DepositApplied>(), 1);
  const DepositApplied applied = first<DepositApplied>();
  EXPECT_EQ(applied.time, at(2));
  EXPECT_EQ(applied.amount, money("500.25"));
  EXPECT_EQ(applied.snapshot.cash, money("10500.25"));
  EXPECT_EQ(applied.snapshot.availableFunds, money("2500.25"));  // 10,500.25 - 8,000
  const AccountReport after = report("ACC");
  EXPECT_EQ(after.deposits, money("500.25"));
  EXPECT_EQ(after.openingCash, money("10000"));
}

// ---- Withdrawals ----

TEST_F(RiskEngineAdminTest, WithdrawalBelowZeroAvailableIsRefusedWithTheNumbers) {
  // An open buy of 5: open-order margin IMR(85) - IMR(80) = 8,500 - 8,000 = 500. AF = 10,000 - 8,000 - 500.
  order("b1", "ACC", "FUT", Side::kBuy, "5", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_EQ(report("ACC").snapshot.availableFunds, money("1500"));
  withdraw("ACC", "1500.01", 2);
  ASSERT_EQ(count<AdminDenied>(), 1);
  const Denial& denial = first<AdminDenied>().denial;
  EXPECT_EQ(first<AdminDenied>().action, "withdrawal");
  EXPECT_EQ(denial.code(), DenialCode::kWithdrawalBreachesInitial);
  EXPECT_EQ(detailMoney(denial, "amount"), money("1500.01"));
  EXPECT_EQ(detailMoney(denial, "equity"), money("10000"));
  EXPECT_EQ(detailMoney(denial, "initial"), money("8000"));
  EXPECT_EQ(detailMoney(denial, "openOrderMargin"), money("500"));
  EXPECT_EQ(detailMoney(denial, "availableFunds"), money("1500"));
  EXPECT_EQ(report("ACC").snapshot.cash, money("10000"));
  // Exactly to zero available passes.
  withdraw("ACC", "1500", 3);
  ASSERT_EQ(count<WithdrawalApplied>(), 1);
  EXPECT_EQ(first<WithdrawalApplied>().snapshot.cash, money("8500"));
  EXPECT_EQ(first<WithdrawalApplied>().snapshot.availableFunds, money("0"));
  EXPECT_EQ(report("ACC").withdrawals, money("1500"));
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);  // 8,500 >= 1.10 * 4,000
}

TEST_F(RiskEngineAdminTest, WithdrawalOfMoreThanCashIsRefused) {
  withdraw("OTHER", "5000.01");
  ASSERT_EQ(count<AdminDenied>(), 1);
  const Denial& denial = first<AdminDenied>().denial;
  EXPECT_EQ(denial.code(), DenialCode::kWithdrawalExceedsCash);
  EXPECT_EQ(detailMoney(denial, "amount"), money("5000.01"));
  EXPECT_EQ(detailMoney(denial, "cash"), money("5000"));
  // All of it: cash and available funds both exactly zero.
  withdraw("OTHER", "5000");
  ASSERT_EQ(count<WithdrawalApplied>(), 1);
  EXPECT_EQ(report("OTHER").snapshot.cash, money("0"));
}

TEST_F(RiskEngineAdminTest, UnrealizedProfitIsNotCashToWithdraw) {
  // Mark 125: U = 800 * 25 = 20,000, E = 30,000, IM = 10,000, AF = 20,000 > cash 10,000.
  markAt("FUT", "125", 1);
  EXPECT_EQ(report("ACC").snapshot.availableFunds, money("20000"));
  withdraw("ACC", "10000.01", 2);
  ASSERT_EQ(count<AdminDenied>(), 1);
  EXPECT_EQ(first<AdminDenied>().denial.code(), DenialCode::kWithdrawalExceedsCash);
  withdraw("ACC", "10000", 3);
  ASSERT_EQ(count<WithdrawalApplied>(), 1);
  EXPECT_EQ(first<WithdrawalApplied>().snapshot.cash, money("0"));
  EXPECT_EQ(first<WithdrawalApplied>().snapshot.availableFunds, money("10000"));
}

TEST_F(RiskEngineAdminTest, WithdrawalOfNonPositiveAmountOrFromAnUnknownAccountIsRefused) {
  withdraw("ACC", "0");
  ASSERT_EQ(count<AdminDenied>(), 1);
  EXPECT_EQ(first<AdminDenied>().denial.code(), DenialCode::kInvalidAmount);
  withdraw("ACC", "-1");
  ASSERT_EQ(count<AdminDenied>(), 1);
  EXPECT_EQ(first<AdminDenied>().denial.code(), DenialCode::kInvalidAmount);
  withdraw("NOPE", "1");
  ASSERT_EQ(count<AdminDenied>(), 1);
  EXPECT_EQ(first<AdminDenied>().denial.code(), DenialCode::kUnknownAccount);
  EXPECT_EQ(report("ACC").snapshot.cash, money("10000"));
}

// ---- Halt and resume ----

TEST_F(RiskEngineAdminTest, HaltDeniesNewOrdersButLetsCancelsThroughAndResumeRestores) {
  order("b1", "ACC", "FUT", Side::kBuy, "1", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  send(Halt{at(2), "ACC", "ops"});
  ASSERT_EQ(count<AccountHalted>(), 1);
  EXPECT_EQ(first<AccountHalted>().account, std::string_view("ACC"));
  EXPECT_FALSE(first<AccountHalted>().byLiquidationStall);
  EXPECT_TRUE(report("ACC").halted);
  send(Halt{at(2), "ACC", "again"});  // already halted: nothing new
  EXPECT_TRUE(events_.empty());

  order("b2", "ACC", "FUT", Side::kBuy, "1", "100", 3);
  ASSERT_TRUE(has<OrderDenied>());
  EXPECT_EQ(first<OrderDenied>().denial.code(), DenialCode::kAccountHalted);
  order("s2", "ACC", "FUT", Side::kSell, "1", "100", 3);  // even a reducing one
  ASSERT_TRUE(has<OrderDenied>());
  EXPECT_EQ(first<OrderDenied>().denial.code(), DenialCode::kAccountHalted);
  // Cancels still pass.
  entitled_ = {"ACC"};
  send(CancelRequest{at(4), "b1", entitled_});
  ASSERT_TRUE(has<CancelAccepted>());
  // Another account is not affected.
  order("x1", "OTHER", "FUT", Side::kBuy, "1", "100", 4);
  EXPECT_TRUE(has<OrderAccepted>());

  send(Resume{at(5), "ACC"});
  ASSERT_EQ(count<AccountResumed>(), 1);
  EXPECT_FALSE(report("ACC").halted);
  send(Resume{at(5), "ACC"});  // not halted: nothing
  EXPECT_TRUE(events_.empty());
  order("b3", "ACC", "FUT", Side::kBuy, "1", "100", 6);
  EXPECT_TRUE(has<OrderAccepted>());
}

TEST_F(RiskEngineAdminTest, HaltOrResumeOfAnUnknownAccountIsRefused) {
  send(Halt{at(1), "NOPE", "ops"});
  ASSERT_EQ(count<AdminDenied>(), 1);
  EXPECT_EQ(first<AdminDenied>().action, "halt");
  EXPECT_EQ(first<AdminDenied>().denial.code(), DenialCode::kUnknownAccount);
  send(Resume{at(1), "NOPE"});
  ASSERT_EQ(count<AdminDenied>(), 1);
  EXPECT_EQ(first<AdminDenied>().action, "resume");
  EXPECT_EQ(first<AdminDenied>().denial.code(), DenialCode::kUnknownAccount);
}

// ---- Configuration reload ----

TEST_F(RiskEngineAdminTest, RaisingTheMaintenanceRateOfAHeldInstrumentCanCallWithTriggerReload) {
  RiskConfig raised = baseConfig();
  raised.instruments[0] = flatInstrument("FUT", "10", "0.15", "0.13");
  // N = 80,000: MM = 10,400 > E = 10,000; IM = 12,000; deficit 400, cure 2,000; health 0.96153846.
  reload(raised, 5);
  ASSERT_EQ(count<CallIssued>(), 1);
  const CallIssued call = first<CallIssued>();
  EXPECT_EQ(call.account, std::string_view("ACC"));
  EXPECT_EQ(call.trigger.kind, TriggerKind::kReload);
  EXPECT_EQ(call.snapshot.equity, money("10000"));
  EXPECT_EQ(call.snapshot.maintenance, money("10400"));
  EXPECT_EQ(call.snapshot.initial, money("12000"));
  EXPECT_EQ(call.snapshot.deficitToMaintenance, money("400"));
  EXPECT_EQ(call.snapshot.amountToCure, money("2000"));
  EXPECT_EQ(call.snapshot.health, ratio("0.96153846"));
  EXPECT_EQ(call.deadline, at(3605));  // default grace 3,600 s
  ASSERT_EQ(count<MarginStateChanged>(), 1);
  EXPECT_EQ(first<MarginStateChanged>().from, MarginState::kNormal);
  EXPECT_EQ(first<MarginStateChanged>().to, MarginState::kCall);
  EXPECT_EQ(first<MarginStateChanged>().trigger.kind, TriggerKind::kReload);
  ASSERT_EQ(count<ConfigReloaded>(), 1);
  EXPECT_EQ(first<ConfigReloaded>().instruments, 2);
  EXPECT_EQ(first<ConfigReloaded>().accounts, 2);
  EXPECT_EQ(report("ACC").state, MarginState::kCall);
  EXPECT_EQ(report("OTHER").state, MarginState::kNormal);

  // Back to the old rates: MM 4,000, IM 8,000 <= 10,000: cured by the reload.
  reload(baseConfig(), 6);
  ASSERT_EQ(count<CallClosed>(), 1);
  EXPECT_EQ(first<CallClosed>().outcome, CallOutcome::kCuredByReload);
  EXPECT_EQ(report("ACC").state, MarginState::kNormal);
}

TEST_F(RiskEngineAdminTest, RemovingAHeldInstrumentIsRefusedAndNothingChanges) {
  RiskConfig without = baseConfig();
  without.instruments.erase(without.instruments.begin());  // FUT, held by ACC
  without.accounts.push_back(account("NEW", "777"));       // would be added if the reload went through
  without.instruments[0] = flatInstrument("SPARE", "1", "0.50", "0.40");
  const AccountReport before = report("ACC");
  reload(without, 5);
  ASSERT_EQ(count<ConfigReloadRefused>(), 1);
  EXPECT_NE(first<ConfigReloadRefused>().reason.find("FUT"), std::string::npos)
      << first<ConfigReloadRefused>().reason;
  EXPECT_FALSE(has<ConfigReloaded>());
  EXPECT_EQ(engine_->accountIds(), (std::vector<std::string>{"ACC", "OTHER"}));
  EXPECT_FALSE(engine_->report("NEW"));
  expectUnchanged(before, report("ACC"));
  // Both instruments still trade on the old rates: a SPARE buy of 10 at 10 costs 10 % of 100.
  order("b1", "ACC", "FUT", Side::kBuy, "1", "100", 6);
  EXPECT_TRUE(has<OrderAccepted>());
  order("b2", "OTHER", "SPARE", Side::kBuy, "10", "10", 6);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_EQ(first<OrderAccepted>().orderMargin, money("10"));
}

TEST_F(RiskEngineAdminTest, AnInstrumentWithOnlyAnOpenOrderCannotBeRemovedEither) {
  order("b1", "OTHER", "SPARE", Side::kBuy, "10", "10", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  RiskConfig without = baseConfig();
  without.instruments.pop_back();  // SPARE
  reload(without, 2);
  EXPECT_TRUE(has<ConfigReloadRefused>());
  EXPECT_FALSE(has<ConfigReloaded>());
}

TEST_F(RiskEngineAdminTest, RemovingAnUnheldInstrumentMakesItUnknown) {
  RiskConfig without = baseConfig();
  without.instruments.pop_back();  // SPARE
  reload(without, 5);
  ASSERT_EQ(count<ConfigReloaded>(), 1);
  EXPECT_EQ(first<ConfigReloaded>().instruments, 1);
  order("b1", "OTHER", "SPARE", Side::kBuy, "1", "10", 6);
  ASSERT_TRUE(has<OrderDenied>());
  EXPECT_EQ(first<OrderDenied>().denial.code(), DenialCode::kUnknownInstrument);
  markAt("SPARE", "11", 7);
  ASSERT_TRUE(has<InputRejected>());
  EXPECT_EQ(first<InputRejected>().reason, "unknown symbol");
  EXPECT_FALSE(engine_->mark("SPARE"));
  // FUT is unaffected.
  order("b2", "ACC", "FUT", Side::kBuy, "1", "100", 7);
  EXPECT_TRUE(has<OrderAccepted>());
}

TEST_F(RiskEngineAdminTest, ReloadAddsAccountsAndKeepsTheLedgersCash) {
  deposit("ACC", "500", 1);  // cash 10,500
  RiskConfig next = baseConfig();
  next.accounts[0].cash = money("1");      // the file's cash is ignored for existing accounts
  next.accounts[1].cash = money("99999");
  next.accounts.push_back(account("NEW", "777"));
  reload(next, 2);
  ASSERT_EQ(count<ConfigReloaded>(), 1);
  EXPECT_EQ(first<ConfigReloaded>().accounts, 3);
  EXPECT_EQ(engine_->accountIds(), (std::vector<std::string>{"ACC", "OTHER", "NEW"}));
  EXPECT_EQ(report("ACC").snapshot.cash, money("10500"));
  EXPECT_EQ(report("ACC").deposits, money("500"));
  EXPECT_EQ(report("ACC").positions.at(0).quantity, qty("80"));
  EXPECT_EQ(report("OTHER").snapshot.cash, money("5000"));
  const AccountReport fresh = report("NEW");
  EXPECT_EQ(fresh.snapshot.cash, money("777"));
  EXPECT_EQ(fresh.openingCash, money("777"));
  EXPECT_EQ(fresh.state, MarginState::kNormal);
  // The new account trades: buy 10 SPARE at 10, margin 10.
  order("n1", "NEW", "SPARE", Side::kBuy, "10", "10", 3);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_EQ(first<OrderAccepted>().availableAfter, money("767"));
}

// ---- Bad venue inputs ----

TEST_F(RiskEngineAdminTest, VenueInputsForUnknownOrdersAreRejectedAndChangeNothing) {
  order("b1", "ACC", "FUT", Side::kBuy, "1", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  const AccountReport before = report("ACC");
  const std::size_t openOrders = engine_->state().orders.size();

  struct Case {
    Input input;
    std::string_view name;
    std::string_view reason;
  };
  const std::vector<Case> cases = {
      {VenueAck{at(2), "nope"}, "ack", "unknown order"},
      {VenueReject{at(2), "nope"}, "venue reject", "unknown order"},
      {Fill{at(2), "nope", "e1", qty("1"), px("100"), money("0")}, "fill", "unknown order"},
      {OrderDone{at(2), "nope"}, "order done", "unknown order"},
      {ReplaceConfirmed{at(2), "nope2", "nope"}, "replace confirmed", "no such pending replace"},
      {CancelRejected{at(2), "nope"}, "cancel rejected", "unknown order"},
      {ReplaceRejected{at(2), "nope2", "nope"}, "replace rejected", "unknown order"},
  };
  for (const Case& c : cases) {
    send(c.input);
    ASSERT_EQ(events_.size(), 1u) << c.name;
    ASSERT_TRUE(has<InputRejected>()) << c.name;
    const InputRejected rejected = first<InputRejected>();
    EXPECT_EQ(rejected.input, c.name);
    EXPECT_EQ(rejected.reason, c.reason) << c.name;
    EXPECT_EQ(rejected.time, at(2));
    expectUnchanged(before, report("ACC"));
    EXPECT_EQ(engine_->state().orders.size(), openOrders);
  }
}

TEST_F(RiskEngineAdminTest, LateCancelOrReplaceRejectForAFinishedOrderIsIgnored) {
  // A race, not an error: the order filled before the venue refused the cancel.
  order("b1", "ACC", "FUT", Side::kBuy, "1", "100", 1);
  entitled_ = {"ACC"};
  send(CancelRequest{at(2), "b1", entitled_});
  fill("b1", "1", "100", 3);
  const AccountReport before = report("ACC");
  send(CancelRejected{at(4), "b1"});
  EXPECT_TRUE(events_.empty());
  send(ReplaceRejected{at(4), "b1r", "b1"});
  EXPECT_TRUE(events_.empty());
  expectUnchanged(before, report("ACC"));
}

TEST_F(RiskEngineAdminTest, AFillWithANonPositivePriceHaltsTheAccount) {
  order("b1", "ACC", "FUT", Side::kBuy, "5", "100", 1);
  ASSERT_TRUE(has<OrderAccepted>());
  const AccountReport before = report("ACC");
  fill("b1", "5", "0", 2);
  ASSERT_EQ(count<InputRejected>(), 1);
  EXPECT_EQ(first<InputRejected>().input, "fill");
  EXPECT_EQ(first<InputRejected>().reference, std::string_view("b1"));
  ASSERT_EQ(count<AccountHalted>(), 1);
  EXPECT_EQ(first<AccountHalted>().account, std::string_view("ACC"));
  EXPECT_FALSE(first<AccountHalted>().byLiquidationStall);
  EXPECT_LT(indexOf<InputRejected>(events_), indexOf<AccountHalted>(events_));
  EXPECT_FALSE(has<FillApplied>());
  AccountReport after = report("ACC");
  EXPECT_TRUE(after.halted);
  after.halted = false;
  expectUnchanged(before, after);  // position 80, open buy 5, cash 10,000
  // A negative price: rejected again, the account is already halted.
  fill("b1", "5", "-1", 3);
  EXPECT_EQ(count<InputRejected>(), 1);
  EXPECT_FALSE(has<AccountHalted>());
  // The other account is untouched.
  EXPECT_FALSE(report("OTHER").halted);
}

// ---- Market data ----

TEST_F(RiskEngineAdminTest, MarketDataForAnUnknownSymbolOrWithANonPositivePriceIsRejected) {
  send(MarketData{at(1), "NOPE", std::nullopt, std::nullopt, px("1")});
  ASSERT_EQ(count<InputRejected>(), 1);
  EXPECT_EQ(first<InputRejected>().input, "market data");
  EXPECT_EQ(first<InputRejected>().reference, std::string_view("NOPE"));
  EXPECT_EQ(first<InputRejected>().reason, "unknown symbol");
  send(MarketData{at(1), "FUT", px("0"), px("101"), std::nullopt});
  ASSERT_EQ(count<InputRejected>(), 1);
  EXPECT_EQ(first<InputRejected>().reason, "non-positive price");
  EXPECT_EQ(engine_->mark("FUT"), px("100"));
}

TEST_F(RiskEngineAdminTest, CrossedBookUsesTheLastTrade) {
  // Bid 101 > ask 100: crossed, the last trade 100.5 is the mark. ACC: U = 800 * 0.5 = 400.
  send(MarketData{at(1), "FUT", px("101"), px("100"), px("100.5")});
  EXPECT_EQ(engine_->mark("FUT"), px("100.5"));
  EXPECT_EQ(report("ACC").snapshot.unrealized, money("400"));
  // A crossed book without a new trade falls back to the last trade seen (10, in SetUp).
  send(MarketData{at(1), "SPARE", px("11"), px("10"), std::nullopt});
  EXPECT_EQ(engine_->mark("SPARE"), px("10"));
  // Bid 99, ask 101: not crossed, the mid 100 wins over the last trade.
  send(MarketData{at(2), "FUT", px("99"), px("101"), std::nullopt});
  EXPECT_EQ(engine_->mark("FUT"), px("100"));
  // Bid equal to ask is not crossed: mid = 100.2.
  send(MarketData{at(3), "FUT", px("100.2"), px("100.2"), std::nullopt});
  EXPECT_EQ(engine_->mark("FUT"), px("100.2"));
}

TEST_F(RiskEngineAdminTest, NoMarkFromACrossedBookWithoutATrade) {
  RiskConfig config;
  config.instruments.push_back(flatInstrument("NEWSYM", "1", "0.10", "0.05"));
  RiskEngine engine(config);
  Events out;
  engine.apply(MarketData{at(1), "NEWSYM", px("11"), px("10"), std::nullopt}, out);
  EXPECT_FALSE(engine.mark("NEWSYM"));
  engine.apply(MarketData{at(2), "NEWSYM", std::nullopt, std::nullopt, px("10.5")}, out);
  EXPECT_EQ(engine.mark("NEWSYM"), px("10.5"));  // still crossed: the trade
}

TEST_F(RiskEngineAdminTest, MidIsRoundedHalfEvenAtOneE8) {
  // (100.00000001 + 100.00000002) / 2 = 100.000000015: a tie, to the even 100.00000002.
  send(MarketData{at(1), "FUT", px("100.00000001"), px("100.00000002"), std::nullopt});
  EXPECT_EQ(engine_->mark("FUT"), px("100.00000002"));
  // (100.00000002 + 100.00000003) / 2 = 100.000000025: a tie, to the even 100.00000002.
  send(MarketData{at(2), "FUT", px("100.00000002"), px("100.00000003"), std::nullopt});
  EXPECT_EQ(engine_->mark("FUT"), px("100.00000002"));
  // (99 + 100.00000001) / 2 = 99.500000005: a tie, to the even 99.5.
  send(MarketData{at(3), "FUT", px("99"), px("100.00000001"), std::nullopt});
  EXPECT_EQ(engine_->mark("FUT"), px("99.5"));
}

// ---- The clock ----

TEST_F(RiskEngineAdminTest, TimeNeverGoesBackwards) {
  send(Timer{at(100)});
  EXPECT_EQ(engine_->now(), at(100));
  markAt("SPARE", "10.5", 50);
  EXPECT_EQ(engine_->now(), at(100));
  deposit("OTHER", "1", 10);
  EXPECT_EQ(engine_->now(), at(100));
  ASSERT_TRUE(has<DepositApplied>());
  EXPECT_EQ(first<DepositApplied>().time, at(100));
  order("b1", "OTHER", "SPARE", Side::kBuy, "1", "10.5", 20);
  ASSERT_TRUE(has<OrderAccepted>());
  EXPECT_EQ(first<OrderAccepted>().time, at(100));
  // A call raised by an input stamped in the past is issued now, with its deadline from now.
  // FUT at 91 (stamped 90 s): E = 10,000 - 7,200 = 2,800 < MM = 3,640 (health 0.769: liquidation too).
  markAt("FUT", "91", 90);
  ASSERT_TRUE(has<CallIssued>());
  EXPECT_EQ(first<CallIssued>().time, at(100));
  EXPECT_EQ(first<CallIssued>().deadline, at(3700));
  EXPECT_EQ(engine_->now(), at(100));
  send(Timer{at(101)});
  EXPECT_EQ(engine_->now(), at(101));
}

}  // namespace
}  // namespace risk::testing
