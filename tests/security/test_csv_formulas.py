"""No CSV the console writes carries a cell a spreadsheet would run, and imports undo the escape."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ops_console import csv_cells
from ops_console.db.models import Team
from ops_console.people.views import VolunteerDraft
from ops_console.services import export
from ops_console.services.incidents import IncidentDraft
from ops_console.services.tasks import TaskDraft

HOSTILE = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "'=already quoted"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _dangerous(cells: list[str]) -> list[str]:
    """Cells a spreadsheet would evaluate: a trigger first, and not a plain negative number."""
    return [c for c in cells if c.startswith(TRIGGERS) and not csv_cells._PLAIN_NEGATIVE.match(c)]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize(
    "cell, written",
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-A1", "'-A1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'quoted", "''quoted"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
        ("-3", "-3"),
        ("-122.4194", "-122.4194"),
        ("-1e-05", "-1e-05"),
        (-7, -7),
        (-2.5, -2.5),
        (12, 12),
        (None, None),
    ],
)
def test_the_owasp_rule_cell_by_cell(cell, written):
    assert csv_cells.escape_cell(cell) == written
    if isinstance(cell, str):
        assert csv_cells.unescape_cell(written) == cell


def test_a_quote_a_person_typed_survives_the_import():
    assert csv_cells.unescape_cell("'abc") == "'abc"  # not an escape: kept as typed


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.text(), min_size=1, max_size=6), min_size=1, max_size=8))
def test_every_text_survives_a_round_trip_through_a_file(rows):
    stream = io.StringIO(newline="")
    out = csv_cells.writer(stream)
    for row in rows:
        out.writerow(row)
    read = [csv_cells.unescape_row(r) for r in csv.reader(io.StringIO(stream.getvalue(), newline=""))]
    assert read == rows
    assert not _dangerous([c for r in _cells(stream.getvalue()) for c in r])


def _hostile_records(post) -> None:
    with post.db.write() as s:
        for text in HOSTILE:
            s.add(Team(name=text, callsign=text[:20], specialty=text))
    for text in HOSTILE:
        post.incidents.create(IncidentDraft(title=text, location_text=text, notes=text, lat=-33.9, lon=-70.6))
        post.tasks.create(TaskDraft(title=text, details=text, location_text=text))
        post.people.roster.add(VolunteerDraft(text, availability=text, emergency_contact=text))


@pytest.mark.parametrize("kind", export.KINDS)
def test_every_record_export_escapes_formulas(post, kind):
    _hostile_records(post)
    stream = io.StringIO(newline="")
    count = export.write(post.db, kind, "csv", stream)
    rows = _cells(stream.getvalue())
    assert count >= len(HOSTILE) and len(rows) == count + 1
    body = [cell for row in rows[1:] for cell in row]
    assert not _dangerous(body), _dangerous(body)
    restored = {csv_cells.unescape_cell(c) for c in body}
    if kind == "volunteers":  # the roster trims the spaces, tabs and returns around what is typed
        assert {text.strip() for text in HOSTILE} <= restored
    elif kind != "audit":  # the audit summaries quote the titles inside longer sentences
        assert set(HOSTILE) <= restored
    if kind == "incidents":
        assert "-70.6" in body  # a plain negative number stays a number


def test_the_command_line_export_escapes_formulas(post, tmp_path):
    from helpers.cli import run_cli

    _hostile_records(post)
    url = post.db.url
    for kind in ("incidents", "teams"):
        result = run_cli(tmp_path, "--db", url, "export", kind)
        assert result.returncode == 0, result.stderr
        body = [cell for row in _cells(result.stdout)[1:] for cell in row]
        assert len(body) > len(HOSTILE) and not _dangerous(body), _dangerous(body)
        assert "'=cmd|' /C calc'!A0" in body
