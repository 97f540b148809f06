"""Residents who need help: a zone's evacuation progress, its residents and the register's counts."""

from .panel import ResidentsPanel

__all__ = ["ResidentsPanel"]
