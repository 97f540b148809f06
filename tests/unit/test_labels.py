"""Enum words live once (ops_console/labels.py), marked for translation and translated."""

from enum import Enum

import pytest

from ops_console import labels
from ops_console.alerts import Severity as AlertSeverity
from ops_console.domain import IncidentKind, Priority, Role, Severity, TaskStatus
from ops_console.inventory.views import LevelState, LocationKind, MovementKind, RequestStatus
from ops_console.mapping.risks import Mitigation, RiskKind, RiskLevel

LABELLED = [
    Role,
    IncidentKind,
    Severity,
    TaskStatus,
    Priority,
    AlertSeverity,
    LevelState,
    LocationKind,
    MovementKind,
    RequestStatus,
    Mitigation,
    RiskKind,
    RiskLevel,
]


@pytest.mark.parametrize("enum", LABELLED, ids=lambda e: e.__name__)
def test_every_member_has_words(enum):
    assert all(member.label.strip() for member in enum)


def test_labels_go_through_the_installed_translator():
    before = labels._translate
    labels.set_translator(lambda context, text: f"[{context}] {text}")
    try:
        assert TaskStatus.IN_PROGRESS.label == "[Labels] In progress"
    finally:
        labels.set_translator(before)


def test_an_enum_without_words_for_a_member_is_refused():
    class Colour(labels.Labelled, Enum):
        RED = 1
        BLUE = 2

    with pytest.raises(ValueError, match="BLUE"):
        labels.labels(Colour, RED="Red")
