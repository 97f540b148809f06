"""Roster CSV in and out, as pure functions (the inventory import's shape).

``parse_roster_csv`` takes the raw bytes of a file and never raises: the rows it could
read, and one problem per row it could not (or one for the whole file), in words the
person at the post can act on. Roster files come from phones and office PCs in China as
often as anywhere, so besides UTF-8 (with or without BOM) and UTF-16 with a BOM it reads
GBK (as GB18030, its superset) when the bytes are not UTF-8, and says so in the preview:
a Chinese name must arrive as it was written, never as mojibake.

Skills are words of ops_console/people/skills.py; a certificate's expiry is written next
to its skill (``first aid 2027-05-01`` or ``boat:2026-12-31``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import IO

from ops_console import csv_cells
from ops_console.csv_import import (
    CsvProblem,
    Unreadable,
    file_columns,
    ignored_columns,
    match_header,
    read_records,
    sentence,
)
from ops_console.said import N_, said

from .skills import canonical_skill, normalise_phone, split_words

MAX_ROWS = 20_000
COLUMNS = {  # canonical name: accepted header words (case-folded); Chinese headers too
    "name": ("name", "full name", "volunteer", "姓名", "名字"),
    "phone": ("phone", "mobile", "telephone", "tel", "电话", "手机"),
    "badge": ("badge", "badge id", "card", "barcode", "胸牌", "工牌"),
    "team": ("team", "group", "队伍", "小组"),
    "skills": ("skills", "skill", "certificates", "技能"),
    "languages": ("languages", "language", "语言"),
    "availability": ("availability", "available", "可用时间"),
    "emergency_contact": ("emergency contact", "emergency", "紧急联系人"),
}
REQUIRED = ("name",)
_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


@dataclass(frozen=True)
class RosterRow:
    """One readable line of a roster file: ``line`` is the 1-based line in the file."""

    line: int
    name: str
    phone: str = ""
    badge: str = ""
    team: str = ""
    skills: tuple[tuple[str, date | None], ...] = ()
    languages: str = ""
    availability: str = ""
    emergency_contact: str = ""


@dataclass(frozen=True)
class ParsedRoster:
    rows: tuple[RosterRow, ...]
    problems: tuple[CsvProblem, ...]
    encoding: str = "utf-8"

    @property
    def file_problem(self) -> str:
        return next((p.message for p in self.problems if p.line == 0), "")


def parse_skill_cell(text: str) -> tuple[list[tuple[str, date | None]], list[str]]:
    """Skills with optional certificate expiry from a cell; (skills, problems), each problem
    a stored sentence that starts small (ops_console/said.py)."""
    skills: list[tuple[str, date | None]] = []
    problems: list[str] = []
    for word in split_words(text):
        expires: date | None = None
        found = _DATE.search(word)
        if found:
            try:
                expires = date(int(found[1]), int(found[2]), int(found[3]))
            except ValueError:
                problems.append(said(N_("the certificate date {text} is not a date"), text=repr(found[0])))
                continue
            word = (word[: found.start()] + word[found.end() :]).replace("(", " ").replace(")", " ")
            word = word.replace(":", " ").replace("exp", " ").strip()
        name = canonical_skill(word)
        if name is None:
            problems.append(said(N_("unknown skill {skill}"), skill=repr(word[:30])))
        elif name not in {s for s, _ in skills}:
            skills.append((name, expires))
    return skills, problems


def parse_roster_csv(data: bytes) -> ParsedRoster:
    """Rows and problems from the bytes of a roster file; never raises."""
    try:
        return _parse(bytes(data))
    except Exception as exc:  # a parser for files from anywhere: report, never crash
        return ParsedRoster(
            (),
            (CsvProblem(0, said(N_("The file cannot be read as CSV ({why})."), why=type(exc).__name__)),),
        )


def _parse(data: bytes) -> ParsedRoster:
    try:
        file = read_records(data)  # Chinese names: GBK from a Chinese Excel is read too
    except Unreadable as exc:
        return ParsedRoster((), (CsvProblem(0, exc.stored),))
    encoding = file.encoding
    header_line, header = file.header
    columns, unknown = match_header(header, COLUMNS)
    if "name" not in columns:
        problem = said(
            N_(
                "Column missing: name. The first line has {found}. Expected a header like: "
                "name,phone,badge,team,skills,languages,availability,emergency_contact."
            ),
            found=file_columns(header),
        )
        return ParsedRoster((), (CsvProblem(0, problem),), encoding)
    body = file.body
    if len(body) > MAX_ROWS:
        return ParsedRoster(
            (),
            (
                CsvProblem(
                    0,
                    said(
                        N_("The file has {rows} rows; import at most {most}."),
                        rows=f"{len(body):,}",
                        most=f"{MAX_ROWS:,}",
                    ),
                ),
            ),
            encoding,
        )
    rows: list[RosterRow] = []
    problems: list[CsvProblem] = []
    seen_person: dict[tuple[str, str], int] = {}
    seen_badge: dict[str, int] = {}
    for line, cells in body:
        value = {key: cells[index].strip() if index < len(cells) else "" for key, index in columns.items()}
        why: list[str] = []
        name = " ".join(value["name"].split())
        if not name:
            why.append(said(N_("the name is empty")))
        elif len(name) > 120:
            why.append(said(N_("the name is longer than 120 characters")))
        phone, phone_problem = normalise_phone(value.get("phone", ""))
        if phone_problem:
            why.append(phone_problem)
        skills, skill_problems = parse_skill_cell(value.get("skills", ""))
        why += skill_problems
        badge = value.get("badge", "")
        if len(badge) > 64 or any(
            len(value.get(k, "")) > 200 for k in ("languages", "availability", "emergency_contact", "team")
        ):
            why.append(said(N_("a field is too long")))
        person = (name.casefold(), phone or "")
        if not why and person in seen_person:
            why.append(said(N_("the same person (name and phone) as line {line}"), line=seen_person[person]))
        if not why and badge and badge in seen_badge:
            why.append(
                said(N_("the same badge {badge} as line {line}"), badge=repr(badge), line=seen_badge[badge])
            )
        if why:
            problems.append(CsvProblem(line, sentence(why)))
            continue
        seen_person[person] = line
        if badge:
            seen_badge[badge] = line
        rows.append(
            RosterRow(
                line,
                name,
                phone or "",
                badge,
                value.get("team", ""),
                tuple(skills),
                ", ".join(split_words(value.get("languages", ""))),
                value.get("availability", ""),
                value.get("emergency_contact", ""),
            )
        )
    if unknown:
        problems.insert(0, CsvProblem(header_line, ignored_columns(unknown)))
    return ParsedRoster(tuple(rows), tuple(problems), encoding)


def skills_cell(skills: Iterable[tuple[str, date | None]]) -> str:
    """Skills as the import reads them back: ``first aid 2027-05-01; boat``."""
    return "; ".join(f"{name} {expires.isoformat()}" if expires else name for name, expires in skills)


EXPORT_HEADER = ("name", "phone", "badge", "team", "skills", "languages", "availability", "emergency_contact")


def write_roster_csv(rows: Iterable[RosterRow], stream: IO[str]) -> int:
    """The roster as CSV (cells escaped against formulas); the import reads it back."""
    out = csv_cells.writer(stream)
    out.writerow(EXPORT_HEADER)
    n = 0
    for r in rows:
        out.writerow(
            [
                r.name,
                r.phone,
                r.badge,
                r.team,
                skills_cell(r.skills),
                r.languages,
                r.availability,
                r.emergency_contact,
            ]
        )
        n += 1
    return n
