"""The inventory's use cases: the catalogue, the movement ledger and the stock picture.

Every change checks the operator's permission first, writes its audit entry in the
same transaction and publishes an event after the commit; reads return frozen values.
Field requests and the stock-count import live in their own modules and are mixed in,
so the whole feature is one service on the Post (``post.inventory``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ops_console.clock import utc_now
from ops_console.db.engine import Database
from ops_console.db.inventory_models import StockItem, StockLocation, StockMovement, StockThreshold
from ops_console.db.models import Team
from ops_console.domain import Permission
from ops_console.errors import NotFound, ValidationError
from ops_console.events import Event, EventBus
from ops_console.said import N_, said
from ops_console.services import audit
from ops_console.services.records import check_coordinates
from ops_console.shift import Shift
from ops_console.topics import Topic

from . import ledger, queries
from .exchange import StockFiles
from .requests import RequestDesk
from .views import (
    EXPIRY_DAYS,
    RATE_DAYS,
    ItemView,
    LevelSeries,
    LocationKind,
    LocationView,
    MovementDraft,
    MovementKind,
    MovementView,
    StockAlert,
    StockLevel,
)

if TYPE_CHECKING:
    from .table import LevelTable

CHANGED = Topic.INVENTORY_CHANGED  # data: item_id, location_ids, movement_ids
CATALOGUE = Topic.INVENTORY_CATALOGUE  # an item, location or threshold was added or changed


def item_view(row: StockItem) -> ItemView:
    return ItemView(row.id, row.name, row.category, row.unit, row.critical, row.barcode, row.notes)


def location_view(row: StockLocation) -> LocationView:
    return LocationView(row.id, row.name, LocationKind(row.kind), row.team_id, row.lat, row.lon)


_DOING = {  # what a refused movement says the operator tried (ops_console/said.py)
    MovementKind.RECEIVE: N_("receive stock"),
    MovementKind.ISSUE: N_("issue stock"),
    MovementKind.TRANSFER: N_("transfer stock"),
    MovementKind.RETURN: N_("return stock"),
    MovementKind.ADJUST: N_("adjust stock"),
    MovementKind.CONSUME: N_("consume stock"),
}


class InventoryService(RequestDesk, StockFiles):
    """Stock kept by the post: what there is, where, what moved and what runs out next."""

    def __init__(self, db: Database, bus: EventBus, shift: Shift) -> None:
        self._db, self._bus, self._shift = db, bus, shift

    # --- catalogue ------------------------------------------------------------------
    def items(self) -> list[ItemView]:
        with self._db.read() as s:
            return [
                item_view(r)
                for r in s.scalars(
                    select(StockItem)
                    .where(StockItem.active.is_(True))
                    .order_by(StockItem.category, StockItem.name)
                )
            ]

    def item_by_code(self, code: str) -> ItemView | None:
        """The item with this barcode, or else this exact name (what a scanner or a person typed)."""
        code = code.strip()
        if not code:
            return None
        with self._db.read() as s:
            row = s.scalars(
                select(StockItem).where(
                    StockItem.active.is_(True), or_(StockItem.barcode == code, StockItem.name == code)
                )
            ).first()
            return item_view(row) if row else None

    def locations(self) -> list[LocationView]:
        with self._db.read() as s:
            kinds = [k.value for k in LocationKind]
            rows = s.scalars(select(StockLocation).where(StockLocation.active.is_(True))).all()
            return [location_view(r) for r in sorted(rows, key=lambda r: (kinds.index(r.kind), r.name))]

    def categories(self) -> list[str]:
        with self._db.read() as s:
            return list(
                s.scalars(
                    select(StockItem.category)
                    .where(StockItem.active.is_(True))
                    .distinct()
                    .order_by(StockItem.category)
                )
            )

    def add_item(
        self,
        name: str,
        category: str,
        unit: str = "each",
        *,
        critical: bool = False,
        barcode: str | None = None,
        notes: str = "",
    ) -> ItemView:
        actor = self._shift.require(Permission.LOGISTICS, N_("add items to the inventory"))
        problems = {}
        if not name.strip() or len(name) > 120:
            problems["name"] = said(N_("Give the item a name (up to 120 characters)."))
        if not category.strip() or len(category) > 60:
            problems["category"] = said(N_("Give a category (up to 60 characters), e.g. Flood defence."))
        if not unit.strip() or len(unit) > 40:
            problems["unit"] = said(N_("Give a unit (up to 40 characters), e.g. bag, box of 20, litre."))
        if barcode is not None and (not barcode.strip() or len(barcode) > 64):
            problems["barcode"] = said(N_("A barcode has 1 to 64 characters."))
        if problems:
            raise ValidationError(problems)
        row = StockItem(
            name=name.strip(),
            category=category.strip(),
            unit=unit.strip(),
            critical=critical,
            barcode=barcode.strip() if barcode else None,
            notes=notes,
        )
        with self._unique(
            "name",
            said(
                N_("An item named '{name}' or with barcode '{barcode}' exists already.")
                if barcode
                else N_("An item named '{name}' exists already."),
                name=name.strip(),
                barcode=barcode,
            ),
        ):
            with self._db.write() as s:
                s.add(row)
                s.flush()
                audit.append(
                    s,
                    actor,
                    "stock.item_add",
                    "stock_item",
                    row.id,
                    said(
                        N_("Item added: {name} ({category}, {unit})"),
                        name=row.name,
                        category=row.category,
                        unit=row.unit,
                    ),
                    after={
                        "name": row.name,
                        "category": row.category,
                        "unit": row.unit,
                        "critical": critical,
                        "barcode": row.barcode,
                    },
                    exercise=self._shift.exercise,
                )
        self._bus.publish(Event(CATALOGUE, row.id, {"kind": "item"}))
        return item_view(row)

    def add_location(
        self,
        name: str,
        kind: LocationKind,
        *,
        lat: float | None = None,
        lon: float | None = None,
        team_id: int | None = None,
    ) -> LocationView:
        actor = self._shift.require(Permission.LOGISTICS, N_("add stock locations"))
        problems: dict[str, str] = {}
        if not name.strip() or len(name) > 120:
            problems["name"] = said(N_("Give the location a name (up to 120 characters)."))
        check_coordinates(lat, lon, problems)
        if problems:
            raise ValidationError(problems)
        row = StockLocation(
            name=name.strip(), kind=LocationKind(kind).value, lat=lat, lon=lon, team_id=team_id
        )
        with self._unique("name", said(N_("A location named '{name}' exists already."), name=name.strip())):
            with self._db.write() as s:
                if team_id is not None and s.get(Team, team_id) is None:
                    raise ValidationError({"team_id": said(N_("That team no longer exists."))})
                s.add(row)
                s.flush()
                audit.append(
                    s,
                    actor,
                    "stock.location_add",
                    "stock_location",
                    row.id,
                    said(N_("Stock location added: {name} ({kind})"), name=row.name, kind=row.kind),
                    after={"name": row.name, "kind": row.kind, "lat": lat, "lon": lon, "team_id": team_id},
                    exercise=self._shift.exercise,
                )
        self._bus.publish(Event(CATALOGUE, row.id, {"kind": "location"}))
        return location_view(row)

    def set_threshold(self, item_id: int, location_id: int, minimum: int, target: int) -> None:
        """Minimum (alert below) and target (restock to) of an item at a location; 0, 0 clears."""
        actor = self._shift.require(Permission.LOGISTICS, N_("set stock thresholds"))
        problems: dict[str, str] = {}
        for field, value in (("minimum", minimum), ("target", target)):
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= ledger.MAX_QUANTITY:
                problems[field] = said(
                    N_("Give a whole number from 0 to {most}."), most=f"{ledger.MAX_QUANTITY:,}"
                )
        if not problems and target and target < minimum:
            problems["target"] = said(N_("The target cannot be below the minimum."))
        if problems:
            raise ValidationError(problems)
        with self._db.write() as s:
            item, place = s.get(StockItem, item_id), s.get(StockLocation, location_id)
            if item is None or place is None:
                raise NotFound(said(N_("That item or location no longer exists.")))
            row = s.scalars(
                select(StockThreshold)
                .where(StockThreshold.item_id == item_id, StockThreshold.location_id == location_id)
                .with_for_update()
            ).first()
            before = {"minimum": row.minimum, "target": row.target} if row else None
            if row is None:
                row = StockThreshold(item_id=item_id, location_id=location_id)
                s.add(row)
            row.minimum, row.target = minimum, target
            s.flush()
            audit.append(
                s,
                actor,
                "stock.threshold",
                "stock_item",
                item_id,
                said(
                    N_("Thresholds for {item} at {place}: minimum {minimum}, target {target}"),
                    item=item.name,
                    place=place.name,
                    minimum=f"{minimum:,}",
                    target=f"{target:,}",
                ),
                before=before,
                after={"minimum": minimum, "target": target, "location_id": location_id},
                exercise=self._shift.exercise,
            )
        self._bus.publish(Event(CATALOGUE, item_id, {"kind": "threshold", "location_id": location_id}))

    # --- the ledger -----------------------------------------------------------------
    def record(self, draft: MovementDraft, *, at: datetime | None = None) -> list[MovementView]:
        """Write one movement (several ledger lines when an outflow spans lots)."""
        actor = self._shift.require(Permission.LOGISTICS, _DOING[MovementKind(draft.kind)])
        with self._db.write() as s:
            moves = ledger.record(s, actor, draft, exercise=self._shift.exercise, at=at)
            views = self._movement_views(s, [m.id for m in moves])
        self._publish_moves(draft.item_id, views)
        return views

    def receive(
        self,
        item_id: int,
        location_id: int,
        quantity: int,
        *,
        lot: str = "",
        expires_on: date | None = None,
        reason: str = "",
    ) -> list[MovementView]:
        return self.record(
            MovementDraft(
                MovementKind.RECEIVE,
                item_id,
                quantity,
                to_location_id=location_id,
                lot=lot,
                expires_on=expires_on,
                reason=reason,
            )
        )

    def issue(
        self,
        item_id: int,
        location_id: int,
        quantity: int,
        *,
        team_id: int | None = None,
        incident_id: int | None = None,
        lot: str = "",
        reason: str = "",
    ) -> list[MovementView]:
        return self.record(
            MovementDraft(
                MovementKind.ISSUE,
                item_id,
                quantity,
                from_location_id=location_id,
                team_id=team_id,
                incident_id=incident_id,
                lot=lot,
                reason=reason,
            )
        )

    def transfer(
        self,
        item_id: int,
        from_location_id: int,
        to_location_id: int,
        quantity: int,
        *,
        lot: str = "",
        reason: str = "",
    ) -> list[MovementView]:
        return self.record(
            MovementDraft(
                MovementKind.TRANSFER,
                item_id,
                quantity,
                from_location_id=from_location_id,
                to_location_id=to_location_id,
                lot=lot,
                reason=reason,
            )
        )

    def return_stock(
        self,
        item_id: int,
        location_id: int,
        quantity: int,
        *,
        team_id: int | None = None,
        incident_id: int | None = None,
        lot: str = "",
        reason: str = "",
    ) -> list[MovementView]:
        return self.record(
            MovementDraft(
                MovementKind.RETURN,
                item_id,
                quantity,
                to_location_id=location_id,
                team_id=team_id,
                incident_id=incident_id,
                lot=lot,
                reason=reason,
            )
        )

    def consume(
        self, item_id: int, location_id: int, quantity: int, *, lot: str = "", reason: str = ""
    ) -> list[MovementView]:
        return self.record(
            MovementDraft(
                MovementKind.CONSUME, item_id, quantity, from_location_id=location_id, lot=lot, reason=reason
            )
        )

    def adjust(
        self, item_id: int, location_id: int, delta: int, reason: str, *, lot: str = ""
    ) -> list[MovementView]:
        """Correct a level by a signed difference (a count, breakage); the reason is mandatory."""
        if isinstance(delta, int) and not isinstance(delta, bool) and delta == 0:
            raise ValidationError({"quantity": said(N_("An adjustment of zero changes nothing."))})
        if isinstance(delta, bool) or not isinstance(delta, int):
            raise ValidationError({"quantity": said(N_("The quantity must be a whole number, e.g. -3."))})
        return self.record(ledger.adjustment(item_id, location_id, delta, reason, lot))

    def movements(self, *, item_id: int | None = None, limit: int = 500) -> list[MovementView]:
        """The newest ledger lines (of this mode), for the movements list."""
        with self._db.read() as s:
            query = (
                select(StockMovement.id)
                .order_by(StockMovement.at.desc(), StockMovement.id.desc())
                .limit(limit)
            )
            if not self._shift.exercise:
                query = query.where(StockMovement.exercise.is_(False))
            if item_id is not None:
                query = query.where(StockMovement.item_id == item_id)
            return self._movement_views(s, list(s.scalars(query)))

    # --- the picture ----------------------------------------------------------------
    def level_table(self, *, now: datetime | None = None, rate_days: int | None = RATE_DAYS) -> LevelTable:
        """Every cell of the stock picture as columns (the panel's table: filter, sort and
        label it without a Python object per cell); recent use over ``rate_days`` days."""
        with self._db.read() as s:
            return queries.level_table(
                s, exercise=self._shift.exercise, now=now or utc_now(), rate_days=rate_days
            )

    def levels(
        self,
        *,
        location_id: int | None = None,
        category: str | None = None,
        critical_only: bool = False,
        now: datetime | None = None,
        rate_days: int | None = RATE_DAYS,
    ) -> list[StockLevel]:
        """The same picture as plain values, optionally filtered (exports, scripts, tests)."""
        with self._db.read() as s:
            return queries.levels(
                s,
                exercise=self._shift.exercise,
                now=now or utc_now(),
                rate_days=rate_days,
                location_id=location_id,
                category=category,
                critical_only=critical_only,
            )

    def alerts(self, *, days: int = EXPIRY_DAYS, now: datetime | None = None) -> list[StockAlert]:
        """Low-stock and expiring-within-``days`` alerts for the post's alert list.

        Reads only cells with a minimum and lots with an expiry date (never the whole
        table or the ledger), so it is cheap enough to call every few seconds."""
        now = now or utc_now()
        with self._db.read() as s:
            return queries.alerts(s, exercise=self._shift.exercise, today=now.astimezone().date(), days=days)

    def series(self, item_id: int, location_id: int | None = None) -> LevelSeries:
        """An item's level over time at one location (or all together), with its thresholds."""
        with self._db.read() as s:
            return queries.series(s, item_id, location_id, exercise=self._shift.exercise)

    # --- helpers ---------------------------------------------------------------------
    def _publish_moves(self, item_id: int, views: list[MovementView]) -> None:
        with self._db.read() as s:
            rows = s.execute(
                select(StockMovement.from_location_id, StockMovement.to_location_id).where(
                    StockMovement.id.in_([v.id for v in views])
                )
            ).all()
        locations = sorted({loc for pair in rows for loc in pair if loc is not None})
        self._bus.publish(
            Event(CHANGED, item_id, {"location_ids": locations, "movement_ids": [v.id for v in views]})
        )

    @staticmethod
    def _movement_views(s: Session, ids: list[int]) -> list[MovementView]:
        if not ids:
            return []
        items: dict[int, str] = {i: n for i, n in s.execute(select(StockItem.id, StockItem.name))}
        places: dict[int, str] = {i: n for i, n in s.execute(select(StockLocation.id, StockLocation.name))}
        teams: dict[int, str] = {i: n for i, n in s.execute(select(Team.id, Team.name))}
        rows = s.scalars(select(StockMovement).where(StockMovement.id.in_(ids))).all()
        by_id = {r.id: r for r in rows}
        out = []
        for mid in ids:
            r = by_id[mid]
            recipient = ", ".join(
                x
                for x in (
                    f"team {teams.get(r.team_id, '?')}" if r.team_id else "",
                    f"incident #{r.incident_id}" if r.incident_id else "",
                )
                if x
            )
            out.append(
                MovementView(
                    r.id,
                    r.at,
                    MovementKind(r.kind),
                    r.item_id,
                    items.get(r.item_id, "?"),
                    r.quantity,
                    places.get(r.from_location_id, "") if r.from_location_id else "",
                    places.get(r.to_location_id, "") if r.to_location_id else "",
                    r.lot,
                    r.expires_on,
                    r.reason,
                    recipient,
                    r.request_id,
                    r.operator_name,
                )
            )
        return out

    class _unique:  # noqa: N801 (used as a context manager, reads like a clause)
        """Turn a unique-constraint clash into a ValidationError at ``field``."""

        def __init__(self, field: str, words: str) -> None:
            self.field, self.words = field, words

        def __enter__(self) -> None:
            return None

        def __exit__(self, kind, exc, tb) -> None:  # type: ignore[no-untyped-def]
            if isinstance(exc, IntegrityError):
                raise ValidationError({self.field: self.words}) from exc
