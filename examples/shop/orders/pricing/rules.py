"""Discount rules: each rule looks at an order and returns the amount to take off."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..models import Order


@dataclass(frozen=True)
class PricingRule:
    """A percentage discount once an order reaches ``threshold``."""

    name: str
    threshold: Decimal
    percent: Decimal

    def discount(self, order: Order) -> Decimal:
        if order.total < self.threshold:
            return Decimal("0")
        amount = order.total * self.percent / Decimal("100")
        return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def default_rules() -> list[PricingRule]:
    """The rules the shop runs with unless a campaign overrides them."""
    return [
        PricingRule("bulk-100", Decimal("100"), Decimal("5")),
        PricingRule("bulk-500", Decimal("500"), Decimal("10")),
    ]


def apply_rules(order: Order, rules: list[PricingRule] | None = None) -> Decimal:
    """Return the order total after the best single discount."""
    candidates = rules if rules is not None else default_rules()
    best = max((rule.discount(order) for rule in candidates), default=Decimal("0"))
    return order.total - best
