"""Fixtures for widget tests: the themed main window on a real post, layout settings in a
temporary file, and a fast way to give the activity log tens of thousands of entries."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import insert, select

from ops_console.clock import utc_now
from ops_console.db.models import AuditEntry, AuditHead
from ops_console.post import Post
from ops_console.services.audit import entry_hash
from ops_console.ui.app import build_main_window

ENTRY_FIELDS = (
    "id",
    "at",
    "operator_id",
    "operator_name",
    "action",
    "entity",
    "entity_id",
    "summary",
    "before_json",
    "after_json",
    "exercise",
    "prev_hash",
    "hash",
)


@pytest.fixture
def layout_settings(tmp_path: Path) -> QSettings:
    """Window layout stored in a temporary INI file, never in the tester's own settings."""
    return QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(post: Post, qtbot, themed, layout_settings: QSettings):
    """The main window on the test post (supervisor signed on), closed before the post is."""
    win = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    yield win
    win.close()


@pytest.fixture
def add_audit_entries():
    """The bulk filler below, as a fixture (conftest modules are not importable by name)."""
    return _add_audit_entries


def _add_audit_entries(post: Post, count: int, *, summary: str = "Radio check {n}") -> None:
    """Append ``count`` valid, hash-chained audit entries in one bulk insert (seconds for 20k)."""
    with post.db.write() as s:
        head = s.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
        prev, start = head.last_hash, head.last_id
        first_at = utc_now() - timedelta(seconds=count + 60)
        rows = []
        for n in range(1, count + 1):
            entry = AuditEntry(
                id=start + n,
                at=first_at + timedelta(seconds=n),
                operator_id=None,
                operator_name=f"Field team {n % 6 + 1}",
                action="log.note",
                entity="log",
                entity_id=None,
                summary=summary.format(n=n),
                before_json="null",
                after_json="null",
                exercise=False,
                prev_hash=prev,
            )
            entry.hash = prev = entry_hash(entry)
            rows.append({name: getattr(entry, name) for name in ENTRY_FIELDS})
        s.execute(insert(AuditEntry), rows)
        head.last_id, head.last_hash = start + count, prev
