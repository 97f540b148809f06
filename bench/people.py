"""People: how fast the residents inside a drawn zone are found.

Figure (issue 17, "Measures"), on a real SQLite post:
- ``zone_query_ms``: the ids of the registered residents inside an irregular evacuation
  polygon, out of 100,000 residents spread over a 4 × 4 km district (about 3,000 inside),
  the way the console does it (ResidentService's zone query: a range of the (lat, lon, id)
  index for the bounding box, the exact even-odd test on those candidates only). Target
  <= 100 ms. The baseline is the plain full scan in the same run: every resident read and
  tested (``zone_query.full_scan``); both answers must be the same set.
Each figure is the median of ``--runs`` runs (default 3; --quick: 1, with 10,000 residents).

The accountability figures (``timer_lag_p99_ms``, ``board_refresh_ms``: 200 field teams,
radio traffic at 50 frames/s) are measured by bench/_accountability.py, whose docstring
says how; this script runs both parts and prints all three RESULT lines.

Run: python bench/people.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from ops_console.db.resident_models import Resident
from ops_console.demo.neighbourhood import CENTRE_LAT, CENTRE_LON
from ops_console.mapping.geo import offset
from ops_console.mapping.zones import ZoneDraft, ZoneKind
from ops_console.post import Post, open_post
from ops_console.residents.zone_query import full_scan, ids_in_zone
from ops_console.services.audit import SYSTEM

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import add_run_options, median_of, repeat, result_line, runs_of, tail  # noqa: E402

HALF_SIDE_M = 2000.0
# an irregular polygon along a river bend, metres (north, east) from the centre
POLYGON_M = (
    (-300, -700),
    (-250, -100),
    (-400, 150),
    (-350, 500),
    (-600, 600),
    (-700, 100),
    (-650, -400),
    (-500, -750),
)
NEEDS = ("oxygen", "dialysis", "mobility", "infant", "hearing_sight", "language", "")
QUERIES = 15


def fill(post: Post, residents: int, seed: int = 17) -> None:
    rng = random.Random(seed)
    rows = []
    for i in range(residents):
        north, east = rng.uniform(-HALF_SIDE_M, HALF_SIDE_M), rng.uniform(-HALF_SIDE_M, HALF_SIDE_M)
        lat, lon = offset(CENTRE_LAT, CENTRE_LON, north, east)
        need = rng.choice(NEEDS)
        street = f"Lane {int(north // 50)}"
        rows.append(
            {
                "name": f"Resident {i}",
                "address": f"{street} {i}",
                "street": street,
                "lat": lat,
                "lon": lon,
                "needs": need,
                "urgency": 0 if not need else 7 - NEEDS.index(need) - 1,
                "version": 1,
            }
        )
    with post.db.write() as s:
        for start in range(0, len(rows), 20_000):
            s.execute(insert(Resident), rows[start : start + 20_000])


def timed(fn, queries: int) -> tuple[float, list[int]]:  # type: ignore[no-untyped-def]
    times, answer = [], []
    for _ in range(queries):
        started = time.perf_counter()
        answer = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), answer


def one_run(residents: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        post = open_post(f"sqlite:///{Path(folder) / 'people.sqlite'}")
        try:
            post.shift.actor = SYSTEM
            fill(post, residents)
            ring = tuple(offset(CENTRE_LAT, CENTRE_LON, n, e) for n, e in POLYGON_M)
            zone = post.map.zones.create(ZoneDraft("Evacuate: river bend", ZoneKind.EVACUATION, ring=ring))
            with post.db.read() as s:
                indexed, inside = timed(lambda: ids_in_zone(s, zone), QUERIES)
                scanned, plain = timed(lambda: full_scan(s, zone), max(3, QUERIES // 3))
            if sorted(inside) != sorted(plain):
                raise SystemExit("the indexed zone query and the full scan disagree")
            started = time.perf_counter()
            listed = post.residents.evacuation.residents_in(zone.id)
            rows_s = time.perf_counter() - started
        finally:
            post.close()
    return {"indexed": indexed, "scan": scanned, "inside": len(inside), "rows": rows_s, "listed": len(listed)}


def accountability(args: argparse.Namespace) -> None:
    """PAR timers under traffic and the team board's refresh (bench/_accountability.py)."""
    from _accountability import one_run as par_run

    seconds = 3.0 if args.quick else 20.0
    measured = repeat(lambda: par_run(200, seconds), runs_of(args), "accountability run")
    lag_name, lag = "p99", median_of([tail(m["lags"])[1] * 1000 for m in measured])
    lag_name = tail(measured[0]["lags"])[0]
    commit = median_of([tail(m["commits"])[1] * 1000 for m in measured])
    wrong = max(m["wrong"] for m in measured)
    unseen = max(m["unseen"] for m in measured)
    board = median_of([m["board_ms"] for m in measured])
    empty = median_of([m["empty_ms"] for m in measured])
    print(
        f"accountability: 200 teams, {measured[0]['frames']:.0f} frames at 50/s; timer restarted on the board "
        f"{lag_name} {lag:.0f} ms after hand-over (commit alone {commit:.0f} ms); teams wrong at the end: "
        f"{wrong:.0f}, frames never seen on the board: {unseen:.0f}; board refresh {board:.1f} ms "
        f"(empty board {empty:.2f} ms)"
    )
    print(
        result_line(
            "people",
            f"timer_lag_{lag_name}_ms",
            lag,
            "ms",
            commit,
            "<=1000",
            extra={
                "wrong_teams": f"{wrong:.0f}",
                "unseen": f"{unseen:.0f}",
                "frames": f"{measured[0]['frames']:.0f}",
            },
            ok=lag <= 1000 and wrong == 0 and unseen == 0,
        )
    )
    print(
        result_line(
            "people", "board_refresh_ms", board, "ms", empty, "<=50", digits=2, extra={"teams": "200"}
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_run_options(parser)
    args = parser.parse_args()
    accountability(args)
    residents = 10_000 if args.quick else 100_000
    measured = repeat(lambda: one_run(residents), runs_of(args))
    f = {k: median_of([m[k] for m in measured]) for k in measured[0]}
    print(
        f"zone query over {residents:,} residents: {f['inside']:.0f} inside; indexed {f['indexed'] * 1000:.1f} ms, "
        f"full scan {f['scan'] * 1000:.1f} ms; the zone's list with names and whereabouts "
        f"({f['listed']:.0f} rows, what the panel's job reads) {f['rows'] * 1000:.0f} ms"
    )
    print(
        result_line(
            "people",
            "zone_query_ms",
            f["indexed"] * 1000,
            "ms",
            f["scan"] * 1000,
            "<=100",
            extra={"inside": f"{f['inside']:.0f}", "residents": str(residents)},
        )
    )


if __name__ == "__main__":
    main()
