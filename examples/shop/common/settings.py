"""Service settings read once from the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    """Runtime configuration common to all shop services."""

    environment: str
    currency: str
    log_level: str

    @property
    def is_production(self) -> bool:
        return self.environment == "production"


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Build the settings from ``environ`` (``os.environ`` by default)."""
    env = os.environ if environ is None else environ
    return Settings(
        environment=env.get("SHOP_ENV", "production"),
        currency=env.get("SHOP_CURRENCY", "EUR"),
        log_level=env.get("SHOP_LOG_LEVEL", "INFO"),
    )
