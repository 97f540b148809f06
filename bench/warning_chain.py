"""The early-warning chain from a sensor's frame to what a person sees, three figures.

ingest_per_s — sensor readings per second through the radio ingest WITH the evaluation
  (radio frame → raw row → reading → levels, rise, range, clock, flood → alerts → commit)
  against the plain radio ingest of the same frames (no evaluation) in the same run, on
  SQLite, 50 registered sensors reporting once a minute (levels crossed now and then).
  The +RCV lines go through the driver's line parser (Inbound) in chunks of 2,000, as a
  link hands them over. Target: the evaluation costs at most 25 % (ratio >= 0.75).
reaction_p99_ms — a frame whose reading crosses an emergency level is written to a
  simulated RYLR896's pty; the real SerialLink/AtModem/ingest store it; timed until the
  alert list (the real AlertPanel, fed by the bridge) shows the EMERGENCY alarm. 100
  crossings (each after a reading back to normal), p99 (--quick: 20, named max/second_worst).
  Target <= 1,000 ms.
chart_first_ms / chart_pan_ms — one year of one-minute readings (525,600) of one sensor in
  SQLite; the Sensors panel's chart (SensorChart: SQL time buckets read off the GUI thread,
  pyqtgraph) draws the 30-day and the 1-year view (first draw: asked → painted) and pans
  each by a tenth (asked → new data painted); the worst of the views is reported against
  pyqtgraph drawing the same points undecimated (the 1-year view's 525,600 points, then a
  pan) in the same run. Target <= 100 ms each.

Run: python bench/warning_chain.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import add_run_options, median_of, repeat, result_line, runs_of, tail  # noqa: E402

from helpers.posts import open_signed_on  # noqa: E402
from ops_console.hardware.lora.inbound import Inbound  # noqa: E402
from ops_console.hardware.protocols import field_payload as fp  # noqa: E402
from ops_console.hardware.simulators.lora_teams import rcv_line  # noqa: E402
from ops_console.sensors.kinds import SensorKind  # noqa: E402
from ops_console.sensors.views import SensorSpec  # noqa: E402

SENSORS = 50
CHUNK = 500  # ten readings a sensor: heard within ten minutes of the sensors' own clocks
T0 = datetime(2026, 11, 1, tzinfo=UTC)


def spec(i: int) -> SensorSpec:
    return SensorSpec(f"G{i:02d}-level", f"Gauge {i}", SensorKind.WATER_LEVEL, "m", f"Bank {i}", node_call=f"G{i:02d}",
                      interval_s=60, advisory=2.5, warning=3.0, emergency=3.5, hysteresis=0.1,
                      rise_amount=0.3, rise_window_s=900)  # fmt: skip


def sensor_lines(count: int) -> list[tuple[datetime, bytes]]:
    """``count`` +RCV lines: 50 gauges, one reading a minute each, a slow tide that crosses
    the advisory line twice a day and the warning line on some days."""
    out = []
    numbers = [0] * SENSORS
    for n in range(count):
        i = n % SENSORS
        heard = T0 + timedelta(seconds=60 * (n // SENSORS) + i)
        minute = n // SENSORS
        value = (
            2.2 + 0.6 * math.sin(minute / 720 * math.pi + i) + 0.01 * ((n * 7919) % 11 - 5)
        )  # ±5 cm of noise
        numbers[i] = numbers[i] % 65535 + 1
        [data] = fp.encode_sensor(
            f"G{i:02d}", numbers[i], f"G{i:02d}-level", "water_level", round(value, 3), "m", heard
        )
        out.append((heard, rcv_line(100 + i, data, -70, 6)))
    return out


def ingest_post(work: Path, evaluate: bool):  # type: ignore[no-untyped-def]
    """A post with the 50 gauges registered; without ``evaluate`` the ingest is the plain one."""
    post = open_signed_on(f"sqlite:///{work / f'ingest-{evaluate}-{time.monotonic_ns()}.sqlite'}")
    for i in range(SENSORS):
        post.sensors.save(spec(i))
    if not evaluate:
        post.radio.ingest.derived.watch = None  # the plain radio ingest of the same frames
    return post


def ingest_rate(post, lines: list[tuple[datetime, bytes]]) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """Readings/s through ``post``'s ingest; alerts raised."""
    inbound = Inbound("bench", lambda kind, words: None)
    chunks = []
    for start in range(0, len(lines), CHUNK):
        part = lines[start : start + CHUNK]
        chunks.append(inbound.feed(b"".join(line for _, line in part), part[-1][0], lambda *_: None))
    began = time.perf_counter()
    for frames in chunks:
        post.radio.ingest.ingest(frames)
    elapsed = time.perf_counter() - began
    watch = post.radio.ingest.derived.watch
    raised = sum(v for k, v in watch.counts.items() if k not in ("evaluated", "impossible")) if watch else 0
    stored = post.radio.ingest.counts["frames"]
    post.close()
    assert stored == len(lines), (stored, len(lines))
    return len(lines) / elapsed, raised


