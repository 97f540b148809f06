"""The map's Qt-free core: projection and grid maths, basemap files, and the map's services.

Nothing here imports Qt, so the parsers can be fuzzed and the services used by the
headless gateway and the radio feature as they are by the map widget.
"""
