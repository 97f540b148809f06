"""The incidents panel on a real post: create, validation, edit, close, filters,
live row updates and the conflict dialog."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtWidgets import QMessageBox

from ops_console.clock import utc_now
from ops_console.domain import IncidentKind, IncidentStatus, Severity
from ops_console.services.incidents import IncidentDraft
from ops_console.ui.bridge import PostBridge
from ops_console.ui.incidents import IncidentsPanel
from ops_console.ui.incidents.model import COLUMNS, SORT_ROLE


def _panel(post, qtbot) -> IncidentsPanel:
    bridge = PostBridge(post.bus)
    panel = IncidentsPanel(post, bridge)
    panel._test_bridge = bridge  # keep it alive with the panel
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    return panel


def _titles(panel: IncidentsPanel) -> list[str]:
    return [panel.model.view_at(r).title for r in range(panel.model.rowCount())]


def test_create_through_the_dialog(post, qtbot):
    panel = _panel(post, qtbot)
    dialog = panel.new_incident()
    dialog.title_edit.setText("Water in the underpass")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(IncidentKind.FLOODING.value))
    dialog.severity_box.setCurrentIndex(dialog.severity_box.findData(int(Severity.SERIOUS)))
    dialog.location_edit.setText("Canal Road underpass")
    with qtbot.waitSignal(dialog.saved) as saved:
        dialog.save()
    view = saved.args[0]
    assert view.kind == IncidentKind.FLOODING and view.severity == Severity.SERIOUS
    assert view.reported_by == "Supervisor Test"
    assert _titles(panel) == ["Water in the underpass"]
    assert panel.selected().id == view.id


def test_validation_keeps_the_dialog_and_what_was_typed(post, qtbot):
    panel = _panel(post, qtbot)
    dialog = panel.new_incident()
    dialog.location_edit.setText("Mill Street 4")
    dialog.lat_edit.setText("123")  # out of range: the service says so
    dialog.lon_edit.setText("8.54")
    dialog.notes_edit.setPlainText("Smoke seen from the bridge")
    dialog.save()  # and no title
    assert dialog.isVisible() and dialog.result() == 0
    assert "title is required" in dialog.problems["title"].text()
    assert not dialog.problems["title"].isHidden() and not dialog.problems["lat"].isHidden()
    assert (
        dialog.location_edit.text() == "Mill Street 4"
        and dialog.notes_edit.toPlainText() == "Smoke seen from the bridge"
    )
    assert dialog.lat_edit.text() == "123"
    dialog.lat_edit.setText("abc")
    dialog.title_edit.setText("Smoke")
    dialog.save()
    assert "Type a number" in dialog.problems["lat"].text() and dialog.problems["title"].isHidden()
    future = utc_now() + timedelta(days=1)
    dialog.lat_edit.setText("47.37")
    dialog.reported_at_edit.setDateTime(
        dialog.reported_at_edit.dateTime().fromSecsSinceEpoch(int(future.timestamp()))
    )
    dialog.save()
    assert "future" in dialog.problems["reported_at"].text()
    assert post.incidents.list() == []


def test_edit_then_close_with_resolution(post, qtbot):
    incident = post.incidents.create(IncidentDraft("Tree across Elm Lane", severity=Severity.MINOR))
    panel = _panel(post, qtbot)
    panel.select_incident(incident.id)
    dialog = panel.edit_selected()
    assert dialog.title_edit.text() == "Tree across Elm Lane"
    dialog.title_edit.setText("Tree across Elm Lane, both lanes")
    dialog.severity_box.setCurrentIndex(dialog.severity_box.findData(int(Severity.SERIOUS)))
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    row = panel.model.row_of(incident.id)
    assert panel.model.view_at(row).title == "Tree across Elm Lane, both lanes"
    assert "Serious" in panel.model.index(row, COLUMNS.index("severity")).data()

    closing = panel.close_selected()
    closing.save()  # no resolution: refused inline
    assert "resolved" in closing.problem.text() and closing.isVisible()
    closing.resolution_edit.setPlainText("Cut up and removed by the road crew.")
    with qtbot.waitSignal(closing.saved):
        closing.save()
    # the default filter shows the open ones: the closed incident leaves the table
    assert panel.model.row_of(incident.id) == -1
    assert post.incidents.get(incident.id).status == IncidentStatus.CLOSED


def test_filters_and_sorting(post, qtbot):
    for title, sev, status in [
        ("Minor leak", Severity.MINOR, IncidentStatus.OPEN),
        ("Gas smell", Severity.CRITICAL, IncidentStatus.ACTIVE),
        ("Old flooding", Severity.SERIOUS, IncidentStatus.MONITORING),
    ]:
        post.incidents.create(IncidentDraft(title, severity=sev, status=status))
    panel = _panel(post, qtbot)
    assert panel.model.rowCount() == 3
    panel.severity_box.setCurrentIndex(panel.severity_box.findData(int(Severity.SERIOUS)))
    assert sorted(_titles(panel)) == ["Gas smell", "Old flooding"]
    panel.status_box.setCurrentIndex(panel.status_box.findText("Active"))
    assert _titles(panel) == ["Gas smell"]
    panel.status_box.setCurrentIndex(panel.status_box.findText("All statuses"))
    panel.severity_box.setCurrentIndex(0)
    with qtbot.waitSignal(panel._search_delay.timeout):
        panel.search_edit.setText("LEAK")
    assert _titles(panel) == ["Minor leak"]
    panel.search_edit.clear()
    panel.reload()
    panel.table.sortByColumn(
        COLUMNS.index("severity"), panel.table.horizontalHeader().sortIndicatorOrder().DescendingOrder
    )
    top = panel.proxy.index(0, COLUMNS.index("severity"))
    assert top.data(SORT_ROLE) == int(Severity.CRITICAL)


def test_live_update_touches_only_the_changed_row(post, qtbot):
    first = post.incidents.create(IncidentDraft("Road blocked at the mill"))
    panel = _panel(post, qtbot)
    resets: list[bool] = []
    panel.model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(panel.model.rowsInserted):
        second = post.incidents.create(IncidentDraft("Power out in Block C"))
    with qtbot.waitSignal(panel.model.dataChanged):
        post.incidents.update(
            first.id, first.version, replace(first.draft(), title="Road blocked at the old mill")
        )
    assert panel.model.view_at(panel.model.row_of(first.id)).title == "Road blocked at the old mill"
    with qtbot.waitSignal(panel.model.rowsRemoved):
        post.incidents.close(second.id, second.version, "Power restored")
    assert resets == []


def test_second_edit_from_the_same_version_gets_the_conflict_dialog(post, qtbot, themed, screenshot_dir):
    incident = post.incidents.create(
        IncidentDraft("Basement flooding, Willow Lane 12", severity=Severity.MODERATE)
    )
    panel = _panel(post, qtbot)
    panel.show()
    panel.select_incident(incident.id)
    mine = panel.edit_selected()
    theirs = panel.edit_selected()
    theirs.severity_box.setCurrentIndex(theirs.severity_box.findData(int(Severity.CRITICAL)))
    with qtbot.waitSignal(theirs.saved):
        theirs.save()
    mine.title_edit.setText("Basement flooding, Willow Lane 12 and 14")
    with qtbot.waitSignal(mine.conflicted):
        mine.save()
    box = panel.findChild(QMessageBox, "conflictDialog")
    assert box is not None and "changed by someone else" in box.text()
    details = box.detailedText()
    assert "Willow Lane 12 and 14" in details and 'Basement flooding, Willow Lane 12"' in details
    assert "severity: 2 → 4" in details.replace("≠ ", "")
    view = panel.model.view_at(panel.model.row_of(incident.id))
    assert view.severity == Severity.CRITICAL and view.title == "Basement flooding, Willow Lane 12"
    box.close()


def test_incidents_screenshot(post, qtbot, themed, screenshot_dir):
    from ops_console.demo import build_demo_post

    build_demo_post(post)
    panel = _panel(post, qtbot)
    panel.resize(1000, 620)
    panel.status_box.setCurrentIndex(panel.status_box.findText("All statuses"))
    panel.show()
    panel.table.selectRow(2)
    panel.grab().save(str(screenshot_dir / "incidents.png"))
