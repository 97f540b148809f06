"""The activity log (ICS-214): every audit entry and every line operators type."""

from .panel import ActivityLogPanel

__all__ = ["ActivityLogPanel"]
