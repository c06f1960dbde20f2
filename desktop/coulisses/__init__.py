"""Coulisses: capture a maker's process, failures included, for honest reels."""

__version__ = "0.1.0"
APP_NAME = "Coulisses"
APP_ID = "coulisses"
