"""The ``[[basemap]]`` tables of the config file: which maps this post has, checked.

A post lists its maps in order, bottom first::

    [[basemap]]
    kind = "mbtiles"            # mbtiles | pmtiles | xyz | geojson
    path = "maps/ward.mbtiles"  # relative paths are read from the config file's folder
    title = "Ward (aerial)"

A mistake is named with the table's number and the field, e.g. ``[[basemap]] #2: kind
= "wms" is not one of …``. A table that cannot be used still becomes a ``BasemapSpec``
with ``problem`` set: the map reports it in its status like a file that fails to load,
so a typo is seen on the screen of the post, not only in a log nobody reads. Pure
functions of the parsed TOML, so they are tested without Qt or files.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ops_console.said import N_, english, said

if TYPE_CHECKING:
    from ops_console.config import Settings

log = logging.getLogger(__name__)
DEMO_BASEMAP = Path(str(resources.files("ops_console.resources.basemaps") / "willow_creek.geojson"))

KINDS = ("mbtiles", "pmtiles", "xyz", "geojson")
FILE_KINDS = ("mbtiles", "pmtiles", "geojson")
FIELDS = ("kind", "path", "url", "title", "attribution", "max_zoom")
MAX_ZOOM = 24
EXAMPLE_URL = "https://…/{z}/{x}/{y}.png"


@dataclass(frozen=True)
class BasemapSpec:
    """One map the post has; ``path`` for files, ``url`` (a {z}/{x}/{y} template) for ``xyz``."""

    kind: str
    title: str = ""  # '' : the name the file itself gives (archive metadata), else the file or host name
    path: Path | None = None
    url: str | None = None
    attribution: str = ""
    max_zoom: int | None = None  # tiles: the deepest zoom to request (None: what the file or server says)
    problem: str = ""  # why this table cannot be used ('' when it can): a stored sentence (said.py)
    index: int = 0  # its number among the [[basemap]] tables, from 1

    @property
    def label(self) -> str:
        """What to call this map in a message: its title, else its file or server."""
        if self.title:
            return self.title
        if self.path is not None:
            return self.path.stem
        return urlsplit(self.url or "").hostname or f"basemap #{self.index}"


def parse_basemaps(tables: object, base_dir: Path) -> tuple[list[BasemapSpec], list[str]]:
    """Every ``[[basemap]]`` table as a spec, in order, and the sentences for what is wrong.

    Unusable tables come back with ``problem`` set (and that sentence in the list too);
    smaller slips (an unknown field) are only named in the list and the map still loads.
    """
    specs: list[BasemapSpec] = []
    problems: list[str] = []
    if not isinstance(tables, list):
        fault = said(N_("write each map as [[basemap]] (two brackets): a post can have several"))
        return [_unusable("[basemap]", 1, fault, problems)], problems
    for index, table in enumerate(tables, start=1):
        specs.append(parse_basemap(table, index, base_dir, problems))
    return specs, problems


def parse_basemap(table: object, index: int, base_dir: Path, problems: list[str]) -> BasemapSpec:
    """One table; sentences for anything wrong are appended to ``problems``."""
    where = f"[[basemap]] #{index}"
    if not isinstance(table, dict):
        return _unusable(where, index, said(N_("must be a table with kind and path or url")), problems)
    problems.extend(
        said(
            N_("{where}: unknown field {key} ignored (known: {known})"),
            where=where,
            key=repr(key),
            known=", ".join(FIELDS),
        )
        for key in table
        if key not in FIELDS
    )
    kind = table.get("kind")
    if kind not in KINDS:
        return _unusable(
            where,
            index,
            said(
                N_("kind = {kind} is not one of {kinds}"), kind=repr(kind), kinds=", ".join(map(repr, KINDS))
            ),
            problems,
            title=_text(table.get("title")),
        )
    fault = _text_fault(table) or _zoom_fault(table.get("max_zoom"))
    fault = fault or (_url_fault(table) if kind == "xyz" else _path_fault(table, kind))
    if fault:
        return _unusable(where, index, fault, problems, kind, _text(table.get("title")))
    if kind == "geojson" and "max_zoom" in table:
        problems.append(
            said(
                N_("{where}: max_zoom is for tiles; a geojson map is drawn at every zoom (ignored)"),
                where=where,
            )
        )
    path = _resolve(table["path"], base_dir) if kind in FILE_KINDS else None
    url = table["url"].strip() if kind == "xyz" else None
    return BasemapSpec(
        kind,
        _text(table.get("title")),
        path,
        url,
        _text(table.get("attribution")),
        table.get("max_zoom") if kind != "geojson" else None,
        index=index,
    )


def _unusable(
    where: str, index: int, fault: str, problems: list[str], kind: str = "", title: str = ""
) -> BasemapSpec:
    sentence = said(N_("{where}: {fault}; this map is not loaded"), where=where, fault=fault)
    problems.append(sentence)
    return BasemapSpec(kind, title, problem=sentence, index=index)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _text_fault(table: dict) -> str:
    for key in ("title", "attribution"):
        if key in table and not isinstance(table[key], str):
            return said(N_("{key} = {value} must be text in quotes"), key=key, value=repr(table[key]))
    return ""


def _zoom_fault(value: object) -> str:
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_ZOOM):
        return ""
    return said(
        N_("max_zoom = {value} must be a whole number from 0 to {most}"), value=repr(value), most=MAX_ZOOM
    )


def _path_fault(table: dict, kind: str) -> str:
    if "url" in table:
        return said(N_('url is for kind = "xyz"; kind = "{kind}" needs path = "…" to its file'), kind=kind)
    path = table.get("path")
    if not isinstance(path, str) or not path.strip():
        return said(
            N_('kind = "{kind}" needs path = "…" (the file; relative to the config file\'s folder)'),
            kind=kind,
        )
    return ""


def _url_fault(table: dict) -> str:
    if "path" in table:
        return said(N_('path is for files; kind = "xyz" needs url = "{example}"'), example=EXAMPLE_URL)
    url = table.get("url")
    if not isinstance(url, str) or not url.strip():
        return said(N_('kind = "xyz" needs url = "{example}"'), example=EXAMPLE_URL)
    url = url.strip()
    if urlsplit(url).scheme not in ("http", "https"):
        return said(N_("url = {url} must start with http:// or https://"), url=repr(url))
    if not all(f"{{{part}}}" in url for part in "zxy"):
        return said(N_("url = {url} must contain {z}, {x} and {y}"), url=repr(url), z="{z}", x="{x}", y="{y}")
    try:
        url.format(z=0, x=0, y=0, s="a")
    except (KeyError, IndexError, ValueError) as exc:
        return said(
            N_("url = {url} has a placeholder other than {z}, {x}, {y} or {s} ({why})"),
            url=repr(url),
            z="{z}",
            x="{x}",
            y="{y}",
            s="{s}",
            why=str(exc),
        )
    return ""


def _resolve(text: str, base_dir: Path) -> Path:
    path = Path(text.strip()).expanduser()
    return path if path.is_absolute() else base_dir / path


def configured_basemaps(settings: Settings, demo: bool) -> list[Path | BasemapSpec]:
    """The settings' ``[[basemap]]`` tables in order; with ``demo`` and none, the demo ward."""
    reported = {spec.problem for spec in settings.basemaps}  # the map reports these itself
    for problem in settings.problems:
        if "basemap" in problem and problem not in reported:
            log.warning("%s", english(problem))
    if settings.basemaps:
        return list(settings.basemaps)
    return [DEMO_BASEMAP] if demo else []
