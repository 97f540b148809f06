"""Zone → residents → welfare tasks by street, and evacuation accounting with shelters."""

import time

import pytest
from sqlalchemy import insert, select

from helpers.posts import PIN, ROLE_NAMES
from ops_console.db.models import AuditEntry
from ops_console.db.resident_models import Resident
from ops_console.domain import Priority, Role
from ops_console.errors import PermissionDenied, ValidationError
from ops_console.mapping.shelters import ShelterDraft, ShelterStatus
from ops_console.mapping.zones import ZoneDraft, ZoneKind
from ops_console.residents import Need, Whereabouts


def fill(post, make_draft):
    reg = post.residents.register
    made = {
        "oxygen": reg.create(make_draft("A", "Willow Lane 12", 10, 10, Need.OXYGEN)),
        "mobility": reg.create(make_draft("B", "Willow Lane 14", 20, 10, Need.MOBILITY)),
        "language": reg.create(make_draft("C", "Mill Street 3", -50, 40, Need.LANGUAGE)),
        "infant": reg.create(make_draft("D", "3 Mill Street", -60, 40, Need.INFANT)),
        "outside": reg.create(make_draft("E", "Far Road 1", 500, 500, Need.DIALYSIS)),
        "unplaced": reg.create(make_draft("F", "Willow Lane 20", None, None, Need.OXYGEN)),
    }
    return {k: v.row.id for k, v in made.items()}


def test_zone_lists_residents_inside_most_urgent_first(any_post, make_square, make_draft):
    square_zone = make_square(any_post)
    ids = fill(any_post, make_draft)
    rows = any_post.residents.evacuation.residents_in(square_zone.id)
    assert [r.id for r in rows] == [ids["oxygen"], ids["mobility"], ids["infant"], ids["language"]]


def test_circle_zone(post, make_draft, at_metres):
    ids = fill(post, make_draft)
    circle = post.map.zones.create(ZoneDraft("Warn", ZoneKind.WARNING, centre=at_metres(15, 10), radius_m=30))
    assert sorted(post.residents.evacuation.resident_ids(circle.id)) == sorted(
        [ids["oxygen"], ids["mobility"]]
    )


def test_welfare_tasks_grouped_by_street_most_urgent_first(post, make_square, make_draft):
    square_zone = make_square(post)
    ids = fill(post, make_draft)
    evac = post.residents.evacuation
    tasks = evac.welfare_tasks(square_zone.id)
    assert [(t.location_text, t.priority) for t in tasks] == [
        ("Willow Lane", Priority.URGENT),
        ("Mill Street", Priority.HIGH),
    ]
    willow, mill = tasks
    assert willow.details.splitlines() == [
        f"R-{ids['oxygen']} · Willow Lane 12 · Oxygen",
        f"R-{ids['mobility']} · Willow Lane 14 · Mobility",
    ]
    assert mill.details.splitlines()[0].startswith(f"R-{ids['infant']} ")  # infant before language
    assert {t.id for t in post.tasks.list()} >= {willow.id, mill.id}
    # residents already accounted for get no second visit
    shelter = post.map.shelters.create(ShelterDraft("Hall", 30.26, 120.17, capacity=10))
    evac.mark(ids["oxygen"], Whereabouts.EVACUATED, shelter.id)
    evac.mark(ids["mobility"], Whereabouts.STAYING)
    again = evac.welfare_tasks(square_zone.id)
    assert [t.location_text for t in again] == ["Mill Street"]


def test_welfare_tasks_made_on_a_chinese_console_are_written_in_chinese(post, make_square, make_draft, qapp):
    """A task is a record people edit, so it holds words: those of the console that made it."""
    from PySide6.QtCore import QLocale

    from helpers.english_left import english_words
    from ops_console.language import install_translators, remove_translators

    square_zone = make_square(post)
    fill(post, make_draft)
    translators = install_translators(qapp, QLocale("zh_CN"))
    try:
        tasks = post.residents.evacuation.welfare_tasks(square_zone.id)
    finally:
        remove_translators(qapp, translators)
    assert tasks and all(t.title.startswith("走访探视：") for t in tasks), [t.title for t in tasks]
    data = {"Willow", "Lane", "Mill", "Street", "R"} | set(square_zone.name.replace(":", " ").split())
    assert not english_words(tasks[0].title, data) and not english_words(tasks[0].details, data), (
        tasks[0].title,
        tasks[0].details,
    )


