"""What an export writes for a cell whose on-screen words are not what a machine reads.

A panel shows a time as the locale writes it for a person ("6月15日 14:30", no year in
this year); the city's GIS and the paper backup need it whole and unambiguous. A model
answers ``ExportRole`` with the raw value written as ISO 8601 (local time with its
offset, so the year, the zone and the order of day and month are never guessed), and
ui/common/view_export.py takes it instead of the display text. Cells without it (most)
export what they show. Nothing is parsed back from display text.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from ops_console.clock import iso_day, iso_local

# far above the few UserRole + n each model keeps for itself (sort keys, ids, flags)
ExportRole = Qt.ItemDataRole.UserRole + 0x400


def iso_time(at: datetime | None) -> str | None:
    """A stored UTC time as local ISO 8601 with its offset, to the second
    ("2026-06-15T14:30:00+08:00"); None for no time (the cell's own words stand)."""
    return None if at is None else iso_local(at)


def iso_date(day: date | None) -> str | None:
    """A calendar date (an expiry) as ISO 8601 ("2026-06-15"); None for no date."""
    return None if day is None else iso_day(day)


def export_text(index: QModelIndex | QPersistentModelIndex) -> str:
    """The cell as an export writes it: the raw value when the model gives one, else
    the words on screen."""
    value = index.data(ExportRole)
    if value is None:
        value = index.data(Qt.ItemDataRole.DisplayRole)
    return "" if value is None else str(value)
