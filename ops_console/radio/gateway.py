"""``ops-console gateway``: the radio without a window — links, ingest and outbox only.

For a post whose radio sits on a small box next to the antenna: it stores everything
heard into the (shared) database and sends what any workstation queued. Logs to stdout;
stops cleanly on SIGINT or SIGTERM (the outbox state is in the database already).
"""
from __future__ import annotations

import logging
import signal
import sys
import threading

from ops_console.post import Post
from ops_console.radio.devices import DeviceSpec
from ops_console.radio.runtime import RadioRuntime

log = logging.getLogger("ops_console.gateway")
STATUS_EVERY = 30.0


def run_gateway(post: Post, devices: list[DeviceSpec], *, demo: bool = False,
                stop: threading.Event | None = None) -> int:
    """Run until SIGINT/SIGTERM (or ``stop`` is set); returns the exit code."""
    if not devices and not demo:
        print("No radio device configured: give --device lora:PORT[@BAUD] or a [[device]] in the "
              "config file (or --demo for the simulator).", file=sys.stderr)
        return 2
    _log_to_stdout()
    stop = stop or threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    runtime = RadioRuntime(post.radio, devices, demo=demo)
    try:
        runtime.start()
        log.info("gateway: on the air as %s", post.radio.outbox.console_call)
        for st in runtime.status():
            log.info("gateway: %s on %s", st.label, st.port)
        print("gateway running (Ctrl+C to stop)", flush=True)
        while not stop.wait(STATUS_EVERY):
            for st in runtime.status():
                log.info("gateway: %s %s; frames %d, stored %d, invalid %d, sent %d, errors %d, "
                         "airtime %.1f of %.0f s", st.label, st.state, st.frames, st.stored, st.invalid,
                         st.sent, st.errors, st.airtime_used, st.airtime_budget)
    finally:
        runtime.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        log.info("gateway stopped")
        print("gateway stopped", flush=True)
    return 0


def _log_to_stdout() -> None:
    """A service's log belongs on stdout (journald, docker logs); the file log stays as it is."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and getattr(handler, "stream", None) is sys.stderr:
            handler.setStream(sys.stdout)
