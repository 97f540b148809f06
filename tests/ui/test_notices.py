"""Background failures are said in words: the status bar and the alert list, not only the log."""

from ops_console.events import Event
from ops_console.notices import say
from ops_console.topics import Topic
from ops_console.ui.bridge import PostBridge
from ops_console.ui.status_bar import PostStatusBar


def test_a_notice_reaches_the_status_bar_and_the_alert_list(post, qtbot):
    from ops_console import alerts

    bridge = PostBridge(post.bus)
    bar = PostStatusBar(post, bridge)
    qtbot.addWidget(bar)
    with qtbot.waitSignal(bridge.notice, timeout=2000):
        say(
            post.bus, "problem", "The map's live sirens layer could not be read: disk I/O error", source="map"
        )
    assert "could not be read" in bar.currentMessage()
    listed = [a for a in alerts.collect(post) if a.source == "notice"]
    assert len(listed) == 1 and "disk I/O error" in listed[0].detail and listed[0].title.startswith("Map")
    bridge.detach()


def test_feature_signals_carry_their_features_events(post, qtbot):
    bridge = PostBridge(post.bus)
    heard: dict[str, list[Event]] = {"radio": [], "sirens": [], "inventory": [], "map": []}
    bridge.radio_event.connect(heard["radio"].append)
    bridge.siren_event.connect(heard["sirens"].append)
    bridge.inventory_event.connect(heard["inventory"].append)
    bridge.map_event.connect(heard["map"].append)
    for topic in (Topic.RADIO_NODE, Topic.SIREN_ALARM, Topic.INVENTORY_REQUEST, Topic.ZONE_CHANGED):
        post.bus.publish(Event(topic, 7))
    qtbot.waitUntil(lambda: all(heard.values()), timeout=2000)
    assert [e.topic for e in heard["radio"]] == [Topic.RADIO_NODE]
    assert [e.topic for e in heard["sirens"]] == [Topic.SIREN_ALARM]
    assert [e.topic for e in heard["inventory"]] == [Topic.INVENTORY_REQUEST]
    assert [e.topic for e in heard["map"]] == [Topic.ZONE_CHANGED]
    bridge.detach()
