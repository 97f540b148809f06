"""Exercise mode is a view, not a filter that hides the live world.

Whether a record is exercise is decided where it is made (an operator working in
exercise mode, a drill's simulated device, a message marked EXERCISE: see
radio/ingest.py). What a workstation *shows* is decided here, once, for SQL and for the
row-by-row checks that live updates make:

- in live mode, live records only (a drill never clutters the real picture);
- in exercise mode, the drill's records, and on top of them the live records a person
  must still act on (an EMERGENCY heard on a real radio, an unacknowledged alert, an open
  live incident), each marked LIVE so nobody mistakes it for part of the drill.

Sounding sirens and siren alarms are never filtered by mode at all.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, or_

from ops_console.labels import QT_TRANSLATE_NOOP, translate

LIVE_MARK = QT_TRANSLATE_NOOP("ExerciseView", "LIVE")
"""The word every list shows beside a live record while the console is in exercise mode."""


def live_words() -> str:
    """``LIVE_MARK`` in the reader's language (实战): every list marks a live record alike."""
    return translate("ExerciseView", LIVE_MARK)


def in_view(
    exercise_column: Any, exercise_mode: bool, live_that_matters: ColumnElement[bool] | None = None
) -> ColumnElement[bool]:
    """The SQL condition for a list: ``exercise_column`` is the table's exercise flag,
    ``live_that_matters`` which of its live rows must stay in sight during a drill."""
    if not exercise_mode:
        return exercise_column.is_(False)
    if live_that_matters is None:
        return exercise_column.is_(True)
    return or_(exercise_column.is_(True), and_(exercise_column.is_(False), live_that_matters))


def shown(record_exercise: bool, exercise_mode: bool, live_matters: bool = False) -> bool:
    """``in_view`` for one record already read (a live update deciding to keep its row)."""
    if not exercise_mode:
        return not record_exercise
    return record_exercise or live_matters


def marked_live(record_exercise: bool, exercise_mode: bool) -> bool:
    """Does this record carry the LIVE mark? Only in exercise mode: in live mode all is live."""
    return exercise_mode and not record_exercise
