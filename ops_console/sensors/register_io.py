"""The sensor register from a file (CSV or TOML) and the checks every entry must pass.

Pure functions that never raise on bad input: ``parse_register`` returns the entries it
could read and one problem per row it could not (or one for the whole file), in words a
person can act on, as the stock-count import does. ``check`` is the same rule set the
edit form uses, so a file cannot put in what the form would refuse.

CSV: a header line with (any order, case-insensitive) sensor_id, name, kind, unit,
location, lat, lon, node, interval_s, advisory, warning, emergency, hysteresis, rise,
rise_window_min, min, max, notes. TOML: ``[[sensor]]`` tables with the same keys.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, replace
from typing import Any

from ops_console.csv_import import (
    CsvProblem,
    Unreadable,
    decode_text,
    ignored_columns,
    match_header,
    read_records,
    sentence,
)
from ops_console.said import N_, said

from .kinds import DEFAULT_UNITS, PHYSICAL_RANGE, kind_of
from .views import SensorSpec

MAX_SENSORS = 2_000
ID_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{1,16}$")  # what the field payload carries (telemetry.py)
COLUMNS = {
    "sensor_id": ("sensor_id", "sensor id", "id", "sensor"),
    "name": ("name", "sensor name"),
    "kind": ("kind", "type"),
    "unit": ("unit", "units"),
    "location": ("location", "place", "where"),
    "lat": ("lat", "latitude"),
    "lon": ("lon", "lng", "longitude"),
    "node_call": ("node", "node_call", "node call", "radio node", "call"),
    "interval_s": ("interval_s", "interval s", "interval", "interval (s)"),
    "advisory": ("advisory",),
    "warning": ("warning",),
    "emergency": ("emergency",),
    "hysteresis": ("hysteresis",),
    "rise_amount": ("rise", "rise_amount", "rise amount"),
    "rise_window_min": ("rise_window_min", "rise window min", "rise window", "rise_window"),
    "min_valid": ("min", "min_valid", "minimum"),
    "max_valid": ("max", "max_valid", "maximum"),
    "notes": ("notes", "note"),
}
REQUIRED = ("sensor_id", "name", "kind")
NUMBERS = (
    "lat",
    "lon",
    "advisory",
    "warning",
    "emergency",
    "hysteresis",
    "rise_amount",
    "min_valid",
    "max_valid",
)

# a field as a problem names it ("the advisory 'high' is not a number"), in the reader's language
FIELD_WORDS = {
    "advisory": N_("advisory"),
    "warning": N_("warning"),
    "emergency": N_("emergency"),
    "hysteresis": N_("hysteresis"),
    "rise": N_("rise"),
    "rise_amount": N_("rise amount"),
    "min": N_("min"),
    "max": N_("max"),
    "min_valid": N_("min valid"),
    "max_valid": N_("max valid"),
    "lat": N_("lat"),
    "lon": N_("lon"),
    "interval_s": N_("interval s"),
    "rise_window_min": N_("rise window min"),
}


def _field(key: str) -> str:
    return said(FIELD_WORDS[key]) if key in FIELD_WORDS else key.replace("_", " ")


@dataclass(frozen=True)
class ParsedRegister:
    specs: tuple[SensorSpec, ...]
    problems: tuple[CsvProblem, ...]

    @property
    def file_problem(self) -> str:
        return next((p.message for p in self.problems if p.line == 0), "")


def check(spec: SensorSpec) -> list[str]:
    """Why ``spec`` cannot go into the register (empty when it can): stored sentences that
    start small (ops_console/said.py), joined with ``csv_import.sentence``."""
    why = []
    if not ID_PATTERN.match(spec.sensor_id):
        why.append(
            said(
                N_("the sensor id {id} must be 1-16 of A-Z a-z 0-9 _ . - (as the node sends it)"),
                id=repr(spec.sensor_id[:20]),
            )
        )
    if not spec.name.strip():
        why.append(said(N_("the name is empty")))
    if len(spec.name) > 120 or len(spec.location) > 200 or len(spec.unit) > 16 or len(spec.node_call) > 40:
        why.append(said(N_("a field is too long")))
    for label, value in (
        ("advisory", spec.advisory),
        ("warning", spec.warning),
        ("emergency", spec.emergency),
        ("hysteresis", spec.hysteresis),
        ("rise", spec.rise_amount),
        ("min", spec.min_valid),
        ("max", spec.max_valid),
        ("lat", spec.lat),
        ("lon", spec.lon),
    ):
        if value is not None and not math.isfinite(value):
            why.append(said(N_("the {field} is not a number"), field=_field(label)))
    lines = [(n, v) for n, v in zip(("advisory", "warning", "emergency"), spec.lines.values) if v is not None]
    for (lower, a), (upper, b) in zip(lines, lines[1:]):
        if not a < b:
            why.append(
                said(
                    N_("the {upper} line ({high}) must be above the {lower} line ({low})"),
                    upper=_field(upper),
                    high=f"{b:g}",
                    lower=_field(lower),
                    low=f"{a:g}",
                )
            )
    if spec.hysteresis < 0:
        why.append(said(N_("the hysteresis cannot be negative")))
    gaps = [b - a for (_, a), (_, b) in zip(lines, lines[1:])]
    if gaps and spec.hysteresis >= min(gaps):
        why.append(
            said(
                N_("the hysteresis ({hysteresis}) must be smaller than the gap between two lines"),
                hysteresis=f"{spec.hysteresis:g}",
            )
        )
    if spec.interval_s <= 0 or spec.interval_s > 7 * 86400:
        why.append(said(N_("the reporting interval must be between 1 s and 7 days")))
    if (spec.rise_amount is None) != (not spec.rise_window_s):
        why.append(said(N_("a rate-of-rise rule needs both an amount and a window")))
    elif spec.rise_amount is not None and (spec.rise_amount <= 0 or (spec.rise_window_s or 0) <= 0):
        why.append(said(N_("a rate-of-rise rule needs an amount and a window above zero")))
    if spec.min_valid is not None and spec.max_valid is not None and not spec.min_valid < spec.max_valid:
        why.append(said(N_("the physical minimum must be below the maximum")))
    if (
        spec.lat is not None
        and not -90 <= spec.lat <= 90
        or spec.lon is not None
        and not -180 <= spec.lon <= 180
    ):
        why.append(said(N_("the position is not on Earth (lat −90…90, lon −180…180)")))
    if (spec.lat is None) != (spec.lon is None):
        why.append(said(N_("give both lat and lon, or neither")))
    return why


def with_defaults(spec: SensorSpec) -> SensorSpec:
    """The kind's unit and physical range where the entry gives none."""
    low, high = PHYSICAL_RANGE[spec.kind]
    return replace(
        spec,
        unit=spec.unit or DEFAULT_UNITS[spec.kind],
        min_valid=spec.min_valid if spec.min_valid is not None else low,
        max_valid=spec.max_valid if spec.max_valid is not None else high,
    )


