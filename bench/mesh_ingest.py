"""Meshtastic frames per second decoded and stored, against a decode-only loop; and the REYAX
airtime budget's error against the Semtech formula.

mesh_frames_per_s: N FromRadio frames (positions, environment telemetry and texts from the
simulated node's neighbours, with a debug log line now and then between them) are written
to a real pseudo-terminal by a thread of this process; a SerialLink reads it, the
Meshtastic driver's receive path (stream framer, FromRadio decode, node database,
packet → RawFrames) hands them to the radio ingest of a real post on SQLite, and the clock
stops when the last row is committed. Baseline, in the same run: a loop that only decodes
the same frames with the package's protobufs (FromRadio, then the packet's Position,
Telemetry or text) and stores nothing. Target: >= 0.25 of the decode-only loop.
driver_frames_per_s: the same frames through the driver's own receive path alone (framer,
FromRadio decode, node database, packet → RawFrames; no link thread, no ingest), against the
same decode-only loop: what the Meshtastic side costs before the shared ingest.
storage_ceiling_frames_per_s: the decode-only loop that also stores the same rows (one per
position, text and telemetry metric) into ONE plain SQLite table with executemany, a commit
per 1,000 frames: the most any path that keeps a frame's readings as rows can reach. Its
ratio to decode-only says what the 0.25 target asks: the pipeline would have to run at
0.25 / that ratio of the plainest possible store.

Measured on the loaded 2-core development machine (2026-12-06, load average 6-7, 50,000
frames, median of 3): pipeline 24,000 frames/s against 499,000/s decode-only, ratio 0.05:
MISS (it was 9,900/s, 0.03, earlier the same day); the driver alone 71,000 frames/s (ratio
0.14; in CPU seconds of the process 6.8 us a frame, 9.6 before its receive path was made
leaner). The decode-only loop is the package's C (upb) parser; the driver and the ingest
share one interpreter, so the pipeline pays both: the driver is about a third of it, the
shared radio ingest (classify, repeat check, raw rows and what they mean, one SQLite commit
per batch; a telemetry frame is three readings) the rest. A mesh carries a few packets per
second on air.

On a quiet machine (2026-12-07, load average < 0.3, 50,000 frames, median of 3): pipeline
46,280 frames/s (74,000 rows/s) against 974,853/s decode-only, ratio 0.05: MISS; the driver
alone 103,584/s (0.11: framing and the node database in Python already cost twice the
target's whole budget of ~4 us a frame); the storage ceiling 422,245/s (0.43), so the
target asks the whole pipeline for 0.58 of one bare table's executemany; it runs at 0.11.

airtime_error_ms: for 1,000 random payloads (1..240 bytes) under random REYAX settings
(SF7..12, 125/250/500 kHz, CR 4/5..4/8, preamble 4..24), the largest difference between
what the outbox charges a frame (``at_modem.frame_airtime``) and the Semtech AN1200.13
formula written out here with exact fractions for the payload plus REYAX's 8 bytes on air,
to the nanosecond (the budget's float seconds round below that). Target: 0.

Run: python bench/mesh_ingest.py [--quick] [--runs N] [--frames N]
"""

from __future__ import annotations

import argparse
import math
import os
import pty
import random
import sqlite3
import sys
import tempfile
import threading
import time
import tty
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import add_run_options, median_of, repeat, result_line, runs_of  # noqa: E402

from helpers.posts import open_signed_on  # noqa: E402
from ops_console.hardware.lora.airtime import Modulation  # noqa: E402
from ops_console.hardware.lora.at_modem import frame_airtime  # noqa: E402
from ops_console.hardware.mesh.node import MeshNode  # noqa: E402
from ops_console.hardware.protocols import meshtastic_stream as stream  # noqa: E402
from ops_console.hardware.simulators.mesh_node import DEBUG_LINES, SimulatedMeshNode  # noqa: E402
from ops_console.hardware.transport.serial_link import SerialLink  # noqa: E402

REYAX_OVERHEAD = 8
"""Bytes the REYAX firmware puts on the air beside the data (its AT command guides)."""


def build_frames(count: int) -> tuple[list[bytes], int]:
    """``count`` frames as the node writes them, and how many rows they store (a telemetry
    packet is one reading per metric)."""
    sim = SimulatedMeshNode(seed=4)  # never started: only its packet builders are used
    frames, rows = [], 0
    for i in range(count):
        n = sim.neighbours[i % len(sim.neighbours)]
        n.lat += 1e-5
        if i % 10 == 9:
            msg, r = sim.text_from(n, f"Status report {i} from {n.short_name}"), 1
        elif i % 3 == 0:
            msg, r = sim.environment_of(n), 3
        else:
            msg, r = sim.position_of(n), 1
        frames.append(stream.encode(msg.SerializeToString()))
        rows += r
    return frames, rows


