"""The post's live devices - radios and siren controllers - as its settings describe them.

Built by the composition root (``open_post``) from the settings it read once; the main
window and the headless gateway only ``start()`` and ``stop()`` them. The runtimes reach
their services through what the services were given at construction (the radio's
LinkBoard, the sirens' waker), never by attaching themselves to a service.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ops_console.notices import say
from ops_console.radio.spool import FrameSpool, SpoolInUse
from ops_console.radio.stop_report import StopReport, stop_report
from ops_console.said import N_, said

if TYPE_CHECKING:
    from ops_console.radio.runtime import RadioRuntime
    from ops_console.radio.service import RadioService
    from ops_console.sirens.runtime import SirenRuntime
    from ops_console.sirens.service import SirenService

log = logging.getLogger(__name__)


@dataclass
class SirenPlan:
    """Which siren buses to poll and how often ([[siren_bus]], [sirens] poll_interval_s)."""

    buses: dict[str, str] = field(default_factory=dict)
    poll_interval_s: float = 10.0


class PostDevices:
    """Starts and stops the radio and siren runtimes of one post (idempotent both ways)."""

    def __init__(
        self,
        radio: RadioService,
        sirens: SirenService,
        siren_plan: SirenPlan,
        *,
        demo: bool,
        spool: Path | None = None,
    ) -> None:
        self._radio, self._sirens, self.siren_plan, self.demo = radio, sirens, siren_plan, demo
        self.spool_path = spool  # [radio] spool; else one per database in the data folder
        self._own_spool: FrameSpool | None = None  # the one this opened (a gateway brings its own)
        self.radio_report: StopReport | None = None  # where the frames were when the radio stopped
        self.radio_runtime: RadioRuntime | None = None
        self.siren_runtime: SirenRuntime | None = None
        self.demo_siren_bus: Any = None  # the demo's simulated controllers, when they run

    def start(self, *, demo: bool | None = None) -> None:
        """Open the configured radios and siren buses (the demo's simulators with ``demo``)."""
        demo = self.demo if demo is None else demo
        self.start_radio(demo=demo)
        self.start_sirens(demo=demo)

    def radio_planned(self, *, demo: bool | None = None) -> bool:
        """Whether ``start`` opens radios: some are configured, or the demo's simulated ones.
        Until it has, the radio panel says they are being opened, not that there are none."""
        settings = self._radio.settings
        return bool(settings.devices) or bool(self.demo if demo is None else demo) or settings.demo

    def start_radio(self, *, demo: bool) -> RadioRuntime | None:
        if self.radio_runtime is not None:
            return self.radio_runtime
        settings = self._radio.settings
        if not self.radio_planned(demo=demo):
            return None
        from ops_console.radio.runtime import RadioRuntime

        self._open_spool()
        self.radio_runtime = RadioRuntime(self._radio, settings.devices, demo=demo or settings.demo)
        self.radio_runtime.start()
        return self.radio_runtime

    def start_sirens(self, *, demo: bool) -> SirenRuntime | None:
        if self.siren_runtime is not None:
            return self.siren_runtime
        buses = dict(self.siren_plan.buses)
        if demo and not buses:
            from ops_console.sirens.demo import start_demo_bus

            self.demo_siren_bus = start_demo_bus()
            buses = {"sirens": self.demo_siren_bus.port_url}
        if not buses:
            return None
        from ops_console.sirens.runtime import SirenRuntime

        self.siren_runtime = SirenRuntime(
            self._sirens, buses, poll_interval_s=self.siren_plan.poll_interval_s
        )
        self.siren_runtime.start()
        return self.siren_runtime

    @property
    def watching(self) -> list[str]:
        """What is running, in words (what quitting would stop)."""
        out = []
        if self.radio_runtime is not None:
            out.append("radio")
        if self.siren_runtime is not None:
            out.append("sirens")
        return out

    def _open_spool(self) -> None:
        """Frames heard while the database is away go to a file, not only memory, so closing
        the window (or a crash) during an outage loses none; the next start forwards them."""
        ingest = self._radio.ingest
        if ingest.spool is not None:
            return
        path = self.spool_path or default_spool(self._radio.db.url)
        try:
            self._own_spool = FrameSpool(path)
        except (SpoolInUse, OSError, sqlite3.Error) as exc:
            log.error("radio: no spool file (%s); frames wait in memory while the database is away", exc)
            say(
                self._radio.bus,
                "problem",
                said(
                    N_("Frames heard while the database is away will wait in memory only: {why}"),
                    why=str(exc),
                ),
                source="radio storage",
            )
            return
        ingest.use_spool(self._own_spool)
        if len(self._own_spool):
            log.warning("radio: %d frames from an earlier run wait in %s", len(self._own_spool), path)

    def _close_spool(self) -> None:
        spool, self._own_spool = self._own_spool, None
        if spool is None:
            return
        self._radio.ingest.holding.spool = None
        empty = len(spool) == 0 and spool.journaled() == 0
        spool.close()
        if empty:  # nothing waits: leave no file behind
            for suffix in ("", "-wal", "-shm"):
                Path(f"{spool.path}{suffix}").unlink(missing_ok=True)

    def stop(self) -> None:
        if self.radio_runtime is not None:
            self.radio_runtime.stop()  # stores or spools what was read
            self.radio_report = stop_report(self._radio.ingest)
            self.radio_runtime = None
            self._close_spool()
        if self.siren_runtime is not None:
            self.siren_runtime.stop()
            self.siren_runtime = None
        if self.demo_siren_bus is not None:
            self.demo_siren_bus.stop()
            self.demo_siren_bus = None


def default_spool(db_url: str) -> Path:
    """One spool file per database (frames heard for one post must never be forwarded into
    another's), named by a digest of its address, never the address (it may hold a host)."""
    from ops_console.config import data_dir

    digest = hashlib.sha256(db_url.encode()).hexdigest()[:16]
    return data_dir() / f"radio-spool-{digest}.sqlite"
