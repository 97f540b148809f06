"""The register: privacy per role, every opening audited, supervisor-only audited export,
and a resident with no position listed but never on the map."""

import csv
import io

import pytest
from sqlalchemy import select

from helpers.posts import PIN, ROLE_NAMES
from ops_console.db.models import AuditEntry
from ops_console.domain import Role
from ops_console.errors import ConflictError, PermissionDenied, ValidationError
from ops_console.residents import Need


def entries(post, action):
    with post.db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def sign_on(post, role):
    post.operators.sign_on(ROLE_NAMES[role], PIN)


def test_register_open_is_audited_without_personal_data(any_post, make_draft):
    reg = any_post.residents.register
    made = reg.create(
        make_draft(
            "Wang Fang", "Willow Lane 12", 10, 20, Need.OXYGEN, contact="138 0000 1111", checker="Li Wei"
        )
    )
    assert made.row.street == "Willow Lane" and made.row.needs == (Need.OXYGEN,)
    sign_on(any_post, Role.OPERATOR)
    opened = reg.open(made.row.id)
    assert opened.contact == "138 0000 1111" and opened.checker == "Li Wei"
    reg.open(made.row.id)
    opens = entries(any_post, "resident.open")
    assert [(e.operator_name, e.entity_id) for e in opens] == [(ROLE_NAMES[Role.OPERATOR], made.row.id)] * 2
    everything = " ".join(e.summary + e.after_json for e in entries(any_post, "resident.create") + opens)
    assert "Wang Fang" not in everything and "138" not in everything and "Willow" not in everything


@pytest.mark.parametrize("role", [Role.OPERATOR, Role.SUPERVISOR, Role.RADIO, Role.ADMIN])
def test_staff_roles_see_details(post, make_draft, role):
    post.residents.register.create(make_draft("Chen Jie", "Mill Street 3", 0, 0, Need.MOBILITY))
    sign_on(post, role)
    assert [r.name for r in post.residents.register.rows()] == ["Chen Jie"]


def test_viewer_sees_counts_only(post, make_draft):
    reg = post.residents.register
    made = reg.create(make_draft("Zhao Min", "Mill Street 5", 0, 0, Need.DIALYSIS, Need.LANGUAGE))
    reg.create(make_draft("Sun Li", "Somewhere unmapped", None, None, Need.INFANT))
    sign_on(post, Role.VIEWER)
    counts = reg.counts()
    assert (counts.total, counts.on_map, counts.without_position) == (2, 1, 1)
    assert (
        counts.by_need[Need.DIALYSIS] == counts.by_need[Need.INFANT] == 1 and counts.by_need[Need.OXYGEN] == 0
    )
    assert not reg.may_see_details and not reg.may_export
    for call in (reg.rows, reg.map_points, lambda: reg.open(made.row.id)):
        with pytest.raises(PermissionDenied, match="see residents' details"):
            call()
    with pytest.raises(PermissionDenied):
        reg.create(make_draft("X", "", None, None))
    assert entries(post, "resident.open") == []  # a refused opening leaves no trace of data read


def test_resident_with_no_position_is_listed_not_on_the_map(post, make_draft):
    reg = post.residents.register
    placed = reg.create(make_draft("Placed", "Canal Road 1", 5, 5, Need.MOBILITY))
    unplaced = reg.create(make_draft("Unplaced", "Canal Road 9", None, None, Need.OXYGEN))
    assert [r.id for r in reg.rows()] == [unplaced.row.id, placed.row.id]  # oxygen first
    assert not unplaced.row.on_map
    assert [r.id for r in reg.map_points()] == [placed.row.id]


def test_export_needs_a_supervisor_escapes_cells_and_is_audited(post, make_draft):
    reg = post.residents.register
    reg.create(make_draft('=HYPERLINK("http://x")', "@Canal Road 2", 1, 1, Need.INFANT, notes="+1 stairs"))
    sign_on(post, Role.OPERATOR)
    with pytest.raises(PermissionDenied, match="export"):
        reg.export_csv(io.StringIO())
    assert entries(post, "resident.export") == []
    sign_on(post, Role.SUPERVISOR)
    out = io.StringIO()
    assert reg.export_csv(out) == 1
    header, row = list(csv.reader(io.StringIO(out.getvalue())))
    cells = dict(zip(header, row, strict=True))
    assert cells["name"] == '\'=HYPERLINK("http://x")' and cells["address"] == "'@Canal Road 2"
    assert cells["notes"] == "'+1 stairs" and cells["needs"] == "infant"
    [export] = entries(post, "resident.export")
    assert export.operator_name == ROLE_NAMES[Role.SUPERVISOR] and '"count":1' in export.after_json


def test_bad_input_and_conflicts(post, make_draft):
    reg = post.residents.register
    with pytest.raises(ValidationError) as bad:
        reg.create(make_draft("  ", "x" * 201, None, None))
    assert set(bad.value.problems) == {"name", "address"}
    with pytest.raises(ValidationError, match="both latitude and longitude"):
        reg.create(make_draft("Half", "", None, None).__class__("Half", "", 30.0, None))
    made = reg.create(make_draft("Ma Lin", "Ferry Lane 4", 0, 0))
    edited = reg.update(
        made.row.id, made.version, make_draft("Ma Lin", "Ferry Lane 6", 0, 0, Need.HEARING_SIGHT)
    )
    assert edited.row.needs == (Need.HEARING_SIGHT,) and edited.version == made.version + 1
    with pytest.raises(ConflictError):
        reg.update(made.row.id, made.version, made.draft())
    [update] = entries(post, "resident.update")
    assert "address" in update.summary and "Ferry" not in update.summary + update.after_json
