#include "risk/pre_trade_check.h"

#include <algorithm>

#include "risk/margin_calculator.h"

namespace risk {
namespace {

bool isEntitled(std::span<const std::string> entitled, std::string_view account) {
  return std::any_of(entitled.begin(), entitled.end(), [&](const std::string& id) { return id == account; });
}

bool isMultipleOf(int64_t value, int64_t step) { return step > 0 && value % step == 0; }

std::optional<Denial> checkQuantity(const Instrument& instrument, Quantity quantity) {
  if (!quantity.isPositive() || !isMultipleOf(quantity.raw(), instrument.lotSize.raw())) {
    return Denial(DenialCode::kInvalidQuantity).quantity("quantity", quantity).quantity("lotSize", instrument.lotSize);
  }
  if (quantity > instrument.maxOrderQuantity) {
    return Denial(DenialCode::kMaxQuantity)
        .quantity("quantity", quantity)
        .quantity("maxQuantity", instrument.maxOrderQuantity);
  }
  return std::nullopt;
}

std::optional<Denial> checkPrice(const Instrument& instrument, OrderType type, Price price) {
  if (type == OrderType::kMarket) return std::nullopt;
  if (!price.isPositive() || !isMultipleOf(price.raw(), instrument.tickSize.raw())) {
    return Denial(DenialCode::kInvalidPrice).price("price", price).price("tickSize", instrument.tickSize);
  }
  return std::nullopt;
}

// Everything that depends on the mark and the account's margin: staleness, collar, notional,
// maintenance and available funds.
struct Exposure {
  bool storeAvailable = true;
  const AccountState* account = nullptr;
  const InstrumentState* instrument = nullptr;
  InstrumentIndex instrumentIndex = 0;
  Side side = Side::kBuy;
  OrderType type = OrderType::kLimit;
  Quantity orderQuantity;  // for the notional limit
  Price limitPrice;
  Quantity charge;         // open quantity charged while the order is open
  Quantity otherSameSide;  // the account's other open quantity on this side
  bool riskIncreasing = false;
};

std::optional<Denial> checkExposure(const Exposure& exposure, Timestamp now, OrderDecision& decision) {
  const InstrumentState& instrument = *exposure.instrument;
  const Instrument& config = instrument.config;
  const AccountState& account = *exposure.account;

  // Without its audit trail the gateway adds no risk (and so records nothing it could not keep).
  if (exposure.riskIncreasing && !exposure.storeAvailable) return Denial(DenialCode::kStoreUnavailable).text("reason", "the audit trail cannot be written");
  if (exposure.riskIncreasing && markIsStale(instrument, now)) {
    Denial denial(DenialCode::kStaleMark);
    if (instrument.mark) {
      denial.price("mark", instrument.mark->price).millis("markAge", (now - instrument.mark->receivedAt).nanos / 1'000'000);
    } else {
      denial.text("mark", "none");
    }
    return denial.millis("staleAfter", config.markStaleAfter.nanos / 1'000'000);
  }

  // The collar is measured from a fresh mark only: a stale one must not block a risk-reducing order
  // (risk-increasing orders were refused above when the mark is stale).
  if (instrument.mark && !markIsStale(instrument, now) && exposure.type == OrderType::kLimit) {
    // |price - mark| > mark * collar / 100, compared exactly.
    const Price mark = instrument.mark->price;
    const Wide distance = exposure.limitPrice.wide() - mark.wide();
    const Wide absoluteDistance = distance < 0 ? -distance : distance;
    if (absoluteDistance * 100 * kScale > mark.wide() * config.priceCollarPercent.wide()) {
      const Wide band = divideRounded(mark.wide() * config.priceCollarPercent.wide(), Wide{100} * kScale,
                                      Rounding::kFloor);
      return Denial(DenialCode::kPriceCollar)
          .price("price", exposure.limitPrice)
          .price("mark", mark)
          .price("low", Price::fromRaw(static_cast<int64_t>(mark.wide() - band)))
          .price("high", Price::fromRaw(static_cast<int64_t>(mark.wide() + band)));
    }
  }

  const PositionState* position = account.findPosition(exposure.instrumentIndex);
  const PositionState empty{};
  const PositionState& held = position ? *position : empty;
  const Price valuation = valuationPrice(instrument, held);

  const Price notionalPrice = exposure.type == OrderType::kLimit ? exposure.limitPrice : valuation;
  if (!notionalPrice.isZero()) {
    const auto notional = notionalOf(exposure.orderQuantity, config.multiplier, notionalPrice);
    if (!notional) {
      return Denial(DenialCode::kValueOutOfRange).quantity("quantity", exposure.orderQuantity).price("price", notionalPrice);
    }
    if (*notional > config.maxOrderNotional) {
      return Denial(DenialCode::kMaxNotional).money("notional", *notional).money("maxNotional", config.maxOrderNotional);
    }
  }

  const auto sideOpen = Quantity::fromWide(exposure.otherSameSide.wide() + exposure.charge.wide());
  if (!sideOpen) return Denial(DenialCode::kValueOutOfRange).quantity("quantity", exposure.charge);
  const Quantity openBuy = exposure.side == Side::kBuy ? *sideOpen : held.openBuy;
  const Quantity openSell = exposure.side == Side::kSell ? *sideOpen : held.openSell;
  const auto openInitial = openOrderInitial(config, account.config.houseMultiplier, held.quantity, openBuy, openSell,
                                            valuation, held.initial);
  if (!openInitial) return Denial(DenialCode::kValueOutOfRange).quantity("quantity", exposure.charge);

  const Wide orderMargin = openInitial->wide() - held.openOrderInitial.wide();
  const Wide equity = account.cash.wide() + account.unrealizedTotal;
  const Wide availableAfter = equity - account.initialTotal - account.openOrderInitialTotal - orderMargin;
  decision.orderMargin = Money::fromWide(orderMargin).value_or(Money::max());
  decision.availableAfter = Money::fromWide(availableAfter).value_or(-Money::max());
  if (!exposure.riskIncreasing) return std::nullopt;

  const bool inCall = account.state == MarginState::kCall || account.state == MarginState::kLiquidation;
  const bool atOrBelowMaintenance = account.maintenanceTotal > 0 && equity <= account.maintenanceTotal;
  if (inCall || atOrBelowMaintenance) {
    const MarginSnapshot snapshot = snapshotOf(account);
    return Denial(DenialCode::kMaintenanceBreach)
        .text("state", toString(account.state))
        .money("equity", snapshot.equity)
        .money("maintenance", snapshot.maintenance)
        .money("initial", snapshot.initial)
        .money("amountToCure", snapshot.amountToCure);
  }
  if (availableAfter < 0) {
    const MarginSnapshot snapshot = snapshotOf(account);
    return Denial(DenialCode::kInsufficientMargin)
        .money("equity", snapshot.equity)
        .money("initial", snapshot.initial)
        .money("openOrderMargin", snapshot.openOrderInitial)
        .money("orderMargin", decision.orderMargin)
        .money("availableFunds", snapshot.availableFunds)
        .money("availableAfter", decision.availableAfter);
  }
  return std::nullopt;
}

Quantity openOnSide(const AccountState& account, InstrumentIndex instrument, Side side) {
  const PositionState* position = account.findPosition(instrument);
  if (!position) return Quantity::zero();
  return side == Side::kBuy ? position->openBuy : position->openSell;
}

Quantity positionIn(const AccountState& account, InstrumentIndex instrument) {
  const PositionState* position = account.findPosition(instrument);
  return position ? position->quantity : Quantity::zero();
}

}  // namespace

bool isRiskIncreasing(Quantity position, Side side, Quantity otherOpenSameSide, Quantity orderQuantity) {
  const bool opposite = position.sign() == -signOf(side);
  if (!opposite) return true;
  return otherOpenSameSide.wide() + orderQuantity.wide() > position.abs().wide();
}

bool markIsStale(const InstrumentState& instrument, Timestamp now) {
  if (!instrument.mark) return true;
  return now - instrument.mark->receivedAt > instrument.config.markStaleAfter;
}

OrderDecision checkNewOrder(const RiskState& state, const NewOrder& order) {
  OrderDecision decision;
  auto deny = [&decision](Denial denial) {
    decision.denial = denial;
    return decision;
  };
  if (order.clOrdId.empty() || !OrderId::fits(order.clOrdId)) return deny(Denial(DenialCode::kInvalidId));

  const auto accountIndex = state.accountIndex(order.account);
  if (!accountIndex) return deny(Denial(DenialCode::kUnknownAccount));
  decision.account = *accountIndex;
  decision.accountKnown = true;
  const AccountState& account = state.accounts[*accountIndex];
  if (!isEntitled(order.entitledAccounts, order.account)) return deny(Denial(DenialCode::kNotEntitled));

  const auto instrumentIndex = state.instrumentIndex(order.symbol);
  if (!instrumentIndex) return deny(Denial(DenialCode::kUnknownInstrument));
  decision.instrument = *instrumentIndex;
  const InstrumentState& instrument = state.instruments[*instrumentIndex];
  if (instrument.config.currency != account.config.currency) return deny(Denial(DenialCode::kCurrencyMismatch));
  if (state.usedClOrdIds.find(order.clOrdId) != state.usedClOrdIds.end()) {
    return deny(Denial(DenialCode::kDuplicateClOrdId));
  }
  if (account.halted) return deny(Denial(DenialCode::kAccountHalted));
  if (auto denial = checkPrice(instrument.config, order.type, order.limitPrice)) return deny(*denial);
  if (auto denial = checkQuantity(instrument.config, order.quantity)) return deny(*denial);

  Exposure exposure;
  exposure.account = &account;
  exposure.storeAvailable = state.storeAvailable;
  exposure.instrument = &instrument;
  exposure.instrumentIndex = *instrumentIndex;
  exposure.side = order.side;
  exposure.type = order.type;
  exposure.orderQuantity = order.quantity;
  exposure.limitPrice = order.limitPrice;
  exposure.charge = order.quantity;
  exposure.otherSameSide = openOnSide(account, *instrumentIndex, order.side);
  exposure.riskIncreasing =
      isRiskIncreasing(positionIn(account, *instrumentIndex), order.side, exposure.otherSameSide, order.quantity);
  decision.riskIncreasing = exposure.riskIncreasing;
  decision.charge = order.quantity;
  if (auto denial = checkExposure(exposure, state.now, decision)) return deny(*denial);
  return decision;
}

OrderDecision checkReplace(const RiskState& state, const ReplaceRequest& request) {
  OrderDecision decision;
  auto deny = [&decision](Denial denial) {
    decision.denial = denial;
    return decision;
  };
  if (request.clOrdId.empty() || !OrderId::fits(request.clOrdId)) return deny(Denial(DenialCode::kInvalidId));
  const auto found = state.orders.find(request.origClOrdId);
  if (found == state.orders.end()) return deny(Denial(DenialCode::kUnknownOrder));
  const OrderState& order = found->second;
  decision.account = order.account;
  decision.accountKnown = true;
  decision.instrument = order.instrument;
  const AccountState& account = state.accounts[order.account];
  const InstrumentState& instrument = state.instruments[order.instrument];
  if (!isEntitled(request.entitledAccounts, account.config.id)) return deny(Denial(DenialCode::kNotEntitled));
  if (order.liquidation || order.cancelPending || order.replace) {
    return deny(Denial(DenialCode::kOrderNotReplaceable)
                    .text("reason", order.liquidation     ? "liquidation order"
                                    : order.cancelPending ? "cancel pending"
                                                          : "replace pending"));
  }
  if (state.usedClOrdIds.find(request.clOrdId) != state.usedClOrdIds.end()) {
    return deny(Denial(DenialCode::kDuplicateClOrdId));
  }
  if (account.halted) return deny(Denial(DenialCode::kAccountHalted));
  if (auto denial = checkPrice(instrument.config, order.type, request.limitPrice)) return deny(*denial);
  if (auto denial = checkQuantity(instrument.config, request.quantity)) return deny(*denial);
  if (request.quantity <= order.filled) {
    return deny(Denial(DenialCode::kInvalidQuantity).quantity("quantity", request.quantity).quantity("filled", order.filled));
  }

  const Quantity newLeaves = Quantity::fromRaw(request.quantity.raw() - order.filled.raw());
  const Quantity otherSameSide =
      Quantity::fromRaw(openOnSide(account, order.instrument, order.side).raw() - order.charged.raw());
  Exposure exposure;
  exposure.account = &account;
  exposure.storeAvailable = state.storeAvailable;
  exposure.instrument = &instrument;
  exposure.instrumentIndex = order.instrument;
  exposure.side = order.side;
  exposure.type = order.type;
  exposure.orderQuantity = request.quantity;
  exposure.limitPrice = request.limitPrice;
  // Until the venue confirms, the order is charged at the larger of its old and new open quantity.
  exposure.charge = maxOf(order.charged, newLeaves);
  exposure.otherSameSide = otherSameSide;
  // Lowering an order's open quantity never adds risk, whatever the position.
  exposure.riskIncreasing = newLeaves > order.leaves() &&
                            isRiskIncreasing(positionIn(account, order.instrument), order.side, otherSameSide, newLeaves);
  decision.riskIncreasing = exposure.riskIncreasing;
  decision.charge = exposure.charge;
  if (auto denial = checkExposure(exposure, state.now, decision)) return deny(*denial);
  return decision;
}

}  // namespace risk