def ingest_pair(work: Path, lines: list[tuple[datetime, bytes]], tries: int) -> tuple[float, float, int]:
    """(evaluated, plain, alerts): each the best of ``tries``, plain and evaluated taking turns,
    so a burst of load on this shared machine does not decide the comparison."""
    posts = [(ingest_post(work, False), ingest_post(work, True)) for _ in range(tries)]
    plain, evaluated, raised = [], [], 0
    for bare, watched in posts:
        plain.append(ingest_rate(bare, lines)[0])
        rate, raised = ingest_rate(watched, lines)
        evaluated.append(rate)
    return max(evaluated), max(plain), raised


def reaction(work: Path, crossings: int) -> list[float]:
    """ms from the emergency frame written to the pty to the alarm on the alert list."""
    from PySide6.QtWidgets import QApplication

    from ops_console.hardware.simulators.lora_modem import SimulatedModem
    from ops_console.radio.devices import DeviceSpec
    from ops_console.radio.runtime import RadioRuntime
    from ops_console.ui.alerts import AlertPanel
    from ops_console.ui.bridge import PostBridge

    app = QApplication.instance() or QApplication([])
    post = open_signed_on(f"sqlite:///{work / 'reaction.sqlite'}")
    post.sensors.save(spec(0))
    sim = SimulatedModem(transport="pty", seed=3, garbage_rate=0.0, error_rate=0.0)
    sim.start()
    runtime = RadioRuntime(post.radio, [DeviceSpec("lora", sim.port_url, 115200, "bench")])
    runtime.start()
    assert runtime.wait_ready(10.0), runtime.status()
    bridge = PostBridge(post.bus)
    panel = AlertPanel(post, bridge)
    panel.show()
    took: list[float] = []
    number = 0

    def send(value: float) -> float:
        nonlocal number
        number += 1
        [data] = fp.encode_sensor("G00", number, "G00-level", "water_level", value, "m", datetime.now(UTC))
        started = time.perf_counter()
        sim.inject_bytes(rcv_line(100, data, -70, 6))
        return started

    def wait(predicate, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            app.processEvents()
            if predicate():
                return True
            time.sleep(0.001)
        return False

    for _ in range(crossings):
        stored = post.radio.ingest.counts["frames"]
        send(1.0)  # back to normal (below every line minus the hysteresis)
        assert wait(lambda stored=stored: post.radio.ingest.counts["frames"] > stored)
        known = {a.key for a in panel.model.alerts}
        started = send(4.0)
        found = wait(
            lambda known=known: any(
                a.key.startswith("radio:") and a.key not in known for a in panel.model.alerts
            )
        )
        took.append((time.perf_counter() - started) * 1000 if found else float("inf"))
    panel.wait_idle()
    bridge.detach()
    panel.close()
    runtime.stop()
    sim.stop()
    post.close()
    return took


def charts(work: Path, points: int) -> dict[str, float]:
    """First draw and pan of the 30-day and 1-year views (worst of the two), and the same
    points undecimated with plain pyqtgraph."""
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from ops_console.db.radio_models import SensorReading
    from ops_console.ui.sensors.chart import SensorChart

    app = QApplication.instance() or QApplication([])
    post = open_signed_on(f"sqlite:///{work / 'chart.sqlite'}")
    post.sensors.save(spec(0))
    end = T0 + timedelta(minutes=points)
    values = [2.2 + 0.6 * math.sin(i / 720 * math.pi) + 0.01 * (i % 13) for i in range(points)]
    with post.db.write() as s:
        table = SensorReading.__table__
        for start in range(0, points, 50_000):
            s.execute(
                table.insert(),
                [{"sensor_id": "G00-level", "kind": "water_level", "value": values[i], "unit": "m",
                  "at": T0 + timedelta(minutes=i), "node_addr": 100, "exercise": False}
                 for i in range(start, min(points, start + 50_000))],
            )  # fmt: skip
    post.sensors.rebuild_rollups("G00-level")  # written outside the ingest: rolled up as an import is
    chart = SensorChart(post.sensors, now=lambda: end)
    chart.resize(1000, 500)
    chart.show()
    chart.sensor_id = "G00-level"
    app.processEvents()

    def drawn_after(ask) -> float:  # type: ignore[no-untyped-def]
        before = chart.series
        started = time.perf_counter()
        ask()
        while chart.series is before:
            app.processEvents()
            time.sleep(0.0005)
        chart.plot.grab()  # painted, not only queued
        return (time.perf_counter() - started) * 1000

    firsts, pans = [], []
    for days in (30, 365):
        span = timedelta(days=min(days, points / 1440))
        firsts.append(drawn_after(partial(chart.load, end - span, end)))
        shift = span / 10
        pans.append(drawn_after(partial(chart.load, end - span - shift, end - shift)))
    chart.wait_idle()
    chart.close()
    post.close()
    # the plain way: every point handed to pyqtgraph, no clipping, no downsampling
    xs = np.array([(T0 + timedelta(minutes=i)).timestamp() for i in range(points)])
    ys = np.array(values)
    plain = pg.PlotWidget(background="w", axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
    plain.resize(1000, 500)
    plain.show()
    app.processEvents()
    started = time.perf_counter()
    curve = plain.plot(xs, ys, pen=pg.mkPen("#0072b2", width=2))
    plain.grab()
    plain_first = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    width = xs[-1] - xs[0]
    plain.setXRange(xs[0] - width / 10, xs[-1] - width / 10, padding=0)
    plain.grab()
    plain_pan = (time.perf_counter() - started) * 1000
    del curve
    plain.close()
    print(f"chart: first draws {firsts} ms, pans {pans} ms (30 days, 1 year)", file=sys.stderr)
    return {"first": max(firsts), "pan": max(pans), "plain_first": plain_first, "plain_pan": plain_pan}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_run_options(parser)
    args = parser.parse_args()
    runs = runs_of(args)
    count = 10_000 if args.quick else 100_000
    crossings = 20 if args.quick else 100
    points = 60_000 if args.quick else 525_600
    lines = sensor_lines(count)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)

        ingests = repeat(lambda: ingest_pair(work, lines, 2 if args.quick else 3), runs, "ingest run")
        evaluated = median_of([r[0] for r in ingests])
        plain = median_of([r[1] for r in ingests])
        ratio = median_of([r[0] / r[1] for r in ingests])
        print(
            result_line("warning_chain", "ingest_per_s", evaluated, "", plain, ">=0.75", digits=0,
                        extra={"cost_pct": f"{100 * (1 - ratio):.1f}", "alerts": str(ingests[0][2]),
                               "readings": str(count)}, ok=ratio >= 0.75)
        )  # fmt: skip
        delays = reaction(work, crossings)
        name, slow = tail(delays)
        print(
            result_line("warning_chain", f"reaction_{name}_ms", slow, "", median_of(delays), "<=1000", digits=0,
                        extra={"crossings": str(len(delays))})
        )  # fmt: skip
        drawn = repeat(lambda: charts(work, points), runs, "chart run")
        first, pan = median_of([d["first"] for d in drawn]), median_of([d["pan"] for d in drawn])
        plain_first = median_of([d["plain_first"] for d in drawn])
        plain_pan = median_of([d["plain_pan"] for d in drawn])
        print(result_line("warning_chain", "chart_first_ms", first, "", plain_first, "<=100", digits=1,
                          extra={"points": str(points)}))  # fmt: skip
        print(result_line("warning_chain", "chart_pan_ms", pan, "", plain_pan, "<=100", digits=1,
                          extra={"points": str(points)}))  # fmt: skip


if __name__ == "__main__":
    main()
