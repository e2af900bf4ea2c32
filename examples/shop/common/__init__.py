"""Helpers shared by every shop service: settings and logging."""
