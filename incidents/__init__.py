"""Incidents: an offline-first tracker of security incidents in fa / ar / en news."""

__version__ = "0.1.0"
