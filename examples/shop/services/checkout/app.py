"""Checkout service: quotes and places orders. Served by gunicorn as ``app:app``."""

from __future__ import annotations

from flask import Flask

from common.logs import configure_logging
from common.settings import load_settings
from handlers import health, quote


def create_app() -> Flask:
    """Build the Flask application with every blueprint registered."""
    settings = load_settings()
    logger = configure_logging("checkout", settings.log_level)
    application = Flask(__name__)
    application.config["SHOP_CURRENCY"] = settings.currency
    application.register_blueprint(health.blueprint)
    application.register_blueprint(quote.blueprint, url_prefix="/quotes")
    logger.info("checkout ready (%s)", settings.environment)
    return application


app = create_app()
