"""Plain data classes for orders; no framework imports so every service can use them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class LineItem:
    """One product in an order."""

    sku: str
    quantity: int
    unit_price: Decimal

    @property
    def subtotal(self) -> Decimal:
        return self.unit_price * self.quantity


@dataclass
class Order:
    """A customer's basket at checkout time."""

    customer_id: str
    currency: str
    items: list[LineItem] = field(default_factory=list)

    def add(self, item: LineItem) -> None:
        """Add ``item``, merging it with a line of the same SKU."""
        for index, existing in enumerate(self.items):
            if existing.sku == item.sku:
                merged = LineItem(item.sku, existing.quantity + item.quantity, item.unit_price)
                self.items[index] = merged
                return
        self.items.append(item)

    @property
    def total(self) -> Decimal:
        return sum((item.subtotal for item in self.items), Decimal("0"))
