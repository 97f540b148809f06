"""``ops-console gateway``: the radio without a window — links, ingest and outbox only.

For a post whose radio sits on a small box next to the antenna: it stores everything
heard into the (shared) database and sends what any workstation queued. Logs to stdout.
It runs with the database away (frames wait in its spool and are forwarded by a timer
when the server answers). On SIGINT or SIGTERM it stops reading, stores or spools every
frame it has read, says where they are, and exits non-zero if any could not be kept:

  0  everything heard is stored or in the spool file
  6  disk full: frames were lost or only in memory at the end (the spool could not grow)
  7  frames were lost or only in memory at the end, for another reason (see the log)
  8  the radio port is in use by another program (a second gateway on the same modem)
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
import time

from ops_console.hardware.transport.serial_link import IN_USE
from ops_console.post import Post
from ops_console.radio.runtime import RadioRuntime
from ops_console.radio.stop_report import EXIT_OK, EXIT_PORT_IN_USE, stop_report
from ops_console.said import N_, said, shown

log = logging.getLogger("ops_console.gateway")
STATUS_EVERY = 30.0
PORT_CHECK = 3.0  # seconds to see whether each port opened or is held by another program


def run_gateway(post: Post, *, stop: threading.Event | None = None) -> int:
    """Run the radios the composition root planned (``post.devices``) until SIGINT/SIGTERM
    (or ``stop`` is set); returns the exit code."""
    if not post.radio.settings.devices and not post.radio.settings.demo:
        print(
            shown(
                said(
                    N_(
                        "No radio device configured: give --device lora:PORT[@BAUD] or a [[device]] in the "
                        "config file (or --demo for the simulator)."
                    )
                )
            ),
            file=sys.stderr,
        )
        return 2
    _log_to_stdout()
    stop = stop or threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    code = EXIT_OK
    runtime = post.devices.start_radio(demo=post.radio.settings.demo)
    assert runtime is not None  # a device or the demo was checked above
    try:
        busy = _ports_in_use(runtime)
        if busy:
            for port in busy:
                words = said(
                    N_(
                        "The radio port {port} is {why}. Only one program may read a modem: stop the other one first."
                    ),
                    port=port,
                    why=said(IN_USE),
                )
                print(shown(words), file=sys.stderr, flush=True)
            return EXIT_PORT_IN_USE
        log.info("gateway: on the air as %s", post.radio.outbox.console_call)
        for st in runtime.status():
            log.info("gateway: %s on %s", st.label, st.port)
        print("gateway running (Ctrl+C to stop)", flush=True)
        while not stop.wait(STATUS_EVERY):
            _log_status(runtime)
    finally:
        runtime.stop()  # stops reading first, then stores or spools what was read
        code = code or _report(post)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        log.info("gateway stopped")
        print("gateway stopped", flush=True)
    return code


def _ports_in_use(runtime: RadioRuntime) -> list[str]:
    """Ports another program holds (pyserial's exclusive lock refused us)."""
    deadline = time.monotonic() + PORT_CHECK
    while time.monotonic() < deadline:
        busy = [m.link.url for m in runtime.modems if m.link.in_use]
        if busy or all(
            m.link.stats().open_failures == 0 and m.link.state.value != "connecting" for m in runtime.modems
        ):
            return busy
        time.sleep(0.05)
    return [m.link.url for m in runtime.modems if m.link.in_use]


def _log_status(runtime: RadioRuntime) -> None:
    ingest = runtime.radio.ingest
    for st in runtime.status():
        log.info(
            "gateway: %s %s; frames %d, stored %d, invalid %d, sent %d, errors %d, airtime %.1f of %.0f s",
            st.label,
            st.state,
            st.frames,
            st.stored,
            st.invalid,
            st.sent,
            st.errors,
            st.airtime_used,
            st.airtime_budget,
        )
    if ingest.problem:
        where = ingest.whereabouts()
        log.error(
            "gateway: %s; %d frames in the spool, %d only in memory",
            ingest.problem.upper() if ingest.holding.disk_full else ingest.problem,
            where["spool"],
            where["memory"],
        )


def _report(post: Post) -> int:
    """After the runtime stopped: say where every frame heard is; the exit code says
    whether any could not be kept."""
    report = stop_report(post.radio.ingest)
    if report.kept:
        log.info("gateway: %s", report.line())
        print(report.line(), flush=True)
    else:
        print(report.line(), file=sys.stderr, flush=True)
        log.critical("gateway: %s", report.line())
    return report.exit_code


def _log_to_stdout() -> None:
    """A service's log belongs on stdout (journald, docker logs); the file log stays as it is."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and getattr(handler, "stream", None) is sys.stderr:
            handler.setStream(sys.stdout)
