"""Order domain shared by checkout and catalog."""

from orders.models import LineItem, Order

__all__ = ["LineItem", "Order"]
