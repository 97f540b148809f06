"""Writing the ledger: one movement, its balance rows, its daily-use roll-up and its audit
entry, in the caller's transaction.

The balance rows an outflow draws on are locked first (``SELECT … FOR UPDATE`` on
PostgreSQL; on SQLite the ``BEGIN IMMEDIATE`` write lock already serialises writers),
then checked, then changed, so two stations issuing the last units cannot both pass
the check: the second waits for the first to commit and then sees what is left.
Rows are locked in location order, so two opposite transfers cannot deadlock.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.db.inventory_models import StockBalance, StockItem, StockLocation, StockMovement
from ops_console.db.models import Incident, Team
from ops_console.db.upsert import insert_for
from ops_console.errors import OpsError, ValidationError
from ops_console.said import N_, listed, said
from ops_console.services import audit
from ops_console.services.audit import Actor

from . import usage
from .views import MAX_QUANTITY, MovementDraft, MovementKind

# which side(s) each kind touches: (takes from a location, puts into a location)
SIDES: dict[MovementKind, tuple[bool, bool]] = {
    MovementKind.RECEIVE: (False, True),
    MovementKind.ISSUE: (True, False),
    MovementKind.TRANSFER: (True, True),
    MovementKind.RETURN: (False, True),
    MovementKind.CONSUME: (True, False),
}
VERBS = {  # a movement's line in the activity log, in the reader's language (ops_console/said.py)
    MovementKind.RECEIVE: N_("Received {quantity} {unit} {item}"),
    MovementKind.ISSUE: N_("Issued {quantity} {unit} {item}"),
    MovementKind.TRANSFER: N_("Transferred {quantity} {unit} {item}"),
    MovementKind.RETURN: N_("Returned {quantity} {unit} {item}"),
    MovementKind.ADJUST: N_("Adjusted {quantity} {unit} {item}"),
    MovementKind.CONSUME: N_("Consumed {quantity} {unit} {item}"),
}


KIND_WORDS = {  # a movement kind as a sentence's verb or noun ("cannot issue 5", "A receive has …")
    MovementKind.RECEIVE: N_("receive"),
    MovementKind.ISSUE: N_("issue"),
    MovementKind.TRANSFER: N_("transfer"),
    MovementKind.RETURN: N_("return"),
    MovementKind.ADJUST: N_("adjust"),
    MovementKind.CONSUME: N_("consume"),
}


class InsufficientStock(OpsError):
    """An outflow larger than what is on the shelf; ``available`` says how much is."""

    def __init__(self, message: str, available: int) -> None:
        super().__init__(message)
        self.available = available


def check_quantity(value: object, problems: dict[str, str], field: str = "quantity") -> None:
    """Whole units, more than zero, and not absurd (a typing slip, a scanner in the wrong field)."""
    if isinstance(value, bool) or not isinstance(value, int):
        problems[field] = said(N_("The quantity must be a whole number, e.g. 12."))
    elif value <= 0:
        problems[field] = said(
            N_(
                "The quantity must be more than zero; to take stock away, "
                "issue, consume or adjust it with a reason."
            )
        )
    elif value > MAX_QUANTITY:
        problems[field] = said(
            N_("{value} is more than {most} in one movement; check the number."),
            value=f"{value:,}",
            most=f"{MAX_QUANTITY:,}",
        )


def validate(draft: MovementDraft) -> None:
    """Everything that can be checked without the database, as problems at the fields."""
    problems: dict[str, str] = {}
    check_quantity(draft.quantity, problems)
    kind = MovementKind(draft.kind)
    takes, puts = SIDES.get(kind, (draft.from_location_id is not None, draft.to_location_id is not None))
    if kind == MovementKind.ADJUST:
        if (draft.from_location_id is None) == (draft.to_location_id is None):
            problems["location"] = said(N_("An adjustment changes one location: give it once."))
        if not draft.reason.strip():
            problems["reason"] = said(N_("An adjustment needs a reason (stock count, damaged, found …)."))
    else:
        if takes and draft.from_location_id is None:
            problems["from_location_id"] = said(N_("Choose where the stock comes from."))
        if puts and draft.to_location_id is None:
            problems["to_location_id"] = said(N_("Choose where the stock goes."))
        if not takes and draft.from_location_id is not None or not puts and draft.to_location_id is not None:
            problems["location"] = said(
                N_("A {kind} has no source location.")
                if not takes
                else N_("A {kind} has no destination location."),
                kind=said(KIND_WORDS[kind]),
            )
    if kind == MovementKind.TRANSFER and draft.from_location_id == draft.to_location_id:
        problems["to_location_id"] = said(N_("A transfer needs two different locations."))
    if (
        kind == MovementKind.ISSUE
        and draft.team_id is None
        and draft.incident_id is None
        and draft.request_id is None
    ):
        problems["recipient"] = said(N_("Say which team or incident the stock is issued to."))
    if len(draft.lot) > 60:
        problems["lot"] = said(N_("Keep the lot number under 60 characters."))
    if len(draft.reason) > 1000:
        problems["reason"] = said(N_("Keep the reason under 1000 characters."))
    if problems:
        raise ValidationError(problems)


@dataclass
class _Names:
    item: StockItem
    source: StockLocation | None
    target: StockLocation | None
    recipient: str  # the team and/or incident as a said list (ops_console/said.py), or ""


def _load(s: Session, draft: MovementDraft) -> _Names:
    problems: dict[str, str] = {}
    item = s.get(StockItem, draft.item_id)
    if item is None or not item.active:
        problems["item_id"] = said(N_("That item is not in the catalogue (any more)."))
    places = []
    for field, loc_id in (
        ("from_location_id", draft.from_location_id),
        ("to_location_id", draft.to_location_id),
    ):
        loc = s.get(StockLocation, loc_id) if loc_id is not None else None
        if loc_id is not None and (loc is None or not loc.active):
            problems[field] = said(N_("That location does not exist (any more)."))
        places.append(loc)
    recipient = []
    if draft.team_id is not None:
        team = s.get(Team, draft.team_id)
        if team is None:
            problems["team_id"] = said(N_("That team no longer exists."))
        else:
            recipient.append(said(N_("team {name}"), name=team.name))
    if draft.incident_id is not None:
        incident = s.get(Incident, draft.incident_id)
        if incident is None:
            problems["incident_id"] = said(N_("That incident no longer exists."))
        else:
            recipient.append(said(N_("incident #{id}"), id=incident.id))
    if problems:
        raise ValidationError(problems)
    return _Names(item, places[0], places[1], listed(recipient) if recipient else "")  # type: ignore[arg-type]


def _ensure_row(s: Session, item_id: int, location_id: int, lot: str, exercise: bool) -> None:
    """Create the balance row if it is missing, without racing another station's insert."""
    values = {
        "item_id": item_id,
        "location_id": location_id,
        "lot": lot,
        "exercise": exercise,
        "quantity": 0,
        "updated_at": utc_now(),
    }
    insert = insert_for(s.get_bind().dialect.name)
    s.execute(insert(StockBalance).values(values).on_conflict_do_nothing())


