"""Every dialog of the console, built as its panel builds it: for the tests that open
them all (in Chinese, at night with raised text, on a 1280x720 screen)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ops_console.inventory import MovementKind
from ops_console.post import Post


def every_dialog(post: Post, window: QWidget) -> dict[str, Callable[[], QWidget]]:
    """Every dialog of the console, built as its panel builds it."""
    from ops_console.ui.help_dialog import HelpDialog
    from ops_console.ui.incidents.dialogs import CloseIncidentDialog, IncidentDialog
    from ops_console.ui.inventory.catalogue_dialogs import AddItemDialog, AddLocationDialog, RequestDialog
    from ops_console.ui.inventory.dialogs import FulfilDialog, MovementDialog
    from ops_console.ui.mapping.dialogs import InspectionDialog, RiskDialog, ShelterDialog, ZoneDialog
    from ops_console.ui.people.team_dialog import TeamDialog
    from ops_console.ui.people.volunteer_dialog import VolunteerDialog
    from ops_console.ui.radio.devices_dialog import DevicesDialog
    from ops_console.ui.radio.ics213_dialog import Ics213Dialog
    from ops_console.ui.reports.dialog import ReportsDialog
    from ops_console.ui.sensors.dialog import SensorDialog
    from ops_console.ui.signon import SignOnDialog
    from ops_console.ui.signon.first_admin import FirstAdminDialog
    from ops_console.ui.sirens.schedule_dialog import ScheduleDialog
    from ops_console.ui.sirens.wizard import ActivationDialog
    from ops_console.ui.tasks.assign import AssignDialog
    from ops_console.ui.tasks.dialog import TaskDialog
    from ops_console.ui.warnings.dialogs import DraftDialog

    incident = post.incidents.list()[0]
    task = post.tasks.list()[0]
    teams, incidents = post.tasks.teams(), post.incidents.list()
    risk, shelter = post.map.risks.list()[0], post.map.shelters.list()[0]
    request = post.inventory.requests(open_only=False)[0]
    inv, nothing = post.inventory, (lambda _draft: None)
    made = {
        "sign-on": lambda: SignOnDialog(post),
        "change operator": lambda: SignOnDialog(post, hand_over=True),
        "first administrator": lambda: FirstAdminDialog(post),
        "guide": lambda: HelpDialog(window, post, Path("/tmp/ops-console.log")),  # type: ignore[arg-type]
        "new incident": lambda: IncidentDialog(post),
        "edit incident": lambda: IncidentDialog(post, incident),
        "close incident": lambda: CloseIncidentDialog(post, incident),
        "new task": lambda: TaskDialog(nothing, teams, incidents),
        "edit task": lambda: TaskDialog(nothing, teams, incidents, task),
        "assign": lambda: AssignDialog(task, teams, needed=True),
        "activate sirens": lambda: ActivationDialog(post.sirens),
        "schedule test": lambda: ScheduleDialog(post.sirens),
        "ics-213": lambda: Ics213Dialog(post),
        "radio devices": lambda: DevicesDialog(post),
        "new item": lambda: AddItemDialog(inv),
        "new location": lambda: AddLocationDialog(inv),
        "new request": lambda: RequestDialog(inv),
        "fulfil": lambda: FulfilDialog(inv, request),
        "risk point": lambda: RiskDialog(nothing, 30.26, 120.17),
        "edit risk point": lambda: RiskDialog(nothing, risk.lat, risk.lon, risk),
        "inspection": lambda: InspectionDialog(nothing, risk),
        "shelter": lambda: ShelterDialog(nothing, 30.26, 120.17),
        "edit shelter": lambda: ShelterDialog(nothing, shelter.lat, shelter.lon, shelter),
        "zone": lambda: ZoneDialog(nothing, ((30.26, 120.17), (30.27, 120.17), (30.27, 120.18))),
        "warning draft": lambda: DraftDialog(post.warnings, post.map.zones, post.sirens),
        "sensor": lambda: SensorDialog(None),
        "reports": lambda: ReportsDialog(post),
        "volunteer": lambda: VolunteerDialog(post),
        "team": lambda: TeamDialog(post),
    }
    for kind in MovementKind:
        made[f"stock {kind.value}"] = lambda kind=kind: MovementDialog(inv, kind)
    return made
