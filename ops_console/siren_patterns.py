"""Siren signal patterns: loading, checking and laying out the JSON files that define them.

A pattern's ``id`` is what the console writes to a controller's register 1; its ``total_s``
goes to register 2. The built-in sets live in resources/siren_patterns/*.json; a post can add
its own files in a folder of its choosing. A malformed file is rejected as a whole with an
error that names the file and the field (``china.json: patterns[1].segments[0].on_s: ...``)
and the rest still load, so one typo never takes the sirens away. Qt-free and DB-free.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ops_console.known_error import OpsError
from ops_console.said import N_, said

log = logging.getLogger(__name__)

FORMAT = 1
MAX_TOTAL_S = 3600  # the controller's duration register allows 1..3600 s
TONES = frozenset({"steady", "wavering", "rise_fall", "hi", "lo", "growl", "rotate"})
FLAGS = frozenset({"silent", "test"})
_KEY = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_COUNTRY = re.compile(r"^([A-Z]{2}|\*)$")
_PATTERN_FIELDS = {"id", "key", "name", "countries", "segments", "repeat", "total_s", "flags", "notes"}
_SEGMENT_FIELDS = {"tone", "on_s", "off_s"}

Timeline = list[tuple[float, float, str]]


class PatternError(OpsError, ValueError):
    """A pattern file that cannot be used, naming the file and the field; ``problem`` is a
    stored sentence (ops_console/said.py), so ``str()`` reads in the reader's language and
    ``english`` in the log's."""

    def __init__(self, source: str, field_path: str, problem: str) -> None:
        if field_path:
            super().__init__(
                said(N_("{file}: {field}: {problem}"), file=source, field=field_path, problem=problem)
            )
        else:
            super().__init__(said(N_("{file}: {problem}"), file=source, problem=problem))
        self.source, self.field, self.problem = source, field_path, problem


@dataclass(frozen=True)
class Segment:
    """A stretch of one tone, then a silence."""

    tone: str
    on_s: float
    off_s: float = 0.0


@dataclass(frozen=True)
class SirenPattern:
    """One signal: what it is called, where it is used, and how it sounds over time."""

    id: int
    key: str
    name: str
    countries: frozenset[str]
    segments: tuple[Segment, ...]
    repeat: int
    total_s: int
    silent: bool
    test: bool
    source: str
    notes: str = ""

    def applies_to(self, country: str) -> bool:
        """True for the country's own patterns and the common ones ("*")."""
        return "*" in self.countries or country.upper() in self.countries

    def timeline(self) -> Timeline:
        """(start_s, end_s, tone) for every sounding stretch, in order; silences are the gaps."""
        spans: Timeline = []
        t = 0.0
        for _ in range(self.repeat):
            for seg in self.segments:
                spans.append((t, t + seg.on_s, seg.tone))
                t += seg.on_s + seg.off_s
        return spans


def _cycle_s(segments: Iterable[Segment]) -> float:
    return sum(s.on_s + s.off_s for s in segments)


# -- checking one file's data ---------------------------------------------------------------


