"""Widgets and helpers shared by several panels."""
