"""Fixtures for public warnings: a post with two supervisors, the six demo sirens (China's
signal set) and CAP/notice folders of its own; Qt's application object for the PDF notice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers.posts import open_signed_on
from helpers.public_warnings import ready
from ops_console.post import Post


@pytest.fixture
def wpost(any_db_url: str, tmp_path: Path, qapp) -> Iterator[Post]:  # type: ignore[no-untyped-def]
    """On SQLite and PostgreSQL: the drafter (a supervisor) signed on."""
    p = ready(open_signed_on(any_db_url), tmp_path)
    yield p
    p.close()


@pytest.fixture
def spost(db_url: str, tmp_path: Path, qapp) -> Iterator[Post]:  # type: ignore[no-untyped-def]
    """SQLite only, for the tests whose engine does not matter."""
    p = ready(open_signed_on(db_url), tmp_path)
    yield p
    p.close()
