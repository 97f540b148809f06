"""A reply that comes after its timeout is the slow controller's, never "wrong unit" from
the next siren asked: the real simulator on a pty with one slow controller, and the
bookkeeping (IOUs of owed replies) on real RTU frames, fuzzed."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from ops_console.hardware.simulators.siren_bus import Failure
from ops_console.hardware.sirens import NoAnswer, Overlapped, SlowReply, WrongUnit, rtu
from ops_console.hardware.sirens.late import LateReplies

STATUS = [0, 0, 0, 0, 0, 0, 2600, 0, 0]


def test_a_slow_controller_is_named_slow_and_the_next_siren_is_not_blamed(sim, make_bus, caplog) -> None:
    sim.slow_s = 0.25  # answers 250 ms late: after the driver's 100 ms timeout
    sim.fail(3, Failure.SLOW)
    bus = make_bus(sim.port_url)
    first = bus.poll_all([3])[3]
    assert isinstance(first, NoAnswer)  # nothing heard yet: it may be silent or slow
    time.sleep(0.35)  # its two late replies are now on the line
    results = bus.poll_all([4, 5])
    assert all(not isinstance(r, Exception) for r in results.values()), results
    assert bus.counters["late_reply"] == 2 and bus.counters["wrong_unit"] == 0
    assert "siren 3 answered after the 100 ms timeout" in caplog.text
    again = bus.poll_all([3])[3]
    assert isinstance(again, SlowReply) and again.kind == "slow"
    assert "siren 3 is slow" in again.english and "not a wiring fault" in again.english
    assert sim.counters["late_replies"] >= 2


def test_a_misaddressed_controller_is_still_a_wrong_unit(sim, make_bus) -> None:
    sim.fail(2, Failure.WRONG_UNIT)  # unit 2 answers as 3; 3 owes nothing, so this is wiring
    fault = make_bus(sim.port_url).poll_all([2])[2]
    assert isinstance(fault, WrongUnit) and fault.replied == 3


def test_owed_replies_are_claimed_in_order_and_expire() -> None:
    now = [100.0]
    late = LateReplies(keep_s=5.0, clock=lambda: now[0])
    reply3, reply4 = rtu.read_reply(3, rtu.READ_INPUT, STATUS), rtu.read_reply(4, rtu.READ_INPUT, STATUS)
    assert late.claim(reply3 + reply4) == ([], reply3 + reply4)  # 3 owes nothing: not late
    late.owe(3)
    assert late.claim(reply3 + reply4) == ([3], reply4)  # the late one comes off the front
    assert late.claim(reply3) == ([], reply3)  # its IOU is settled
    late.owe(3)
    echo = rtu.write_reply(3, 0, 4)
    exception = rtu.exception_reply(3, rtu.WRITE_MULTIPLE, 3)
    late.owe(3)
    assert late.claim(echo + exception) == ([3, 3], b"")
    late.owe(3)
    now[0] += 6.0  # an old IOU no longer explains a reply
    assert late.claim(reply3) == ([], reply3)
    assert late.slow[3] == 3


def test_overlapped_words_name_the_slow_unit() -> None:
    fault = Overlapped(4, 3)
    assert (
        fault.unit == 4
        and "siren 3 answered late" in fault.english
        and "siren 4 is not at fault" in fault.english
    )


@given(st.binary(max_size=64), st.lists(st.integers(0, 255), max_size=4))
def test_fuzz_claim_never_raises_and_returns_a_suffix(data: bytes, owing: list[int]) -> None:
    late = LateReplies()
    for unit in owing:
        late.owe(unit)
    units, rest = late.claim(data)
    assert data.endswith(rest) and len(units) <= len(owing)
    assert rtu.frame_length(data) in (0, *range(rtu.MIN_FRAME, len(data) + 1))


def test_bytes_nobody_asked_for_are_counted_logged_and_do_not_spoil_the_next_read(
    sim, make_bus, caplog
) -> None:
    bus = make_bus(sim.port_url)
    assert not isinstance(bus.poll_all([1])[1], Exception)  # the port is open
    sim.endpoint.write(b"\x07noise on the line")
    time.sleep(0.05)
    status = bus.poll_all([1])[1]
    assert not isinstance(status, Exception), status
    assert bus.counters["stray_bytes"] == 18 and bus.counters["late_reply"] == 0
    assert "18 bytes nobody asked for" in caplog.text and "07 6e 6f" in caplog.text
