"""The one clock of the core: times are stored in UTC and shown in local time.

It lives in the core, below services, the db layer and the UI alike, so that a service
or a widget asking "what time is it" never imports the database package for it.
"""

from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> datetime:
    """The current time in UTC, at microsecond precision both engines can store."""
    return datetime.now(timezone.utc)
