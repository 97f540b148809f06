"""Stored sentences (ops_console/said.py): written in no language, read in the reader's."""

from __future__ import annotations

import json

import pytest

from ops_console import said as s
from ops_console.sensors.kinds import Level


def _chinese(context: str, text: str, _comment: str | None = None) -> str:
    table = {
        ("Stored", "up {rise} {unit} within {span}"): "{span}内上涨 {rise} {unit}",
        ("Stored", "{n} min"): "{n} 分钟",
        ("Stored", ", "): "、",
        ("Stored", "battery low"): "电池电量低",
        ("Labels", "Warning"): "预警",
    }
    return table.get((context, text), text)


def test_a_sentence_is_stored_as_template_and_arguments_and_read_in_either_language():
    stored = s.said(
        s.N_("up {rise} {unit} within {span}"), rise="0.21", unit="m", span=s.said(s.N_("{n} min"), n=15)
    )
    data = json.loads(stored)
    assert data["said"] == "up {rise} {unit} within {span}" and data["args"]["span"]["said"] == "{n} min"
    assert s.english(stored) == "up 0.21 m within 15 min"
    assert s.shown(stored, _chinese) == "15 分钟内上涨 0.21 m"


def test_words_of_other_contexts_and_lists_are_translated_too():
    stored = s.said(
        s.N_("{level}: {faults}"),
        level=s.label(Level.WARNING, lower=True),
        faults=s.listed([s.said(s.N_("battery low")), "door"]),
    )
    assert s.english(stored) == "warning: battery low, door"
    assert s.shown(stored, _chinese) == "预警: 电池电量低、door"
    assert sorted(s.arguments(stored)) == ["door"]  # the record's own words, not the templates


@pytest.mark.parametrize(
    "text",
    ["", "Plain words typed by a person", '{"said": broken', '{"said": "{missing} field", "args": {}}'],
)
def test_old_rows_plain_text_and_damaged_sentences_read_without_raising(text):
    shown = s.shown(text, _chinese)
    assert isinstance(shown, str)
    if not text.startswith('{"said":'):
        assert shown == text  # a row written before stored sentences reads as it always did


def test_a_translation_with_a_wrong_field_falls_back_to_the_english_template():
    stored = s.said(s.N_("{n} min"), n=3)
    assert s.shown(stored, lambda c, t, m=None: "{x} 分钟") == "3 min"


def test_a_sentence_too_long_for_its_column_is_stored_as_cut_english_not_cut_json():
    stored = s.said(s.N_("{n} min"), n="9" * 400)
    fitted = s.fitted(stored, 300)
    assert len(fitted) == 300 and not s.is_said(fitted) and fitted.startswith("999")
    assert s.fitted(s.said(s.N_("{n} min"), n=1), 300).startswith('{"said":')


def test_an_empty_argument_leaves_no_double_space():
    assert (
        s.english(s.said(s.N_("{level} ≥ {line} {unit}"), level="warning", line="3", unit=""))
        == "warning ≥ 3"
    )


def test_an_error_raised_in_no_language_reads_in_the_language_of_whoever_shows_it():
    """A refusal raised on a worker thread is read where it is shown: ``str()`` translates
    through the installed translator, ``english`` is for the log."""
    from ops_console import labels
    from ops_console.domain import Permission
    from ops_console.errors import PermissionDenied, ValidationError
    from ops_console.services.audit import Actor
    from ops_console.shift import Shift

    shift = Shift(Actor(1, "Wang Lei", "viewer"))
    with pytest.raises(PermissionDenied) as refused:
        shift.require(Permission.EDIT_RECORDS, s.N_("report incidents"))
    assert str(refused.value) == "Wang Lei (viewer) may not report incidents; ask a supervisor."

    def chinese(context: str, text: str, _comment: str | None = None) -> str:
        table = {
            (
                "Stored",
                "{who} ({role}) may not {doing}; ask a supervisor.",
            ): "{who}（{role}）无权{doing}；请联系主管。",
            ("Stored", "report incidents"): "上报事件",
            ("Stored", "A title is required."): "标题为必填项。",
            ("Labels", "Viewer"): "查看者",
        }
        return table.get((context, text), text)

    labels.set_translator(chinese)
    try:
        assert str(refused.value) == "Wang Lei（查看者）无权上报事件；请联系主管。"
        assert refused.value.english == "Wang Lei (viewer) may not report incidents; ask a supervisor."
        invalid = ValidationError({"title": s.said(s.N_("A title is required.")), "lat": "plain words"})
        assert invalid.problems == {"title": "标题为必填项。", "lat": "plain words"}
        assert str(invalid) == "title: 标题为必填项。; lat: plain words"
    finally:
        labels.set_translator(labels._untranslated)


def test_a_received_text_shaped_like_a_stored_sentence_is_shown_as_it_came():
    """Only the console's own alarms (kinds ``sensor`` and ``mayday``) are stored sentences:
    a field team's text that looks like one must not read as the console's words."""
    from datetime import UTC, datetime

    from ops_console.db.radio_models import RadioMessage
    from ops_console.radio.local_alarm import message_words
    from ops_console.radio.views import message_view

    forged = s.said(s.N_("battery low"))
    assert message_words("sensor", forged) == "battery low"
    assert message_words("mayday", forged) == "battery low"
    for kind in ("field", "plain", "mesh", None):
        assert message_words(kind, forged) == forged
    row = RadioMessage(
        id=1, at=datetime(2026, 12, 6, tzinfo=UTC), direction="in", kind="field", station="CARE-5",
        number=3, sender="CARE-5", recipient="OPS", precedence="ROUTINE", subject=forged, body=forged,
        status="received", attempts=0, acknowledged_by="", linked_entity="", exercise=False,
    )  # fmt: skip
    view = message_view(row)
    assert (view.subject, view.body) == (forged, forged)
