"""The post-wide alert list on a real demo post: every source appears, ranks by
seriousness, acknowledges through its owning service, and a broken source is shown,
not allowed to hide the others."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from helpers.alerts import hear_emergency, raise_siren_alarm
from ops_console import alerts
from ops_console.alerts import PostAlert, Severity
from ops_console.db.errors import DatabaseUnavailable


def test_the_demo_post_lists_stock_risk_and_shelter_alerts(full_demo_post) -> None:
    found = alerts.collect(full_demo_post)
    sources = {a.source for a in found}
    assert {"inventory", "risks"} <= sources
    stock = [a for a in found if a.source == "inventory"]
    assert any("expir" in a.key for a in stock), "the demo has one item about to expire"
    assert (
        sum(1 for a in stock if a.key.startswith("stock:low_stock") or a.key.startswith("stock:out_of_stock"))
        >= 2
    )
    assert all(not a.needs_ack for a in stock), "stock alerts clear themselves when stock arrives"
    assert [int(a.severity) for a in found] == sorted(int(a.severity) for a in found)


def test_radio_emergency_and_siren_alarm_rank_first_and_are_acknowledged_through_their_services(
    full_demo_post,
) -> None:
    hear_emergency(full_demo_post)
    raise_siren_alarm(full_demo_post)
    found = alerts.collect(full_demo_post)
    radio = next(a for a in found if a.source == "radio")
    siren = next(a for a in found if a.source == "sirens")
    assert radio.severity == siren.severity == Severity.CRITICAL
    assert {found[0].source, found[1].source} == {"radio", "sirens"}
    assert "footbridge" in radio.detail and radio.needs_ack and radio.target[0] == "radio_message"

    alerts.acknowledge(full_demo_post, radio)
    alerts.acknowledge(full_demo_post, siren)
    after = {a.key for a in alerts.collect(full_demo_post)}
    assert radio.key not in after and siren.key not in after
    assert full_demo_post.radio.unacknowledged_alerts() == []


def test_a_condition_cannot_be_acknowledged_away(full_demo_post) -> None:
    stock = next(a for a in alerts.collect(full_demo_post) if a.source == "inventory")
    with pytest.raises(ValueError, match="clears itself"):
        alerts.acknowledge(full_demo_post, stock)


def test_a_source_that_cannot_be_read_becomes_an_alert_and_the_others_still_show(
    full_demo_post, caplog
) -> None:
    def locked(post, now):
        raise DatabaseUnavailable("The database is locked by another program.")

    found = alerts.collect(full_demo_post, sources={**alerts.SOURCES, "inventory": locked})
    broken = [a for a in found if a.key == "unavailable:inventory"]
    assert len(broken) == 1 and "locked" in broken[0].detail and broken[0].severity == Severity.WARNING
    assert any(a.source == "risks" for a in found)
    assert "alert source inventory failed" in caplog.text


def test_ranking_puts_older_alerts_first_within_a_severity() -> None:
    old = PostAlert("a", "radio", Severity.WARNING, "old", "", datetime(2026, 1, 1, tzinfo=UTC))
    new = PostAlert("b", "radio", Severity.WARNING, "new", "", datetime(2026, 1, 2, tzinfo=UTC))
    crit = PostAlert("c", "sirens", Severity.CRITICAL, "now", "", datetime(2026, 1, 3, tzinfo=UTC))
    undated = PostAlert("d", "inventory", Severity.WARNING, "undated", "", None)
    ranked = sorted([undated, new, old, crit], key=alerts._rank)
    assert [a.key for a in ranked] == ["c", "a", "b", "d"]


def test_a_call_for_help_ranks_above_a_store_short_for_hours() -> None:
    """Stock alerts now carry when the store fell short (migration 0016). Ranked by time
    alone, an empty store would sit above an EMERGENCY heard a second ago. What a person
    must acknowledge comes first at one severity; the oldest first within each."""
    hours_ago, now = datetime(2026, 1, 1, 6, tzinfo=UTC), datetime(2026, 1, 1, 9, tzinfo=UTC)
    empty = PostAlert("stock", "inventory", Severity.CRITICAL, "Out of water", "", hours_ago)
    sensor = PostAlert("level", "sensors", Severity.CRITICAL, "River above alarm", "", hours_ago)
    help_call = PostAlert("em", "radio", Severity.CRITICAL, "EMERGENCY", "", now, ack="radio")
    older_call = PostAlert("em0", "radio", Severity.CRITICAL, "EMERGENCY", "", hours_ago, ack="radio")
    ranked = sorted([empty, sensor, help_call, older_call], key=alerts._rank)
    assert [a.key for a in ranked] == ["em0", "em", "stock", "level"]
