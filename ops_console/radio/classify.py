"""Classify a batch of RawFrames into the rows they mean, without touching the database.

Kept apart from storage so the hot path is plain Python on lists (and easy to test):
every frame gets a status for its raw row (parsed, plain, fragment, duplicate, invalid)
and an error reason when invalid; the good ones become position / sensor / message / ack
records and a per-batch summary of each node heard (last values win). Data that is no
field payload frame at all but readable text (plain_text.py) becomes a message marked
plain: a radio that does not speak our payload is still heard.

Positions and sensor readings, the bulk of what a post hears, take a fast path
(``telemetry.position_row`` / ``sensor_row``: one regex, a tuple, no objects); whatever
that does not accept goes through ``field_payload.decode``, which says why. Text
fragments take ``text_row`` the same way, and a text whole in one frame (nearly all) is
a plain tuple from the link's thread to the message row: no dataclass per text, and
nothing the garbage collector keeps tracking.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeAlias

from ops_console.hardware.lora.reassembly import Reassembler
from ops_console.hardware.lora.types import RawFrame
from ops_console.hardware.protocols import field_payload as fp
from ops_console.hardware.protocols import plain_text
from ops_console.hardware.protocols.field_payload.fast import (
    PositionRow,
    SensorRow,
    TextRow,
    position_row,
    sensor_row,
    text_row,
)
from ops_console.radio.repeats import PLAIN_REPEAT_WINDOW_S, RepeatFilter
from ops_console.said import fitted

Report: TypeAlias = PositionRow | SensorRow
"""A decoded position (6 fields) or sensor reading (7 fields), see field_payload/fast.py."""
Decoded: TypeAlias = Report | TextRow
"""What ``decode_reports`` makes of a frame on the link's thread: a report, or a text
fragment (8 fields; its reassembly, numbering and storage are the ingest thread's)."""
MessageRow: TypeAlias = tuple[int, str, str, int, str, str]
"""A message heard: (index of its last frame in the batch, sender, recipient, number,
precedence name as sent, text)."""
_NAMES = {p.value: p.name for p in fp.Precedence}
"""Wire letter → the precedence's name."""


@dataclass
class Batch:
    """What one batch means. ``reports`` and ``statuses`` run parallel to ``frames``;
    ``errors`` holds the reason (at most 300 characters) for each invalid frame's index;
    ``positions`` and ``sensors`` are the indices of new reports (not repeats), whose rows
    are in ``reports``: indices, not rows, so the hot loop makes no object per frame and
    storage builds its columns in C."""

    frames: Sequence[tuple]  # type: ignore[type-arg]
    reports: list[Decoded | None]  # after classify: reports only (a fragment's entry is None)
    statuses: list[str] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)
    positions: list[int] = field(default_factory=list)
    sensors: list[int] = field(default_factory=list)
    messages: list[MessageRow] = field(default_factory=list)
    plain: set[int] = field(default_factory=set)  # indices of messages that are plain text (no payload)
    resets: dict[str, float] = field(default_factory=dict)  # station → when its counter was reset (epoch s)
    acks: list[fp.Ack] = field(default_factory=list)
    repeated: list[tuple[int | None, str, str, int]] = field(
        default_factory=list
    )  # (address, sender, recipient, number) of messages sent again whole: they want a new ack
    nodes: dict[int, dict[str, Any]] = field(default_factory=dict)


