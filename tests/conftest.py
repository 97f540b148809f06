"""Test configuration shared by every layer.

Widget tests run on Qt's offscreen platform so the suite needs no display.
"""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from helpers.posts import open_signed_on, sqlite_url


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh SQLite database file for one test."""
    return sqlite_url(tmp_path / "post.sqlite")


@pytest.fixture
def post(db_url: str):
    """A migrated post with one operator per role and the supervisor signed on."""
    p = open_signed_on(db_url)
    yield p
    p.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """Where UI tests save PNGs of each panel for people (and the README tour) to look at."""
    path = Path(__file__).resolve().parent.parent / "build" / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path