def parse_register(data: bytes, filename: str = "") -> ParsedRegister:
    """Entries and problems from the bytes of a CSV or TOML register; never raises."""
    try:
        if filename.lower().endswith(".toml") or (
            not filename.lower().endswith(".csv") and _looks_toml(data)
        ):
            return _parse_toml(data)
        return _parse_csv(data)
    except Exception as exc:  # a parser for files from anywhere: report, never crash
        return ParsedRegister(
            (), (CsvProblem(0, said(N_("The file cannot be read ({why})."), why=type(exc).__name__)),)
        )


def _looks_toml(data: bytes) -> bool:
    return b"[[sensor]]" in data[:4096]


def _entry(values: dict[str, Any]) -> tuple[SensorSpec | None, list[str]]:
    """One entry from cell texts (CSV) or TOML values."""
    why: list[str] = []

    def text(key: str) -> str:
        value = values.get(key)
        return "" if value is None else str(value).strip()

    def number(key: str) -> float | None:
        value = values.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool):
            why.append(said(N_("the {field} {value} is not a number"), field=_field(key), value=repr(value)))
            return None
        try:
            result = float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)
        except (TypeError, ValueError):
            why.append(
                said(
                    N_("the {field} {value} is not a number"), field=_field(key), value=repr(str(value)[:20])
                )
            )
            return None
        if not math.isfinite(result):
            why.append(said(N_("the {field} is not a finite number"), field=_field(key)))
            return None
        return result

    kind = kind_of(text("kind"))
    if kind is None:
        why.append(
            said(
                N_(
                    "the kind {kind} is not one of water level, rain gauge, wind, smoke/air, soil moisture, custom"
                ),
                kind=repr(text("kind")[:30]),
            )
        )
    numbers = {key: number(key) for key in NUMBERS}
    interval = number("interval_s")
    window = number("rise_window_min")
    enabled_text = text("enabled").casefold()
    if why:
        return None, why
    spec = SensorSpec(
        sensor_id=text("sensor_id"),
        name=text("name"),
        kind=kind,  # type: ignore[arg-type]
        unit=text("unit"),
        location=text("location"),
        lat=numbers["lat"],
        lon=numbers["lon"],
        node_call=text("node_call"),
        interval_s=int(interval)
        if interval is not None and abs(interval) < 1e9
        else 600
        if interval is None
        else -1,
        advisory=numbers["advisory"],
        warning=numbers["warning"],
        emergency=numbers["emergency"],
        hysteresis=numbers["hysteresis"] or 0.0,
        rise_amount=numbers["rise_amount"],
        rise_window_s=int(window * 60) if window is not None and abs(window) < 1e7 else None,
        min_valid=numbers["min_valid"],
        max_valid=numbers["max_valid"],
        enabled=enabled_text not in ("no", "false", "0", "off"),
        notes=text("notes")[:2000],
    )
    spec = with_defaults(spec)
    return (None, check(spec)) if check(spec) else (spec, [])


