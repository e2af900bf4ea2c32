"""Catalog service: lists products and previews bulk prices. Served by ``uvicorn main:app``."""

from __future__ import annotations

from decimal import Decimal

from fastapi import FastAPI, HTTPException

from common.logs import configure_logging
from common.settings import load_settings
from orders.models import LineItem, Order
from orders.pricing.rules import apply_rules
from schemas import PriceCheck, Product

settings = load_settings()
logger = configure_logging("catalog", settings.log_level)
app = FastAPI(title="catalog")

PRODUCTS: dict[str, Product] = {
    "MUG-001": Product(sku="MUG-001", name="Enamel mug", unit_price=Decimal("12.50")),
    "TEE-002": Product(sku="TEE-002", name="Logo t-shirt", unit_price=Decimal("24.00")),
}


@app.get("/products")
def list_products() -> list[Product]:
    """Every product, in SKU order."""
    return [PRODUCTS[sku] for sku in sorted(PRODUCTS)]


@app.get("/products/{sku}/price")
def check_price(sku: str, quantity: int = 1) -> PriceCheck:
    """Price ``quantity`` units of one product with the current rules."""
    product = PRODUCTS.get(sku)
    if product is None:
        raise HTTPException(status_code=404, detail=f"unknown sku {sku}")
    order = Order(customer_id="preview", currency=settings.currency)
    order.add(LineItem(sku=sku, quantity=quantity, unit_price=product.unit_price))
    return PriceCheck(sku=sku, quantity=quantity, total=order.total, payable=apply_rules(order))
