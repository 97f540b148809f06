"""The folder of CAP files from the city, looked at every few seconds off the GUI thread.

A new or changed ``*.xml`` there is read by ``CapInbox.scan_folder`` on a job lane: an
accepted alert lands on the alert list and the map (the service publishes it), a refused
one becomes a notice with the parser's sentence. One scan at a time; none when no folder
is configured (``[warnings] cap_inbox``)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

from ops_console.early_warning.inbox import CapInbox
from ops_console.ui.common.jobs import Job, JobLane, start_job

INTERVAL_MS = 5_000


class CapFolderWatch(QObject):
    def __init__(
        self, inbox: CapInbox, folder: Path, parent: QObject | None = None, interval_ms: int = INTERVAL_MS
    ) -> None:
        super().__init__(parent)
        self.inbox, self.folder = inbox, folder
        self._lane = JobLane("cap-inbox", 1, self)
        self._job: Job | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.scan)
        self.timer.start()

    @Slot()
    def scan(self) -> None:
        if self._job is not None and not self._job.finished:
            return
        self._job = start_job(
            self._lane, partial(self.inbox.scan_folder, self.folder), None, self._failed, owner=self
        )

    @Slot(object)
    def _failed(self, exc: Exception) -> None:
        from ops_console.notices import say
        from ops_console.said import N_, said

        words = said(
            N_("The CAP folder {folder} could not be read: {why}"), folder=str(self.folder), why=str(exc)
        )
        say(self.inbox.bus, "problem", words, source="cap")

    def stop(self) -> None:
        self.timer.stop()
        self._lane.waitForDone(5000)
