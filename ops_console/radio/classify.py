"""Classify a batch of RawFrames into the rows they mean, without touching the database.

Kept apart from storage so the hot path is plain Python on lists (and easy to test):
every frame gets a status for its raw row (parsed, fragment, duplicate, invalid) and
an error reason when invalid; the good ones become position / sensor / message / ack
records and a per-batch summary of each node heard (last values win).
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from ops_console.hardware.lora.reassembly import Reassembler
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp

POSITION_COLUMNS = ("node_addr", "callsign", "lat", "lon", "at", "battery")
SENSOR_COLUMNS = ("sensor_id", "kind", "value", "unit", "at", "node_addr")
DEDUPE_ENTRIES = 65536
"""Recent (station, number) → frame bytes kept to recognise a repeated report."""


@dataclass
class Batch:
    """What one batch means; ``statuses``/``errors`` run parallel to the frames."""

    statuses: list[str] = field(default_factory=list)
    errors: list[str | None] = field(default_factory=list)
    # rows in the column order of POSITION_COLUMNS / SENSOR_COLUMNS (tuples: this is the hot path)
    positions: list[tuple[Any, ...]] = field(default_factory=list)
    sensors: list[tuple[Any, ...]] = field(default_factory=list)
    messages: list[tuple[int, fp.TextMessage, RawFrame]] = field(default_factory=list)
    acks: list[fp.Ack] = field(default_factory=list)
    nodes: dict[int, dict[str, Any]] = field(default_factory=dict)


class Classifier:
    """Stateful across batches only for reassembly and duplicate recognition.

    A repeat is the same (station, number) with the *same bytes*: numbers wrap at 65536,
    so a different payload under a number seen before is a new report, not a duplicate.
    """

    def __init__(self, reassembler: Reassembler) -> None:
        self.reassembler = reassembler
        # OrderedDict, not dict: evicting the oldest of a plain dict (del d[next(iter(d))]) scans the
        # deleted slots at its front every time, which made long runs quadratic
        self._seen: OrderedDict[tuple[str, int], bytes] = OrderedDict()

    def classify(self, frames: list[RawFrame], now: float) -> Batch:
        batch = Batch()
        statuses, errors, decode = batch.statuses, batch.errors, fp.decode
        heard: dict[int, tuple[RawFrame, str]] = {}  # address → last good frame and its call
        where: dict[int, fp.PositionReport] = {}  # address → last new position
        for index, frame in enumerate(frames):
            if frame.error is not None:
                statuses.append("invalid")
                errors.append(frame.error)
                continue
            item = decode(frame.data)
            kind = type(item)
            if kind is fp.DecodeError:
                statuses.append("invalid")
                errors.append(item.reason)  # type: ignore[union-attr]
                continue
            errors.append(None)
            heard[frame.address] = (frame, item.sender)  # type: ignore[index, union-attr]
            if kind is fp.PositionReport:
                if self._repeat(item.sender, item.number, frame.data):  # type: ignore[union-attr]
                    statuses.append("duplicate")
                    continue
                batch.positions.append((frame.address, item.sender, item.lat, item.lon, item.time,  # type: ignore[union-attr]
                                        item.battery))  # type: ignore[union-attr]
                where[frame.address] = item  # type: ignore[index, assignment]
                statuses.append("parsed")
            elif kind is fp.SensorReading:
                statuses.append(self._sensor(batch, frame, item))  # type: ignore[arg-type]
            elif kind is fp.TextFragment:
                statuses.append(self._fragment(batch, index, frame, item, now))  # type: ignore[arg-type]
            else:
                batch.acks.append(item)  # type: ignore[arg-type]
                statuses.append("parsed")
        for address, (frame, call) in heard.items():
            node = batch.nodes[address] = {"addr": address, "callsign": call, "last_heard": frame.received_at,
                                           "rssi": frame.rssi, "snr": frame.snr}
            pos = where.get(address)
            if pos is not None:
                node.update(lat=pos.lat, lon=pos.lon, position_at=pos.time)
                if pos.battery is not None:
                    node["battery"] = float(pos.battery)
        return batch

    def _repeat(self, sender: str, number: int, data: bytes) -> bool:
        key = (sender, number)
        seen = self._seen
        old = seen.get(key)
        if old == data:
            return True
        seen[key] = data
        if old is not None:
            seen.move_to_end(key)  # the order is age order
        elif len(seen) > DEDUPE_ENTRIES:
            seen.popitem(last=False)
        return False

    def _sensor(self, batch: Batch, frame: RawFrame, reading: fp.SensorReading) -> str:
        if self._repeat(reading.sender, reading.number, frame.data):
            return "duplicate"
        batch.sensors.append((reading.sensor, reading.kind, reading.value, reading.unit[:16], reading.time,
                              frame.address))
        return "parsed"

    def _fragment(self, batch: Batch, index: int, frame: RawFrame, frag: fp.TextFragment, now: float) -> str:
        before = self.reassembler.duplicates
        message = self.reassembler.add(frag, now)
        if message is None:
            return "duplicate" if self.reassembler.duplicates > before else "fragment"
        batch.messages.append((index, message, frame))
        return "parsed"
