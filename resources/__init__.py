"""The console's own files (basemaps, CAP schemas, siren patterns, translations), installed
as the package ``ops_console.resources`` (setup.py maps this folder there)."""

from pathlib import Path

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
"""The Qt .ts catalogues, ``ops_console_<locale>.ts``: read by the console (language.py,
said_search.py) and written by the catalogue tool (i18n_catalogue.py)."""
