"""Column types shared by the models.

Times are stored as naive UTC on every engine and handed back timezone-aware, so that
SQLite (which has no time zones) and PostgreSQL behave the same and nothing downstream
has to guess what a bare datetime means.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator

from ops_console.clock import utc_now  # noqa: F401 - the models' column defaults use it


class UtcDateTime(TypeDecorator[datetime]):
    """A DateTime that refuses naive input and always returns aware UTC values."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; attach a time zone first")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)
