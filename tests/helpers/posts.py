"""Open real posts on real database files for tests."""
from __future__ import annotations

import os
from pathlib import Path

from ops_console.domain import Role
from ops_console.post import Post, open_post
from ops_console.services.audit import SYSTEM

PIN = "1234"
ROLE_NAMES = {role: f"{role.value.capitalize()} Test" for role in Role}


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def pg_url() -> str | None:
    """The PostgreSQL server the CI provides, or None on a machine without one."""
    return os.environ.get("OPS_CONSOLE_TEST_PG") or None


def open_signed_on(url: str, role: Role = Role.SUPERVISOR, *, create_operators: bool = True) -> Post:
    """A post on ``url`` with one operator per role (PIN 1234) and ``role`` signed on."""
    post = open_post(url)
    if create_operators and not post.operators.list_active():
        for r, name in ROLE_NAMES.items():
            post.operators.create(name, r, PIN, by=SYSTEM)
    post.operators.sign_on(ROLE_NAMES[role], PIN)
    return post
