"""CPU per message row stored in bulk, with the post's SQLite settings against SQLite's defaults.

The radio ingest writes received texts into ``radio_messages``, whose four indexes (time,
status, origin by station and number, alerts) put each row's index entries on pages spread
over the file. Measured here alone, in plain loops of multi-row statements (512 rows each,
4 statements a transaction, like a busy link's batches; the rows built before the clock
starts), on a million rows with the table's real schema:
  - defaults: a plain sqlite3 connection as the post had it before (WAL, synchronous
    NORMAL; 2 MiB page cache, checkpoints every 1,000 pages) and ``INSERT INTO``: the
    baseline;
  - post: a connection from the post's own engine (db/engine.py: its page cache and
    checkpoint interval) writing through the ingest's own statement for received texts
    (radio/texts.py, radio/bulk.py: ``INSERT OR FAIL``, no statement journal).
Figure: the post's CPU seconds per row over the defaults' (target <= 0.75), each the median
of ``--runs`` runs. The whole pipeline is bench/radio_ingest.py.

Measured on the 2-core development machine, quiet (2026-12-07), --runs 3: defaults 21.5 us
a row, the post's settings 10.4 us, ratio 0.48 (runs 22.6/11.8, 19.5/9.6, 21.5/10.4). One
change at a time, in a loop of the same shape: defaults ~25-29 us, INSERT OR FAIL ~19-20,
with a 16 MiB cache ~15-16, with checkpoints every 8,000 pages ~12-14 (a 32 MiB cache
measured the same as 16). A small table fits any cache: the --quick run's 200,000 rows
show less of the difference.

Run: python bench/sqlite_settings.py [--quick] [--runs N] [--rows N]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import add_run_options, median_of, repeat, result_line, runs_of  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.schema import CreateIndex, CreateTable  # noqa: E402

from db.engine import Database  # noqa: E402
from db.radio_models import RadioMessage  # noqa: E402
from ops_console.radio.bulk import ROWS_PER_STATEMENT  # noqa: E402
from ops_console.radio.texts import _MSG_INSERT  # noqa: E402

TABLE = RadioMessage.__table__
POST_INSERT = _MSG_INSERT
"""The statement the ingest stores received texts with: its columns, and its constants
written into the SQL as literals. Each batch below is one of its statements' worth of rows
(ROWS_PER_STATEMENT, the ingest's own)."""
STATEMENTS_PER_COMMIT = 4


def statements(rows: int) -> list[list[object]]:
    """Each statement's parameters, flat: texts from 200 stations, numbers and precedences at
    random (the origin and alert indexes take them anywhere), times rising."""
    rnd = random.Random(5)
    out, n = [], 0
    while n < rows:
        flat: list[object] = []
        for i in range(n, n + ROWS_PER_STATEMENT):
            station = f"T{rnd.randrange(200):03d}"
            flat += (
                i + 1,  # id
                "text",
                station,
                rnd.randrange(65536),  # number
                station,  # sender
                "OPS",  # recipient
                1000 + rnd.randrange(200),  # node_addr
                rnd.choice(("ROUTINE", "ROUTINE", "PRIORITY", "EMERGENCY")),
                "",  # subject
                f"report {i} from the field: water at the second step",
                f"2026-12-07 02:{i // 60_000 % 60:02d}:{i // 1000 % 60:02d}.{i % 1000:06d}",  # at
                "lora",
                -70,  # rssi
                3.0,  # snr
                i + 1,  # raw_frame_id
                0,  # exercise
            )
        out.append(flat)
        n += ROWS_PER_STATEMENT
    return out


def schema(conn: sqlite3.Connection) -> None:
    dialect = create_engine("sqlite://").dialect
    conn.execute(str(CreateTable(TABLE).compile(dialect=dialect)))
    for index in TABLE.indexes:
        conn.execute(str(CreateIndex(index).compile(dialect=dialect)))


def timed(batches: list[list[object]], write: Callable[[list[list[object]]], None]) -> float:
    """CPU microseconds per row of writing ``batches`` a commit's worth at a time."""
    start = time.process_time()
    for first in range(0, len(batches), STATEMENTS_PER_COMMIT):
        write(batches[first : first + STATEMENTS_PER_COMMIT])
    return 1e6 * (time.process_time() - start) / (len(batches) * ROWS_PER_STATEMENT)


def with_defaults(path: Path, batches: list[list[object]]) -> float:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    schema(conn)
    # the ingest's own statement (its columns, its constants as literals), as it was: no OR FAIL
    sql = POST_INSERT._sql(ROWS_PER_STATEMENT).replace("INSERT OR FAIL INTO", "INSERT INTO", 1)
    assert sql.startswith("INSERT INTO "), "the ingest's statement changed: compare like with like"

    def write(commit: list[list[object]]) -> None:
        conn.execute("BEGIN")
        for flat in commit:
            conn.execute(sql, flat)
        conn.execute("COMMIT")

    try:
        return timed(batches, write)
    finally:
        conn.close()


def with_post_settings(path: Path, batches: list[list[object]]) -> float:
    db = Database(f"sqlite:///{path}")
    engine = db.engine.execution_options(sqlite_begin="IMMEDIATE")  # as the ingest's
    with engine.begin() as conn:
        schema(conn.connection.driver_connection)  # type: ignore[arg-type]

    def write(commit: list[list[object]]) -> None:
        with engine.begin() as conn:
            for flat in commit:
                POST_INSERT.rows(conn, flat)

    try:
        return timed(batches, write)
    finally:
        db.engine.dispose()


def one_run(rows: int) -> tuple[float, float]:
    batches = statements(rows)
    with tempfile.TemporaryDirectory() as tmp:
        return with_defaults(Path(tmp) / "defaults.sqlite", batches), with_post_settings(
            Path(tmp) / "post.sqlite", batches
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_run_options(parser)
    parser.add_argument(
        "--rows", type=int, default=0, help="rows per run (default 1,000,000; --quick: 200,000)"
    )
    args = parser.parse_args()
    rows = args.rows or (200_000 if args.quick else 1_000_000)
    measured = repeat(lambda: one_run(rows), runs_of(args))
    defaults, post = median_of([d for d, _ in measured]), median_of([p for _, p in measured])
    each = ", ".join(f"{d:.1f}/{p:.1f}" for d, p in measured)
    print(f"rows={rows} defaults={defaults:.2f} us/row post={post:.2f} us/row (runs, defaults/post: {each})")
    print(
        result_line(
            "sqlite_settings",
            "row_cpu_ratio",
            post / defaults,
            "",
            1.0,
            "<=0.75",
            digits=2,
            extra={"post_us": f"{post:.2f}", "defaults_us": f"{defaults:.2f}"},
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
