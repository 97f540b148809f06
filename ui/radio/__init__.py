"""The Radio panel: comms log, compose, outbox, nodes and link state."""

from ops_console.ui.radio.panel import RadioPanel

__all__ = ["RadioPanel"]
