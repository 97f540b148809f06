"""The Warnings panel: draft from a template, approve with PIN, issue with channel ticks,
the multi-channel delivery view and the timeline."""

from ops_console.ui.warnings.panel import WarningsPanel

__all__ = ["WarningsPanel"]
