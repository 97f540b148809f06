"""The sensor register: admins and supervisors edit it (others are told why before they
try), every change is audited, and a post with fifty sensors loads them from CSV or TOML
with one sentence per row that cannot be read."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from helpers.posts import PIN, ROLE_NAMES
from helpers.sensors import RIVER
from ops_console.db.models import AuditEntry
from ops_console.domain import Role
from ops_console.errors import PermissionDenied, ValidationError
from ops_console.sensors.kinds import SensorKind
from ops_console.sensors.register_io import parse_register


def audit_actions(post) -> list[str]:  # type: ignore[no-untyped-def]
    with post.db.read() as s:
        return [e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.entity == "sensor"))]


def test_supervisor_registers_changes_and_removes_audited(post) -> None:
    post.sensors.save(RIVER)
    post.sensors.save(replace(RIVER, emergency=3.8))
    assert post.sensors.get(RIVER.sensor_id).emergency == 3.8  # type: ignore[union-attr]
    post.sensors.remove(RIVER.sensor_id)
    assert post.sensors.get(RIVER.sensor_id) is None
    assert audit_actions(post) == ["sensor.add", "sensor.update", "sensor.remove"]


@pytest.mark.parametrize("role", [Role.VIEWER, Role.OPERATOR, Role.RADIO, Role.LOGISTICS])
def test_other_roles_are_refused_with_the_reason_before_and_at_the_door(post, role) -> None:
    post.operators.sign_on(ROLE_NAMES[role], PIN)
    assert "Only admins and supervisors" in post.sensors.edit_refusal()
    with pytest.raises(PermissionDenied):
        post.sensors.save(RIVER)
    assert not audit_actions(post)


def test_admin_may(post) -> None:
    post.operators.sign_on(ROLE_NAMES[Role.ADMIN], PIN)
    assert post.sensors.edit_refusal() == ""
    post.sensors.save(RIVER)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"warning": 2.0}, "warning line (2) must be above the advisory line (2.5)"),
        ({"hysteresis": 0.6}, "hysteresis (0.6) must be smaller"),
        ({"rise_window_s": None}, "needs both an amount and a window"),
        ({"sensor_id": "has space"}, "sensor id"),
        ({"interval_s": 0}, "reporting interval"),
        ({"lat": 95.0}, "not on Earth"),
    ],
)
def test_a_bad_entry_is_refused_in_words(post, change, words) -> None:
    with pytest.raises(ValidationError, match=words.replace("(", r"\(").replace(")", r"\)")):
        post.sensors.save(replace(RIVER, **change))


CSV = """sensor_id,name,kind,unit,location,lat,lon,node,interval_s,advisory,warning,emergency,hysteresis,rise,rise_window_min
RG1-level,River gauge,water level,m,Old bridge,22.54,114.05,RG1,60,2.5,3.0,3.5,0.1,0.2,15
RN1-rain,Rain gauge school,rain,mm,School roof,22.55,114.06,RN1,300,10,20,40,1,,
WD1-wind,Wind mast,wind,m/s,Harbour,,,WD1,120,15,20,,1,,
BAD1,No kind,volcano,,,,,,,,,,,,
BAD2,Lines wrong,water_level,m,,,,,60,3,2,,,,
BAD3,Half a position,water_level,m,,22.5,,,60,,,,,,
RG1-level,Again,water_level,m,,,,,60,,,,,,
"""


def test_csv_import_reads_good_rows_and_says_why_for_each_bad_one(post) -> None:
    preview = post.sensors.preview_import(CSV.encode(), "sensors.csv")
    assert [s.sensor_id for s in preview.specs] == ["RG1-level", "RN1-rain", "WD1-wind"]
    problems = {p.line: p.message for p in preview.problems}
    assert "volcano" in problems[5] and "must be above the advisory" in problems[6]
    assert "both lat and lon" in problems[7] and "same sensor id as line 2" in problems[8]
    assert preview.specs[0].rise_window_s == 900 and preview.specs[1].kind is SensorKind.RAIN_GAUGE
    assert preview.specs[2].max_valid == 120.0  # the kind's physical range filled in
    assert post.sensors.apply_import(preview) == 3
    assert len(post.sensors.register()) == 3 and audit_actions(post).count("sensor.add") == 3


def test_fifty_sensors_from_toml(post) -> None:
    text = "\n".join(
        f'[[sensor]]\nsensor_id = "S{i:02d}"\nname = "Gauge {i}"\nkind = "water_level"\n'
        f"interval_s = 600\nadvisory = 1.0\nwarning = 2.0\nemergency = 3.0\nhysteresis = 0.05\n"
        for i in range(50)
    )
    text += '[[sensor]]\nsensor_id = "S99"\nname = "Broken"\nkind = "water_level"\nadvisory = "high"\n'
    preview = post.sensors.preview_import(text.encode(), "post.toml")
    assert len(preview.specs) == 50
    assert [(p.line, p.message) for p in preview.problems] == [(51, "The advisory 'high' is not a number.")]
    assert post.sensors.apply_import(preview) == 50


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"PK\x03\x04\x00\x00", "not a text file"),
        (b"\xff\xfe\x00\xd8", "UTF-16"),
        (b"name;unit\nx;m\n", "Columns missing: sensor_id"),
        (b"[[sensor]\nbroken", "not valid TOML"),
    ],
)
def test_unreadable_files_get_one_sentence(data: bytes, words: str) -> None:
    parsed = parse_register(data, "file.toml" if b"[[" in data else "file.csv")
    assert not parsed.specs and words in parsed.file_problem


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["a.csv", "a.toml", ""]))
def test_fuzz_the_register_parser_never_raises(data: bytes, name: str) -> None:
    parsed = parse_register(data, name)
    assert all(isinstance(p.message, str) and p.message for p in parsed.problems)