def test_accounting_moves_shelter_occupancy_and_reports_unaccounted(any_post, make_square, make_draft):
    square_zone = make_square(any_post)
    ids = fill(any_post, make_draft)
    evac, shelters = any_post.residents.evacuation, any_post.map.shelters
    hall = shelters.create(ShelterDraft("Hall", 30.26, 120.17, capacity=2, occupancy=1))
    gym = shelters.create(ShelterDraft("Gym", 30.26, 120.17, capacity=50))
    start = evac.progress(square_zone.id)
    assert (start.total, start.accounted, start.by_status[Whereabouts.UNACCOUNTED]) == (4, 0, 4)

    row = evac.check_in_at_shelter(ids["oxygen"], hall.id)  # at the shelter door
    assert row.whereabouts is Whereabouts.EVACUATED and row.shelter == "Hall"
    assert shelters.get(hall.id).occupancy == 2 and shelters.get(hall.id).status is ShelterStatus.FULL
    evac.mark(ids["oxygen"], Whereabouts.EVACUATED, gym.id)  # moved on: the hall has room again
    assert (shelters.get(hall.id).occupancy, shelters.get(gym.id).occupancy) == (1, 1)
    assert shelters.get(hall.id).status is ShelterStatus.OPEN
    evac.mark(ids["mobility"], Whereabouts.STAYING)
    evac.mark(ids["infant"], Whereabouts.NEEDS_TRANSPORT)
    evac.mark(ids["language"], Whereabouts.NOT_FOUND)

    progress = evac.progress(square_zone.id)
    assert (progress.accounted, progress.total, progress.ratio) == (2, 4, 0.5)
    assert progress.by_status[Whereabouts.NEEDS_TRANSPORT] == progress.by_status[Whereabouts.NOT_FOUND] == 1
    assert [r.id for r in evac.unaccounted(square_zone.id)] == [ids["infant"], ids["language"]]
    # the register's own list shows the same records (one record, two doors)
    by_id = {r.id: r for r in any_post.residents.register.rows()}
    assert (
        by_id[ids["oxygen"]].shelter == "Gym" and by_id[ids["language"]].whereabouts is Whereabouts.NOT_FOUND
    )
    evac.mark(ids["oxygen"], Whereabouts.NOT_FOUND)  # left the gym: its count follows
    assert shelters.get(gym.id).occupancy == 0


def test_exercise_accounting_never_hides_a_real_resident(post, make_square, make_draft):
    square_zone = make_square(post)
    ids = fill(post, make_draft)
    hall = post.map.shelters.create(ShelterDraft("Hall", 30.26, 120.17, capacity=20))
    post.exercise.set_exercise(True)
    drill_hall = post.map.shelters.create(ShelterDraft("Drill hall", 30.26, 120.17, capacity=20))
    post.residents.evacuation.mark(ids["oxygen"], Whereabouts.EVACUATED, hall.id)
    post.residents.evacuation.mark(ids["mobility"], Whereabouts.EVACUATED, drill_hall.id)
    assert post.residents.evacuation.progress(square_zone.id).accounted == 2
    assert post.map.shelters.get(hall.id).occupancy == 0  # a drill never changes a real head count
    assert post.map.shelters.get(drill_hall.id).occupancy == 1
    purged = post.exercise.purge()
    assert purged.get("resident_accounts") == 2
    post.exercise.set_exercise(False)
    assert post.residents.evacuation.progress(square_zone.id).accounted == 0
    assert post.map.shelters.get(hall.id).occupancy == 0


def test_accounting_bad_input_and_roles(post, make_square, make_draft):
    square_zone = make_square(post)
    ids = fill(post, make_draft)
    evac, shelters = post.residents.evacuation, post.map.shelters
    closed = shelters.create(ShelterDraft("Shut", 30.26, 120.17, capacity=5, status=ShelterStatus.CLOSED))
    with pytest.raises(ValidationError, match="which shelter"):
        evac.mark(ids["oxygen"], Whereabouts.EVACUATED)
    with pytest.raises(ValidationError, match="closed"):
        evac.mark(ids["oxygen"], Whereabouts.EVACUATED, closed.id)
    assert shelters.get(closed.id).occupancy == 0
    post.operators.sign_on(ROLE_NAMES[Role.VIEWER], PIN)
    assert evac.progress(square_zone.id).total == 4  # counts: yes
    for call in (
        lambda: evac.residents_in(square_zone.id),
        lambda: evac.unaccounted(square_zone.id),
        lambda: evac.welfare_tasks(square_zone.id),
        lambda: evac.mark(ids["oxygen"], Whereabouts.STAYING),
    ):
        with pytest.raises(PermissionDenied):
            call()
    with post.db.read() as s:
        marks = s.scalars(select(AuditEntry).where(AuditEntry.action == "resident.whereabouts")).all()
    assert marks == []


def test_zone_with_5000_residents_inside(post, make_square, at_metres):
    square_zone = make_square(post)
    """5,000 residents inside and 5,000 just east of the square: the list is complete,
    most urgent first, and comes back in seconds at worst (the UI runs it as a job)."""
    rows = []
    for i in range(10_000):
        inside = i % 2 == 0
        north = -95 + (i % 100) * 1.9
        east = -95 + (i // 100) * 1.9 if inside else 105 + (i // 100) * 0.5
        lat, lon = at_metres(north, east)
        rows.append(
            {
                "name": f"R{i}",
                "address": f"Lane {i % 37} {i}",
                "street": f"Lane {i % 37}",
                "lat": lat,
                "lon": lon,
                "needs": "oxygen" if i % 10 == 0 else "",
                "urgency": 6 if i % 10 == 0 else 0,
                "version": 1,
            }
        )
    with post.db.write() as s:
        s.execute(insert(Resident), rows)
    evac = post.residents.evacuation
    started = time.perf_counter()
    found = evac.residents_in(square_zone.id)
    took = time.perf_counter() - started
    assert len(found) == 5000 and all(int(r.name[1:]) % 2 == 0 for r in found)
    assert [r.urgency for r in found[:1000]] == [6] * 1000 and found[1000].urgency == 0
    assert took < 5.0, took  # generous: a loaded 2-core machine; the UI runs it as a job anyway
    assert evac.progress(square_zone.id).total == 5000