def decode_only(frames: list[bytes]) -> float:
    """Frames/s of the plainest decode with the package's protobufs (nothing stored)."""
    from meshtastic.protobuf import mesh_pb2, portnums_pb2, telemetry_pb2

    start = time.perf_counter()
    for frame in frames:
        msg = mesh_pb2.FromRadio.FromString(frame[4:])
        data = msg.packet.decoded
        if data.portnum == portnums_pb2.POSITION_APP:
            mesh_pb2.Position.FromString(data.payload)
        elif data.portnum == portnums_pb2.TELEMETRY_APP:
            telemetry_pb2.Telemetry.FromString(data.payload)
        else:
            data.payload.decode("utf-8")
    return len(frames) / (time.perf_counter() - start)


def storage_ceiling(workdir: Path, frames: list[bytes], batch: int = 1000) -> float:
    """Frames/s of the decode-only loop that also stores what the post keeps of a frame (one
    row per position, text or telemetry metric: the same row count as the pipeline) into ONE
    plain SQLite table, with executemany and a commit per ``batch`` frames (WAL,
    synchronous=NORMAL like the post): the most any path that stores a frame's readings can
    reach, with no framing, classification, index or node database at all."""
    from meshtastic.protobuf import mesh_pb2, portnums_pb2, telemetry_pb2

    conn = sqlite3.connect(workdir / f"ceiling-{len(os.listdir(workdir))}.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, node INTEGER, kind INTEGER, value BLOB)")
    insert = "INSERT INTO readings (node, kind, value) VALUES (?, ?, ?)"
    start = time.perf_counter()
    for first in range(0, len(frames), batch):
        rows: list[tuple[int, int, object]] = []
        for frame in frames[first : first + batch]:
            packet = mesh_pb2.FromRadio.FromString(frame[4:]).packet
            data = packet.decoded
            if data.portnum == portnums_pb2.POSITION_APP:
                rows.append(
                    (
                        getattr(packet, "from"),
                        1,
                        mesh_pb2.Position.FromString(data.payload).latitude_i,
                    )
                )
            elif data.portnum == portnums_pb2.TELEMETRY_APP:
                env = telemetry_pb2.Telemetry.FromString(data.payload).environment_metrics
                node = getattr(packet, "from")
                rows += [
                    (node, 2, env.temperature),
                    (node, 3, env.relative_humidity),
                    (node, 4, env.barometric_pressure),
                ]
            else:
                rows.append((getattr(packet, "from"), 5, data.payload.decode("utf-8")))
        conn.execute("BEGIN")
        conn.executemany(insert, rows)
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return len(frames) / elapsed


def with_log_lines(frames: list[bytes]) -> bytes:
    """The frames as the node writes them: a debug log line after every 50th."""
    blob = bytearray()
    for i, frame in enumerate(frames):
        blob += frame
        if i % 50 == 0:
            blob += DEBUG_LINES[i % len(DEBUG_LINES)]
    return bytes(blob)


def driver_only(frames: list[bytes]) -> float:
    """Frames/s through the driver's own receive path alone (stream framer, FromRadio
    decode, node database, packet → RawFrames), in the pty's 4 KiB reads, handed to a
    consumer that keeps them: what the Meshtastic side costs before the shared ingest."""
    blob = with_log_lines(frames)
    chunks = [blob[i : i + 4096] for i in range(0, len(blob), 4096)]
    kept: list[object] = []
    link = SerialLink("loop://", name="bench-driver")
    MeshNode(link, on_frames=kept.extend)  # the driver takes the link's on_data
    feed = link.on_data
    assert feed is not None
    start = time.perf_counter()
    for chunk in chunks:
        feed(chunk)
    elapsed = time.perf_counter() - start
    assert len(kept) >= len(frames), f"{len(kept)} RawFrames from {len(frames)} frames"
    return len(frames) / elapsed


def pipeline(workdir: Path, frames: list[bytes], rows: int) -> float:
    """Frames/s through pty → SerialLink → MeshNode → RadioIngest → SQLite commit."""
    post = open_signed_on(f"sqlite:///{workdir / f'post-{len(os.listdir(workdir))}.sqlite'}")
    master, slave = pty.openpty()
    tty.setraw(slave)
    link = SerialLink(os.ttyname(slave), name="bench-mesh")
    node = MeshNode(link, on_frames=post.radio.ingest.submit)
    # only the receive path is measured: the link is started without the driver's thread, so
    # no configuration exchange runs (its answers are no part of the figure)
    post.radio.ingest.start()
    link.start()
    blob = with_log_lines(frames)
    counts = post.radio.ingest.counts
    time.sleep(0.2)  # the link opens the pty
    start = time.perf_counter()

    def write() -> None:
        view = memoryview(blob)
        while view:
            view = view[os.write(master, view[: 1 << 14]) :]

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    deadline = start + max(60.0, len(frames) / 500)
    while counts["frames"] < rows and time.perf_counter() < deadline:
        time.sleep(0.005)
    elapsed = time.perf_counter() - start
    stored = counts["frames"]
    if stored < rows:
        print(f"warning: only {stored} of {rows} rows stored before the deadline", file=sys.stderr)
    if node.stats().errors:
        print(f"driver errors: {node.stats().errors}", file=sys.stderr)
    link.close()
    post.radio.ingest.stop()
    post.close()
    os.close(master)
    os.close(slave)
    return len(frames) * min(1.0, stored / rows) / elapsed


