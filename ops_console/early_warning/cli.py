"""``ops-console warning …``: the warnings for a city gateway's scripts.

``list [--format json]`` prints every warning (newest first); ``export ID --format cap --out
FILE [--all]`` writes the CAP 1.2 Alert (and with ``--all`` its Updates and Cancel next to it,
``FILE`` stem + ``-2-update.xml`` …), exactly the bytes that were sent; ``import PATH`` reads
a CAP file (or every new file of a folder) as the console's watched folder does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ops_console.errors import OpsError
from ops_console.private_files import write_private
from ops_console.said import shown

if TYPE_CHECKING:  # the parser is built at every start: the post loads only for the command
    from ops_console.post import Post

EXIT_OK, EXIT_FAILED = 0, 1


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    warning = sub.add_parser(
        "warning", parents=[common], help="public warnings: list, CAP 1.2 export and import"
    )
    w_sub = warning.add_subparsers(dest="warning_command", metavar="ACTION", required=True)
    listing = w_sub.add_parser("list", parents=[common], help="list the post's warnings, newest first")
    listing.add_argument("--format", choices=["text", "json"], default="text")
    export = w_sub.add_parser("export", parents=[common], help="write a warning's CAP 1.2 document(s)")
    export.add_argument("id", type=int)
    export.add_argument("--format", choices=["cap"], default="cap")
    export.add_argument("--out", type=Path, required=True, metavar="FILE")
    export.add_argument("--all", action="store_true", help="also its Update and Cancel messages")
    imp = w_sub.add_parser("import", parents=[common], help="read a CAP 1.2 file, or a folder's new files")
    imp.add_argument("path", type=Path)


def _row(post: Post, w) -> dict[str, object]:  # type: ignore[no-untyped-def]
    msgs = post.warnings.messages(w.id, refresh=False)
    return {
        "id": w.id,
        "identifier": w.identifier,
        "hazard": w.hazard,
        "state": w.state,
        "exercise": w.exercise,
        "headline_en": w.headline("en-US"),
        "headline_zh": w.headline("zh-CN"),
        "area": w.area.desc,
        "drafted_by": w.drafted_by,
        "approved_by": w.approved_by,
        "issued_by": w.issued_by,
        "expires": w.expires_at.isoformat(),
        "messages": [
            {
                "type": m.msg_type,
                "identifier": m.identifier,
                "sent": m.sent_at.isoformat(),
                "outcome": m.outcome,
                "channels": {d.channel: d.state for d in m.deliveries},
            }
            for m in msgs
        ],
    }


def warning_command(args: argparse.Namespace, post: Post) -> int:
    from ops_console.language import speak_for_cli

    speak_for_cli()  # refusals and CAP rejections in the language the window speaks
    if args.warning_command == "list":
        rows = [_row(post, w) for w in post.warnings.list_warnings(limit=10_000)]
        if args.format == "json":
            json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            for r in rows:
                last = r["messages"][-1]["outcome"] if r["messages"] else "-"  # type: ignore[index]
                mark = " EXERCISE" if r["exercise"] else ""
                print(f"{r['id']}\t{r['state']}{mark}\t{r['hazard']}\t{last}\t{r['headline_en']}")
        return EXIT_OK
    if args.warning_command == "export":
        try:
            docs = post.warnings.cap_documents(args.id, all_messages=args.all)
        except OpsError as exc:
            print(str(exc), file=sys.stderr)
            return EXIT_FAILED
        for n, (msg_type, doc) in enumerate(docs, start=1):
            out: Path = (
                args.out if n == 1 else args.out.with_name(f"{args.out.stem}-{n}-{msg_type.lower()}.xml")
            )
            write_private(out, doc.decode("utf-8"))
            print(f"{msg_type} written to {out}", file=sys.stderr)
        return EXIT_OK
    if args.warning_command == "import":
        from ops_console.early_warning.cap_import import CapRejected

        if args.path.is_dir():
            accepted, refused = post.warnings.inbox.scan_folder(args.path)
        else:
            try:
                accepted, refused = [post.warnings.inbox.import_file(args.path)], []
            except CapRejected as exc:
                accepted, refused = [], [(args.path.name, str(exc))]
        for a in accepted:
            print(f"{a.msg_type} {a.identifier} from {a.sender}: {a.headline}")
        for name, words in refused:
            print(f"{name}: {shown(words)}", file=sys.stderr)  # a stored sentence (said.py) too
        return EXIT_FAILED if refused else EXIT_OK
    return EXIT_FAILED
