"""The window's door to ops_console/locale_format.py: how times, dates and numbers read on
screen in the chosen language (QtCore only there, so the CLI's reports share it). Panels
import from here; nothing under ui/ formats a date or a count by hand
(tests/ui/test_locale_formats.py checks)."""

from __future__ import annotations

from ops_console.locale_format import (
    CLOCK,
    CLOCK_SECONDS,
    clock_time,
    date_text,
    decimal,
    local,
    local_clock,
    local_datetime,
    local_day,
    local_midnight_utc,
    local_month,
    local_seconds,
    local_short,
    local_short_seconds,
    local_when,
    locale,
    measure,
    number,
    samples,
    signed,
)

__all__ = [
    "CLOCK",
    "CLOCK_SECONDS",
    "clock_time",
    "date_text",
    "decimal",
    "local",
    "local_clock",
    "local_datetime",
    "local_day",
    "local_midnight_utc",
    "local_month",
    "local_seconds",
    "local_short",
    "local_short_seconds",
    "local_when",
    "locale",
    "measure",
    "number",
    "samples",
    "signed",
]
