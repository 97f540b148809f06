"""Public-warning test helpers: a post made ready (two supervisors, six sirens, folders),
a flood warning drafted, and one approved by the second supervisor."""

from __future__ import annotations

from pathlib import Path

from helpers.posts import PIN, ROLE_NAMES
from ops_console.domain import Role
from ops_console.early_warning import cap
from ops_console.early_warning.templates import Hazard
from ops_console.early_warning.views import WarningView
from ops_console.post import Post
from ops_console.services.audit import SYSTEM
from ops_console.sirens.demo import build_demo_sirens

DRAFTER = ROLE_NAMES[Role.SUPERVISOR]
SECOND = "Second Supervisor"


def ready(post: Post, tmp_path: Path) -> Post:
    if SECOND not in {o.name for o in post.operators.list_active()}:
        post.operators.create(SECOND, Role.SUPERVISOR, PIN, by=SYSTEM)
    build_demo_sirens(post)
    post.sirens.country = "CN"
    for name in ("cap", "notices"):
        (tmp_path / name).mkdir(exist_ok=True)
    post.warnings.settings.cap_folder = tmp_path / "cap"
    post.warnings.settings.notice_folder = tmp_path / "notices"
    return post


def draft_flood(post: Post, sirens: tuple[int, ...] = (1, 2)) -> WarningView:
    area = post.warnings.area_from_sirens(sirens)
    return post.warnings.draft(Hazard.FLOOD, area, place="Willow Creek", time_text="14:30")


def approved_flood(post: Post, sirens: tuple[int, ...] = (1, 2)) -> WarningView:
    """Drafted by the supervisor on shift, approved by the second one (who stays signed on)."""
    w = draft_flood(post, sirens)
    post.operators.sign_on(SECOND, PIN)
    return post.warnings.approve(w.id, PIN)


SENT = "2026-12-06T08:00:00+08:00"


def alert_xml(
    identifier: str = "CITY-1",
    msg_type: str = "Alert",
    references: str = "",
    polygon: str = "31.2,121.4 31.21,121.4 31.21,121.42 31.2,121.4",
    ns: str = cap.NS,
    extra_head: str = "",
) -> bytes:
    refs = f"<references>{references}</references>" if references else ""
    return (
        f"<?xml version='1.0' encoding='UTF-8'?>{extra_head}"
        f"<alert xmlns='{ns}'><identifier>{identifier}</identifier><sender>city@example.gov</sender>"
        f"<sent>{SENT}</sent><status>Actual</status><msgType>{msg_type}</msgType><scope>Public</scope>{refs}"
        "<info><language>en-US</language><category>Met</category><event>Flood</event>"
        "<urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty>"
        "<headline>River over the banks</headline>"
        f"<area><areaDesc>Low streets</areaDesc><polygon>{polygon}</polygon></area></info></alert>"
    ).encode()
