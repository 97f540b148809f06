"""The warning's lifecycle: four eyes with PIN, the rule switched off (audited), exercise
that cannot turn live, Update and Cancel that reference the earlier messages, the timeline."""

from __future__ import annotations

import pytest

from helpers.posts import PIN
from helpers.public_warnings import DRAFTER, SECOND, approved_flood, draft_flood
from ops_console.early_warning import cap
from ops_console.early_warning.service import WarningConflict, WarningRefused
from ops_console.early_warning.views import APPROVED, CANCELLED, DRAFT, ISSUED, UPDATED
from ops_console.errors import PermissionDenied


def test_the_drafter_cannot_approve_their_own_warning(wpost):
    w = draft_flood(wpost)
    assert w.state == DRAFT and w.drafted_by == DRAFTER
    with pytest.raises(WarningRefused, match="another supervisor must approve"):
        wpost.warnings.approve(w.id, PIN)
    assert wpost.warnings.get(w.id).state == DRAFT
    wpost.operators.sign_on(SECOND, PIN)
    with pytest.raises(WarningRefused, match="PIN was not accepted"):
        wpost.warnings.approve(w.id, "999999")
    approved = wpost.warnings.approve(w.id, PIN)
    assert (approved.state, approved.approved_by) == (APPROVED, SECOND)
    actions = [e.action for e in wpost.warnings.timeline(w.id)]
    assert actions == ["warning.draft", "warning.refused", "warning.refused", "warning.approve"]


def test_an_operator_may_draft_but_not_approve(spost):
    from helpers.posts import ROLE_NAMES
    from ops_console.domain import Role

    spost.operators.sign_on(ROLE_NAMES[Role.OPERATOR], PIN)
    w = draft_flood(spost)
    with pytest.raises(PermissionDenied):
        spost.warnings.approve(w.id, PIN)


def test_four_eyes_switched_off_for_a_single_supervisor_shift_is_audited(spost):
    spost.warnings.set_four_eyes(False, PIN)
    assert not spost.warnings.four_eyes()
    w = draft_flood(spost)
    assert spost.warnings.approve(w.id, PIN).approved_by == DRAFTER
    from sqlalchemy import select

    from ops_console.db.models import AuditEntry

    with spost.db.read() as s:
        words = s.scalars(select(AuditEntry.summary).where(AuditEntry.action == "warning.four_eyes")).all()
    from ops_console.said import english

    assert [english(w) for w in words] == [
        f"Four-eyes rule for warnings switched OFF (single-supervisor shift) by {DRAFTER}"
    ]


def test_issue_update_cancel_each_reference_the_earlier_messages_and_validate(spost):
    w = approved_flood(spost)
    first = spost.warnings.issue(w.id, PIN, ["cap"])
    assert spost.warnings.get(w.id).state == ISSUED and first.msg_type == "Alert"
    spost.warnings.update(w.id, PIN, ["cap"], {"en-US": {"headline": "Flood warning extended"}})
    assert spost.warnings.get(w.id).state == UPDATED
    spost.warnings.cancel(w.id, PIN, ["cap"])
    assert spost.warnings.get(w.id).state == CANCELLED
    docs = spost.warnings.cap_documents(w.id, all_messages=True)
    assert [t for t, _ in docs] == ["Alert", "Update", "Cancel"]
    from lxml import etree

    ns = {"c": cap.NS}
    idents = []
    for i, (_t, doc) in enumerate(docs):
        cap.validate(doc)
        tree = etree.fromstring(doc)
        idents.append(tree.findtext("c:identifier", namespaces=ns))
        refs = tree.findtext("c:references", namespaces=ns) or ""
        assert [r.split(",")[1] for r in refs.split()] == idents[:i]
        assert [x.text for x in tree.findall("c:info/c:language", ns)] == ["zh-CN", "en-US"]
    with pytest.raises(WarningConflict, match="already cancelled"):
        spost.warnings.cancel(w.id, PIN, ["cap"])
    assert "Flood warning extended" in docs[1][1].decode()


def test_exercise_marks_every_channel_and_cannot_turn_live(spost):
    spost.shift.exercise = True
    w = approved_flood(spost)
    assert w.exercise
    spost.shift.exercise = False  # the post goes live: the warning stays an exercise
    summary = spost.warnings.issue(w.id, PIN, ["sirens", "radio", "cap"])
    doc = spost.warnings.cap_documents(w.id)[0][1]
    assert b"<status>Exercise</status>" in doc
    radio = spost.radio.outbox_list()[0]
    assert radio.body.startswith("EXERCISE ") and radio.precedence == "EMERGENCY"
    commands = spost.sirens.list_commands()
    assert commands and {c.command for c in commands} == {"silent_test"}
    by = {d.channel: d for d in summary.deliveries}
    assert by["cap"].state == "delivered"


def test_a_live_warning_is_not_sent_from_an_exercise(spost):
    w = approved_flood(spost)
    spost.shift.exercise = True
    with pytest.raises(WarningRefused, match="EXERCISE mode"):
        spost.warnings.issue(w.id, PIN, ["radio"])
    assert spost.warnings.get(w.id).state == APPROVED
