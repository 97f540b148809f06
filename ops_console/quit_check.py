"""What quitting the console would stop, in words for the person about to quit.

A post's console is also its ears: while it runs it listens to the radios, watches the
siren controllers and works the outbox. Closing it by accident stops all that without a
sound, so the window asks first and says exactly what will stop. Qt-free, so the rule
is tested without a window and the headless gateway could use it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ops_console.db.errors import DatabaseUnavailable
from ops_console.db.radio_models import RadioMessage

if TYPE_CHECKING:
    from ops_console.post import Post

OUTBOX_WAITING = ("queued", "sent")  # not yet delivered: still to send, or sent and awaiting the ack


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def what_would_stop(post: Post) -> list[str]:
    """One line per thing that stops or goes unseen when this console quits; [] when
    quitting loses nothing (then the window closes without asking)."""
    lines: list[str] = []
    if post.radio.radios_running:
        count = len(post.radio.link_status())
        lines.append(
            f"Listening on {_plural(count, 'radio', 'radios')} stops: "
            "traffic heard while the console is closed is not shown to anyone."
        )
    sirens = post.devices.siren_runtime
    if sirens is not None and sirens.running:
        count = len(sirens.buses)
        lines.append(
            f"Watching {_plural(count, 'siren line', 'siren lines')} stops: "
            "a siren fault or a siren sounding on its own is not noticed."
        )
    lines += _frames_not_stored(post)
    try:
        lines += _from_the_database(post)
    except DatabaseUnavailable as exc:  # closing in an outage must still ask, not crash
        lines.append(f"Unacknowledged alerts and the outbox could not be checked ({exc}).")
    return lines


def _from_the_database(post: Post) -> list[str]:
    lines = []
    unacked = len(post.radio.unacknowledged_alerts()) + len(post.sirens.list_alarms(open_only=True))
    if unacked:
        lines.append(f"{_plural(unacked, 'alert is', 'alerts are')} not acknowledged.")
    waiting = _outbox_waiting(post)
    if waiting:
        lines.append(
            f"{_plural(waiting, 'message waits', 'messages wait')} in the outbox "
            "and will not be sent until the console runs again."
        )
    return lines


def _frames_not_stored(post: Post) -> list[str]:
    """Frames heard but not yet in the database (it is away): kept on disk, or about to be lost."""
    ingest = post.radio.ingest
    waiting = ingest.pending()
    if not waiting:
        return []
    if ingest.spool is None or ingest.holding.problem:
        return [
            f"{_plural(waiting, 'radio frame heard is', 'radio frames heard are')} not stored yet "
            f"({ingest.problem or 'the database is away'}) and the spool file cannot take "
            "them: they are LOST if the console closes now."
        ]
    return [
        f"{_plural(waiting, 'radio frame heard waits', 'radio frames heard wait')} for the database "
        f"in the spool file {ingest.spool.path}; they are stored when the console runs again "
        "and the database answers."
    ]


def _outbox_waiting(post: Post) -> int:
    """Outbound messages not yet delivered, live and exercise alike (both stop)."""
    with post.db.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(RadioMessage)
                .where(RadioMessage.direction == "out", RadioMessage.status.in_(OUTBOX_WAITING))
            )
            or 0
        )
