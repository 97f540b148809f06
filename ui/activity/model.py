"""The activity log as a lazy, newest-first model that stays smooth at 200,000 entries.

Paging (older entries on a worker, newer ones inserted at the top) is NewestFirstModel's;
this module says how to read the log and how an entry looks.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ops_console.services.activity import ActivityEntry, ActivityFilter
from ops_console.services.audit import actor_words
from ops_console.topics import Topic
from ops_console.ui.common.export_role import ExportRole, iso_time
from ops_console.ui.common.formatting import local_seconds, local_short_seconds
from ops_console.ui.common.newest_first import Index, NewestFirstModel, PagedService

log = logging.getLogger(__name__)
PAGE_SIZE = 200
NEWER_LIMIT = 5000  # ActivityService.newer_than's cap: a bigger burst means reload


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActivityLogModel", text)


# marked for lupdate with QT_TRANSLATE_NOOP, translated when shown (translators load after import)
COLUMNS = (
    QT_TRANSLATE_NOOP("ActivityLogModel", "Time"),
    QT_TRANSLATE_NOOP("ActivityLogModel", "Operator"),
    QT_TRANSLATE_NOOP("ActivityLogModel", "Action"),
    QT_TRANSLATE_NOOP("ActivityLogModel", "Summary"),
)
ACTION_LABELS = {
    "log.note": QT_TRANSLATE_NOOP("ActivityLogModel", "Log line"),
    "incident.create": QT_TRANSLATE_NOOP("ActivityLogModel", "Incident reported"),
    "incident.update": QT_TRANSLATE_NOOP("ActivityLogModel", "Incident edited"),
    "incident.close": QT_TRANSLATE_NOOP("ActivityLogModel", "Incident closed"),
    "task.create": QT_TRANSLATE_NOOP("ActivityLogModel", "Task created"),
    "task.update": QT_TRANSLATE_NOOP("ActivityLogModel", "Task edited"),
    "task.move": QT_TRANSLATE_NOOP("ActivityLogModel", "Task moved"),
    "task.assign": QT_TRANSLATE_NOOP("ActivityLogModel", "Task assigned"),
    "shift.sign_on": QT_TRANSLATE_NOOP("ActivityLogModel", "Signed on"),
    "shift.sign_off": QT_TRANSLATE_NOOP("ActivityLogModel", "Signed off"),
    "shift.pin_failed": QT_TRANSLATE_NOOP("ActivityLogModel", "Wrong PIN"),
    "shift.locked": QT_TRANSLATE_NOOP("ActivityLogModel", "Locked out"),
    "exercise.start": QT_TRANSLATE_NOOP("ActivityLogModel", "Exercise started"),
    "exercise.end": QT_TRANSLATE_NOOP("ActivityLogModel", "Exercise ended"),
    "exercise.purge": QT_TRANSLATE_NOOP("ActivityLogModel", "Exercise purged"),
    "operator.create": QT_TRANSLATE_NOOP("ActivityLogModel", "Operator added"),
    "post.pin_policy": QT_TRANSLATE_NOOP("ActivityLogModel", "PIN policy changed"),
    "radio.alert_ack": QT_TRANSLATE_NOOP("ActivityLogModel", "Radio alert acknowledged"),
    "radio.cancel": QT_TRANSLATE_NOOP("ActivityLogModel", "Radio message cancelled"),
    "radio.compose": QT_TRANSLATE_NOOP("ActivityLogModel", "Radio message queued"),
    "radio.resend": QT_TRANSLATE_NOOP("ActivityLogModel", "Radio message sent again"),
    "radio.failure_seen": QT_TRANSLATE_NOOP("ActivityLogModel", "Undelivered radio message seen"),
    "risk.create": QT_TRANSLATE_NOOP("ActivityLogModel", "Risk point added"),
    "risk.inspect": QT_TRANSLATE_NOOP("ActivityLogModel", "Risk point inspected"),
    "risk.update": QT_TRANSLATE_NOOP("ActivityLogModel", "Risk point edited"),
    "shelter.create": QT_TRANSLATE_NOOP("ActivityLogModel", "Shelter added"),
    "shelter.occupancy": QT_TRANSLATE_NOOP("ActivityLogModel", "Shelter occupancy changed"),
    "shelter.status": QT_TRANSLATE_NOOP("ActivityLogModel", "Shelter status changed"),
    "shelter.update": QT_TRANSLATE_NOOP("ActivityLogModel", "Shelter edited"),
    "siren.activate.request": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren activation requested"),
    "siren.add": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren added"),
    "siren.alarm.ack": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren alarm acknowledged"),
    "siren.alarm.comms_fault": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren alarm: no answer"),
    "siren.alarm.fault_bits": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren alarm: controller fault"),
    "siren.alarm.no_confirmation": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren alarm: not confirmed"),
    "siren.alarm.uncommanded": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren alarm: sounding uncommanded"),
    "siren.command.exercise": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren command recorded (exercise)"),
    "siren.command.not_started": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren did not start"),
    "siren.command.refused": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren command refused"),
    "siren.cancel.request": QT_TRANSLATE_NOOP("ActivityLogModel", "Sirens cancelled"),
    "siren.command.sent": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren command sent"),
    "siren.command.confirmed": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren command confirmed"),
    "siren.command.timeout": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren did not answer"),
    "siren.command.unconfirmed": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren command not confirmed"),
    "siren.comms.restored": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren line back"),
    "siren.refused": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren activation refused"),
    "siren.test.run": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren test started"),
    "siren.test.schedule": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren test scheduled"),
    "siren.test.skipped": QT_TRANSLATE_NOOP("ActivityLogModel", "Siren test skipped"),
    "stock.item_add": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock item added"),
    "stock.location_add": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock location added"),
    "stock.request": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock requested"),
    "stock.request_fulfil": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock request fulfilled"),
    "stock.threshold": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock threshold set"),
    "stock.receive": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock received"),
    "stock.issue": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock issued"),
    "stock.transfer": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock transferred"),
    "stock.return": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock returned"),
    "stock.adjust": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock adjusted"),
    "stock.consume": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock consumed"),
    "team.create": QT_TRANSLATE_NOOP("ActivityLogModel", "Team added"),
    "zone.create": QT_TRANSLATE_NOOP("ActivityLogModel", "Zone drawn"),
    "zone.withdraw": QT_TRANSLATE_NOOP("ActivityLogModel", "Zone withdrawn"),
    # the actions of the warnings, residents, sensors and CAP features (every action the demo's
    # log holds has words: tests/ui/test_chinese_console.py)
    "stock.request_approved": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock request approved"),
    "stock.request_denied": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock request denied"),
    "stock.request_cancelled": QT_TRANSLATE_NOOP("ActivityLogModel", "Stock request cancelled"),
    "sensor.add": QT_TRANSLATE_NOOP("ActivityLogModel", "Sensor registered"),
    "sensor.update": QT_TRANSLATE_NOOP("ActivityLogModel", "Sensor changed"),
    "sensor.remove": QT_TRANSLATE_NOOP("ActivityLogModel", "Sensor removed"),
    # the sensor register's codes before they were named sensor.* (rows already written)
    "register": QT_TRANSLATE_NOOP("ActivityLogModel", "Sensor registered"),
    "update": QT_TRANSLATE_NOOP("ActivityLogModel", "Sensor changed"),
    "remove": QT_TRANSLATE_NOOP("ActivityLogModel", "Sensor removed"),
    "task.unassigned": QT_TRANSLATE_NOOP("ActivityLogModel", "Task unassigned"),
    "warning.four_eyes": QT_TRANSLATE_NOOP("ActivityLogModel", "Four-eyes rule changed"),
    "radio.file": QT_TRANSLATE_NOOP("ActivityLogModel", "Radio message filed"),
    # rows written before radio.file took the link-state topic's name as their action
    Topic.RADIO_LINK.value: QT_TRANSLATE_NOOP("ActivityLogModel", "Radio message filed"),
    "resident.create": QT_TRANSLATE_NOOP("ActivityLogModel", "Resident added"),
    "resident.update": QT_TRANSLATE_NOOP("ActivityLogModel", "Resident edited"),
    "resident.import": QT_TRANSLATE_NOOP("ActivityLogModel", "Residents imported"),
    "resident.export": QT_TRANSLATE_NOOP("ActivityLogModel", "Residents exported"),
    "resident.open": QT_TRANSLATE_NOOP("ActivityLogModel", "Resident record opened"),
    "resident.whereabouts": QT_TRANSLATE_NOOP("ActivityLogModel", "Resident accounted for"),
    "warning.draft": QT_TRANSLATE_NOOP("ActivityLogModel", "Warning drafted"),
    "warning.from_sensor": QT_TRANSLATE_NOOP("ActivityLogModel", "Warning drafted from a sensor"),
    "warning.approve": QT_TRANSLATE_NOOP("ActivityLogModel", "Warning approved"),
    "warning.issue": QT_TRANSLATE_NOOP("ActivityLogModel", "Warning issued"),
    "warning.send": QT_TRANSLATE_NOOP("ActivityLogModel", "Warning sent"),
    "warning.update": QT_TRANSLATE_NOOP("ActivityLogModel", "Warning updated"),
    "warning.cancel": QT_TRANSLATE_NOOP("ActivityLogModel", "Warning cancelled"),
    "warning.all_clear": QT_TRANSLATE_NOOP("ActivityLogModel", "All clear issued"),
    "warning.refused": QT_TRANSLATE_NOOP("ActivityLogModel", "Warning refused"),
    "warning.retry": QT_TRANSLATE_NOOP("ActivityLogModel", "Warning sent again"),
    "cap.import": QT_TRANSLATE_NOOP("ActivityLogModel", "CAP alert imported"),
    "cap.ack": QT_TRANSLATE_NOOP("ActivityLogModel", "CAP alert acknowledged"),
    "team.form": QT_TRANSLATE_NOOP("ActivityLogModel", "Team formed"),
    "team.disband": QT_TRANSLATE_NOOP("ActivityLogModel", "Team disbanded"),
    "team.status": QT_TRANSLATE_NOOP("ActivityLogModel", "Team status changed"),
    "team.mayday": QT_TRANSLATE_NOOP("ActivityLogModel", "Team MAYDAY"),
    "team.mayday_ack": QT_TRANSLATE_NOOP("ActivityLogModel", "Team MAYDAY acknowledged"),
    "team.par_confirmed": QT_TRANSLATE_NOOP("ActivityLogModel", "Team PAR confirmed"),
    "team.par_minutes": QT_TRANSLATE_NOOP("ActivityLogModel", "PAR interval set"),
    "par.roll_call": QT_TRANSLATE_NOOP("ActivityLogModel", "PAR roll call"),
    "par.result": QT_TRANSLATE_NOOP("ActivityLogModel", "PAR result"),
    "volunteer.add": QT_TRANSLATE_NOOP("ActivityLogModel", "Volunteer added"),
    "volunteer.update": QT_TRANSLATE_NOOP("ActivityLogModel", "Volunteer edited"),
    "volunteer.import": QT_TRANSLATE_NOOP("ActivityLogModel", "Volunteers imported"),
    "volunteer.check_in": QT_TRANSLATE_NOOP("ActivityLogModel", "Volunteer checked in"),
    "volunteer.check_out": QT_TRANSLATE_NOOP("ActivityLogModel", "Volunteer checked out"),
    "volunteer.close_out": QT_TRANSLATE_NOOP("ActivityLogModel", "Volunteers closed out"),
}


def action_label(action: str) -> str:
    """Words for an audit action, translated when shown. A code with no words yet (a new
    action) is still shown as words: "siren.alarm.tamper" → "Siren alarm tamper" (in English: a
    test, tests/unit/test_action_words.py, fails while the code can write one); the code
    itself is the cell's tooltip and is what exports carry."""
    if action in ACTION_LABELS:
        return _tr(ACTION_LABELS[action])
    return action.replace(".", " ").replace("_", " ").strip().capitalize()


