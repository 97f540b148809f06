"""people-a's half of bench/people.py: the PAR timers of 200 field teams under radio traffic.

- ``timer_lag_p99_ms``: 200 teams in the field, each with a radio node; position frames
  from random nodes at 50 frames/s handed to the real radio ingest thread (``submit``, as
  a link thread does). A watcher does what the console does on each ``radio.node`` event:
  it reads the team board (TeamService.board) and checks, for every frame not yet seen
  there, that its team's timer now restarts at that frame. The lag is hand-over → the
  board showing the restarted timer; target p99 <= 1000 ms ("correct within 1 s"). The
  baseline is hand-over → the frame committed (the ingest's own ``on_stored``), the floor
  any derived state sits on. At the end every team's state on the board must equal what
  the pure rule (people/par.py) gives from the frames sent; a mismatch is a MISS.
- ``board_refresh_ms``: one board read with the 200 teams (5 members each) and the Qt
  item model of the team board panel taking the rows, against the same refresh of an
  empty board in the same run; target <= 50 ms.
"""

from __future__ import annotations

import queue
import random
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from ops_console.db.models import Team, TeamMember
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.people.par import last_contact, par_state
from ops_console.people.views import TeamStatus
from ops_console.post import open_post
from ops_console.services.audit import SYSTEM
from ops_console.topics import Topic

FIRST_NODE = 1000
RATE = 50.0


def _frame(node: int, call: str, seq: int) -> RawFrame:
    now = datetime.now(UTC)
    data = fp.encode_position(call, seq % 65536, 30.27 + node * 1e-5, 120.17, now)[0]
    raw = b"+RCV=%d,%d," % (node, len(data)) + data + b",-60,5"
    return RawFrame(raw, now, "bench", node, data, -60, 5)


def _teams(post, count: int) -> None:  # type: ignore[no-untyped-def]
    reset = datetime.now(UTC) - timedelta(minutes=10)
    with post.db.write() as s:
        s.execute(
            insert(Team),
            [
                {
                    "name": f"Team {i:03d}",
                    "callsign": f"T{i:03d}",
                    "specialty": "",
                    "status": TeamStatus.ON_SCENE.value,
                    "radio_node": FIRST_NODE + i,
                    "par_minutes": 20,
                    "par_reset_at": reset,
                    "par_reset_by": "bench",
                    "active": True,
                }
                for i in range(count)
            ],
        )
        ids = list(s.scalars(select(Team.id).order_by(Team.id)))
        s.execute(
            insert(TeamMember),
            [
                {"team_id": t, "name": f"Member {t}-{m}", "phone": "", "skills": "", "is_leader": m == 0}
                for t in ids
                for m in range(5)
            ],
        )


def _board_refresh_ms(post, model, repeats: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        rows = post.people.teams.board()
        if model is not None:
            model.set_rows(rows)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _model():  # type: ignore[no-untyped-def]
    """The team board's Qt item model, when the panel exists (a Qt application is made)."""
    try:
        from PySide6.QtWidgets import QApplication

        from ops_console.ui.people.board_model import TeamBoardModel
    except ImportError:
        return None
    QApplication.instance() or QApplication([])
    return TeamBoardModel()


def one_run(teams: int, seconds: float) -> dict:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as folder:
        post = open_post(f"sqlite:///{Path(folder) / 'par.sqlite'}")
        try:
            post.shift.actor = SYSTEM
            model = _model()
            empty_ms = _board_refresh_ms(post, model, 30)
            _teams(post, teams)
            full_ms = _board_refresh_ms(post, model, 30)
            return {**_traffic(post, teams, seconds), "board_ms": full_ms, "empty_ms": empty_ms}
        finally:
            post.close()


def _traffic(post, teams: int, seconds: float) -> dict:  # type: ignore[no-untyped-def,type-arg]
    ingest = post.radio.ingest
    sent: dict[int, tuple[float, datetime, int]] = {}  # frame seq -> (hand-over, received_at, node)
    committed: dict[tuple[datetime, int | None], float] = {}
    pending: dict[int, tuple[float, datetime, str]] = {}
    lags: list[float] = []
    commits: list[float] = []
    lock = threading.Lock()
    wake: queue.SimpleQueue[object] = queue.SimpleQueue()

    def on_stored(frames):  # type: ignore[no-untyped-def]
        at = time.perf_counter()
        with lock:
            for f in frames:
                committed[(f.received_at, f.address)] = at

    def on_event(event) -> None:  # type: ignore[no-untyped-def]
        if event.topic == Topic.RADIO_NODE:
            wake.put(event)

    def watch() -> None:
        while True:
            item = wake.get()
            if item is None:
                return
            while True:  # coalesce a burst into one read, as the panel's timer does
                try:
                    if wake.get_nowait() is None:
                        wake.put(None)
                        break
                except queue.Empty:
                    break
            board = {r.callsign: r for r in post.people.teams.board()}
            seen = time.perf_counter()
            with lock:
                for seq, (handed, received, call) in list(pending.items()):
                    row = board.get(call)
                    if row is not None and row.contact_at is not None and row.contact_at >= received:
                        lags.append(seen - handed)
                        del pending[seq]

    ingest.on_stored = on_stored
    post.bus.subscribe(on_event)
    ingest.start()
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    rng = random.Random(5)
    count = int(seconds * RATE)
    last_frame: dict[int, datetime] = {}
    started = time.perf_counter()
    for seq in range(count):
        due = started + seq / RATE
        pause = due - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        i = rng.randrange(teams)
        frame = _frame(FIRST_NODE + i, f"T{i:03d}", seq)
        with lock:
            handed = time.perf_counter()
            sent[seq], pending[seq] = (
                (handed, frame.received_at, FIRST_NODE + i),
                (handed, frame.received_at, f"T{i:03d}"),
            )
        last_frame[i] = frame.received_at
        ingest.submit([frame])
    deadline = time.perf_counter() + 10
    while pending and time.perf_counter() < deadline:
        time.sleep(0.05)
    wake.put(None)
    watcher.join(5)
    ingest.stop()
    for handed, received, node in sent.values():
        done = committed.get((received, node))
        if done is not None:
            commits.append(done - handed)
    # every team's state on the board against the rule, from what was sent
    now = datetime.now(UTC)
    wrong = 0
    with post.db.read() as s:
        resets = dict(s.execute(select(Team.callsign, Team.par_reset_at)).all())
    for row in post.people.teams.board(now):
        i = int(row.callsign[1:])
        reset = resets[row.callsign]
        expected = par_state(True, last_contact(reset, last_frame.get(i)), row.par_minutes, now)
        if row.par.level != expected.level or row.contact_at is None or expected.contact_at is None:
            wrong += 1
        elif abs((row.contact_at - expected.contact_at).total_seconds()) > 1:
            wrong += 1
    return {
        "lags": lags,
        "commits": commits,
        "unseen": float(len(pending)),
        "wrong": float(wrong),
        "frames": float(count),
    }
