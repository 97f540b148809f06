"""The ``ops-console`` command: the console itself, and its maintenance subcommands.

Global options (--db, --demo, --exercise, --log-level) work before or after any
subcommand. Known faults (a locked, missing, damaged or too-new database) end with a
sentence on stderr and a distinct exit code, never a traceback.

Nothing here imports SQLAlchemy, the models or the services at the top: the console's
sign-on dialog shows before they load (ui/launch.py), and every start passes through here.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ops_console import __version__
from ops_console.config import Settings, default_db_url, demo_db_url, load_settings
from ops_console.db.errors import explain, is_environment_fault
from ops_console.domain import Role
from ops_console.errors import DatabaseUnavailable, OpsError
from ops_console.logging_setup import setup_logging
from ops_console.said import N_, said

if TYPE_CHECKING:
    from ops_console.post import Post

log = logging.getLogger("ops_console.cli")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _global_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help="SQLAlchemy URL of the post's database (default: SQLite in the user data dir)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="use the separate demo post (created and filled on first use)",
    )
    parser.add_argument(
        "--exercise",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="run in exercise mode: records are marked as exercise, never mixed with live ones",
    )
    parser.add_argument(
        "--log-level",
        default=argparse.SUPPRESS if suppress else "INFO",
        choices=["DEBUG", "INFO", "WARNING", "ERROR"],
        type=str.upper,
        help="how much to log",
    )
    parser.add_argument(
        "--device",
        metavar="KIND:PORT[@BAUD]",
        action="append",
        default=argparse.SUPPRESS if suppress else None,
        help="a radio to open, e.g. lora:/dev/ttyUSB0@115200, lora:socket://127.0.0.1:7001 or a "
        "Meshtastic node, meshtastic:/dev/ttyACM0 (repeatable; adds to the config file's [[device]] entries)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ops-console",
        description="Ops Console: the offline-first console of a community emergency command post.",
        epilog="Without a command the console window opens.",
    )
    parser.add_argument("--version", action="version", version=f"ops-console {__version__}")
    _global_options(parser, suppress=False)
    parser.add_argument(
        "--operator", metavar="NAME", help="sign on as NAME with the PIN from OPS_CONSOLE_PIN (kiosks, tests)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)

    db = sub.add_parser("db", parents=[common], help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_sub.add_parser("upgrade", parents=[common], help="create or upgrade the schema")
    db_sub.add_parser("current", parents=[common], help="print the schema revision")
    backup = db_sub.add_parser(
        "backup", parents=[common], help="copy the SQLite database safely while it is in use"
    )
    backup.add_argument("path", type=Path, help="the backup file to create")
    copy = db_sub.add_parser("copy", parents=[common], help="copy a whole post to another (empty) database")
    copy.add_argument("source", metavar="SRC_URL")
    copy.add_argument("target", metavar="DST_URL")

    export = sub.add_parser("export", parents=[common], help="export records as CSV or JSON")
    from ops_console.export_kinds import FORMATS, KINDS

    export.add_argument("kind", choices=KINDS)
    export.add_argument("--format", choices=FORMATS, default="csv")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")

    from ops_console.reports import cli as report_cli

    report_cli.add_parser(sub, common)

    operator = sub.add_parser("operator", parents=[common], help="manage the post's operators")
    operator_sub = operator.add_subparsers(dest="operator_command", metavar="ACTION", required=True)
    add = operator_sub.add_parser(
        "add",
        parents=[common],
        help="add an operator; needs --as ADMIN (PIN from OPS_CONSOLE_PIN or asked for), except the very "
        "first administrator of an empty post. The new PIN comes from OPS_CONSOLE_NEW_PIN or is asked for",
    )
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--callsign", default="")
    add.add_argument("--as", dest="as_name", metavar="NAME", help="the administrator who adds the operator")
    operator_sub.add_parser("list", parents=[common], help="list active operators")
    policy = operator_sub.add_parser(
        "pin-policy",
        parents=[common],
        help="show the post's PIN lengths, or change them with --as ADMIN and --lead/--other DIGITS",
    )
    policy.add_argument("--lead", type=int, metavar="DIGITS", help="least digits for supervisors and admins")
    policy.add_argument("--other", type=int, metavar="DIGITS", help="least digits for the other roles")
    policy.add_argument("--as", dest="as_name", metavar="NAME", help="the administrator who changes it")

    audit = sub.add_parser("audit", parents=[common], help="audit log checks")
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    audit_sub.add_parser(
        "verify",
        parents=[common],
        help="check the audit hash chain (keyed), this workstation's checkpoints and today's "
        "records; prints OK or the first break and the records changed outside the program",
    )
    audit_sub.add_parser(
        "checkpoint",
        parents=[common],
        help="append the chain's length and head to the checkpoint file; prints a short code "
        "for the paper log",
    )

    from ops_console.early_warning.cli import add_parser as add_warning_parser

    add_warning_parser(sub, common)

    simulate = sub.add_parser("simulate", help="run a simulated device for tests and training")
    simulate.add_argument(
        "kind",
        choices=["lora", "sirens", "meshtastic"],
        help="lora: a REYAX RYLR896 with field teams; sirens: an RS-485 bus of siren controllers; "
        "meshtastic: a Meshtastic node with moving neighbours",
    )
    simulate.add_argument(
        "sim_args", nargs=argparse.REMAINDER, help="options of the simulator (--tcp PORT, --seed, ...)"
    )
    gateway = sub.add_parser(
        "gateway", parents=[common], help="run the radio without a window: links, storage, outbox"
    )
    gateway.add_argument(
        "--spool",
        type=Path,
        metavar="FILE",
        help="where frames wait while the database is away (default: gateway-spool.sqlite "
        "in the user data dir)",
    )
    return parser


def refuse_password(url: str, what: str = "--db", *, parse: bool = True) -> None:
    """A database URL typed on the command line must not carry a password (shell history,
    ``ps`` output); ``what`` names where it was typed. ``parse=False`` checks only the
    password, without SQLAlchemy's parser (the console's start: the whole check runs again
    where the post opens, ui/launch.py)."""
    from urllib.parse import urlsplit

    try:
        password = urlsplit(url).password
    except ValueError:  # e.g. a port that is not a number: SQLAlchemy's parser words it below
        password = None
    if parse:
        from sqlalchemy.engine import make_url

        try:
            password = make_url(url).password
        except Exception as exc:  # sqlalchemy raises ArgumentError with its own words
            raise OpsError(
                said(N_("{what}: '{url}' is not a database URL ({why})"), what=what, url=url, why=str(exc))
            ) from exc
    if password:
        raise OpsError(
            said(
                N_(
                    "Do not put the database password on the command line ({what}; it stays in the shell "
                    "history): give it in PGPASSWORD, in ~/.pgpass, or in the config file."
                ),
                what=what,
            )
        )


def resolve_db_url(
    args: argparse.Namespace, settings: Settings | None = None, *, parse: bool = True
) -> tuple[str, bool]:
    """The URL to open and whether the file must already exist (only when named explicitly);
    ``parse`` as for ``refuse_password``."""
    if args.db:
        refuse_password(args.db, parse=parse)
        return args.db, True
    if args.demo:
        return demo_db_url(), False
    settings = settings if settings is not None else load_settings()
    if settings.problems:
        from ops_console.said import english  # a stored sentence (a [[basemap]] table's) logs in English

        for problem in settings.problems:
            log.warning("%s", english(problem))
    if settings.db_url:
        return settings.db_url, True
    return default_db_url(), False


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _private_own_dirs()
    log_path = setup_logging(args.log_level)
    try:
        return _run(args, log_path)
    except DatabaseUnavailable as exc:
        if args.command is None:
            log.error("%s", exc.english)
            _show_startup_error(exc)
        else:
            tell(exc)
        return exc.exit_code
    except OpsError as exc:
        tell(exc)
        return EXIT_FAILED
    except Exception as exc:  # SQLAlchemy's DatabaseError, without importing it for every start
        if not is_environment_fault(exc):
            raise
        known = explain(exc)
        if args.command is None:
            log.error("%s", known.english)
            _show_startup_error(known)
        else:
            tell(known)
        return known.exit_code
    except KeyboardInterrupt:
        return 130


def tell(exc: OpsError) -> None:
    """An error for the person at the shell: on stderr in the language the window speaks
    (``language.speak_for_cli``: the workstation's choice, else LANG / LC_ALL), and in
    English in the log file (``exc.english``), as every log line is."""
    from ops_console.language import speak_for_cli
    from ops_console.logging_setup import TOLD

    log.error("%s", exc.english, extra={TOLD: True})
    speak_for_cli()
    print(f"ops-console: {exc}", file=sys.stderr)


def _run(args: argparse.Namespace, log_path: Path | None) -> int:
    if args.command is None:  # the console: nothing heavy before its first window (ui/app.py)
        settings = load_settings()  # the one reading of the config file; open_post gets it
        url, must_exist = resolve_db_url(args, settings, parse=False)
        return _launch_gui(args, url, must_exist, log_path, settings)
    from ops_console import commands

    if args.command == "simulate":
        return commands.simulate_command(args)
    if args.command == "db" and args.db_command == "copy":
        refuse_password(args.source, "SRC_URL")
        refuse_password(args.target, "DST_URL")
    settings = load_settings()  # the one reading of the config file; open_post gets it
    url, must_exist = resolve_db_url(args, settings)
    if args.demo and not args.db:
        commands.ensure_demo(url, settings)
    if args.command == "db":
        return commands.db_command(args, url, must_exist)
    if args.command == "export":
        return commands.export_command(args, url, must_exist)
    if args.command == "report":
        from ops_console.reports.cli import report_command

        return report_command(args, url, must_exist, settings)
    if args.command == "operator":
        return commands.operator_command(args, url, must_exist, settings)
    if args.command == "audit":
        return commands.audit_command(args, url, must_exist)
    if args.command == "gateway":
        return commands.gateway_command(args, url, must_exist, settings)
    if args.command == "warning":
        return _warning(args, url, must_exist, settings)
    raise AssertionError(f"unknown command {args.command!r}")  # argparse allows no other


def _warning(args: argparse.Namespace, url: str, must_exist: bool, settings: Settings) -> int:
    from ops_console.early_warning.cli import warning_command
    from ops_console.post import open_post

    post = open_post(url, must_exist=must_exist, exercise=args.exercise, settings=settings)
    try:
        return warning_command(args, post)
    finally:
        post.close()


def _open_gui_post(
    args: argparse.Namespace, url: str, must_exist: bool, settings: Settings, first_start: bool = False
) -> Post:
    """Everything heavy of a console start, run on a worker while a window already shows:
    the URL's whole check, SQLAlchemy, the models and services, the schema, and on the
    demo's first start the demo post itself. On that first start the demo PIN's hash
    (scrypt: slow on purpose, and it lets other threads run) is made on another thread
    while this one imports and creates the schema."""
    pin_hash = _demo_pin_hash_meanwhile() if first_start and not args.exercise else None
    from ops_console.post import open_post

    if args.db:
        refuse_password(args.db)  # SQLAlchemy's parser words a URL it cannot read
    demo_here = args.demo and not args.db
    if demo_here and args.exercise:  # the demo is made outside exercise mode, as before
        from ops_console.commands import ensure_demo

        ensure_demo(url, settings)
    post = open_post(
        url,
        must_exist=must_exist,
        exercise=args.exercise,
        settings=settings,
        demo=args.demo,
        devices=getattr(args, "device", None) or [],
    )
    if demo_here and not args.exercise:
        try:
            from ops_console.demo import build_full_demo, is_empty

            if is_empty(post):  # the first start: one open, not two
                build_full_demo(post, pin_hash=pin_hash() if pin_hash else None)
        except BaseException:
            post.close()
            raise
    return post


def _demo_pin_hash_meanwhile() -> Callable[[], str]:
    """Start hashing the demo PIN on a thread of its own; the returned call waits for it."""
    import threading

    from ops_console.config import DEMO_PIN
    from ops_console.pins import hash_pin

    made: list[str] = []
    thread = threading.Thread(target=lambda: made.append(hash_pin(DEMO_PIN)), name="demo-pin", daemon=True)
    thread.start()

    def result() -> str:
        thread.join()
        return made[0] if made else hash_pin(DEMO_PIN)  # it failed there: say why here

    return result


def _launch_gui(
    args: argparse.Namespace, url: str, must_exist: bool, log_path: Path | None, settings: Settings
) -> int:
    from functools import partial

    from ops_console import roster
    from ops_console.config import data_dir
    from ops_console.ui.app import run_gui

    preview = roster.read_roster(url, cache_dir=data_dir())
    # the demo's first start: its progress window shows while the post is made
    first_start = bool(args.demo and not args.db and (roster.missing_file(url) or preview == []))

    def remember(post: Post) -> None:
        try:
            entries = [roster.RosterEntry(o.name, o.callsign, o.role) for o in post.operators.list_active()]
        except OpsError as exc:  # the server went away meanwhile: the next start waits for it
            log.warning("roster not kept for the next sign-on: %s", exc)
            return
        roster.remember(data_dir(), url, entries)

    pin = os.environ.get("OPS_CONSOLE_PIN")
    if not first_start:
        _check_file_ahead(url)
    if args.operator and pin and not first_start:
        _check_pin_ahead(url, args.operator, pin)
    return run_gui(
        partial(_open_gui_post, args, url, must_exist, settings, first_start),
        operator=args.operator,
        pin=pin,
        demo=args.demo,
        log_path=log_path,
        roster=preview,
        first_start=first_start,
        opened=None if roster.sqlite_file(url) else remember,
    )


def _check_file_ahead(url: str) -> None:
    """A SQLite post's quick check (every page read: I/O, and SQLite lets go of the GIL)
    starts now on a thread of its own instead of after the imports
    (ops_console/db/quick_check_ahead.py); the open takes its answer."""
    from ops_console import roster
    from ops_console.db import quick_check_ahead

    path = roster.sqlite_file(url)
    if path is not None and path.is_file():
        quick_check_ahead.start(path)


def _check_pin_ahead(url: str, operator: str, pin: str) -> None:
    """``--operator``: the PIN check (scrypt, half a second on purpose) starts now on a
    thread of its own, from the hash read with plain sqlite3, instead of after the post
    opened (ops_console/pins.py check_pin_ahead): on a machine with two cores it overlaps
    the imports. The sign-on still goes through the operator service."""
    from ops_console import pins, roster

    stored = roster.read_pin_hash(url, operator)
    if stored is not None:
        pins.check_pin_ahead(pin, stored)


def _private_own_dirs() -> None:
    """The console's data and log folders are the user's alone (0700), also when an older
    version created them world-readable."""
    from ops_console.config import data_dir, log_dir
    from ops_console.private_files import private_dir

    for folder in (data_dir(), log_dir()):
        try:
            if folder.is_dir():
                private_dir(folder, own=True)
        except OSError as exc:
            log.warning("cannot make %s private: %s", folder, exc)


def _show_startup_error(error: OpsError) -> None:
    """Also show the reason in a window when the console was started from a desktop icon
    (in the language the window would have spoken: ui/startup_error.py)."""
    if os.environ.get("OPS_CONSOLE_NO_DIALOGS"):
        return
    try:
        from ops_console.ui.startup_error import show_startup_error
    except ImportError:  # Qt cannot load here (no display libraries): stderr has said it
        return
    show_startup_error(error)


if __name__ == "__main__":
    sys.exit(main())
