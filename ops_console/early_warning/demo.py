"""The demo's past warning: a flood warning for the Canal Road riverside that was issued,
updated and cancelled, so every CAP message type can be seen in the Warnings panel and
exported with ``ops-console --demo warning export 1 --format cap --out f.xml --all``.

Like the rest of the demo it is history written for the reader: the steps go through the
service's own transition and CAP code (so the documents are exactly what a real issue
writes and validate against the schema), with the demo's supervisor drafting and its
administrator approving, but without asking for PINs (the demo's hashes are slow on
purpose, and first start should stay quick). Only the CAP channel is used: a past radio
broadcast must not go on air when the demo radio starts.
"""

from __future__ import annotations

import json

from sqlalchemy import select

from ops_console.db.models import Operator
from ops_console.domain import Role
from ops_console.early_warning.service import WarningService
from ops_console.early_warning.templates import Hazard
from ops_console.early_warning.views import APPROVED, CANCELLED, DRAFT, ISSUED, LIVE_STATES, UPDATED
from ops_console.services.audit import Actor
from ops_console.shift import Shift


def _actor(post, role: Role) -> Actor:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        op = s.scalars(
            select(Operator).where(Operator.role == role.value).order_by(Operator.id).limit(1)
        ).first()
    if op is None:
        raise LookupError(f"the demo roster has no {role.value}")
    return Actor(op.id, op.name, op.role)


def build_demo_warnings(post) -> int | None:  # type: ignore[no-untyped-def]
    """Add the past warning (once); returns its id, or None when it was there already."""
    if post.warnings.list_warnings(limit=1):
        return None
    drafter, approver = _actor(post, Role.SUPERVISOR), _actor(post, Role.ADMIN)
    shift = Shift(actor=drafter, exercise=post.shift.exercise)
    real = post.warnings
    svc = WarningService(
        post.db,
        post.bus,
        shift,
        post.operators,
        post.sirens,
        post.radio.outbox,
        post.map.zones,
        real.settings,
        render_pdf=lambda _notice: b"",
    )
    zone = next((z for z in post.map.zones.list() if z.name.startswith("Evacuate: Canal Road")), None)
    area = (
        svc.area_from_zone(zone.id) if zone else svc.area_from_sirens(s.id for s in post.sirens.list_sirens())
    )
    w = svc.draft(Hazard.FLOOD, area, place="Canal Road riverside", time_text="16:00")
    svc._move(w.id, DRAFT, APPROVED, approver, "warning.approve", "approved", approved_by=approver.name)
    svc._move(w.id, APPROVED, ISSUED, approver, "warning.issue", "issued", issued_by=approver.name)
    svc._send(w.id, "Alert", ("cap",), approver, "")
    texts = {
        "en-US": {
            "description": "The canal gauge rose 30 cm in an hour; water may reach Canal Road by 16:00."
        },
        "zh-CN": {"description": "运河水位一小时上涨30厘米，预计16:00前后漫至运河路。"},
    }
    merged = {lang: {**w.texts[lang], **texts[lang]} for lang in w.texts}
    svc._move(
        w.id,
        LIVE_STATES,
        UPDATED,
        approver,
        "warning.update",
        "updated",
        texts_json=json.dumps(merged, ensure_ascii=False),
    )
    svc._send(w.id, "Update", ("cap",), approver, "")
    svc._move(w.id, LIVE_STATES, CANCELLED, approver, "warning.cancel", "cancelled")
    svc._send(w.id, "Cancel", ("cap",), approver, "")
    return w.id
