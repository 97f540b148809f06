"""What the radio panel's link strip says before the radios run.

Seen under Xvfb at 1280×720 as Zhang Min (radio operator), on a first ``--demo`` start: for
several seconds, until the window opened the radios after its first paint, the strip said
"No radio — No LoRa device configured. Start with --device lora:PORT or --demo.", to a
console started with --demo. Configured radios not yet open are now "being opened"; only a
post with none says there is none, and names both kinds of radio it could be given.
"""

from __future__ import annotations

from ops_console.hardware.simulators.lora_modem import SimulatedModem
from ops_console.radio.devices import DeviceSpec


def test_configured_radios_are_said_to_be_opening_until_they_run(
    post, panel, radio_sim: SimulatedModem, qtbot
) -> None:  # type: ignore[no-untyped-def]
    # what open_post makes of ``--device lora:PORT``
    post.radio.settings.devices = [DeviceSpec("lora", radio_sim.port_url, 115200, "lora")]
    panel.poll()
    strip = panel.link_strip
    assert strip.pill.text() == "Starting" and strip._counters_text == "Opening the radios…"
    post.devices.start()  # stopped when the post closes
    qtbot.waitUntil(lambda: (panel.poll(), strip.pill.text())[1] == "Ready", timeout=10_000)
    assert "heard" in strip._counters_text


def test_a_post_without_radios_says_so_and_how_to_give_it_one(panel) -> None:  # type: ignore[no-untyped-def]
    panel.poll()
    strip = panel.link_strip
    assert strip.pill.text() == "No radio"
    assert "--device lora:PORT" in strip._counters_text and "--device meshtastic:PORT" in strip._counters_text
