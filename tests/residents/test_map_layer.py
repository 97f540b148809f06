"""Residents on the map: those with a position, for a role that may see the register."""

from PySide6.QtCore import QSettings

from ops_console.events import Event
from ops_console.residents import Whereabouts
from ops_console.residents.demo import RESIDENTS, UNPLACED
from ops_console.topics import Topic
from ops_console.ui.mapping.widget import MapWidget


def test_residents_layer_places_only_positioned_and_follows_role(qtbot, full_demo_post, tmp_path):
    post = full_demo_post
    widget = MapWidget(post, None, settings=QSettings(str(tmp_path / "m.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(widget)
    layer = widget.layers["residents"]
    assert not layer.visible  # personal data: shown when someone turns it on
    assert len(layer.markers) == RESIDENTS - UNPLACED
    unplaced = [r.id for r in post.residents.register.rows() if not r.on_map]
    assert len(unplaced) == UNPLACED and not set(unplaced) & set(layer.markers)

    some = next(iter(layer.markers))
    post.residents.evacuation.mark(some, Whereabouts.STAYING)
    widget.feed._event(Event(Topic.RESIDENT_CHANGED, some))
    assert layer.markers[some].style == Whereabouts.STAYING.value

    post.operators.sign_on("Zhao Lei", "1234")  # the demo's viewer
    widget.feed.put_residents()
    assert layer.markers == {}
    widget.close_map()
