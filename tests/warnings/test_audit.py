"""A warning's words edited in the database behind the console's back (after its approval,
say) are named by ``audit verify``, like incidents and tasks: each audited step hashes the
warning's state."""

from __future__ import annotations

from sqlalchemy import update

from helpers.posts import PIN
from helpers.public_warnings import DRAFTER, approved_flood
from ops_console.db.warning_models import PublicWarning
from ops_console.services import audit


def test_a_warning_edited_outside_the_console_is_named_by_verify(wpost):
    w = approved_flood(wpost)
    wpost.warnings.issue(w.id, PIN, ["cap"])
    wpost.operators.sign_on(DRAFTER, PIN)
    other = approved_flood(wpost)
    assert audit.verify(wpost.db).ok
    with wpost.db.write() as s:
        s.execute(update(PublicWarning).where(PublicWarning.id == w.id).values(texts_json='{"en-US": {}}'))
    result = audit.verify(wpost.db)
    assert not result.ok
    assert f"public_warnings #{w.id}" in result.edited_records
    assert f"public_warnings #{other.id}" not in result.edited_records
