"""The incidents panel: a sortable, filterable table with create/edit/close dialogs."""

from .panel import IncidentsPanel

__all__ = ["IncidentsPanel"]
