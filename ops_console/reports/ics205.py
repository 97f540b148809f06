"""ICS 205 Radio Communications Plan, from the radios and channels this post is configured
with (``[[device]]`` tables, the [radio] call sign and tactical calls)."""

from __future__ import annotations

from ops_console.labels import translate
from ops_console.post import Post
from ops_console.printing import Heading, Paragraph, PrintDocument, Table
from ops_console.reports.forms import Form, FormContext

TITLE = "INCIDENT RADIO COMMUNICATIONS PLAN (ICS 205)"
COLUMNS = (
    "Ch #",
    "Function",
    "Channel name",
    "Assignment",
    "Frequency",
    "Network ID / address",
    "Mode",
    "Remarks",
)


def _mhz(hz: int | None) -> str:
    return "modem default" if hz is None else f"{hz / 1e6:.3f} MHz"


def ics205(post: Post, ctx: FormContext) -> Form:
    settings = post.radio.settings
    rows: list[tuple[object, ...]] = []
    for number, spec in enumerate(settings.devices, 1):
        modem = spec.modem
        rows.append(
            (
                number,
                translate("Reports", "Command / tactical"),
                spec.name or spec.port,
                translate("Reports", "Post {call}").format(call=settings.console_call),
                _mhz(modem.band_hz if modem else None),
                ""
                if modem is None
                else translate("Reports", "network {network} / address {address}").format(
                    network=modem.network_id or "-", address=modem.address or "-"
                ),
                f"LoRa {spec.model}" + (f" {modem.modulation}" if modem and modem.modulation else ""),
                (
                    translate("Reports", "DRILL device (exercise traffic only); port {port}")
                    if spec.drill
                    else translate("Reports", "port {port}")
                ).format(port=spec.port),
            )
        )
    if settings.demo and not settings.devices:
        rows.append(
            (
                1,
                translate("Reports", "Command / tactical"),
                translate("Reports", "demo radio"),
                translate("Reports", "Post {call}").format(call=settings.console_call),
                translate("Reports", "simulated"),
                "",
                "LoRa",
                translate("Reports", "the demo's simulated modem"),
            )
        )
    calls = [(call, str(addr)) for call, addr in sorted(settings.tactical.items())]
    doc = PrintDocument(
        TITLE,
        header=ctx.header(("3. Post call sign", settings.console_call)),
        footer=f"ICS 205 · {ctx.period.words()}",
        author=ctx.prepared_by,
    )
    doc.add(Heading("4. Basic radio channel use"))
    if rows:
        doc.add(
            Table(COLUMNS, [tuple(str(c) for c in r) for r in rows], (0.5, 1.3, 1.4, 1.2, 1.2, 1.6, 1, 2))
        )
    else:
        doc.add(Paragraph("No radio is configured at this post ([[device]] tables in the config file)."))
    if calls:
        doc.add(Heading("Tactical calls"), Table(("Tactical call", "Node address"), calls))
    return Form("ics205", doc, COLUMNS, rows)
