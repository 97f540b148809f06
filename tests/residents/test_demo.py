"""The demo post's register: a few hundred residents, some unplaced, a zone part accounted for."""

from ops_console.residents import Whereabouts
from ops_console.residents.demo import RESIDENTS, UNPLACED


def test_demo_register_and_evacuation_zone(full_demo_post):
    post = full_demo_post
    counts = post.residents.register.counts()
    assert (counts.total, counts.without_position) == (RESIDENTS, UNPLACED)
    zone = next(z for z in post.map.zones.list() if z.kind.value == "evacuation")
    progress = post.residents.evacuation.progress(zone.id)
    assert progress.total >= 20, progress
    assert 0 < progress.accounted < progress.total
    assert (
        progress.by_status[Whereabouts.NEEDS_TRANSPORT] == 3
        and progress.by_status[Whereabouts.NOT_FOUND] == 2
    )
    hall = next(s for s in post.map.shelters.list() if s.name.startswith("Plum Blossom"))
    assert hall.occupancy == 134 + progress.by_status[Whereabouts.EVACUATED]
