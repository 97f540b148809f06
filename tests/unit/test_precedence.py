"""One Precedence rule: which traffic raises an alert and in what order it goes out."""

from ops_console.hardware.protocols.field_payload import Precedence as Wire
from ops_console.precedence import ALERTING, Precedence, raises_alert, rank_of


def test_every_wire_letter_has_a_stored_precedence_of_the_same_name():
    assert {p.name for p in Wire} == {p.name for p in Precedence}


def test_only_emergency_and_priority_raise_alerts():
    assert {p for p in Precedence if p.raises_alert} == set(ALERTING) == {"EMERGENCY", "PRIORITY"}
    assert raises_alert("EMERGENCY") and not raises_alert("ROUTINE") and not raises_alert(None)


def test_rank_orders_emergency_first_and_unknown_last():
    assert sorted(["ROUTINE", "WELFARE", "EMERGENCY", "bogus", "PRIORITY"], key=rank_of) == [
        "EMERGENCY",
        "PRIORITY",
        "WELFARE",
        "ROUTINE",
        "bogus",
    ]