def semtech_ms(payload: int, mod: Modulation) -> Fraction:
    """LoRa time on air in ms, AN1200.13 section 4 (explicit header, CRC on), exactly."""
    sf, bw, cr, preamble = mod.spreading_factor, mod.bandwidth_hz, mod.coding_rate, mod.preamble
    t_sym = Fraction(2**sf * 1000, bw)
    de = 1 if t_sym >= 16 else 0
    t_preamble = (preamble + Fraction(17, 4)) * t_sym
    n = 8 + max(math.ceil(Fraction(8 * payload - 4 * sf + 28 + 16, 4 * (sf - 2 * de))) * (cr + 4), 0)
    return t_preamble + n * t_sym


def airtime_error(samples: int = 1000, seed: int = 15) -> tuple[float, float]:
    """(largest error in ms, mean Semtech airtime in ms) over random payloads and settings."""
    rng = random.Random(seed)
    worst, total = Fraction(0), Fraction(0)
    for _ in range(samples):
        mod = Modulation(
            spreading_factor=rng.randint(7, 12),
            bandwidth_hz=rng.choice((125_000, 250_000, 500_000)),
            coding_rate=rng.randint(1, 4),
            preamble=rng.randint(4, 24),
        )
        size = rng.randint(1, 240)
        reference = semtech_ms(size + REYAX_OVERHEAD, mod)
        charged = Fraction(frame_airtime(size, mod) * 1000)
        worst = max(worst, abs(charged - reference))
        total += reference
    # the budget keeps seconds as floats: a difference below a nanosecond is their rounding, not an error
    return round(float(worst), 6), float(total / samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_run_options(parser)
    parser.add_argument("--frames", type=int, default=0, help="frames (default 50,000; --quick: 3,000)")
    args = parser.parse_args()
    runs = runs_of(args)
    count = args.frames or (3_000 if args.quick else 50_000)
    frames, rows = build_frames(count)
    with tempfile.TemporaryDirectory() as tmp:
        measured = repeat(
            lambda: (
                pipeline(Path(tmp), frames, rows),
                decode_only(frames),
                driver_only(frames),
                storage_ceiling(Path(tmp), frames),
            ),
            runs,
        )
    rate, baseline = median_of([m[0] for m in measured]), median_of([m[1] for m in measured])
    driver, ceiling = median_of([m[2] for m in measured]), median_of([m[3] for m in measured])
    each = ", ".join("/".join(f"{x:.0f}" for x in m) for m in measured)
    print(
        f"frames={count} rows={rows} pipeline={rate:.0f}/s decode_only={baseline:.0f}/s "
        f"driver_only={driver:.0f}/s storage_ceiling={ceiling:.0f}/s "
        f"(runs, pipeline/decode/driver/ceiling: {each})"
    )
    worst, mean = airtime_error()
    print(f"airtime over 1000 random payloads: largest error {worst:.6f} ms, mean airtime {mean:.1f} ms")
    ratio = rate / baseline if baseline else 0.0
    print(
        result_line(
            "mesh_ingest", "mesh_frames_per_s", rate, "", baseline, ">=0.25", digits=0, ok=ratio >= 0.25
        )
    )
    share = f"{rate / driver:.2f}" if driver else "0"
    print(  # a figure to read beside the verdict, not one with a target of its own
        f"mesh_ingest driver alone: driver_frames_per_s={driver:.0f} against {baseline:.0f} "
        f"decode-only (ratio {driver / baseline if baseline else 0:.2f}); pipeline_share={share}"
    )
    print(  # what the target asks of storing at all: the plainest store's own share of decode-only
        f"mesh_ingest storage ceiling: storage_ceiling_frames_per_s={ceiling:.0f} against {baseline:.0f} "
        f"decode-only (ratio {ceiling / baseline if baseline else 0:.2f}); pipeline at "
        f"{rate / ceiling if ceiling else 0:.2f} of it"
    )
    print(result_line("mesh_ingest", "airtime_error_ms", worst, "ms", mean, "<=0", digits=3))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
