"""The demo post's past warning (issued, updated, cancelled) and the CLI a city gateway's
scripts use: ``warning list --format json`` and ``warning export ID --format cap --out F --all``,
as real subprocesses; every exported file validates against the OASIS schema."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.cli import run_cli
from helpers.public_warnings import alert_xml
from ops_console.early_warning import cap
from ops_console.early_warning.views import CANCELLED


def test_the_demo_has_a_warning_issued_updated_and_cancelled(full_demo_post):
    (w,) = full_demo_post.warnings.list_warnings()
    assert w.state == CANCELLED and w.area.kind == "zone" and w.area.polygons
    docs = full_demo_post.warnings.cap_documents(w.id, all_messages=True)
    assert [t for t, _ in docs] == ["Alert", "Update", "Cancel"]
    for _t, doc in docs:
        cap.validate(doc)
    assert w.drafted_by != w.approved_by


def test_cli_lists_and_exports_every_message_type(tmp_path: Path):
    home = tmp_path / "home"
    listed = run_cli(home, "--demo", "warning", "list", "--format", "json", timeout=300)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [r["state"] for r in rows] == ["cancelled"]
    assert [m["type"] for m in rows[0]["messages"]] == ["Alert", "Update", "Cancel"]
    out = tmp_path / "flood.xml"
    done = run_cli(
        home, "--demo", "warning", "export", str(rows[0]["id"]), "--format", "cap", "--out", str(out), "--all"
    )
    assert done.returncode == 0, done.stderr
    files = [out, tmp_path / "flood-2-update.xml", tmp_path / "flood-3-cancel.xml"]
    for f in files:
        cap.validate(f.read_bytes())
    assert b"<msgType>Cancel</msgType>" in files[2].read_bytes()
    assert b"<references>" in files[2].read_bytes()
    alone = run_cli(
        home, "--demo", "warning", "export", "999", "--format", "cap", "--out", str(tmp_path / "x.xml")
    )
    assert alone.returncode == 1 and "Warning 999 has not been issued" in alone.stderr
    text = run_cli(home, "--demo", "warning", "list")
    assert text.returncode == 0 and "\tcancelled\tflood\t" in text.stdout
    bad = tmp_path / "bad.xml"
    bad.write_bytes(alert_xml(ns=cap.NS_11))
    refused = run_cli(home, "--demo", "warning", "import", str(bad))
    assert refused.returncode == 1 and "CAP 1.1" in refused.stderr
