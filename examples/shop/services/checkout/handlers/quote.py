"""Price a basket before payment: ``POST /quotes`` with the line items."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from flask import Blueprint, current_app, jsonify, request

from orders.models import LineItem, Order
from orders.pricing import rules

blueprint = Blueprint("quote", __name__)


def parse_order(payload: dict) -> Order:
    """Turn the request body into an :class:`Order`; raise ``ValueError`` on bad input."""
    order = Order(
        customer_id=str(payload["customer_id"]),
        currency=current_app.config["SHOP_CURRENCY"],
    )
    for raw in payload.get("items", []):
        try:
            price = Decimal(str(raw["unit_price"]))
        except (KeyError, InvalidOperation) as error:
            raise ValueError(f"bad unit_price in {raw!r}") from error
        order.add(LineItem(sku=str(raw["sku"]), quantity=int(raw["quantity"]), unit_price=price))
    return order


@blueprint.post("")
def create_quote():
    """Return the total before and after the shop's pricing rules."""
    try:
        order = parse_order(request.get_json(force=True))
    except (KeyError, ValueError) as error:
        return jsonify(error=str(error)), 400
    payable = rules.apply_rules(order)
    return jsonify(
        currency=order.currency,
        total=str(order.total),
        payable=str(payable),
    )