class ActivityLogModel(NewestFirstModel[ActivityEntry, ActivityFilter]):
    """Rows of ActivityEntry, newest first; never holds more than what was scrolled to."""

    PAGE_SIZE = PAGE_SIZE
    NEWER_LIMIT = NEWER_LIMIT
    CONTEXT = "ActivityLogModel"
    COLUMNS = COLUMNS

    def no_filter(self) -> ActivityFilter:
        return ActivityFilter()

    def paged_service(self) -> PagedService:
        return self.post.activity

    def read_newer(self, top_id: int, flt: ActivityFilter, limit: int) -> list[ActivityEntry]:
        return self.post.activity.newer_than(top_id, flt)  # capped at NEWER_LIMIT by the service

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = self._rows[index.row()], index.column()
        if role == ExportRole:  # the moment whole, for the city's GIS and paper backup
            return iso_time(entry.at) if column == 0 else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return (
                    local_short_seconds(entry.at)
                    if role == Qt.ItemDataRole.DisplayRole
                    else local_seconds(entry.at)
                )
            if column == 1:
                return actor_words(entry.operator)
            if column == 2:
                return action_label(entry.action) if role == Qt.ItemDataRole.DisplayRole else entry.action
            return entry.words
        if role == Qt.ItemDataRole.FontRole and entry.is_note and column in (2, 3):
            font = QFont()
            font.setBold(column == 2)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and entry.is_note and column == 2:
            return QBrush(QColor("#0b5394"))
        return None

    def entry_at(self, row: int) -> ActivityEntry:
        return self._rows[row]

    @staticmethod
    def reading_of(entry: ActivityEntry) -> tuple[str, str]:
        """The heading and the words of the reading pane: the entry whole, which its Summary
        column cuts in a dock at 1280×720."""
        heading = " · ".join(
            (local_seconds(entry.at), actor_words(entry.operator), action_label(entry.action))
        )
        return heading, entry.words
