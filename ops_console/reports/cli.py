"""``ops-console report sitrep|ics214|ics309|ics213rr|ics205``: the reports from the shell.

Runs without a display: Qt's PDF writer needs a QGuiApplication for its fonts, which is made
on the offscreen platform when no display is there (a headless gateway, a cron job, ssh).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ops_console.config import Settings
from ops_console.reports.kinds import FORMATS, KINDS  # light: the parser is built at every start

EXIT_OK = 0


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """The ``report`` subcommand and its options."""
    report = sub.add_parser(
        "report",
        parents=[common],
        help="write a SITREP or an ICS form (214, 309, 213RR, 211, 205) for an operational period, "
        "or the map's layers (map --format geojson|kml)",
    )
    report.add_argument("kind", choices=KINDS)
    report.add_argument("--out", type=Path, required=True, help="the file to write (whole or not at all)")
    report.add_argument(
        "--format",
        dest="fmt",
        choices=sorted({f for fs in FORMATS.values() for f in fs}),
        help="pdf (default); a SITREP also html or md, a form also csv (UTF-8 with BOM); map: geojson or kml",
    )
    report.add_argument(
        "--from",
        dest="start",
        metavar="TIME",
        help="period start: 2026-12-06 06:00, 06:00, 12h (ago; default: 12 h before --to)",
    )
    report.add_argument("--to", dest="end", metavar="TIME", help="period end (default: now)")
    report.add_argument("--prepared-by", default="", metavar="NAME", help="who prepares it")
    report.add_argument("--position", default="", help="their ICS position (e.g. Planning Section Chief)")
    report.add_argument(
        "--incident", default="", help="incident name (default: [post] incident, else the post's name)"
    )
    report.add_argument("--operator", default="", help="ICS 214 of this operator; ICS 309's radio operator")
    report.add_argument("--unit", default="", help="ICS 214 of this team")
    report.add_argument("--net", default="", help="ICS 309 net name or tactical call")
    report.add_argument("--callsign", default="", help="ICS 309 radio operator's call sign")
    report.add_argument("--summary", default="", help="SITREP: the supervisor's summary (or @FILE)")
    report.add_argument("--priorities", default="", help="SITREP: priorities for the next period (or @FILE)")
    report.add_argument("--no-map", action="store_true", help="SITREP without the map snapshot")


def _text(value: str) -> str:
    """``@FILE`` reads the words from a file (a long summary does not fit a shell line)."""
    if value.startswith("@"):
        return Path(value[1:]).expanduser().read_text(encoding="utf-8")
    return value


def post_names(settings: Settings) -> tuple[str, str]:
    """(post name, incident name) from the config file's ``[post]`` table."""
    table = settings.raw.get("post", {})
    table = table if isinstance(table, dict) else {}
    name = str(table.get("name") or "Ops Console post")
    return name, str(table.get("incident") or "")


def ensure_gui_application() -> None:
    """A QGuiApplication for fonts and painting; offscreen when there is no display."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    if not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = ensure_gui_application.app = QGuiApplication(sys.argv[:1])  # type: ignore[attr-defined]  # kept alive
    # the report speaks the workstation's language, as the window does (ops_console/language.py)
    from ops_console.language import install_translators

    ensure_gui_application.translators = install_translators(app)  # type: ignore[attr-defined]


def report_command(args: argparse.Namespace, url: str, must_exist: bool, settings: Settings) -> int:
    from ops_console.locale_format import number
    from ops_console.post import open_post
    from ops_console.printing.blocks import REPORTS_CONTEXT
    from ops_console.reports.build import ReportRequest, build, check
    from ops_console.reports.period import period_from
    from ops_console.said import N_, is_said, said, shown, word

    fmt = args.fmt or FORMATS[args.kind][0]
    period = period_from(args.start, args.end)
    name, incident = post_names(settings)
    request = ReportRequest(
        args.kind,
        args.out,
        period,
        fmt,
        post_name=name,
        incident=args.incident or incident,
        prepared_by=args.prepared_by,
        position=args.position,
        operator=args.operator,
        unit=args.unit,
        net=args.net,
        callsign=args.callsign,
        summary=_text(args.summary),
        priorities=_text(args.priorities),
        with_map=not args.no_map,
    )
    check(request)  # a wrong format is said before the database is opened
    ensure_gui_application()
    post = open_post(url, must_exist=must_exist, exercise=args.exercise, settings=settings, demo=args.demo)
    try:
        request.basemaps = [p for p in post.basemaps(args.demo) if isinstance(p, Path)] + [
            s.path for s in settings.basemaps if getattr(s, "kind", "") == "geojson" and s.path is not None
        ]
        result = build(post, request)
    finally:
        post.close()
    told = said(  # in the language the report speaks (ensure_gui_application's translator)
        N_("{what} for {period} written to {path}, {n} lines")
        if result.lines
        else N_("{what} for {period} written to {path}"),
        # a form's title as on paper (its words in the "Reports" context), or a stored sentence
        what=result.what if is_said(result.what) else word(REPORTS_CONTEXT, result.what),
        period=period.words(),
        path=str(result.path),
        n=number(result.lines),
    )
    print(shown(told), file=sys.stderr)
    return EXIT_OK