def _collect(
    entries: list[tuple[int, dict[str, Any]]], unknown: list[str], header_line: int
) -> ParsedRegister:
    if len(entries) > MAX_SENSORS:
        return ParsedRegister(
            (),
            (
                CsvProblem(
                    0,
                    said(
                        N_("The file has {n} sensors; import at most {most} at a time."),
                        n=f"{len(entries):,}",
                        most=f"{MAX_SENSORS:,}",
                    ),
                ),
            ),
        )
    specs: list[SensorSpec] = []
    problems: list[CsvProblem] = []
    seen: dict[str, int] = {}
    for line, values in entries:
        spec, why = _entry(values)
        if spec is not None and spec.sensor_id.casefold() in seen:
            why = [said(N_("the same sensor id as line {line}"), line=seen[spec.sensor_id.casefold()])]
        if spec is None or why:
            problems.append(CsvProblem(line, sentence(why)))
            continue
        seen[spec.sensor_id.casefold()] = line
        specs.append(spec)
    if unknown:
        problems.insert(0, CsvProblem(header_line, ignored_columns(unknown)))
    return ParsedRegister(tuple(specs), tuple(problems))


def _parse_csv(data: bytes) -> ParsedRegister:
    try:
        file = read_records(data, gbk=False)
    except Unreadable as exc:
        return ParsedRegister((), (CsvProblem(0, exc.stored),))
    header_line, header = file.header
    columns, unknown = match_header(header, {**COLUMNS, "enabled": ("enabled",)})
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        return ParsedRegister(
            (),
            (
                CsvProblem(
                    0,
                    said(
                        N_(
                            "Columns missing: {missing}. Expected a header like: "
                            "sensor_id,name,kind,unit,location,lat,lon,node,interval_s,advisory,warning,emergency,"
                            "hysteresis,rise,rise_window_min."
                        ),
                        missing=", ".join(missing),
                    ),
                ),
            ),
        )
    entries = [
        (line, {key: cells[index] if index < len(cells) else "" for key, index in columns.items()})
        for line, cells in file.body
    ]
    return _collect(entries, unknown, header_line)


def _parse_toml(data: bytes) -> ParsedRegister:
    try:
        text, _ = decode_text(bytes(data), gbk=False)
    except Unreadable as exc:
        return ParsedRegister((), (CsvProblem(0, exc.stored),))
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return ParsedRegister((), (CsvProblem(0, _not_toml(exc)),))
    tables = doc.get("sensor")
    if not isinstance(tables, list) or not tables:
        return ParsedRegister((), (CsvProblem(0, said(N_("The file has no [[sensor]] tables."))),))
    aliases = {word: key for key, words in COLUMNS.items() for word in (*words, key)}
    entries: list[tuple[int, dict[str, Any]]] = []
    unknown: set[str] = set()
    for number, table in enumerate(tables, start=1):
        if not isinstance(table, dict):
            entries.append((number, {}))
            continue
        values: dict[str, Any] = {}
        for key, value in table.items():
            name = "enabled" if key == "enabled" else aliases.get(str(key).casefold())
            if name is None:
                unknown.add(str(key))
            elif isinstance(value, (dict, list)):
                values[name] = str(value)
            else:
                values[name] = value
        entries.append((number, values))
    return _collect(entries, sorted(unknown), 1)


_TOML_WHERE = re.compile(r"^(.*) \(at line (\d+), column (\d+)\)$")


def _not_toml(exc: tomllib.TOMLDecodeError) -> str:
    """Where the TOML breaks (line, column) in the reader's words; tomllib's own detail as it comes."""
    found = _TOML_WHERE.match(str(exc))
    if found is None:
        return said(N_("The file is not valid TOML: {why}."), why=str(exc))
    return said(
        N_("The file is not valid TOML: line {line}, column {column} ({why})."),
        line=found[2],
        column=found[3],
        why=found[1],
    )
