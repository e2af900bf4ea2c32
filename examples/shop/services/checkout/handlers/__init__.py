"""HTTP handlers of the checkout service, one blueprint per module."""
