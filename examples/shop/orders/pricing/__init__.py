"""Pricing rules applied to orders (discounts, bulk prices)."""

from .rules import PricingRule, apply_rules, default_rules

__all__ = ["PricingRule", "apply_rules", "default_rules"]
