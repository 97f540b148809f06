"""What the radio panel's link strip says before the radios run.

Seen under Xvfb at 1280×720 as Zhang Min (radio operator), on a first ``--demo`` start: for
several seconds, until the window opened the radios after its first paint, the strip said
"No radio — No LoRa device configured. Start with --device lora:PORT or --demo.", to a
console started with --demo. Configured radios not yet open are now "being opened"; only a
post with none says there is none, and names both kinds of radio it could be given.
"""

from __future__ import annotations

from helpers.posts import open_signed_on
from ops_console.hardware.simulators.lora_modem import SimulatedModem


def _panel(post, qtbot):  # type: ignore[no-untyped-def]
    from ops_console.ui.bridge import PostBridge
    from ops_console.ui.radio import RadioPanel

    bridge = PostBridge(post.bus)
    panel = RadioPanel(post, bridge)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    return panel, bridge


def test_configured_radios_are_said_to_be_opening_until_they_run(
    db_url, radio_sim: SimulatedModem, qtbot
) -> None:
    post = open_signed_on(db_url, devices=[f"lora:{radio_sim.port_url}"])
    panel, bridge = _panel(post, qtbot)
    try:
        panel.poll()
        strip = panel.link_strip
        assert strip.pill.text() == "Starting" and strip._counters_text == "Opening the radios…"
        post.devices.start()
        qtbot.waitUntil(lambda: (panel.poll(), strip.pill.text())[1] == "Ready", timeout=10_000)
        assert "heard" in strip._counters_text
    finally:
        panel.shutdown()
        bridge.detach()
        post.close()


def test_a_post_without_radios_says_so_and_how_to_give_it_one(panel) -> None:  # type: ignore[no-untyped-def]
    panel.poll()
    strip = panel.link_strip
    assert strip.pill.text() == "No radio"
    assert "--device lora:PORT" in strip._counters_text and "--device meshtastic:PORT" in strip._counters_text
