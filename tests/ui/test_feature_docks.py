"""The map, risk register, shelters and inventory talk to the other panels."""

import pytest

from ops_console.mapping.geo import to_mercator
from ops_console.services.incidents import IncidentDraft
from ops_console.ui.incidents.dialogs import IncidentDialog
from ops_console.ui.tasks.dialog import TaskDialog


def _open_dialogs(window, kind):
    return [w for w in window.findChildren(kind) if w.isVisible()]


def test_right_click_on_the_map_opens_the_incident_form_at_that_spot(window, qtbot):
    window.show()
    window.features.map.create_incident_requested.emit(30.2601, 120.1702)
    qtbot.waitUntil(lambda: bool(_open_dialogs(window, IncidentDialog)))
    dialog = _open_dialogs(window, IncidentDialog)[0]
    assert dialog.lat_edit.text() == "30.260100" and dialog.lon_edit.text() == "120.170200"
    dialog.reject()


def test_new_task_from_the_map_carries_the_spot(window, qtbot):
    window.show()
    window.features.map.create_task_requested.emit(30.25, 120.16)
    qtbot.waitUntil(lambda: bool(_open_dialogs(window, TaskDialog)))
    dialog = _open_dialogs(window, TaskDialog)[0]
    assert (dialog.lat.text(), dialog.lon.text()) == ("30.250000", "120.160000")
    dialog.reject()


def test_clicking_an_incident_on_the_map_selects_it_and_selecting_a_row_centres_the_map(window, post, qtbot):
    window.show()
    incident = post.incidents.create(IncidentDraft("Tree down", lat=30.262, lon=120.171))
    qtbot.waitUntil(lambda: window.incidents.model.row_of(incident.id) >= 0)
    window.features.map.object_activated.emit("incident", incident.id)
    assert window.incidents.selected().id == incident.id
    vp = window.features.map.canvas.vp
    assert (vp.cx, vp.cy) == pytest.approx(to_mercator(30.262, 120.171), abs=1.0)


def test_risk_register_locate_centres_the_map(window):
    window.features.risks.locate_requested.emit(30.255, 120.165)
    vp = window.features.map.canvas.vp
    assert (vp.cx, vp.cy) == pytest.approx(to_mercator(30.255, 120.165), abs=1.0)


def test_selecting_a_siren_centres_the_map(window, post, qtbot):
    from ops_console.sirens.demo import build_demo_sirens

    build_demo_sirens(post, post.sirens)
    window.features.sirens.reload()
    qtbot.waitUntil(lambda: window.features.sirens.table.model().rowCount() > 0)
    window.features.sirens.table.selectRow(0)
    siren = post.sirens.get(window.features.sirens.selected_siren())
    vp = window.features.map.canvas.vp
    assert (vp.cx, vp.cy) == pytest.approx(to_mercator(siren.lat, siren.lon), abs=1.0)


def test_selecting_a_radio_node_centres_the_map_once_not_on_every_refresh(window, post, qtbot):
    from datetime import UTC, datetime

    from ops_console.hardware.lora.types import RawFrame
    from ops_console.hardware.protocols import field_payload as fp

    [data] = fp.encode_position("RESCUE1", 2, 30.2611, 120.1655, datetime.now(UTC), 77)
    post.radio.ingest.ingest([RawFrame(b"+RCV=11", datetime.now(UTC), "lora-test", 11, data, -80, 5.0)])
    radio = window.radio
    radio.reload()
    qtbot.waitUntil(lambda: len(radio.nodes_model.rows) == 1)
    radio.nodes_table.selectRow(0)
    vp = window.features.map.canvas.vp
    assert (vp.cx, vp.cy) == pytest.approx(to_mercator(30.2611, 120.1655), abs=1.0)

    window.features.map.centre_on(30.25, 120.16)  # the operator looks elsewhere …
    radio.reload()  # … and the nodes list refreshes, re-selecting its row
    qtbot.waitUntil(lambda: radio.side.selected_node() == 11)
    vp = window.features.map.canvas.vp
    assert (vp.cx, vp.cy) == pytest.approx(to_mercator(30.25, 120.16), abs=1.0)
    radio.nodes_table.clicked.emit(radio.nodes_model.index(0, 0))  # a click on the row centres it again
    vp = window.features.map.canvas.vp
    assert (vp.cx, vp.cy) == pytest.approx(to_mercator(30.2611, 120.1655), abs=1.0)


def test_clicking_a_siren_or_a_radio_node_on_the_map_selects_its_row(window, post, qtbot):
    from datetime import UTC, datetime

    from ops_console.hardware.lora.types import RawFrame
    from ops_console.hardware.protocols import field_payload as fp
    from ops_console.sirens.demo import build_demo_sirens

    build_demo_sirens(post, post.sirens)
    window.features.sirens.reload()
    qtbot.waitUntil(lambda: window.features.sirens.model.rowCount() > 2)
    wanted = window.features.sirens.model.rows[2].id
    window.features.map.object_activated.emit("siren", wanted)
    assert window.features.sirens.selected_siren() == wanted

    [data] = fp.encode_position("RESCUE1", 2, 30.2611, 120.1655, datetime.now(UTC), 77)
    post.radio.ingest.ingest([RawFrame(b"+RCV=11", datetime.now(UTC), "lora-test", 11, data, -80, 5.0)])
    window.radio.reload()
    qtbot.waitUntil(lambda: len(window.radio.nodes_model.rows) == 1)
    window.features.map.object_activated.emit("radio_node", 11)
    assert window.radio.side.selected_node() == 11


