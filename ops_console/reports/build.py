"""One door for every report: what the CLI's ``report`` command and the window's Reports
dialog both call (the dialog on a worker, ui/common/jobs.py).

``build(post, request, progress, cancel)`` gathers the records, lays the report out once
and writes it in the format asked for, whole or not at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ops_console.errors import OpsError
from ops_console.exports.map_layers import map_layers
from ops_console.exports.writers import write_geojson, write_kml
from ops_console.post import Post
from ops_console.printing.files import atomic_file
from ops_console.printing.pdf import write_pdf
from ops_console.printing.progress import CancelToken, Progress, no_progress
from ops_console.printing.text import to_html, to_markdown
from ops_console.reports.forms import Form, FormContext, write_csv
from ops_console.reports.ics205 import ics205
from ops_console.reports.ics211 import ics211
from ops_console.reports.ics213rr import ics213rr
from ops_console.reports.ics214 import ics214
from ops_console.reports.ics309 import ics309
from ops_console.reports.kinds import FORMATS, KINDS
from ops_console.reports.period import Period
from ops_console.reports.sitrep import SitrepInput, gather, sitrep_document
from ops_console.said import N_, said


@dataclass
class ReportRequest:
    """What a person asked for, as plain data (safe to hand to a worker thread)."""

    kind: str
    out: Path
    period: Period
    fmt: str = "pdf"
    post_name: str = "Ops Console post"
    incident: str = ""
    prepared_by: str = ""
    position: str = ""
    operator: str = ""  # ICS 214 of one operator; ICS 309's radio operator
    unit: str = ""  # ICS 214 of one team
    net: str = ""  # ICS 309 net name or tactical call
    callsign: str = ""  # ICS 309 radio operator's call sign
    summary: str = ""  # SITREP: the supervisor's words
    priorities: str = ""
    with_map: bool = True
    basemaps: Sequence[Path] = field(default_factory=tuple)


@dataclass(frozen=True)
class ReportResult:
    path: Path
    what: str  # the form's title as on paper ("ACTIVITY LOG (ICS 214)", "SITREP"), or a stored sentence
    lines: int  # rows of the form's table (0 for a SITREP)


def check(request: ReportRequest) -> None:
    if request.kind not in KINDS:
        raise OpsError(
            said(
                N_("Unknown report '{kind}': choose one of {kinds}."),
                kind=request.kind,
                kinds=", ".join(KINDS),
            )
        )
    if request.fmt not in FORMATS[request.kind]:
        raise OpsError(
            said(
                N_("A {kind} report is written as {formats}, not {fmt}."),
                kind=request.kind,
                formats=", ".join(FORMATS[request.kind]),
                fmt=request.fmt,
            )
        )


def form_for(post: Post, request: ReportRequest) -> Form:
    ctx = FormContext(
        request.incident or request.post_name, request.period, request.prepared_by, request.position
    )
    if request.kind == "ics214":
        return ics214(post, ctx, operator=request.operator, unit=request.unit)
    if request.kind == "ics309":
        return ics309(post, ctx, net=request.net, operator=request.operator, callsign=request.callsign)
    if request.kind == "ics213rr":
        return ics213rr(post, ctx)
    if request.kind == "ics211":
        return ics211(post, ctx)
    return ics205(post, ctx)


def build(
    post: Post, request: ReportRequest, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> ReportResult:
    """Gather, lay out and write the report ``request`` names."""
    check(request)
    progress(0.0)
    if request.kind == "map":  # the map's layers for the city's GIS (not period-bound: what is open now)
        layers = map_layers(post)
        count = (write_geojson if request.fmt == "geojson" else write_kml)(request.out, layers)
        progress(1.0)
        return ReportResult(request.out, said(N_("Map layers")), count)
    if request.kind == "sitrep":
        given = SitrepInput(
            request.post_name,
            request.prepared_by,
            request.position,
            request.summary,
            request.priorities,
            request.with_map,
            request.basemaps,
        )
        doc = sitrep_document(gather(post, request.period, given, cancel))
        if request.fmt == "pdf":
            write_pdf(doc, request.out, lambda f: progress(0.1 + 0.9 * f), cancel)
        else:
            text = to_html(doc) if request.fmt == "html" else to_markdown(doc)
            with atomic_file(request.out, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
        progress(1.0)
        return ReportResult(request.out, "SITREP", 0)
    form = form_for(post, request)
    if cancel is not None:
        cancel.check()
    progress(0.1)
    if request.fmt == "csv":
        write_csv(form, request.out, cancel)
    else:
        write_pdf(form.document, request.out, lambda f: progress(0.1 + 0.9 * f), cancel)
    progress(1.0)
    return ReportResult(request.out, form.document.title, len(form.rows))
