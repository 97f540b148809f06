"""Field requests for resources (ICS-213RR in spirit): asked, decided, delivered.

requested → approved → partly/fully fulfilled, or denied with a reason (or cancelled).
Fulfilment is never a number typed into the request: it is an issue or a transfer in
the ledger that carries the request's id, written in the same transaction as the
request's new state, so the two can never disagree.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.db.inventory_models import StockItem, StockLocation, StockRequest
from ops_console.db.models import Incident, Team
from ops_console.domain import Permission, Priority
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event
from ops_console.said import N_, label, said, tr
from ops_console.services import audit
from ops_console.services.records import check_version
from ops_console.topics import Topic

from . import ledger
from .message import parse_request_message
from .views import MovementDraft, MovementKind, MovementView, RequestDraft, RequestStatus, RequestView

if TYPE_CHECKING:
    from ops_console.db.engine import Database
    from ops_console.events import EventBus
    from ops_console.shift import Shift

REQUEST_CHANGED = Topic.INVENTORY_REQUEST  # carries the request id
FIELDS = ("status", "fulfilled", "decision_reason", "quantity", "priority")


def _validate(draft: RequestDraft) -> None:
    problems: dict[str, str] = {}
    if not draft.requested_by.strip() or len(draft.requested_by) > 120:
        problems["requested_by"] = said(N_("Say who asks (a name or callsign, up to 120 characters)."))
    ledger.check_quantity(draft.quantity, problems)
    if draft.deliver_to_location_id is None and not draft.deliver_to_text.strip():
        problems["deliver_to"] = said(N_("Say where to deliver: a stock location or a place."))
    if len(draft.deliver_to_text) > 200:
        problems["deliver_to"] = said(N_("Keep the delivery place under 200 characters."))
    if problems:
        raise ValidationError(problems)


class RequestDesk:
    """The request part of InventoryService (mixed in; uses its database, bus and shift)."""

    _db: Database
    _bus: EventBus
    _shift: Shift

    def requests(self, *, open_only: bool = True) -> list[RequestView]:
        """The queue: open requests first, the most urgent and then the oldest on top."""
        query = select(StockRequest).where(StockRequest.exercise == self._shift.exercise)
        if open_only:
            query = query.where(StockRequest.status.in_([s.value for s in RequestStatus if s.is_open]))
        is_open = case((StockRequest.status.in_([s.value for s in RequestStatus if s.is_open]), 0), else_=1)
        query = query.order_by(
            is_open, StockRequest.priority.desc(), StockRequest.created_at, StockRequest.id
        )
        with self._db.read() as s:
            return [_view(s, r) for r in s.scalars(query)]

    def get_request(self, request_id: int) -> RequestView:
        with self._db.read() as s:
            row = s.get(StockRequest, request_id)
            if row is None:
                raise NotFound(said(N_("Request {id} no longer exists."), id=request_id))
            return _view(s, row)

    def create_request(self, draft: RequestDraft, *, at: datetime | None = None) -> RequestView:
        actor = self._shift.require(Permission.EDIT_RECORDS, N_("record resource requests"))
        _validate(draft)
        at = at or utc_now()
        with self._db.write() as s:
            _check_links(s, draft)
            row = StockRequest(
                requested_by=draft.requested_by.strip(),
                item_id=draft.item_id,
                quantity=draft.quantity,
                fulfilled=0,
                priority=int(draft.priority),
                status=RequestStatus.REQUESTED.value,
                needed_by=draft.needed_by,
                deliver_to_location_id=draft.deliver_to_location_id,
                deliver_to_text=draft.deliver_to_text.strip(),
                team_id=draft.team_id,
                incident_id=draft.incident_id,
                source_text=draft.source_text,
                source_message_id=draft.source_message_id,
                exercise=self._shift.exercise,
                created_at=at,
                updated_at=at,
            )
            s.add(row)
            s.flush()
            view = _view(s, row)
            audit.append(
                s,
                actor,
                "stock.request",
                "stock_request",
                row.id,
                said(
                    N_("Request #{id} from {who}: {quantity} {unit} {item} to {place} ({priority})"),
                    id=row.id,
                    who=view.requested_by,
                    quantity=f"{view.quantity:,}",
                    unit=view.unit,
                    item=view.item_name,
                    place=view.deliver_to,
                    priority=label(Priority(row.priority)),
                ),
                after={
                    "item_id": row.item_id,
                    "quantity": row.quantity,
                    "priority": row.priority,
                    "deliver_to": view.deliver_to,
                    "needed_by": row.needed_by,
                },
                exercise=row.exercise,
                at=at,
            )
        self._bus.publish(Event(REQUEST_CHANGED, view.id))
        return view

    def request_from_message(
        self,
        text: str,
        sender: str,
        *,
        item_id: int | None = None,
        quantity: int | None = None,
        priority: Priority | None = None,
        deliver_to_location_id: int | None = None,
        deliver_to_text: str | None = None,
        incident_id: int | None = None,
        team_id: int | None = None,
        message_id: int | None = None,
        now: datetime | None = None,
    ) -> RequestView:
        """Turn a radio message into a request in one action; what the message does not say
        clearly can be given as arguments, otherwise ValidationError names what is missing."""
        now = now or utc_now()
        with self._db.read() as s:
            items = dict(
                s.execute(select(StockItem.id, StockItem.name).where(StockItem.active.is_(True))).all()
            )
            places = dict(
                s.execute(
                    select(StockLocation.id, StockLocation.name).where(StockLocation.active.is_(True))
                ).all()
            )
        parsed = parse_request_message(text, items, places, now=now)
        missing = dict(parsed.missing)
        item_id = item_id if item_id is not None else parsed.item_id
        quantity = quantity if quantity is not None else parsed.quantity
        location_id = (
            deliver_to_location_id if deliver_to_location_id is not None else parsed.deliver_to_location_id
        )
        place_text = deliver_to_text if deliver_to_text is not None else parsed.deliver_to_text
        for key, given in (("item_id", item_id), ("quantity", quantity)):
            if given is not None:
                missing.pop(key, None)
        if location_id is not None or place_text:
            missing.pop("deliver_to", None)
        if missing:
            raise ValidationError(missing)
        assert item_id is not None and quantity is not None  # checked above: missing would have said so
        draft = RequestDraft(
            sender,
            item_id,
            quantity,
            priority or parsed.priority,
            parsed.needed_by,  # type: ignore[arg-type]
            location_id,
            place_text or "",
            team_id,
            incident_id,
            text,
            message_id,
        )
        return self.create_request(draft, at=now)

    def approve(self, request_id: int, expected_version: int, note: str = "") -> RequestView:
        return self._decide(
            request_id, expected_version, RequestStatus.APPROVED, note, N_("approve requests")
        )

    def deny(self, request_id: int, expected_version: int, reason: str) -> RequestView:
        if not reason.strip():
            raise ValidationError(
                {"reason": said(N_("Say why the request is denied; the field will be told."))}
            )
        return self._decide(request_id, expected_version, RequestStatus.DENIED, reason, N_("deny requests"))

    def cancel_request(self, request_id: int, expected_version: int, reason: str = "") -> RequestView:
        return self._decide(
            request_id, expected_version, RequestStatus.CANCELLED, reason, N_("cancel requests")
        )

    def fulfil(
        self, request_id: int, from_location_id: int, quantity: int, *, lot: str = ""
    ) -> list[MovementView]:
        """Deliver (part of) an approved request: a transfer to its stock location, or an
        issue to its team or incident, linked to the request, in one transaction."""
        actor = self._shift.require(Permission.LOGISTICS, N_("fulfil requests"))
        with self._db.write() as s:
            row = s.get(StockRequest, request_id, with_for_update=True)
            if row is None:
                raise NotFound(said(N_("Request {id} no longer exists."), id=request_id))
            status = RequestStatus(row.status)
            if status not in (RequestStatus.APPROVED, RequestStatus.PARTLY_FULFILLED):
                raise ValidationError(
                    {
                        "status": said(
                            N_("Request #{id} is {status}; only an approved request can be fulfilled."),
                            id=row.id,
                            status=label(status, lower=True),
                        )
                    }
                )
            outstanding = row.quantity - row.fulfilled
            if isinstance(quantity, int) and not isinstance(quantity, bool) and quantity > outstanding:
                raise ValidationError(
                    {
                        "quantity": said(
                            N_("Only {n} are still outstanding on request #{id}."),
                            n=f"{outstanding:,}",
                            id=row.id,
                        )
                    }
                )
            to_location = (
                row.deliver_to_location_id if row.deliver_to_location_id != from_location_id else None
            )
            kind = MovementKind.TRANSFER if to_location is not None else MovementKind.ISSUE
            draft = MovementDraft(
                kind,
                row.item_id,
                quantity,
                from_location_id=from_location_id,
                to_location_id=to_location,
                lot=lot,
                team_id=row.team_id,
                incident_id=row.incident_id,
                request_id=row.id,
                reason=tr(N_("Request #{id} from {who}"), id=row.id, who=row.requested_by),
            )
            moves = ledger.record(s, actor, draft, exercise=row.exercise)
            before = {"status": row.status, "fulfilled": row.fulfilled}
            row.fulfilled += quantity
            row.status = (
                RequestStatus.FULFILLED if row.fulfilled >= row.quantity else RequestStatus.PARTLY_FULFILLED
            ).value
            row.updated_at = utc_now()
            s.flush()
            audit.append(
                s,
                actor,
                "stock.request_fulfil",
                "stock_request",
                row.id,
                said(
                    N_("Request #{id} {status}: {done} of {quantity}"),
                    id=row.id,
                    status=label(RequestStatus(row.status), lower=True),
                    done=f"{row.fulfilled:,}",
                    quantity=f"{row.quantity:,}",
                ),
                before=before,
                after={"status": row.status, "fulfilled": row.fulfilled},
                exercise=row.exercise,
            )
            views = self._movement_views(s, [m.id for m in moves])  # type: ignore[attr-defined]
        self._publish_moves(draft.item_id, views)  # type: ignore[attr-defined]
        self._bus.publish(Event(REQUEST_CHANGED, request_id))
        return views

    def _decide(
        self, request_id: int, expected: int, status: RequestStatus, reason: str, doing: str
    ) -> RequestView:
        actor = self._shift.require(Permission.LOGISTICS, doing)
        with self._db.write() as s:
            row = s.get(StockRequest, request_id, with_for_update=True)
            if row is None:
                raise NotFound(said(N_("Request {id} no longer exists."), id=request_id))
            check_version(row, "request", expected, {"status": status.value}, FIELDS)
            current = RequestStatus(row.status)
            allowed = {
                RequestStatus.APPROVED: {RequestStatus.REQUESTED},
                RequestStatus.DENIED: {RequestStatus.REQUESTED, RequestStatus.APPROVED},
                RequestStatus.CANCELLED: {
                    RequestStatus.REQUESTED,
                    RequestStatus.APPROVED,
                    RequestStatus.PARTLY_FULFILLED,
                },
            }[status]
            if current not in allowed:
                raise ValidationError(
                    {
                        "status": said(
                            N_("Request #{id} is {current} and cannot be {status} now."),
                            id=row.id,
                            current=label(current, lower=True),
                            status=label(status, lower=True),
                        )
                    }
                )
            row.status, row.decision_reason, row.updated_at = status.value, reason.strip(), utc_now()
            s.flush()
            audit.append(
                s,
                actor,
                f"stock.request_{status.value}",
                "stock_request",
                row.id,
                said(
                    N_("Request #{id} {status}: {reason}")
                    if reason.strip()
                    else N_("Request #{id} {status}"),
                    id=row.id,
                    status=label(status, lower=True),
                    reason=reason.strip(),
                ),
                before={"status": current.value},
                after={"status": status.value, "reason": reason.strip()},
                exercise=row.exercise,
            )
            view = _view(s, row)
        self._bus.publish(Event(REQUEST_CHANGED, request_id))
        return view


def _check_links(s: Session, draft: RequestDraft) -> None:
    problems = {}
    item = s.get(StockItem, draft.item_id)
    if item is None or not item.active:
        problems["item_id"] = said(N_("That item is not in the catalogue."))
    if (
        draft.deliver_to_location_id is not None
        and s.get(StockLocation, draft.deliver_to_location_id) is None
    ):
        problems["deliver_to"] = said(N_("That location no longer exists."))
    if draft.team_id is not None and s.get(Team, draft.team_id) is None:
        problems["team_id"] = said(N_("That team no longer exists."))
    if draft.incident_id is not None and s.get(Incident, draft.incident_id) is None:
        problems["incident_id"] = said(N_("That incident no longer exists."))
    if problems:
        raise ValidationError(problems)


def _view(s: Session, row: StockRequest) -> RequestView:
    item = s.get(StockItem, row.item_id)
    place = s.get(StockLocation, row.deliver_to_location_id) if row.deliver_to_location_id else None
    deliver_to = place.name if place else row.deliver_to_text
    return RequestView(
        row.id,
        row.requested_by,
        row.item_id,
        item.name if item else "?",
        item.unit if item else "",
        row.quantity,
        row.fulfilled,
        Priority(row.priority),
        RequestStatus(row.status),
        row.needed_by,
        deliver_to,
        row.deliver_to_location_id,
        row.team_id,
        row.incident_id,
        row.source_text,
        row.decision_reason,
        row.created_at,
        row.version,
    )