class Classifier:
    """Stateful across batches only for reassembly and repeat recognition (``repeats``)."""

    def __init__(self, reassembler: Reassembler, repeats: RepeatFilter | None = None) -> None:
        self.reassembler = reassembler
        self.repeats = repeats or RepeatFilter()
        self._before: object | None = None  # the reassembler before this batch's first fragment

    def classify(
        self,
        frames: Sequence[tuple],
        now: float,  # type: ignore[type-arg]
        reports: Sequence[Decoded | None] | None = None,
    ) -> Batch:
        """``frames`` are RawFrames or plain tuples in RawFrame's field order (the ingest queue);
        ``reports`` is what ``decode_reports`` made of them, if it already ran (on the link
        thread). The state this changes is undone by ``rollback`` until ``commit``."""
        batch = Batch(frames, decode_reports(frames) if reports is None else list(reports))
        rows, status, repeat = batch.reports, batch.statuses.append, self.repeats.report
        positions, sensors = batch.positions.append, batch.sensors.append
        heard: dict[int, int] = {}  # address → index of its last good frame
        where: dict[int, int] = {}  # address → index of its last new position
        calls: dict[int, str] = {}  # index → sender, for good frames that are not reports
        heard_at, when = None, 0.0  # the frames of one read chunk share their time: convert it once
        for index, (frame, row) in enumerate(zip(frames, rows)):
            if row is not None and len(row) == 8 and frame[7] is None:  # a text, decoded on the link's thread
                if frame[1] is not heard_at:
                    heard_at, when = frame[1], _seconds(frame[1])
                status(self._text(batch, index, frame, row, when, now))  # type: ignore[arg-type]
                calls[index] = row[0]
                heard[frame[3]] = index
                rows[index] = None
                continue
            if row is None or len(row) == 8:
                row = self._general(batch, index, frame, now, calls, row)  # type: ignore[arg-type]
                if type(row) is str:
                    if index in calls:  # understood (a text or an ack): the node was heard
                        heard[frame[3]] = index
                    status(row)
                    rows[index] = None
                    continue
                rows[index] = row
            address = frame[3]
            heard[address] = index
            if frame[1] is not heard_at:
                heard_at, when = frame[1], _seconds(frame[1])
            if repeat(frame[4], row[0], row[1], when):  # type: ignore[arg-type]  # a report here, not str
                status("duplicate")
            elif len(row) == 6:  # a position (a sensor reading has 7 fields)
                where[address] = index
                positions(index)
                status("parsed")
            else:
                sensors(index)
                status("parsed")
        self._summarise(batch, heard, where, calls)
        for message in batch.messages:
            reset = self.repeats.reset_at(message[1])
            if reset is not None:
                batch.resets[message[1]] = reset
        return batch

    def commit(self) -> None:
        """The batch is stored: keep what classifying it taught us."""
        self.repeats.commit()
        self._before = None

    def rollback(self) -> None:
        """The batch was not stored as classified (the database is away, or its meaning could
        not be written): forget it, so that storing it again does not call it a repeat."""
        self.repeats.rollback()
        if self._before is not None:
            self.reassembler.restore(self._before)
            self._before = None

    def _general(
        self,
        batch: Batch,
        index: int,
        frame: tuple,
        now: float,  # type: ignore[type-arg]
        calls: dict[int, str],
        item: TextRow | None = None,
    ) -> str | Report:
        """A frame off the fast path (flagged lines, texts, acks, anything invalid): its
        status, or the report to go on with (not reached while the fast path and decode
        agree, which tests check; if they ever disagree, what decode accepts is stored)."""
        _raw, _at, _link, _address, data, _rssi, _snr, error = frame
        if error is not None:
            batch.errors[index] = fitted(error, 300)
            return "invalid"
        if item is None and data[:3] == b"T1|":  # not decoded on the link's thread (a text usually is)
            item = text_row(data)
        if item is not None:
            calls[index] = item[0]
            return self._text(batch, index, frame, item, _seconds(frame[1]), now)
        item = fp.decode(data)  # type: ignore[assignment]
        kind = type(item)
        if kind is fp.DecodeError:
            plain = plain_text.decode(data) if item.reason == fp.NO_TRAILER else None  # type: ignore[union-attr]
            if plain is not None:
                return self._plain(batch, index, RawFrame._make(frame), plain.text, calls)
            batch.errors[index] = fitted(item.reason, 300)  # type: ignore[union-attr]
            return "invalid"
        if kind is fp.PositionReport:
            p: fp.PositionReport = item  # type: ignore[assignment]
            return p.sender, p.number, p.lat, p.lon, _epoch(p.time), p.battery
        if kind is fp.SensorReading:
            r: fp.SensorReading = item  # type: ignore[assignment]
            return r.sender, r.number, r.sensor, r.kind, r.value, r.unit, _epoch(r.time)
        calls[index] = item.sender  # type: ignore[union-attr]
        if kind is fp.TextFragment:  # text_row and decode disagree: what decode accepts is stored
            f: fp.TextFragment = item  # type: ignore[assignment]
            whole = f.body.decode("utf-8", "replace") if f.total == 1 else None
            row = (f.sender, f.number, f.recipient, f.precedence.value, f.index, f.total, f.body, whole)
            return self._text(batch, index, frame, row, _seconds(frame[1]), now)
        batch.acks.append(item)  # type: ignore[arg-type]
        return "parsed"

    def _text(
        self,
        batch: Batch,
        index: int,
        frame: tuple,  # type: ignore[type-arg]
        row: TextRow,
        when: float,
        now: float,
    ) -> str:
        """A text fragment's status: its number is noted (a counter reset forgets what the
        station had pending); a message whole in this frame goes straight to the batch's
        messages, any other fragment through the reassembler."""
        sender, number, recipient, precedence, part, parts, body, whole = row
        self._remember_reassembly()  # what follows changes the reassembler
        if self.repeats.number(sender, number, when):
            self.reassembler.forget(sender)
        if whole is not None and self.reassembler.take_whole((sender, number), now):
            batch.messages.append((index, sender, recipient, number, _NAMES[precedence], whole))
            return "parsed"
        fragment = fp.TextFragment(sender, recipient, number, fp.Precedence(precedence), part, parts, body)
        return self._fragment(batch, index, frame[3], fragment, now)

    def _remember_reassembly(self) -> None:
        if self._before is None:  # copied only when a batch has texts: they are few
            self._before = self.reassembler.snapshot()

    def _plain(self, batch: Batch, index: int, frame: RawFrame, text: str, calls: dict[int, str]) -> str:
        """Words from a device that does not speak the field payload: a message with no
        number and no ack, from the address heard (``plain_station``), unless the same
        words came from there moments ago (a relay, a second radio of ours)."""
        calls[index] = ""  # the node was heard; it has no call sign we know
        station = plain_station(frame.address)
        if self.repeats.repeat(
            ("plain", frame.address, text), station, _seconds(frame.received_at), PLAIN_REPEAT_WINDOW_S
        ):
            return "duplicate"
        batch.messages.append((index, station, "", 0, fp.Precedence.ROUTINE.name, text))
        batch.plain.add(index)
        return "plain"

    def _fragment(
        self, batch: Batch, index: int, address: int | None, frag: fp.TextFragment, now: float
    ) -> str:
        self._remember_reassembly()
        before = self.reassembler.duplicates
        message = self.reassembler.add(frag, now)
        if message is None:
            if self.reassembler.duplicates == before:
                return "fragment"
            if self.reassembler.repeated_whole(frag):
                batch.repeated.append((address, frag.sender, frag.recipient, frag.number))
            return "duplicate"
        batch.messages.append(
            (index, message.sender, message.recipient, message.number, message.precedence.name, message.text)
        )
        return "parsed"

    @staticmethod
    def _summarise(batch: Batch, heard: dict[int, int], where: dict[int, int], calls: dict[int, str]) -> None:
        """One node entry per address heard: the last frame's signal, the last new position."""
        frames, rows = batch.frames, batch.reports
        for address, index in heard.items():
            _raw, received_at, _link, _address, _data, rssi, snr, _error = frames[index]
            row = rows[index]
            node = batch.nodes[address] = {
                "addr": address,
                "callsign": calls[index] if row is None else row[0],
                "last_heard": received_at,
                "rssi": rssi,
                "snr": snr,
            }
            if address in where:
                _sender, _number, lat, lon, epoch, battery = rows[where[address]]  # type: ignore[misc]
                node.update(lat=lat, lon=lon, position_at=datetime.fromtimestamp(epoch, UTC))
                if battery is not None:
                    node["battery"] = float(battery)


def decode_reports(frames: Iterable[tuple]) -> list[Decoded | None]:  # type: ignore[type-arg]
    """Positions and sensor readings decoded to tuples, text fragments to theirs, None for
    every other frame. Pure and stateless, so the ingest runs it on the link's thread,
    beside the database work."""
    out: list[Decoded | None] = []
    add = out.append
    for _raw, _at, _link, _address, data, _rssi, _snr, error in frames:
        if error is None:
            kind = data[:3]
            if kind == b"P1|":
                add(position_row(data))
                continue
            if kind == b"S1|":
                add(sensor_row(data))
                continue
            if kind == b"T1|":
                add(text_row(data))
                continue
        add(None)
    return out


def plain_station(address: int | None) -> str:
    """How a plain-text sender is named in the comms log: by the address it was heard from."""
    return f"#{address}"


def _seconds(when: datetime) -> float:
    """Epoch seconds of a time heard (stored times are UTC; a naive one is read as UTC)."""
    return (when if when.tzinfo is not None else when.replace(tzinfo=UTC)).timestamp()


def _epoch(when: datetime) -> int:
    return int(when.timestamp())
