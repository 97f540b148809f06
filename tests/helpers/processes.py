"""Kept for the tests that import it from here: the CLI helpers live in helpers/cli.py."""

from helpers.cli import read_until, spawn

__all__ = ["read_until", "spawn"]
