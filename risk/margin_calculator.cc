#include "risk/margin_calculator.h"

namespace risk {

Price averageEntryPrice(const PositionState& position, Ratio multiplier) {
  if (position.quantity.isZero() || multiplier.isZero()) return Price::zero();
  // basis / (qty * multiplier): basis (1e-8) * 1e16 / (qty (1e-8) * multiplier (1e-8)) gives 1e-8 units.
  const Wide numerator = position.costBasis.wide() * kScale * kScale;
  const Wide denominator = position.quantity.wide() * multiplier.wide();
  const Wide positiveDenominator = denominator < 0 ? -denominator : denominator;
  const Wide signedNumerator = denominator < 0 ? -numerator : numerator;
  const auto price = Price::fromWide(divideRounded(signedNumerator, positiveDenominator, Rounding::kHalfEven));
  return price ? *price : Price::zero();
}

Price valuationPrice(const InstrumentState& instrument, const PositionState& position) {
  if (instrument.mark) return instrument.mark->price;
  return averageEntryPrice(position, instrument.config.multiplier);
}

namespace {

std::optional<Money> requirement(const Instrument& instrument, Ratio house, Quantity quantity, Price price,
                                 bool initial) {
  const auto notional = notionalOf(quantity, instrument.multiplier, price);
  if (!notional) return std::nullopt;
  const Wide exact =
      initial ? instrument.tiers.initialExact(*notional) : instrument.tiers.maintenanceExact(*notional);
  return requirementToMoney(exact, house);
}

}  // namespace

std::optional<Money> initialRequirement(const Instrument& instrument, Ratio house, Quantity quantity, Price price) {
  return requirement(instrument, house, quantity, price, true);
}

std::optional<Money> maintenanceRequirement(const Instrument& instrument, Ratio house, Quantity quantity,
                                            Price price) {
  return requirement(instrument, house, quantity, price, false);
}

std::optional<Money> openOrderInitial(const Instrument& instrument, Ratio house, Quantity position,
                                      Quantity openBuy, Quantity openSell, Price price, Money positionInitial) {
  if (openBuy.isZero() && openSell.isZero()) return Money::zero();
  const auto afterBuys = Quantity::fromWide(position.wide() + openBuy.wide());
  const auto afterSells = Quantity::fromWide(position.wide() - openSell.wide());
  if (!afterBuys || !afterSells) return std::nullopt;
  const auto buyInitial = initialRequirement(instrument, house, *afterBuys, price);
  const auto sellInitial = initialRequirement(instrument, house, *afterSells, price);
  if (!buyInitial || !sellInitial) return std::nullopt;
  const Money worst = maxOf(*buyInitial, *sellInitial);
  return worst > positionInitial ? Money::fromRaw(worst.raw() - positionInitial.raw()) : Money::zero();
}

bool refreshPosition(AccountState& account, PositionState& position, const InstrumentState& instrument) {
  const Instrument& config = instrument.config;
  const Ratio house = account.config.houseMultiplier;
  const Price price = valuationPrice(instrument, position);
  const auto value = signedValueOf(position.quantity, config.multiplier, price);
  const auto maintenance = maintenanceRequirement(config, house, position.quantity, price);
  const auto initial = initialRequirement(config, house, position.quantity, price);
  if (!value || !maintenance || !initial) return false;
  const auto unrealized = Money::fromWide(value->wide() - position.costBasis.wide());
  const auto openInitial =
      openOrderInitial(config, house, position.quantity, position.openBuy, position.openSell, price, *initial);
  if (!unrealized || !openInitial) return false;

  account.unrealizedTotal += unrealized->wide() - position.unrealized.wide();
  account.maintenanceTotal += maintenance->wide() - position.maintenance.wide();
  account.initialTotal += initial->wide() - position.initial.wide();
  account.openOrderInitialTotal += openInitial->wide() - position.openOrderInitial.wide();
  position.unrealized = *unrealized;
  position.maintenance = *maintenance;
  position.initial = *initial;
  position.openOrderInitial = *openInitial;
  return true;
}

namespace {

// Saturates at the representable range: snapshots are reports, and totals are sums of values that
// each fit, so saturation needs more than a thousand positions near the limit.
Money clampToMoney(Wide value) {
  if (value > kMaxRaw) return Money::max();
  if (value < -kMaxRaw) return -Money::max();
  return Money::fromRaw(static_cast<int64_t>(value));
}

}  // namespace

MarginSnapshot snapshotOf(const AccountState& account) {
  MarginSnapshot snapshot;
  const Wide equity = account.cash.wide() + account.unrealizedTotal;
  snapshot.cash = account.cash;
  snapshot.unrealized = clampToMoney(account.unrealizedTotal);
  snapshot.equity = clampToMoney(equity);
  snapshot.maintenance = clampToMoney(account.maintenanceTotal);
  snapshot.initial = clampToMoney(account.initialTotal);
  snapshot.openOrderInitial = clampToMoney(account.openOrderInitialTotal);
  snapshot.availableFunds = clampToMoney(equity - account.initialTotal - account.openOrderInitialTotal);
  snapshot.deficitToMaintenance =
      clampToMoney(account.maintenanceTotal > equity ? account.maintenanceTotal - equity : 0);
  snapshot.amountToCure = clampToMoney(account.initialTotal > equity ? account.initialTotal - equity : 0);
  snapshot.healthUnbounded = account.maintenanceTotal <= 0;
  snapshot.health = snapshot.healthUnbounded ? Ratio::max() : ratioOf(snapshot.equity, snapshot.maintenance);
  return snapshot;
}

std::optional<FillResult> applyFill(Quantity position, Money costBasis, Side side, Quantity fillQuantity,
                                    Price price, Ratio multiplier) {
  const int fillSign = signOf(side);
  const Wide signedFill = fillSign * fillQuantity.wide();
  const bool increasing = position.isZero() || (position.sign() == fillSign);
  if (increasing) {
    const auto quantity = Quantity::fromWide(position.wide() + signedFill);
    const auto added = notionalOf(fillQuantity, multiplier, price);
    if (!quantity || !added) return std::nullopt;
    const auto basis = Money::fromWide(costBasis.wide() + fillSign * added->wide());
    if (!basis) return std::nullopt;
    return FillResult{*quantity, *basis, Money::zero()};
  }

  // Reducing: close min(|fill|, |position|) at the fill price.
  const Quantity open = position.abs();
  const Quantity closed = minOf(open, fillQuantity);
  const Wide removedBasis = divideRounded(costBasis.wide() * closed.wide(), open.wide(), Rounding::kHalfEven);
  const auto proceeds = notionalOf(closed, multiplier, price);
  if (!proceeds) return std::nullopt;
  // Long: sold closed units for proceeds that cost removedBasis. Short: bought back for proceeds.
  const Wide realized = position.sign() * proceeds->wide() - removedBasis;
  Wide basisAfter = costBasis.wide() - removedBasis;
  Wide quantityAfter = position.wide() + fillSign * closed.wide();

  if (fillQuantity > closed) {  // through zero: the rest opens a position on the other side
    const Quantity opened = Quantity::fromRaw(fillQuantity.raw() - closed.raw());
    const auto openedValue = notionalOf(opened, multiplier, price);
    if (!openedValue) return std::nullopt;
    quantityAfter = fillSign * opened.wide();
    basisAfter = fillSign * openedValue->wide();
  }
  const auto quantity = Quantity::fromWide(quantityAfter);
  const auto basis = Money::fromWide(basisAfter);
  const auto realizedMoney = Money::fromWide(realized);
  if (!quantity || !basis || !realizedMoney) return std::nullopt;
  return FillResult{*quantity, *basis, *realizedMoney};
}

}  // namespace risk
