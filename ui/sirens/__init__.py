"""The sirens panel: status of every siren, activation wizard, alarms, scheduled tests."""

from ops_console.ui.sirens.panel import SirenPanel

__all__ = ["SirenPanel"]
