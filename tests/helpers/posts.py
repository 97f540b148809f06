"""Open real posts on real database files for tests.

Importing this module (conftest does) selects the cheap test cost for PIN hashes
(``OPS_CONSOLE_PIN_COST=test``, also inherited by CLI subprocesses): the suite creates
hundreds of operators, and at the strong default each hash takes about half a second.
Tests that check the strong cost pass it explicitly (tests/security/test_roles_and_pins.py).

It also gives the whole session one folder for audit keys and checkpoints
(``OPS_CONSOLE_AUDIT_DIR``), as one workstation has: a CLI subprocess that gets its own
config folder (helpers/cli.py) still finds the key of a post the test made in-process.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("OPS_CONSOLE_PIN_COST", "test")
if "OPS_CONSOLE_AUDIT_DIR" not in os.environ:
    os.environ["OPS_CONSOLE_AUDIT_DIR"] = tempfile.mkdtemp(prefix="ops-console-audit-keys-")
    atexit.register(shutil.rmtree, os.environ["OPS_CONSOLE_AUDIT_DIR"], True)
from pathlib import Path
from typing import Any

from ops_console.domain import Role
from ops_console.post import Post, open_post
from ops_console.services.audit import SYSTEM

PIN = "123456"  # 6 digits: the policy for supervisors and admins
ROLE_NAMES = {role: f"{role.value.capitalize()} Test" for role in Role}


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def pg_url() -> str | None:
    """The PostgreSQL server the CI provides, or None on a machine without one."""
    return os.environ.get("OPS_CONSOLE_TEST_PG") or None


def open_signed_on(
    url: str, role: Role = Role.SUPERVISOR, *, create_operators: bool = True, **open_kw: Any
) -> Post:
    """A post on ``url`` with one operator per role (PIN 123456) and ``role`` signed on;
    ``open_kw`` go to open_post (settings, demo, devices)."""
    post = open_post(url, **open_kw)
    if create_operators and not post.operators.list_active():
        for r, name in ROLE_NAMES.items():
            post.operators.create(name, r, PIN, by=SYSTEM)
    post.operators.sign_on(ROLE_NAMES[role], PIN)
    return post