def test_selecting_a_stock_row_centres_the_map_on_its_location(window, post, qtbot):
    from ops_console.inventory.views import LocationKind

    depot = post.inventory.add_location("Depot East", LocationKind.DEPOT, lat=30.2655, lon=120.1777)
    post.inventory.add_location("Van 2", LocationKind.VEHICLE)  # no position: the map stays put
    item = post.inventory.add_item("Sandbags", "flood")
    post.inventory.receive(item.id, depot.id, 200)
    panel = window.features.inventory
    panel.reload()
    qtbot.waitUntil(lambda: panel.model.rowCount() >= 1, timeout=5000)
    panel.table.selectRow(0)
    vp = window.features.map.canvas.vp
    assert (vp.cx, vp.cy) == pytest.approx(to_mercator(30.2655, 120.1777), abs=1.0)

    window.features.map.centre_on(30.25, 120.16)
    panel.reload()  # the table keeps the selection through a reload without moving the map
    qtbot.waitUntil(lambda: panel.selected_level() is not None, timeout=5000)
    vp = window.features.map.canvas.vp
    assert (vp.cx, vp.cy) == pytest.approx(to_mercator(30.25, 120.16), abs=1.0)


def test_hidden_feature_docks_are_built_on_first_show_and_a_selection_waits_for_the_map(window, post, qtbot):
    assert window.docks["radio"].widget().objectName() == "placeholder_radio"  # not before the paint …
    window.show()
    qtbot.waitExposed(window)
    # behind the task board at start: placeholders, no map stack, no charts
    assert [key for key in ("map", "inventory", "sirens") if window.features.built(key)] == []
    assert window.docks["map"].widget().objectName() == "placeholder_map"
    incident = post.incidents.create(IncidentDraft("Tree down", lat=30.262, lon=120.171))
    qtbot.waitUntil(lambda: window.incidents.model.row_of(incident.id) >= 0)
    window.incidents.select_incident(incident.id)
    assert not window.features.built("map")  # a selection alone does not build it …

    window.docks["map"].raise_()  # … showing its dock does, and the map opens on that incident
    qtbot.waitUntil(lambda: window.features.built("map"))
    assert window.docks["map"].isAncestorOf(window.features.map)
    vp = window.features.map.canvas.vp
    assert (vp.cx, vp.cy) == pytest.approx(to_mercator(30.262, 120.171), abs=1.0)
    assert not window.features.built("inventory")

    # … the radio panel right after it, unasked (its comms log is read before anyone clicks
    # "Show message" on the EMERGENCY bar)
    qtbot.waitUntil(lambda: window.docks["radio"].widget().objectName() != "placeholder_radio")
    assert window.docks["radio"].isAncestorOf(window.radio)


def test_a_layout_saved_with_the_inventory_in_front_builds_it_as_the_window_shows(
    window, post, qtbot, layout_settings
):
    from ops_console.ui.app import build_main_window

    window.show()
    window.docks["inventory"].raise_()
    qtbot.waitUntil(lambda: window.features.built("inventory"))
    window.close()  # saves the layout with the inventory in front

    again = build_main_window(post, settings=layout_settings)
    qtbot.addWidget(again)
    assert not again.features.built("inventory")
    again.show()
    assert again.features.built("inventory") and again.docks["inventory"].isAncestorOf(
        again.features.inventory
    )
    assert not again.features.built("map")
    again.close()


def test_a_mayday_heard_on_the_air_centres_the_map_on_the_team_without_the_board_open(window, post, qtbot):
    """The team board is built on first show; a MAYDAY must move the map all the same."""
    from datetime import UTC, datetime

    from ops_console.hardware.lora.types import RawFrame
    from ops_console.hardware.protocols import field_payload as fp
    from ops_console.people.views import TeamStatus, VolunteerDraft

    window.show()
    window.features.map.centre_on(30.20, 120.10)  # somewhere else
    volunteer = post.people.roster.add(VolunteerDraft("Wang Fang", "13800000002", "B002")).id
    post.people.checkins.check_in(volunteer)
    team = post.people.teams.form("Boat Crew", "BOAT-1", [volunteer], radio_node=31)
    post.people.teams.set_status(team.id, TeamStatus.ON_SCENE)
    assert "teams" not in window.features._built

    def hear(data: bytes) -> None:
        raw = b"+RCV=31,%d," % len(data) + data + b",-60,5"
        post.radio.ingest.ingest([RawFrame(raw, datetime.now(UTC), "test", 31, data, -60, 5)])

    hear(fp.encode_position("BOAT-1", 1, 30.2712, 120.1734, datetime.now(UTC))[0])
    vp = window.features.map.canvas.vp
    assert (vp.cx, vp.cy) != pytest.approx(to_mercator(30.2712, 120.1734), abs=1.0)
    hear(
        fp.encode_text(
            "BOAT-1", post.radio.outbox.console_call, 7, fp.Precedence.EMERGENCY, "MAYDAY capsized"
        )[0]
    )
    qtbot.waitUntil(
        lambda: (
            (window.features.map.canvas.vp.cx, window.features.map.canvas.vp.cy)
            == pytest.approx(to_mercator(30.2712, 120.1734), abs=1.0)
        ),
        timeout=5000,
    )
