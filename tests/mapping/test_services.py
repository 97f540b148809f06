"""Risk register, shelters and zones: audited, permission-checked, announced after commit."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from helpers.events import EventRecorder
from helpers.posts import PIN, ROLE_NAMES
from ops_console.clock import utc_now
from ops_console.db.models import AuditEntry
from ops_console.domain import Role
from ops_console.errors import ConflictError, PermissionDenied, ValidationError
from ops_console.mapping.risks import Mitigation, RiskDraft, RiskKind, RiskLevel
from ops_console.mapping.services import MapServices
from ops_console.mapping.shelters import ShelterDraft, ShelterStatus
from ops_console.mapping.zones import ZoneDraft, ZoneKind


def actions(post):
    with post.db.read() as s:
        return [e.action for e in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_risk_point_inspection_and_overdue(any_post):
    events = EventRecorder(any_post.bus).items
    svc = MapServices.for_post(any_post)
    risk = svc.risks.create(
        RiskDraft("Old wall", RiskKind.OLD_BUILDING, RiskLevel.HIGH, 30.26, 120.17, inspect_every_days=7),
        reported_at=utc_now() - timedelta(days=10),
    )
    assert risk.is_overdue()
    after = svc.risks.log_inspection(risk.id, "Crack widened", RiskLevel.VERY_HIGH, Mitigation.PLANNED)
    assert (
        not after.is_overdue()
        and after.level == RiskLevel.VERY_HIGH
        and after.mitigation == Mitigation.PLANNED
    )
    assert [i.finding for i in svc.risks.inspections(risk.id)] == ["Crack widened"]
    assert actions(any_post)[-2:] == ["risk.create", "risk.inspect"]
    assert [e.topic for e in events] == ["risk.changed", "risk.changed"]
    with pytest.raises(ConflictError):
        svc.risks.update(risk.id, risk.version, risk.draft())
    with pytest.raises(ValidationError):
        svc.risks.create(RiskDraft(" ", RiskKind.SLOPE, RiskLevel.LOW, 95, 0))


def test_shelter_occupancy_drives_status_and_is_audited(any_post):
    svc = MapServices.for_post(any_post)
    shelter = svc.shelters.create(ShelterDraft("School hall", 30.26, 120.17, capacity=100, occupancy=10))
    full = svc.shelters.set_occupancy(shelter.id, 100, shelter.version)
    assert full.status == ShelterStatus.FULL and full.free == 0
    reopened = svc.shelters.report_occupancy(shelter.id, 80)  # radio relay: newest count wins
    assert reopened.status == ShelterStatus.OPEN
    closed = svc.shelters.set_status(shelter.id, ShelterStatus.CLOSED)
    assert svc.shelters.report_occupancy(shelter.id, 0).status == ShelterStatus.CLOSED == closed.status
    assert actions(any_post)[-4:] == [
        "shelter.occupancy",
        "shelter.occupancy",
        "shelter.status",
        "shelter.occupancy",
    ]
    with pytest.raises(ConflictError):
        svc.shelters.set_occupancy(shelter.id, 5, shelter.version)
    with pytest.raises(ValidationError):
        svc.shelters.set_occupancy(shelter.id, -1)


def test_zones_polygon_and_circle_then_withdrawn(any_post):
    svc = MapServices.for_post(any_post)
    poly = svc.zones.create(
        ZoneDraft("Riverside", ZoneKind.EVACUATION, ring=((30.25, 120.16), (30.25, 120.17), (30.26, 120.17)))
    )
    circle = svc.zones.create(ZoneDraft("Depot", ZoneKind.WARNING, centre=(30.255, 120.175), radius_m=200))
    assert poly.ring[0] == poly.ring[-1] and len(poly.ring) == 4
    assert circle.centre == (30.255, 120.175) and circle.radius_m == 200
    svc.zones.withdraw(poly.id)
    assert [z.name for z in svc.zones.list()] == ["Depot"]
    assert actions(any_post)[-3:] == ["zone.create", "zone.create", "zone.withdraw"]
    with pytest.raises(ValidationError):
        svc.zones.create(ZoneDraft("Line", ZoneKind.WARNING, ring=((30.25, 120.16), (30.25, 120.17))))


def test_a_viewer_may_not_change_the_map(post):
    post.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    svc = MapServices.for_post(post)
    with pytest.raises(PermissionDenied, match="may not add shelters"):
        svc.shelters.create(ShelterDraft("Hall", 30.26, 120.17, 50))
    assert svc.risks.list() == []


def test_demo_map_is_built(demo_post):
    svc = MapServices.for_post(demo_post)
    risks = svc.risks.list()
    assert len(risks) == 12 and 1 <= sum(r.is_overdue() for r in risks) < 12
    assert len(svc.shelters.list()) == 4 and len(svc.zones.list()) == 2
