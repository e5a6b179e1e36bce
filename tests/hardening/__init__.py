"""Hardening: bad input and reader properties."""
