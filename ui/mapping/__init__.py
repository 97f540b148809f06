"""The map: the post's shared picture, drawn offline from vector basemaps, tile packages
and the post's own records (incidents, tasks, teams, shelters, risk points, zones).

The widgets of the map dock live here (widget.py, panels.py, dialogs.py, legend.py), with
what feeds them (feed.py, live_feed.py, basemap_loading.py) and the view they all share
(viewport.py). Below them: ``layers`` (what is drawn), ``tiles`` (raster tile sources and
their layer) and ``canvas`` (the widget that draws the layers, its bitmap cache and
overlays). Imports point down: the top level uses the three; ``canvas`` and ``tiles`` use
``layers``; everything uses ``viewport``; ``layers`` uses only ``viewport``.
"""
