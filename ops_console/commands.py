"""The maintenance subcommands behind ``ops-console db|export|audit``.

Each returns a process exit code and prints results on stdout, problems on stderr.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from functools import partial
from typing import TYPE_CHECKING, TextIO

from ops_console.db import migrate
from ops_console.db.backup import backup_sqlite
from ops_console.db.engine import MAINTENANCE, Database
from ops_console.db.integrity import check_at_open
from ops_console.errors import OpsError, ValidationError
from ops_console.private_files import open_private
from ops_console.said import N_, label, said
from ops_console.services import audit, export

if TYPE_CHECKING:
    from ops_console.config import Settings

EXIT_OK, EXIT_FAILED = 0, 1

log = logging.getLogger(__name__)


def db_command(args: argparse.Namespace, url: str, must_exist: bool) -> int:
    if args.db_command == "upgrade":
        db = Database(url)  # upgrade is how a new database file is created
        before = migrate.current_revision(db)
        migrate.upgrade(db)
        print(f"schema {before or 'empty'} -> {migrate.current_revision(db)} on {db.display_name}")
        return EXIT_OK
    if args.db_command == "copy":
        return _copy(args.source, args.target)
    db = Database(url, must_exist=must_exist)
    if args.db_command == "current":
        current = migrate.current_revision(db)
        head = migrate.head_revision()
        note = "up to date" if current == head else f"this program knows {head}"
        print(f"{current or 'empty'} ({note})")
        return EXIT_OK
    target = backup_sqlite(db, args.path)
    _say(said(N_("Backup written to {path}"), path=str(target)), out=sys.stdout)
    key_copy = audit.backup_key(db, target)
    if key_copy is not None:
        _say(
            said(
                N_(
                    "The post's audit key copied to {path} (keep it with the backup, apart from other people)"
                ),
                path=str(key_copy),
            ),
            out=sys.stdout,
        )
    return EXIT_OK


def _copy(source_url: str, target_url: str) -> int:
    from ops_console.db.copy import copy_post

    source = Database(source_url, must_exist=True, timeouts=MAINTENANCE)  # whole tables: no statement limit
    target = Database(target_url, timeouts=MAINTENANCE)
    counts = copy_post(source, target, progress=lambda name, n: print(f"{name}: {n} rows", file=sys.stderr))
    result = audit.verify(target)
    from ops_console.language import speak_for_cli
    from ops_console.said import shown

    log.info("copied %d rows; audit on the copy: %s", sum(counts.values()), result.reason or "OK")
    speak_for_cli()  # the line in the language the window speaks (VerifyResult.__str__ too)
    print(
        shown(
            said(
                N_("copied {n} rows; audit on the copy: {result}"), n=sum(counts.values()), result=str(result)
            )
        )
    )
    return EXIT_OK if result.ok else EXIT_FAILED


def _open_checked(url: str, must_exist: bool) -> Database:
    db = Database(url, must_exist=must_exist, timeouts=MAINTENANCE)  # whole tables: no statement limit
    check_at_open(db)
    migrate.check_not_newer(db)
    if migrate.current_revision(db) is None:
        migrate.upgrade(db)
    return db


def export_command(args: argparse.Namespace, url: str, must_exist: bool) -> int:
    db = _open_checked(url, must_exist)
    if args.out:
        with open_private(args.out, "w", encoding="utf-8", newline="") as out:
            count = export.write(db, args.kind, args.format, out, exercise=args.exercise)
        _say(said(N_("{n} {kind} written to {path}"), n=count, kind=args.kind, path=str(args.out)))
    else:
        export.write(db, args.kind, args.format, sys.stdout, exercise=args.exercise)
    return EXIT_OK


def operator_command(
    args: argparse.Namespace, url: str, must_exist: bool, settings: Settings | None = None
) -> int:
    """Roster maintenance from the shell. A change needs an administrator's name and PIN
    (``--as``), checked like a sign-on (wrong PINs count toward the lockout), except the
    very first administrator of an empty post: a database file is no proof of a role."""
    from ops_console.domain import Role
    from ops_console.post import open_post

    post = open_post(url, must_exist=must_exist, settings=settings)
    try:
        if args.operator_command == "list":
            for op in post.operators.list_active():
                print(f"{op.name}\t{op.role.value}\t{op.callsign}")
            return EXIT_OK
        if args.operator_command == "pin-policy":
            return _pin_policy(post, args)
        first = not post.operators.list_active()
        if args.as_name:
            sign_on_as(post, args.as_name)
        elif not first:
            _say(
                said(
                    N_(
                        "Adding an operator needs an administrator: give --as NAME (the PIN comes from "
                        "OPS_CONSOLE_PIN or is asked for)."
                    )
                )
            )
            return EXIT_FAILED
        pin = new_pin(args.name, first_admin=first and not args.as_name)
        try:
            post.operators.create(args.name, Role(args.role), pin, args.callsign)
        except ValidationError as exc:
            _print_problems(exc)
            return EXIT_FAILED
        _say(
            said(
                N_("Operator {name} added as {role}"), name=args.name, role=label(Role(args.role), lower=True)
            ),
            out=sys.stdout,
        )
        return EXIT_OK
    finally:
        if post.shift.actor is not None:
            post.operators.sign_off()
        post.close()


def _say(sentence: str, *, flush: bool = False, out: TextIO | None = None) -> None:
    """A stored sentence for the person at the shell (a refusal, a hint, an outcome), on
    stderr (or ``out``) in the language the window speaks (ops_console/language.py
    ``speak_for_cli``); the log keeps it in English."""
    from ops_console.language import speak_for_cli
    from ops_console.said import english, shown

    log.info("told: %s", english(sentence))
    speak_for_cli()
    print(shown(sentence), file=out or sys.stderr, flush=flush)


def _print_problems(exc: ValidationError) -> None:
    """A form's problems, one a line, in the reader's language (as ``_say``)."""
    from ops_console.language import speak_for_cli

    log.info("told: %s", exc.english)
    speak_for_cli()
    for problem in exc.problems.values():
        print(problem, file=sys.stderr)


def sign_on_as(post, name: str) -> None:  # type: ignore[no-untyped-def]
    """Put ``name`` on shift for one command, PIN from OPS_CONSOLE_PIN or asked for.
    Raises SignOnError (an OpsError: a sentence, exit 1) for a wrong PIN or a lock."""
    import getpass
    import os

    pin = os.environ.get("OPS_CONSOLE_PIN") or getpass.getpass(f"PIN of {name}: ")
    post.operators.sign_on(name, pin)


def new_pin(name: str, *, first_admin: bool) -> str:
    """The new operator's PIN: OPS_CONSOLE_NEW_PIN, for the first administrator also
    OPS_CONSOLE_PIN (there is nobody to sign on as), or asked for twice."""
    import getpass
    import os

    pin = os.environ.get("OPS_CONSOLE_NEW_PIN") or (
        os.environ.get("OPS_CONSOLE_PIN") if first_admin else None
    )
    if pin:
        return pin
    pin = getpass.getpass(f"New PIN for {name}: ")
    if getpass.getpass(f"New PIN for {name} again: ") != pin:
        raise OpsError(said(N_("The two PINs differ; nothing was changed.")))
    return pin


def _pin_policy(post, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]

    policy = post.operators.pin_policy()
    if args.lead is not None or args.other is not None:
        if not args.as_name:
            _say(said(N_("Changing the PIN policy needs an administrator: give --as NAME.")))
            return EXIT_FAILED
        sign_on_as(post, args.as_name)
        try:
            policy = post.operators.set_pin_policy(args.lead or policy.lead, args.other or policy.other)
        except ValidationError as exc:
            _print_problems(exc)
            return EXIT_FAILED
    _say(
        said(
            N_("supervisors and admins: {lead}+ digits; other roles: {other}+ digits"),
            lead=policy.lead,
            other=policy.other,
        ),
        out=sys.stdout,
    )
    return EXIT_OK


def audit_command(args: argparse.Namespace, url: str, must_exist: bool) -> int:
    """``audit verify`` and ``audit checkpoint``: both read a post and never create one."""
    db = Database(url, must_exist=True)  # a check never creates the file it checks
    try:
        check_at_open(db)
        migrate.check_not_newer(db)
        if migrate.current_revision(db) is None:
            _say(said(N_("{db} holds no Ops Console post: nothing to check."), db=db.display_name))
            return EXIT_FAILED
        if migrate.current_revision(db) != migrate.head_revision():
            migrate.upgrade(db)  # an older post: its schema first, as opening it would
        if args.audit_command == "checkpoint":
            post_id, point = audit.checkpoint(db)
            print(
                f"audit checkpoint {point.code(post_id)}  (post {post_id}, {point.count} entries, {point.at})"
            )
            _say(
                said(
                    N_(
                        "Write the code in the paper log; `audit verify` compares the log with every checkpoint."
                    )
                )
            )
            return EXIT_OK
        result = audit.verify(db)
        from ops_console.language import speak_for_cli

        speak_for_cli()  # the result in the language the window speaks (VerifyResult.__str__)
        print(result)
        return EXIT_OK if result.ok else EXIT_FAILED
    finally:
        db.dispose()


def ensure_demo(url: str, settings: Settings | None = None) -> None:
    """`--demo` on a machine that never opened the demo post: create and fill it first."""
    from ops_console.demo import build_full_demo, is_empty
    from ops_console.post import open_post

    post = open_post(url, settings=settings)
    try:
        if is_empty(post):
            build_full_demo(post)
    finally:
        post.close()


def radio_settings(post, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    """``--device`` flags and ``--demo`` on top of what the composition root configured from
    the settings (call sign, tactical calls, the config file's devices). Problems are printed."""
    from ops_console.radio.devices import parse_device
    from ops_console.said import shown

    for problem in post.radio.settings.problems:
        print(shown(problem), file=sys.stderr)
    for text in getattr(args, "device", None) or []:
        try:
            post.radio.settings.devices.append(parse_device(text))
        except ValueError as exc:
            from ops_console.said import N_, said

            raise OpsError(said(N_("--device {why}"), why=getattr(exc, "stored", None) or str(exc))) from exc
    post.radio.settings.demo = bool(getattr(args, "demo", False))


def simulate_command(args: argparse.Namespace) -> int:
    """``ops-console simulate lora|sirens|meshtastic [options]``: prints its port, runs until Ctrl+C."""
    if args.kind == "meshtastic":
        from ops_console.hardware.simulators.mesh_node import main as simulate_mesh

        return simulate_mesh(args.sim_args)
    if args.kind == "sirens":
        from ops_console.hardware.simulators.siren_bus import main as simulate_sirens

        return simulate_sirens(args.sim_args)
    from ops_console.hardware.simulators.lora_modem import main as simulate_lora

    return simulate_lora(args.sim_args)


def gateway_command(args: argparse.Namespace, url: str, must_exist: bool, settings: Settings) -> int:
    """``ops-console gateway``: the radio runtime without a window. Starts even when the
    database is away (a server down, a cable cut): it hears, spools and forwards later.
    ``settings`` are the ones the CLI read once; open_post builds the post from them."""
    from ops_console.config import data_dir
    from ops_console.db.errors import DatabaseMissing, DatabaseTooNew, DatabaseUnavailable, is_disk_full
    from ops_console.post import open_post
    from ops_console.radio.gateway import run_gateway
    from ops_console.radio.spool import FrameSpool, SpoolInUse
    from ops_console.radio.stop_report import EXIT_DISK_FULL

    spool_path = args.spool or settings.spool or data_dir() / "gateway-spool.sqlite"
    try:
        spool = FrameSpool(spool_path)
    except SpoolInUse as exc:
        _say(exc.stored)
        return EXIT_FAILED
    except (OSError, sqlite3.Error) as exc:
        full = is_disk_full(exc, spool_path)
        _say(
            said(
                N_(
                    "Disk full: the spool {spool} cannot be opened: {why}. "
                    "Free space or give another place with --spool (or [radio] spool in the config file)."
                )
                if full
                else N_(
                    "The spool {spool} cannot be opened: {why}. "
                    "Free space or give another place with --spool (or [radio] spool in the config file)."
                ),
                spool=str(spool_path),
                why=str(exc),
            )
        )
        return EXIT_DISK_FULL if full else EXIT_FAILED
    try:
        post = open_post(url, must_exist=must_exist, exercise=args.exercise, settings=settings)
    except (DatabaseTooNew, DatabaseMissing):
        spool.close()
        raise
    except DatabaseUnavailable as exc:
        _say(
            said(
                N_(
                    "The database is not reachable now ({why}). The gateway starts anyway: what it hears "
                    "waits in the spool {spool} and is stored when the database answers."
                ),
                why=exc.stored,
                spool=str(spool.path),
            ),
            flush=True,
        )
        post = open_post(url, must_exist=must_exist, exercise=args.exercise, connect=False, settings=settings)
        post.radio.ingest.before_first_store = partial(_upgrade_when_back, post.db)
    try:
        radio_settings(post, args)
        post.radio.ingest.use_spool(spool)
        if len(spool):
            print(f"{len(spool)} frames wait in the spool {spool.path}; forwarding them first", flush=True)
        return run_gateway(post)
    finally:
        post.close()
        spool.close()


def _upgrade_when_back(db: Database) -> None:
    """Before the first frame is stored by a gateway that started without its database:
    the checks ``open_post`` would have made (a post's database, schema upgraded, not too new)."""
    from ops_console.db.integrity import check_at_open

    check_at_open(db)
    migrate.upgrade(db)