class _Checker:
    """Walks parsed JSON, raising ``PatternError`` at the first field that is wrong."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, path: str, problem: str) -> PatternError:
        return PatternError(self.source, path, problem)

    def obj(self, value: object, path: str, allowed: set[str], required: set[str]) -> dict:
        if not isinstance(value, dict):
            raise self.fail(path, said(N_("must be an object, got {got}"), got=type(value).__name__))
        for name in sorted(set(value) - allowed):
            raise self.fail(f"{path}.{name}" if path else name, said(N_("is not a known field (a typo?)")))
        for name in sorted(required - set(value)):
            raise self.fail(f"{path}.{name}" if path else name, said(N_("is missing")))
        return value

    def integer(self, value: object, path: str, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(path, said(N_("must be a whole number, got {got}"), got=repr(value)))
        if not low <= value <= high:
            raise self.fail(path, said(N_("must be {low}..{high}, got {got}"), low=low, high=high, got=value))
        return value

    def number(self, value: object, path: str, *, positive: bool) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            raise self.fail(path, said(N_("must be a number of seconds, got {got}"), got=repr(value)))
        if value < 0 or (positive and value == 0):
            words = N_("must be above 0, got {got}") if positive else N_("must be at least 0, got {got}")
            raise self.fail(path, said(words, got=value))
        return float(value)

    def text(self, value: object, path: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, said(N_("must be a non-empty text, got {got}"), got=repr(value)))
        return value

    def strings(self, value: object, path: str) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(path, said(N_("must be a list of texts, got {got}"), got=repr(value)))
        return value


def parse_patterns(data: object, source: str) -> list[SirenPattern]:
    """Check parsed JSON from one file and build its patterns (pure; ``source`` names the file)."""
    check = _Checker(source)
    top = check.obj(data, "", {"format", "patterns"}, {"format", "patterns"})
    if top["format"] != FORMAT:
        raise check.fail(
            "format", said(N_("must be {format}, got {got}"), format=FORMAT, got=repr(top["format"]))
        )
    items = top["patterns"]
    if not isinstance(items, list) or not items:
        raise check.fail("patterns", said(N_("must be a non-empty list")))
    patterns = [_pattern(check, item, f"patterns[{i}]") for i, item in enumerate(items)]
    _check_unique(check, patterns, {})
    return patterns


def _pattern(check: _Checker, item: object, path: str) -> SirenPattern:
    raw = check.obj(item, path, _PATTERN_FIELDS, _PATTERN_FIELDS - {"flags", "notes", "repeat"})
    key = check.text(raw["key"], f"{path}.key")
    if not _KEY.match(key):
        raise check.fail(
            f"{path}.key",
            said(N_("must be lower-case letters, digits, '.', '_' or '-', got {got}"), got=repr(key)),
        )
    countries = check.strings(raw["countries"], f"{path}.countries")
    if not countries or any(not _COUNTRY.match(c) for c in countries):
        raise check.fail(
            f"{path}.countries",
            said(N_("must list ISO codes like 'DE' or '*', got {got}"), got=repr(countries)),
        )
    segments = _segments(check, raw["segments"], f"{path}.segments")
    repeat = check.integer(raw.get("repeat", 1), f"{path}.repeat", 1, 10_000)
    flags = check.strings(raw.get("flags", []), f"{path}.flags")
    if unknown := sorted(set(flags) - FLAGS):
        raise check.fail(
            f"{path}.flags",
            said(N_("unknown flag(s) {flags}; known: {known}"), flags=str(unknown), known=str(sorted(FLAGS))),
        )
    total = _total(check, raw["total_s"], f"{path}.total_s", _cycle_s(segments) * repeat)
    silent = "silent" in flags
    if silent != all(s.tone == "rotate" for s in segments):
        raise check.fail(
            f"{path}.flags", said(N_("a pattern is 'silent' exactly when all its tones are 'rotate'"))
        )
    return SirenPattern(
        id=check.integer(raw["id"], f"{path}.id", 1, 0xFFFF),
        key=key,
        name=check.text(raw["name"], f"{path}.name"),
        countries=frozenset(countries),
        segments=segments,
        repeat=repeat,
        total_s=total,
        silent=silent,
        test="test" in flags,
        source=check.source,
        notes=str(raw.get("notes", "")),
    )


def _segments(check: _Checker, value: object, path: str) -> tuple[Segment, ...]:
    if not isinstance(value, list) or not value:
        raise check.fail(path, said(N_("must be a non-empty list of {fields}"), fields="{tone, on_s, off_s}"))
    out = []
    for i, item in enumerate(value):
        at = f"{path}[{i}]"
        raw = check.obj(item, at, _SEGMENT_FIELDS, {"tone", "on_s"})
        tone = raw["tone"]
        if tone not in TONES:
            raise check.fail(
                f"{at}.tone",
                said(N_("unknown tone {tone}; known: {known}"), tone=repr(tone), known=str(sorted(TONES))),
            )
        out.append(
            Segment(
                tone,
                check.number(raw["on_s"], f"{at}.on_s", positive=True),
                check.number(raw.get("off_s", 0), f"{at}.off_s", positive=False),
            )
        )
    return tuple(out)


def _total(check: _Checker, value: object, path: str, computed: float) -> int:
    total = check.integer(value, path, 1, MAX_TOTAL_S)
    if abs(total - computed) > 1e-6:
        raise check.fail(
            path,
            said(
                N_("is {total} s but the segments × repeat add up to {computed} s"),
                total=total,
                computed=f"{computed:g}",
            ),
        )
    return total


def _check_unique(check: _Checker, patterns: Iterable[SirenPattern], known: dict[str, SirenPattern]) -> None:
    """Ids and keys are unique within a file and across the library (``known``: 'id:1'/'key:x')."""
    seen = dict(known)
    for i, p in enumerate(patterns):
        for name, tag in (("id", f"id:{p.id}"), ("key", f"key:{p.key}")):
            if tag in seen:
                other = seen[tag]
                raise check.fail(
                    f"patterns[{i}].{name}",
                    said(
                        N_("{value} is already used by {other} in {file}"),
                        value=repr(getattr(p, name)),
                        other=repr(other.key),
                        file=other.source,
                    ),
                )
            seen[tag] = p


# -- files and folders ------------------------------------------------------------------------


def load_pattern_file(path: Path) -> list[SirenPattern]:
    """Read and check one file; ``PatternError`` names the file and what is wrong."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PatternError(Path(path).name, "", said(N_("cannot be read: {why}"), why=str(exc))) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PatternError(
            Path(path).name,
            said(N_("line {line} column {column}"), line=exc.lineno, column=exc.colno),
            said(N_("is not valid JSON: {why}"), why=exc.msg),
        ) from None
    return parse_patterns(data, Path(path).name)


