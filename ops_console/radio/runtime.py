"""RadioRuntime: the live part of the radio — links, modems, the outbox worker, a simulator.

Built from DeviceSpecs; the same object runs inside the console window (started and
stopped by the main window) and in the headless ``ops-console gateway``. With ``demo``
it starts a SimulatedModem (pty, or loopback TCP where there is no pty) and connects to
it through the real SerialLink and AtModem, so the demo exercises the real path.

With several devices, each transmission goes through a READY link the LinkRouter picks
(the one a message names or its destination was last heard on, else the first with
budget left), and each link has its own duty-cycle budget.

A ``meshtastic`` device is a Meshtastic node (hardware/mesh/node.py) on its own
SerialLink: what it hears goes to the same ingest, texts to mesh calls go out through it,
and with ``demo`` a simulated node runs beside the simulated REYAX modem.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from typing import Any

from ops_console.db.types import utc_now
from ops_console.events import Event
from ops_console.hardware.lora.airtime import DutyCycleBudget
from ops_console.hardware.lora.at_modem import AtModem
from ops_console.hardware.lora.types import ModemConfig, ModemState, ModemStats, RawFrame
from ops_console.hardware.mesh.node import MeshNode
from ops_console.hardware.transport.serial_link import SerialLink
from ops_console.notices import say
from ops_console.radio.airtime_ledger import AirtimeLedger, ledger_beside
from ops_console.radio.airtime_log import AirtimeLog
from ops_console.radio.devices import MESHTASTIC, DeviceSpec
from ops_console.radio.links import LinkStatus  # noqa: F401 - re-exported for the gateway and tests
from ops_console.radio.routing import LinkRouter
from ops_console.radio.service import RadioService
from ops_console.radio.worker import OutboxWorker
from ops_console.said import N_, said
from ops_console.topics import Topic

log = logging.getLogger(__name__)
EVICT_INTERVAL = 30.0


class RadioRuntime:
    """Starts and stops everything that talks to radios for one post."""

    def __init__(
        self,
        radio: RadioService,
        devices: list[DeviceSpec],
        *,
        demo: bool = False,
        demo_interval: float = 3.0,
        modem_config: ModemConfig | None = None,
    ) -> None:
        self.radio, self.devices, self.demo = radio, list(devices), demo
        self.demo_interval = demo_interval
        self.modem_config = modem_config or ModemConfig(address=1, network_id=6)
        self.simulator = None
        self.mesh_simulator: Any = None  # the demo's simulated Meshtastic node
        self.modems: list[AtModem] = []
        self.mesh_nodes: list[MeshNode] = []
        self._labels: dict[str, str] = {}
        self.router = LinkRouter(lambda: radio.outbox.budget, radio.last_heard_link)
        self.worker = OutboxWorker(
            radio.outbox, lambda: self.modems, self.router, wake_event=radio.links.sender_waker
        )
        self.worker.mesh_nodes = lambda: self.mesh_nodes
        radio.ingest.on_ack_needed = self.worker.queue_ack
        radio.ingest.on_acks_needed = self.worker.queue_acks  # a stored batch's acks at once
        self.worker.gate = lambda: radio.ingest.ready  # the schema checks wait for the database
        spool = radio.ingest.spool  # the ledger lives beside it: this process owns both
        ledger = AirtimeLedger(ledger_beside(spool.path)) if spool is not None else None
        self.airtime = AirtimeLog(radio.db, lambda: radio.ingest.drill_links, ledger)
        self.worker.airtime_log = self.airtime
        self.worker.restore = self._restore_budgets
        self._stop = threading.Event()
        self._evictor = threading.Thread(target=self._evict_loop, name="radio-evict", daemon=True)
        self.started = False
        self._drill_links: set[str] = set()

    def start(self) -> None:
        """Open every device (each reconnects by itself) and start the worker."""
        if self.demo:
            from ops_console.demo.radio import DEMO_DUTY_CYCLE, DEMO_MODULATION, start_simulator

            self.simulator = simulator = start_simulator(self.demo_interval)
            simulator.traffic.console_call = self.radio.outbox.console_call  # the teams know our call
            # the simulated channel: the simulator's SF9 and a generous budget, so a demo of a
            # few minutes shows the outbox moving (a real post keeps the legal 1 %)
            self.modem_config = ModemConfig(address=1, network_id=6, modulation=DEMO_MODULATION)
            self.radio.outbox.budget = DutyCycleBudget(DEMO_DUTY_CYCLE)
            self.devices.append(
                DeviceSpec(
                    "lora", simulator.port_url, 115200, "demo-lora", drill=self.radio.settings.demo_drill
                )
            )
            from ops_console.demo.radio import start_mesh_simulator

            self.mesh_simulator = mesh = start_mesh_simulator(self.demo_interval)
            self.devices.append(
                DeviceSpec(
                    MESHTASTIC, mesh.port_url, 115200, "demo-mesh", drill=self.radio.settings.demo_drill
                )
            )
        self.radio.ingest.start()
        for spec in self.devices:
            if spec.kind == MESHTASTIC:
                self.mesh_nodes.append(self._open_mesh(spec))
            else:
                self.modems.append(self._open(spec))
        self.worker.start()
        self._evictor.start()
        self.radio.links.plug(self.status)
        self.started = True
        log.info(
            "radio runtime started with %d device(s), on the air as %s",
            len(self.modems),
            self.radio.outbox.console_call,
        )

    def _open(self, spec: DeviceSpec) -> AtModem:
        name = self._unique(spec.name or f"lora{len(self.modems) + 1}")
        link = SerialLink(spec.port, name=name, baudrate=spec.baud)
        config = spec.modem or dataclasses.replace(self.modem_config, model=spec.model)
        modem = AtModem(
            link, config, on_frames=self._on_frames, on_state=lambda s, d: self._on_state(s, d, name)
        )
        self._labels[name] = spec.label
        if spec.drill:  # what this link hears is a drill's (the ingest decides per frame)
            self._drill_links.add(name)
            self.radio.ingest.drill_links = self.radio.ingest.drill_links | {name}
        modem.start()
        return modem

    def _open_mesh(self, spec: DeviceSpec) -> MeshNode:
        name = self._unique(spec.name or f"mesh{len(self.mesh_nodes) + 1}")
        node = MeshNode(
            SerialLink(spec.port, name=name, baudrate=spec.baud),
            on_frames=self._on_frames,
            on_state=lambda s, d: self._on_state(s, d, name),
            on_delivery=self.worker.mesh_delivery,
            on_names=self.radio.mesh_names.store,
        )
        self._labels[name] = spec.label
        if spec.drill:
            self._drill_links.add(name)
            self.radio.ingest.drill_links = self.radio.ingest.drill_links | {name}
        node.start()
        return node

    def _unique(self, name: str) -> str:
        """Link names key budgets and routing: two devices must not share one."""
        taken = {m.link.name for m in [*self.modems, *self.mesh_nodes]}
        candidate, n = name, 1
        while candidate in taken:
            n += 1
            candidate = f"{name}-{n}"
        return candidate

    def _on_frames(self, frames: list[RawFrame]) -> None:
        """On a link's reader thread: note where each address was heard, then store."""
        self.router.note_heard(frames)
        self.radio.ingest.submit(frames)

    def _on_state(self, state: ModemState, detail: str, name: str = "") -> None:
        if state is ModemState.READY:
            self.worker.wake()
        elif state is ModemState.KEY_REFUSED:  # never a silent fall-back to sending in clear
            label = self._labels.get(name, name)
            say(
                self.radio.bus,
                "problem",
                said(N_("Radio {radio}: {detail}"), radio=label, detail=detail),
                source="radio",
            )
        self.radio.bus.publish(Event(Topic.RADIO_LINK, None, {"state": state.value, "detail": detail}))

    def _restore_budgets(self) -> None:
        """Each link's duty-cycle budget, rebuilt from what was sent in the last window
        (airtime_log.py), before the first transmission of this life."""
        window = self.radio.outbox.budget.window
        sent = self.airtime.since(window)
        modulations = {m.link.name: m.modulation for m in self.modems}
        default = next(iter(modulations.values()), self.radio.outbox.modulation)
        used = self.router.restore(
            sent, lambda link: modulations.get(link, default), time.monotonic(), utc_now()
        )
        log.info(
            "radio: duty-cycle budgets restored: %d frames, %.1f s on air in the last %.0f s",
            len(sent),
            used,
            window,
        )

    def _evict_loop(self) -> None:
        while not self._stop.wait(EVICT_INTERVAL):
            self.radio.ingest.evict()

    def stop(self) -> None:
        """Stop the worker, close the modems and links, stop the simulator (idempotent)."""
        if not self.started:
            return
        self.started = False
        self._stop.set()
        self.worker.stop()
        for modem in self.modems:
            modem.close()
        for node in self.mesh_nodes:
            node.close()
        self.radio.ingest.stop()
        where = self.radio.ingest.whereabouts()
        if where["memory"] or where["lost"]:  # a window closed while the database was away, say
            log.critical(
                "radio: stopped with %d frames only in memory (NOT saved) and %d lost; %d in the spool; %s",
                where["memory"],
                where["lost"],
                where["spool"],
                self.radio.ingest.problem,
            )
        self.radio.ingest.drill_links = self.radio.ingest.drill_links - self._drill_links
        if self.simulator is not None:
            self.simulator.stop()
        if self.mesh_simulator is not None:
            self.mesh_simulator.stop()
        self.radio.links.unplug()
        if self.airtime.ledger is not None:
            self.airtime.ledger.close()
        log.info("radio runtime stopped")

    def wait_ready(self, timeout: float) -> bool:
        """For start-up code and tests: every modem configured and answering."""
        return all(m.wait_for_state(ModemState.READY, timeout) for m in [*self.modems, *self.mesh_nodes])

    def status(self) -> list[LinkStatus]:
        """A snapshot per device for the panel and the gateway's periodic log line."""
        counts, now = self.radio.ingest.counts, time.monotonic()
        out = []
        for modem in [*self.modems, *self.mesh_nodes]:
            st: ModemStats = modem.stats()
            link = st.link
            mesh = isinstance(modem, MeshNode)  # the node keeps its own duty cycle: no budget here
            used, budget = (0.0, 0.0) if mesh else self.router.usage(st.name, now)
            out.append(
                LinkStatus(
                    self._labels.get(st.name, st.name),
                    link.url if link else "",
                    st.state.value,
                    st.detail,
                    st.frames,
                    st.sent,
                    sum(st.errors.values()),
                    st.last_error,
                    counts["frames"],
                    counts["invalid"],
                    self.radio.ingest.backlog,
                    self.worker.waiting_for,
                    self.worker.next_slot_in,
                    st.name,
                    used,
                    budget,
                    self.radio.ingest.problem,
                    *self._mesh_detail(modem),
                )
            )
        return out

    @staticmethod
    def _mesh_detail(device: AtModem | MeshNode) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """Kind, node log and node database lines of a device for the Devices dialog (a node's
        line is a stored sentence; the log lines are the node's own words, as it wrote them)."""
        if not isinstance(device, MeshNode):
            return ("lora", (), ())
        nodes = tuple(  # stored sentences (said.py): the dialog shows them in its reader's language
            said(
                N_("{node}{where}{battery}{heard}"),
                node=f"{n.label} ({n.call})",
                where=f" · {n.lat:.5f}, {n.lon:.5f}" if n.lat is not None and n.lon is not None else "",
                battery=said(N_(" · battery {percent} %"), percent=n.battery)
                if n.battery is not None
                else "",
                heard=(
                    said(N_(" · heard {time}"), time=n.last_heard.astimezone().strftime("%H:%M:%S"))
                    if n.last_heard
                    else ""
                ),
            )
            for n in device.nodes()
        )
        return (MESHTASTIC, tuple(device.debug_lines()[-50:]), nodes)
