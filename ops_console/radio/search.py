"""Full-text search of the comms log: SQLite FTS5 where the library has it, else LIKE.

The FTS5 index is an external-content table over radio_messages kept current by
triggers. It is created on first use rather than by a migration: it is SQLite-only and
optional (FTS5 is a compile-time option), and a derived index — dropping it loses
nothing, and it is rebuilt from radio_messages. PostgreSQL (and SQLite without FTS5)
use ILIKE on the same columns.
"""

from __future__ import annotations

import logging
import re
import threading

from sqlalchemy import ColumnElement, Integer, column, or_, text
from sqlalchemy.exc import OperationalError

from ops_console.db.engine import Database
from ops_console.db.radio_models import RadioMessage

log = logging.getLogger(__name__)
_WORD = re.compile(r"\w+", re.UNICODE)
_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS radio_messages_fts USING fts5("
    "body, subject, station, recipient, content='radio_messages', content_rowid='id')",
    "CREATE TRIGGER IF NOT EXISTS radio_messages_fts_ai AFTER INSERT ON radio_messages BEGIN "
    "INSERT INTO radio_messages_fts(rowid, body, subject, station, recipient) "
    "VALUES (new.id, new.body, new.subject, new.station, new.recipient); END",
    "CREATE TRIGGER IF NOT EXISTS radio_messages_fts_ad AFTER DELETE ON radio_messages BEGIN "
    "INSERT INTO radio_messages_fts(radio_messages_fts, rowid, body, subject, station, recipient) "
    "VALUES ('delete', old.id, old.body, old.subject, old.station, old.recipient); END",
    "CREATE TRIGGER IF NOT EXISTS radio_messages_fts_au AFTER UPDATE OF body, subject, station, recipient "
    "ON radio_messages BEGIN "
    "INSERT INTO radio_messages_fts(radio_messages_fts, rowid, body, subject, station, recipient) "
    "VALUES ('delete', old.id, old.body, old.subject, old.station, old.recipient); "
    "INSERT INTO radio_messages_fts(rowid, body, subject, station, recipient) "
    "VALUES (new.id, new.body, new.subject, new.station, new.recipient); END",
)


class MessageSearch:
    """``condition(words)`` gives the WHERE clause for a search box's text."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._fts: bool | None = None if db.is_sqlite else False
        self._lock = threading.Lock()

    @property
    def uses_fts(self) -> bool:
        return bool(self._ensure())

    def _ensure(self) -> bool:
        with self._lock:
            if self._fts is None:
                self._fts = self._create()
            return self._fts

    def _create(self) -> bool:
        try:
            with self.db.connect(begin=True) as conn:
                exists = (
                    conn.exec_driver_sql(
                        "SELECT 1 FROM sqlite_master WHERE name = 'radio_messages_fts'"
                    ).first()
                    is not None
                )
                for ddl in _DDL:
                    conn.exec_driver_sql(ddl)
                if not exists:  # index what was stored before the index existed
                    conn.exec_driver_sql(
                        "INSERT INTO radio_messages_fts(radio_messages_fts) VALUES ('rebuild')"
                    )
        except OperationalError as exc:
            log.info("radio search: FTS5 not available (%s); using LIKE", exc)
            return False
        return True

    def condition(self, words: str) -> ColumnElement[bool]:
        tokens = _WORD.findall(words)
        if tokens and self._ensure():
            query = " ".join(f'"{t}"*' for t in tokens)  # every word, as a prefix
            return RadioMessage.id.in_(
                text("SELECT rowid FROM radio_messages_fts WHERE radio_messages_fts MATCH :fts")
                .bindparams(fts=query)
                .columns(column("rowid", Integer))
            )
        like = f"%{words.strip()}%"
        return or_(
            RadioMessage.body.ilike(like),
            RadioMessage.subject.ilike(like),
            RadioMessage.station.ilike(like),
            RadioMessage.recipient.ilike(like),
        )
