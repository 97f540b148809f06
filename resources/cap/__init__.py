"""The OASIS CAP 1.2 schema (see SOURCE.md)."""
