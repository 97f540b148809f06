"""Maps the top-level folders ui/, hardware/, db/ and resources/ into the ``ops_console`` import root.

pyproject.toml cannot discover sub-packages of remapped folders by itself, so this file
lists them; everything else about the distribution lives in pyproject.toml.
"""

from setuptools import find_packages, setup

MAPPED_FOLDERS = {
    "ops_console.ui": "ui",
    "ops_console.hardware": "hardware",
    "ops_console.db": "db",
    "ops_console.resources": "resources",
}


def _packages() -> list[str]:
    names = ["ops_console", *(f"ops_console.{p}" for p in find_packages("ops_console"))]
    for root, folder in MAPPED_FOLDERS.items():
        names += [root, *(f"{root}.{p}" for p in find_packages(folder))]
    return names


setup(packages=_packages(), package_dir={"ops_console": "ops_console", **MAPPED_FOLDERS})
