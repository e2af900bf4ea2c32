"""Response models of the catalog API."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field


class Product(BaseModel):
    """A product as listed in the shop."""

    sku: str = Field(min_length=3)
    name: str
    unit_price: Decimal = Field(gt=0)


class PriceCheck(BaseModel):
    """What a basket of one product costs after the pricing rules."""

    sku: str
    quantity: int
    total: Decimal
    payable: Decimal
