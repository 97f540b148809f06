"""Ops Console: the offline-first desktop console of a community emergency command post."""

__version__ = "0.1.0"