def _locked_rows(s: Session, item_id: int, location_ids: list[int], exercise: bool) -> list[StockBalance]:
    query = select(StockBalance).where(
        StockBalance.item_id == item_id, StockBalance.location_id.in_(location_ids)
    )
    if not exercise:
        query = query.where(StockBalance.exercise.is_(False))
    rows = s.scalars(query.order_by(StockBalance.location_id, StockBalance.id).with_for_update()).all()
    return list(rows)


def _row(
    s: Session, rows: list[StockBalance], item_id: int, location_id: int, lot: str, exercise: bool
) -> StockBalance:
    for row in rows:
        if row.location_id == location_id and row.lot == lot and row.exercise == exercise:
            return row
    _ensure_row(s, item_id, location_id, lot, exercise)
    row = s.scalars(
        select(StockBalance)
        .where(
            StockBalance.item_id == item_id,
            StockBalance.location_id == location_id,
            StockBalance.lot == lot,
            StockBalance.exercise == exercise,
        )
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    rows.append(row)
    return row


def _draw_plan(rows: list[StockBalance], location_id: int, lot: str) -> list[tuple[str, int, object]]:
    """What each lot at a location holds (live plus drill rows), first expiry first out."""
    by_lot: dict[str, list[StockBalance]] = {}
    for row in rows:
        if row.location_id == location_id and (not lot or row.lot == lot):
            by_lot.setdefault(row.lot, []).append(row)
    lots = []
    for name, group in by_lot.items():
        have = sum(r.quantity for r in group)
        expiries = [r.expires_on for r in group if r.expires_on is not None]
        lots.append((name, have, min(expiries) if expiries else None))
    lots.sort(key=lambda x: (x[2] is None, x[2] or 0, x[0]))
    return lots


def record(
    s: Session, actor: Actor, draft: MovementDraft, *, exercise: bool, at: datetime | None = None
) -> list[StockMovement]:
    """Check, lock, write and audit one movement; an outflow without a lot draws the
    lots first-expiry-first and writes one ledger line per lot it touched."""
    validate(draft)
    kind = MovementKind(draft.kind)
    names = _load(s, draft)
    at = at or utc_now()
    source, target = draft.from_location_id, draft.to_location_id
    rows = _locked_rows(s, draft.item_id, sorted({x for x in (source, target) if x is not None}), exercise)
    parts: list[tuple[str, int, object]]
    if source is not None:
        plan = _draw_plan(rows, source, draft.lot)
        available = sum(max(have, 0) for _, have, _ in plan)
        if available < draft.quantity:
            raise InsufficientStock(
                said(
                    N_(
                        "Only {available} {unit} of {item} at {place}{lot}; cannot {kind} {quantity}. Nothing was recorded."
                    ),
                    available=f"{available:,}",
                    unit=names.item.unit,
                    item=names.item.name,
                    place=names.source.name if names.source else "?",
                    lot=said(N_(" (lot {lot})"), lot=draft.lot) if draft.lot else None,
                    kind=said(KIND_WORDS[kind]),
                    quantity=f"{draft.quantity:,}",
                ),
                available,
            )
        parts, wanted = [], draft.quantity
        for lot, have, expires in plan:
            take = min(max(have, 0), wanted)
            if take:
                parts.append((lot, take, expires))
                wanted -= take
    else:
        parts = [(draft.lot, draft.quantity, draft.expires_on)]
    written = []
    for lot, quantity, expires in parts:
        if source is not None:
            row = _row(s, rows, draft.item_id, source, lot, exercise)
            row.quantity -= quantity
            row.updated_at = at
        if target is not None:
            row = _row(s, rows, draft.item_id, target, lot, exercise)
            if expires is not None and (
                row.quantity <= 0 or row.expires_on is None or expires < row.expires_on
            ):
                row.expires_on = expires  # type: ignore[assignment]
            row.quantity += quantity
            row.updated_at = at
        move = StockMovement(
            at=at,
            kind=kind.value,
            item_id=draft.item_id,
            from_location_id=source,
            to_location_id=target,
            quantity=quantity,
            lot=lot,
            expires_on=expires,
            reason=draft.reason.strip(),
            team_id=draft.team_id,
            incident_id=draft.incident_id,
            request_id=draft.request_id,
            operator_name=actor.name,
            exercise=exercise,
        )
        s.add(move)
        s.flush()
        usage.count(s, move)
        _audit(s, actor, move, names, exercise)
        written.append(move)
    return written


def movement_line(move: StockMovement, names: _Names) -> str:
    """A movement as the activity log says it, stored in no language (ops_console/said.py):
    "Issued 10 box Water lot A1 from Depot to Team 1 — flood" reads in Chinese on a Chinese
    console, whichever workstation wrote it; the names, lot and reason are the records' own."""
    kind = MovementKind(move.kind)
    recipient = None
    if names.recipient:
        recipient = said(
            N_("from {place}") if kind == MovementKind.RETURN else N_("to {place}"), place=names.recipient
        )
    line = said(
        N_("{head} {lot} {source} {target} {recipient} {request}"),
        head=said(VERBS[kind], quantity=f"{move.quantity:,}", unit=names.item.unit, item=names.item.name),
        lot=said(N_("lot {lot}"), lot=move.lot) if move.lot else None,
        source=said(N_("from {place}"), place=names.source.name) if names.source else None,
        target=said(N_("to {place}"), place=names.target.name) if names.target else None,
        recipient=recipient,
        request=said(N_("for request #{id}"), id=move.request_id) if move.request_id else None,
    )
    return said(N_("{line} — {reason}"), line=line, reason=move.reason) if move.reason else line


def _audit(s: Session, actor: Actor, move: StockMovement, names: _Names, exercise: bool) -> None:
    kind = MovementKind(move.kind)
    summary = movement_line(move, names)
    after = {
        "kind": move.kind,
        "item_id": move.item_id,
        "quantity": move.quantity,
        "from": move.from_location_id,
        "to": move.to_location_id,
        "lot": move.lot,
        "expires_on": move.expires_on,
        "reason": move.reason,
        "team_id": move.team_id,
        "incident_id": move.incident_id,
        "request_id": move.request_id,
    }
    audit.append(
        s,
        actor,
        f"stock.{kind.value}",
        "stock_movement",
        move.id,
        summary,
        after=after,
        exercise=exercise,
        at=move.at,
    )


def adjustment(item_id: int, location_id: int, delta: int, reason: str, lot: str = "") -> MovementDraft:
    """An adjustment by a signed difference, as the one-sided draft the ledger stores."""
    side = {"from_location_id": location_id} if delta < 0 else {"to_location_id": location_id}
    return replace(MovementDraft(MovementKind.ADJUST, item_id, abs(delta), lot=lot, reason=reason), **side)  # type: ignore[arg-type]
