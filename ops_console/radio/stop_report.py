"""Where every frame heard is when the radio stops: the last words of a gateway or a
console window, and the process's exit code.

A clean stop (SIGTERM, Ctrl+C, the window closed) stores or spools what was read; when it
cannot (the database away and the spool refused, a full disk), the frames held only in
memory die with the process. That must never pass as a normal exit: the report names how
many frames are where, and the exit code is non-zero. Qt-free, so the gateway and the
window say it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ops_console.radio.ingest import RadioIngest

EXIT_OK, EXIT_DISK_FULL, EXIT_NOT_SAVED, EXIT_PORT_IN_USE = 0, 6, 7, 8


@dataclass(frozen=True)
class StopReport:
    """Frames stored this run, waiting in the spool file, only in memory (NOT saved), lost."""

    stored: int
    spool: int
    memory: int
    lost: int
    spool_path: Path | None
    disk_full: bool
    problem: str

    @property
    def kept(self) -> bool:
        """Everything heard is stored or on disk in the spool."""
        return not self.memory and not self.lost

    @property
    def exit_code(self) -> int:
        if self.kept:
            return EXIT_OK
        return EXIT_DISK_FULL if self.disk_full else EXIT_NOT_SAVED

    def line(self) -> str:
        where = f" {self.spool_path}" if self.spool_path else ""
        words = (
            f"frames: {self.stored} stored this run, {self.spool} waiting in the spool{where}, "
            f"{self.memory} only in memory (NOT saved), {self.lost} lost"
        )
        if self.kept:
            return words
        return f"{words}; {'disk full' if self.disk_full else (self.problem or 'the ingest did not finish')}"


def stop_report(ingest: RadioIngest) -> StopReport:
    """Read after the runtime stopped (the ingest stored or spooled what it could)."""
    where = ingest.whereabouts()
    return StopReport(
        stored=where["stored"],
        spool=where["spool"],
        memory=where["memory"],
        lost=where["lost"],
        spool_path=ingest.spool.path if ingest.spool is not None else None,
        disk_full=ingest.holding.disk_full,
        problem=ingest.problem,
    )