@dataclass
class PatternLibrary:
    """Every usable pattern by id, and the problems with the files that were left out."""

    patterns: dict[int, SirenPattern] = field(default_factory=dict)
    problems: list[PatternError] = field(default_factory=list)

    def get(self, pattern_id: int) -> SirenPattern | None:
        return self.patterns.get(pattern_id)

    def by_key(self, key: str) -> SirenPattern | None:
        return next((p for p in self.patterns.values() if p.key == key), None)

    def for_country(self, country: str) -> list[SirenPattern]:
        """The patterns an operator in ``country`` may choose from, by id."""
        return sorted((p for p in self.patterns.values() if p.applies_to(country)), key=lambda p: p.id)

    def add_file(self, path: Path) -> None:
        """Load one file into the library, or record why it was left out."""
        try:
            patterns = load_pattern_file(path)
            known = {f"{k}:{getattr(p, k)}": p for p in self.patterns.values() for k in ("id", "key")}
            _check_unique(_Checker(Path(path).name), patterns, known)
        except PatternError as problem:
            log.error("siren patterns: %s", problem.english)
            self.problems.append(problem)
            return
        self.patterns.update((p.id, p) for p in patterns)


def builtin_dir() -> Path:
    """The folder of the built-in pattern files."""
    return Path(str(resources.files("ops_console.resources.siren_patterns")))


def load_library(extra_dirs: Iterable[Path] = (), *, builtin: bool = True) -> PatternLibrary:
    """Built-in patterns, then every *.json in each extra folder (sorted by name)."""
    library = PatternLibrary()
    folders = ([builtin_dir()] if builtin else []) + [Path(d) for d in extra_dirs]
    for folder in folders:
        if not folder.is_dir():
            library.problems.append(PatternError(str(folder), "", said(N_("is not a folder"))))
            continue
        for path in sorted(folder.glob("*.json")):
            library.add_file(path)
    return library
