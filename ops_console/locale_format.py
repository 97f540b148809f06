"""How times, dates and numbers read for people: stored in UTC, shown in local time,
written the way the console's chosen language writes them. QtCore only (like
ops_console/language.py), so the window (through ui/common/formatting.py) and the CLI's
reports write them alike.

One home for it, so nothing formats by hand (strftime, f"{n:,}"): the locale is Qt's
default locale, which ``install_translators`` sets from the chosen language (View →
Language, else LANG / LC_ALL). Chinese reads "6月15日 14:30", English "15 Jun 14:30".

Two rules hold in every language, because a command post depends on them: the clock is
24 h (no AM/PM to misread at 3 in the morning), and a day is never written as two bare
numbers (a month name or 月/日 marks which is which, so 06/05 is never June or May).
Machine formats (CSV columns, GeoJSON, file names) stay ISO 8601 and do not come here.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from functools import lru_cache

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

CLOCK, CLOCK_SECONDS = "HH:mm", "HH:mm:ss"

# per language: (a day of this year, a day of another year, a day of this year with its weekday)
_DAY_PATTERNS = {
    QLocale.Language.Chinese: ("M月d日", "yyyy年M月d日", "M月d日 ddd"),
}
_DEFAULT_DAY_PATTERNS = ("d MMM", "d MMM yyyy", "ddd d MMM")
_MONTH_PATTERNS = {QLocale.Language.Chinese: "yyyy年M月"}


def locale() -> QLocale:
    """The console's locale (Qt's default, set from the chosen language at start)."""
    return QLocale()


def _day_patterns(loc: QLocale) -> tuple[str, str, str]:
    return _DAY_PATTERNS.get(loc.language(), _DEFAULT_DAY_PATTERNS)


def local(at: datetime) -> datetime:
    """An aware UTC time from the database, in this workstation's time zone."""
    if at.tzinfo is None:  # defensive: the database hands back aware values
        at = at.replace(tzinfo=timezone.utc)
    return at.astimezone()


def _qt(shown: datetime) -> QDateTime:
    """A local wall-clock time as Qt's, built from its parts (no time-zone conversion)."""
    return QDateTime(QDate(shown.year, shown.month, shown.day), QTime(shown.hour, shown.minute, shown.second))


def _write(shown: datetime, day: str | None, clock: str | None) -> str:
    return _written(shown.replace(tzinfo=None, microsecond=0), day, clock, locale().bcp47Name())


@lru_cache(maxsize=8192)
def _written(shown: datetime, day: str | None, clock: str | None, _locale_name: str) -> str:
    """Kept per second and locale: a table repaints the same few dozen times over and over
    (QLocale's formatting costs ~70 µs a call on a loaded machine; a hit ~1 µs)."""
    return locale().toString(_qt(shown), " ".join(p for p in (day, clock) if p))


def _this_year(now: datetime | None) -> int:
    return local(now or datetime.now(timezone.utc)).year


def local_datetime(at: datetime | None) -> str:
    """Date with year and time to the minute: details, tooltips, report headers."""
    return "" if at is None else _write(local(at), _day_patterns(locale())[1], CLOCK)


def local_seconds(at: datetime | None) -> str:
    """Date with year and time to the second: the exact moment of a log line."""
    return "" if at is None else _write(local(at), _day_patterns(locale())[1], CLOCK_SECONDS)


def _short(at: datetime | None, clock: str, now: datetime | None) -> str:
    """Day and ``clock`` for narrow columns; the year only when it is not this year's, so a
    record from last December (or a mistyped 1999) never reads as this year's."""
    if at is None:
        return ""
    shown = local(at)
    this_year, other_year, _ = _day_patterns(locale())
    return _write(shown, this_year if shown.year == _this_year(now) else other_year, clock)


def local_short(at: datetime | None, now: datetime | None = None) -> str:
    """Day and time for narrow table columns."""
    return _short(at, CLOCK, now)


def local_short_seconds(at: datetime | None, now: datetime | None = None) -> str:
    return _short(at, CLOCK_SECONDS, now)


def local_clock(at: datetime | None, now: datetime | None = None) -> str:
    """The clock time for today's rows (a radio log); the day too for another day, and the
    year for another year, so traffic from before midnight never reads as tonight's."""
    if at is None:
        return ""
    shown, today = local(at), local(now or datetime.now(timezone.utc))
    if shown.date() == today.date():
        return _write(shown, None, CLOCK_SECONDS)
    return _short(at, CLOCK_SECONDS, now)


def clock_time(at: datetime | None) -> str:
    """Hours and minutes alone ("since 14:05"), where the day is plain from the context."""
    return "" if at is None else _write(local(at), None, CLOCK)


def local_day(at: datetime | None, now: datetime | None = None) -> str:
    """The day alone (an inspection date on a map label); the year when not this year's."""
    if at is None:
        return ""
    shown = local(at)
    this_year, other_year, _ = _day_patterns(locale())
    return _write(shown, this_year if shown.year == _this_year(now) else other_year, None)


def local_month(at: datetime) -> str:
    """A month and its year (a chart's axis over a year)."""
    return _write(local(at), _MONTH_PATTERNS.get(locale().language(), "MMM yyyy"), None)


def local_when(at: datetime, now: datetime | None = None) -> str:
    """When something is due: the clock time today, the weekday and day this year (a task
    due "Fri 5 Jun 14:00" is planned by the week), the day and year in another year."""
    shown, today = local(at), local(now or datetime.now(timezone.utc))
    if shown.date() == today.date():
        return _write(shown, None, CLOCK)
    _, other_year, with_weekday = _day_patterns(locale())
    return _write(shown, with_weekday if shown.year == today.year else other_year, CLOCK)


def date_text(day: date | None) -> str:
    """A calendar date with its year (an expiry date, a certificate's end)."""
    if day is None:
        return ""
    return locale().toString(QDate(day.year, day.month, day.day), _day_patterns(locale())[1])


def number(n: int) -> str:
    """A count with the locale's digit grouping (12,500)."""
    return locale().toString(int(n))


def signed(n: int) -> str:
    """A change in a count, its sign always written (+40, −3)."""
    return (locale().positiveSign() if n > 0 else "") + number(n)


def measure(x: float) -> str:
    """A reading as precise as it came (23.5, 0.125, 1,250), like Python's ``:g``."""
    return locale().toString(float(x), "g", 6)


def decimal(x: float, places: int = 1) -> str:
    """A measured value with ``places`` decimals and the locale's decimal sign (23.5)."""
    return locale().toString(float(x), "f", places)


def samples(kind: str) -> tuple[str, ...]:
    """What a column of ``kind`` ("short", "short_seconds", "date") can show this year, one
    per month, so a table sizes the column for the widest in its own font and language
    (ui/common/column_widths.py), not for the English width of "12-31 23:59"."""
    year = datetime.now(timezone.utc).year
    moments = [datetime(year, month, 28, 23, 58, 58).astimezone(timezone.utc) for month in range(1, 13)]
    if kind == "date":
        return tuple(date_text(date(year + 1, at.month, 28)) for at in moments)
    write = local_short_seconds if kind == "short_seconds" else local_short
    return tuple(write(at) for at in moments)


def local_midnight_utc(now: datetime | None = None) -> datetime:
    """Today's start in local time, as UTC: the 'today' filter of the activity log."""
    now_local = (now or datetime.now(timezone.utc)).astimezone()
    return now_local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(timezone.utc)
