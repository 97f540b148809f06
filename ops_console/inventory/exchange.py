"""Stock-count import (preview first, applied only when confirmed) and CSV export.

The preview resolves every row against the catalogue and shows the difference each
would make; nothing is written. Applying writes one adjustment per changed row, all in
one transaction, with differences computed again inside it: a movement recorded
between preview and confirmation is respected, never overwritten. A count is never a
level typed over the old one — the ledger gets the difference, with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import IO, TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ops_console.csv_import import CsvProblem, sentence
from ops_console.db.inventory_models import StockBalance, StockItem, StockLocation, StockMovement
from ops_console.domain import Permission
from ops_console.errors import ValidationError
from ops_console.said import N_, said, tr

from . import ledger
from .csv_io import parse_stock_csv, write_levels_csv, write_movements_csv

if TYPE_CHECKING:
    from ops_console.db.engine import Database
    from ops_console.events import EventBus
    from ops_console.shift import Shift

EXPORT_BATCH = 2000


@dataclass(frozen=True)
class CountLine:
    """A readable row, resolved: the level now and the difference the count would record."""

    line: int
    item_id: int
    item_name: str
    unit: str
    location_id: int
    location_name: str
    lot: str
    expires_on: date | None
    counted: int
    current: int

    @property
    def delta(self) -> int:
        return self.counted - self.current


@dataclass(frozen=True)
class ImportPreview:
    lines: tuple[CountLine, ...]
    problems: tuple[CsvProblem, ...]
    source: str = ""

    @property
    def file_problem(self) -> str:
        return next((p.message for p in self.problems if p.line == 0), "")

    @property
    def changes(self) -> int:
        return sum(1 for ln in self.lines if ln.delta)


def _current(s: Session, item_id: int, location_id: int, lot: str, exercise: bool) -> int:
    query = select(func.coalesce(func.sum(StockBalance.quantity), 0)).where(
        StockBalance.item_id == item_id, StockBalance.location_id == location_id
    )
    if lot:
        query = query.where(StockBalance.lot == lot)
    if not exercise:
        query = query.where(StockBalance.exercise.is_(False))
    return int(s.scalar(query) or 0)


class StockFiles:
    """The file part of InventoryService (mixed in; uses its database, bus and shift)."""

    _db: Database
    _bus: EventBus
    _shift: Shift

    def preview_import(self, data: bytes, source: str = "") -> ImportPreview:
        """Read a stock-count file and say what it would change; writes nothing."""
        parsed = parse_stock_csv(data)
        problems = list(parsed.problems)
        lines = []
        with self._db.read() as s:
            items: dict[str, StockItem] = {}
            for row in s.scalars(select(StockItem).where(StockItem.active.is_(True))):
                items[row.name.casefold()] = row
                if row.barcode:
                    items.setdefault(row.barcode.casefold(), row)
            places = {
                r.name.casefold(): r
                for r in s.scalars(select(StockLocation).where(StockLocation.active.is_(True)))
            }
            for row in parsed.rows:
                item, place = items.get(row.item.casefold()), places.get(row.location.casefold())
                why = []
                if item is None:
                    why.append(
                        said(
                            N_("unknown item {item} (not in the catalogue by name or barcode)"),
                            item=repr(row.item[:40]),
                        )
                    )
                if place is None:
                    why.append(said(N_("unknown location {place}"), place=repr(row.location[:40])))
                if why:
                    problems.append(CsvProblem(row.line, sentence(why)))
                    continue
                assert item is not None and place is not None  # both found: ``why`` is empty
                current = _current(s, item.id, place.id, row.lot, self._shift.exercise)
                lines.append(
                    CountLine(
                        row.line,
                        item.id,
                        item.name,
                        item.unit,
                        place.id,
                        place.name,  # type: ignore[union-attr]
                        row.lot,
                        row.expires_on,
                        row.quantity,
                        current,
                    )
                )
        problems.sort(key=lambda p: p.line)
        return ImportPreview(tuple(lines), tuple(problems), source)

    def apply_import(self, preview: ImportPreview, *, reason: str = "") -> int:
        """Record the counted differences (rows with problems are skipped); returns how
        many ledger lines were written. All or nothing. A ledger line's reason is a record
        (exported, never edited): it holds the importing console's words."""
        reason = reason or tr(N_("Stock count"))
        actor = self._shift.require(Permission.LOGISTICS, N_("import stock counts"))
        if preview.file_problem:  # the stored sentence: read in the language of whoever shows it
            raise ValidationError({"file": next(p.stored for p in preview.problems if p.line == 0)})
        if not preview.lines:
            raise ValidationError({"file": said(N_("The file has no rows that can be imported."))})
        written, touched = [], set()
        with self._db.write() as s:
            for line in preview.lines:
                delta = line.counted - _current(
                    s, line.item_id, line.location_id, line.lot, self._shift.exercise
                )
                if not delta:
                    continue
                why = (
                    tr(
                        N_("{reason} ({file} line {line})"),
                        reason=reason,
                        file=preview.source,
                        line=line.line,
                    )
                    if preview.source
                    else reason
                )
                draft = ledger.adjustment(line.item_id, line.location_id, delta, why, line.lot)
                if delta > 0 and line.expires_on:
                    draft = replace(draft, expires_on=line.expires_on)
                written += ledger.record(s, actor, draft, exercise=self._shift.exercise)
                touched.add(line.item_id)
            ids = [m.id for m in written]
        for item_id in sorted(touched):
            views = [v for v in self._movement_views_by_id(ids) if v.item_id == item_id]
            self._publish_moves(item_id, views)  # type: ignore[attr-defined]
        return len(written)

    def _movement_views_by_id(self, ids: list[int]):  # type: ignore[no-untyped-def]
        with self._db.read() as s:
            return self._movement_views(s, ids)  # type: ignore[attr-defined]

    def export_levels_csv(self, stream: IO[str]) -> int:
        """The current stock table (this mode) as CSV; returns the rows written."""
        levels = self.levels()  # type: ignore[attr-defined]
        levels.sort(key=lambda lv: (lv.item_name, lv.location_name))
        return write_levels_csv(levels, stream)

    def export_movements_csv(self, stream: IO[str], *, item_id: int | None = None) -> int:
        """The whole ledger (this mode), oldest first, streamed in batches."""
        total, last = 0, 0
        write_movements_csv([], stream)  # the header, also for an empty ledger
        while True:
            with self._db.read() as s:
                query = (
                    select(StockMovement.id)
                    .where(StockMovement.id > last)
                    .order_by(StockMovement.id)
                    .limit(EXPORT_BATCH)
                )
                if not self._shift.exercise:
                    query = query.where(StockMovement.exercise.is_(False))
                if item_id is not None:
                    query = query.where(StockMovement.item_id == item_id)
                ids = list(s.scalars(query))
                if not ids:
                    return total
                total += write_movements_csv(self._movement_views(s, ids), stream, header=False)  # type: ignore[attr-defined]
                last = ids[-1]
