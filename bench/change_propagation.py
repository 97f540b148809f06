"""How long a write on one console takes to reach another console's event bus.

Two posts with separate engines (two workstations) share one database; the writer
adds an activity-log line 20 times a second, the reader's change feed publishes it.
Figures: p50/p99 propagation latency on SQLite (polling) and, when OPS_CONSOLE_TEST_PG
names a server, on PostgreSQL (LISTEN/NOTIFY), against the commit time of the write
itself measured in the same run (the floor). Target: p99 <= 2000 ms.

Also: write throughput of the radio ingest path (raw frames stored, parsed, messages
stored) on PostgreSQL against SQLite in the same run (target: PostgreSQL >= 25 % of SQLite).

Run: python bench/change_propagation.py [--quick]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from ops_console.domain import Role  # noqa: E402
from ops_console.post import open_post  # noqa: E402
from ops_console.services.audit import SYSTEM  # noqa: E402

RATE = 20.0


def measure(url: str, writes: int) -> tuple[list[float], list[float]]:
    """Propagation latencies and commit times, in milliseconds."""
    writer = open_post(url)
    writer.operators.create("Bench Writer", Role.OPERATOR, "1234", by=SYSTEM)
    writer.operators.sign_on("Bench Writer", "1234")
    reader = open_post(url)
    sent: dict[int, float] = {}
    arrived: dict[int, float] = {}  # by audit id; NOTIFY can beat the writer's own bookkeeping
    done = threading.Event()

    def on_event(event) -> None:  # type: ignore[no-untyped-def]
        if event.topic == "activity.added" and event.data.get("remote"):
            arrived.setdefault(event.entity_id, time.perf_counter())
            if len(arrived) >= writes:
                done.set()

    reader.bus.subscribe(on_event)
    reader.feed.start()
    commits = []
    try:
        next_at = time.perf_counter()
        for i in range(writes):
            next_at += 1 / RATE
            started = time.perf_counter()
            entry = writer.activity.add_note(f"bench line {i}")
            sent[entry.id] = started
            commits.append((time.perf_counter() - started) * 1000)
            time.sleep(
                max(0.0, next_at - time.perf_counter())
            )  # pacing the load generator, not waiting for a device
        done.wait(5.0)
    finally:
        reader.close()
        writer.close()
    latencies = [(arrived[i] - t) * 1000 for i, t in sent.items() if i in arrived]
    return latencies, commits


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def report(engine: str, latencies: list[float], commits: list[float], writes: int) -> None:
    lost = writes - len(latencies)
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    floor = statistics.median(commits)
    print(
        f"{engine}: {len(latencies)}/{writes} writes seen, p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
        f"commit median {floor:.2f} ms{'; LOST ' + str(lost) if lost else ''}"
    )
    ok = p99 <= 2000 and lost == 0
    print(
        f"RESULT change_propagation {engine}_p99={p99:.1f}ms baseline={floor:.2f}ms ratio={p99 / floor:.1f} "
        f"target=<=2000ms {'PASS' if ok else 'MISS'}"
    )
    print(
        f"RESULT change_propagation {engine}_p50={p50:.1f}ms baseline={floor:.2f}ms ratio={p50 / floor:.1f} "
        f"target=<=2000ms {'PASS' if p50 <= 2000 else 'MISS'}"
    )


def ingest_rate(url: str, frames: int) -> float:
    """Frames per second through RadioIngest (store raw, parse, store messages) on ``url``."""
    from datetime import UTC, datetime

    from ops_console.hardware.lora.types import RawFrame
    from ops_console.hardware.protocols import field_payload as fp

    post = open_post(url)
    now = datetime.now(UTC)
    batch = []
    for n in range(frames):
        payload = fp.encode_text(
            "CANAL-1", "OPS", n % 65_000 + 1, fp.Precedence.ROUTINE, f"level report {n}"
        )[0]
        batch.append(
            RawFrame(
                raw=b"+RCV=11,%d,%s,-80,7" % (len(payload), payload),
                received_at=now,
                link="bench",
                address=11,
                data=payload,
                rssi=-80,
                snr=7,
            )
        )
    started = time.perf_counter()
    for i in range(0, frames, 500):
        post.radio.ingest.ingest(batch[i : i + 500])
    rate = frames / (time.perf_counter() - started)
    post.close()
    return rate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run of a few seconds")
    args = parser.parse_args(argv)
    writes = 20 if args.quick else 600
    frames = 2_000 if args.quick else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        report("sqlite", *measure(f"sqlite:///{Path(tmp) / 'post.sqlite'}", writes), writes)
        sqlite_rate = ingest_rate(f"sqlite:///{Path(tmp) / 'ingest.sqlite'}", frames)
    server = os.environ.get("OPS_CONSOLE_TEST_PG")
    if server:
        from helpers.pg import scratch_database

        with scratch_database(server) as url:
            report("postgresql", *measure(url, writes), writes)
        with scratch_database(server) as url:
            pg_rate = ingest_rate(url, frames)
        ratio = pg_rate / sqlite_rate
        print(
            f"radio ingest: PostgreSQL {pg_rate:,.0f} frames/s, SQLite {sqlite_rate:,.0f} frames/s ({frames} frames)"
        )
        print(
            f"RESULT change_propagation pg_ingest_frames_per_s={pg_rate:.0f}/s baseline={sqlite_rate:.0f}/s "
            f"ratio={ratio:.2f} target=>=0.25 {'PASS' if ratio >= 0.25 else 'MISS'}"
        )
    else:
        print(
            f"radio ingest: SQLite {sqlite_rate:,.0f} frames/s; PostgreSQL skipped: set OPS_CONSOLE_TEST_PG"
        )


if __name__ == "__main__":
    main()
