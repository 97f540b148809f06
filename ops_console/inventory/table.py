"""The whole stock table as columns: one numpy array per field, one row per cell.

A big post has ~100,000 cells (item × location). Making a Python object per cell
costs more than the 100 ms the panel may take to show them; arrays of numbers are
read in a few milliseconds, and filtered and sorted ("what runs out first") in one
vectorised step each. Only the rows on screen become words: ``level(i)`` builds the
StockLevel of one row when the view asks for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cached_property
from typing import NamedTuple

import numpy as np

from .views import LevelState, LocationKind, StockLevel

STATES = tuple(LevelState)  # position = worst first = the "level" sort order
NO_EXPIRY = int(np.iinfo(np.int32).max)  # an expiry ordinal after every real date: sorts last
UNUSED = 1e9  # days of cover of a cell nobody drew on lately: sorts after every real figure


class ItemNames(NamedTuple):
    name: str
    category: str
    unit: str
    critical: bool


class PlaceNames(NamedTuple):
    name: str
    kind: LocationKind


def states(quantity: np.ndarray, minimum: np.ndarray, target: np.ndarray) -> np.ndarray:
    """``level_state`` for whole columns (same rules; later lines win, as its early returns do)."""
    out = np.full(len(quantity), STATES.index(LevelState.OK), np.int8)
    out[quantity < target] = STATES.index(LevelState.BELOW_TARGET)
    out[quantity < minimum] = STATES.index(LevelState.LOW)
    out[(minimum <= 0) & (target <= 0)] = STATES.index(LevelState.NO_THRESHOLD)
    out[quantity <= 0] = STATES.index(LevelState.OUT)
    return out


def _lookup(ids: list[int], values: list, fill, dtype) -> np.ndarray:  # type: ignore[no-untyped-def,type-arg]
    """An array indexed by id, so a per-cell value is one fancy-indexing step."""
    out = np.full(max(ids, default=0) + 1, fill, dtype)
    out[ids] = values
    return out


class LevelTable:
    """Every cell of the stock picture, as aligned columns, with the names to label them.

    Columns (numpy arrays of equal length): ``item_id``, ``location_id``, ``quantity``,
    ``minimum``, ``target``, ``state`` (index into STATES), ``expiry`` (date ordinal or
    NO_EXPIRY) and ``daily_use`` (units per day lately). Immutable by convention: a
    reload builds a new table.
    """

    def __init__(
        self,
        columns: Mapping[str, np.ndarray],
        items: Mapping[int, ItemNames],
        places: Mapping[int, PlaceNames],
    ) -> None:
        self.item_id, self.location_id = columns["item_id"], columns["location_id"]
        self.quantity, self.minimum, self.target = columns["quantity"], columns["minimum"], columns["target"]
        self.expiry, self.daily_use = columns["expiry"], columns["daily_use"]
        self.state = (
            columns["state"] if "state" in columns else states(self.quantity, self.minimum, self.target)
        )
        self.items, self.places = items, places

    @classmethod
    def empty(cls) -> LevelTable:
        ints = np.zeros(0, np.int64)
        return cls(
            {
                "item_id": ints,
                "location_id": ints,
                "quantity": ints,
                "minimum": ints,
                "target": ints,
                "expiry": np.zeros(0, np.int32),
                "daily_use": np.zeros(0),
            },
            {},
            {},
        )

    def __len__(self) -> int:
        return len(self.item_id)

    def columns(self) -> dict[str, np.ndarray]:
        return {
            "item_id": self.item_id,
            "location_id": self.location_id,
            "quantity": self.quantity,
            "minimum": self.minimum,
            "target": self.target,
            "state": self.state,
            "expiry": self.expiry,
            "daily_use": self.daily_use,
        }

    def take(self, rows: np.ndarray) -> LevelTable:
        """The table of only these rows (in this order)."""
        return LevelTable({k: v[rows] for k, v in self.columns().items()}, self.items, self.places)

    # --- one row as a value -----------------------------------------------------------
    def level(self, row: int) -> StockLevel:
        """The StockLevel of one row: what the view shows, built only when it is shown."""
        item, place = self.items[int(self.item_id[row])], self.places[int(self.location_id[row])]
        expiry = int(self.expiry[row])
        return StockLevel(
            int(self.item_id[row]),
            item.name,
            item.category,
            item.unit,
            item.critical,
            int(self.location_id[row]),
            place.name,
            place.kind,
            int(self.quantity[row]),
            int(self.minimum[row]),
            int(self.target[row]),
            STATES[self.state[row]],
            date.fromordinal(expiry) if expiry != NO_EXPIRY else None,
            float(self.daily_use[row]),
        )

    def levels(self) -> list[StockLevel]:
        """Every row as a StockLevel (for CSV export and callers that want plain values)."""
        items, places, new = self.items, self.places, StockLevel._make
        out = []
        for i, loc, qty, low, top, state, expiry, use in zip(*(c.tolist() for c in self.columns().values())):
            item, place = items[i], places[loc]
            out.append(
                new(
                    (
                        i,
                        item.name,
                        item.category,
                        item.unit,
                        item.critical,
                        loc,
                        place.name,
                        place.kind,
                        qty,
                        low,
                        top,
                        STATES[state],
                        date.fromordinal(expiry) if expiry != NO_EXPIRY else None,
                        use,
                    )
                )
            )
        return out

    def row_of(self, item_id: int, location_id: int) -> int | None:
        found = np.flatnonzero((self.item_id == item_id) & (self.location_id == location_id))
        return int(found[0]) if len(found) else None

    # --- filtering and sorting, whole columns at a time --------------------------------
    def select(
        self, category: str | None = None, location_id: int | None = None, critical_only: bool = False
    ) -> np.ndarray:
        """Row numbers that pass the panel's filters, in table order."""
        keep = np.ones(len(self), bool)
        if category is not None:
            keep &= self._category_of[self.item_id] == self._categories.get(category, -1)
        if location_id is not None:
            keep &= self.location_id == location_id
        if critical_only:
            keep &= self._critical[self.item_id]
        return np.flatnonzero(keep)

    def order(self, rows: np.ndarray, column: str, descending: bool = False) -> np.ndarray:
        """``rows`` sorted by a column's value as shown (stable, so ties keep their order)."""
        keys = self.sort_key(column)[rows]
        return rows[np.argsort(-keys if descending else keys, kind="stable")]

    def sort_key(self, column: str) -> np.ndarray:
        """A number per row that orders the column as its text reads (names alphabetically,
        levels worst first, cover soonest first with unused stock last, no expiry last)."""
        if column == "item":
            return self._item_rank[self.item_id]
        if column == "category":
            return self._category_of[self.item_id]
        if column == "location":
            return self._place_rank[self.location_id]
        if column == "level":
            return self.state.astype(np.int64)
        if column in ("quantity", "minimum", "target"):
            return getattr(self, column)
        if column == "cover":
            return self.days_of_cover()
        if column == "expiry":
            return self.expiry.astype(np.int64)
        raise KeyError(column)

    def days_of_cover(self) -> np.ndarray:
        """Days until each cell runs out at its recent rate; UNUSED where nothing was drawn."""
        used = self.daily_use > 0
        cover = np.full(len(self), UNUSED)
        cover[used] = np.maximum(self.quantity[used], 0) / self.daily_use[used]
        return cover

    @cached_property
    def _item_rank(self) -> np.ndarray:
        shown = {i: (f"{v.name}  ★" if v.critical else v.name).casefold() for i, v in self.items.items()}
        ranked = sorted(shown, key=shown.__getitem__)
        return _lookup(ranked, list(range(len(ranked))), -1, np.int64)

    @cached_property
    def _categories(self) -> dict[str, int]:
        names = sorted({v.category for v in self.items.values()}, key=str.casefold)
        return {name: n for n, name in enumerate(names)}

    @cached_property
    def _category_of(self) -> np.ndarray:
        ids = list(self.items)
        return _lookup(ids, [self._categories[self.items[i].category] for i in ids], -1, np.int64)

    @cached_property
    def _critical(self) -> np.ndarray:
        ids = list(self.items)
        return _lookup(ids, [self.items[i].critical for i in ids], False, bool)

    @cached_property
    def _place_rank(self) -> np.ndarray:
        ranked = sorted(self.places, key=lambda i: self.places[i].name.casefold())
        return _lookup(ranked, list(range(len(ranked))), -1, np.int64)
