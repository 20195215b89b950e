"""The release's version, read once at startup: from `pyproject.toml` in the checkout (the
package is usually not installed), else from the installed package's metadata."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

UNKNOWN = "ukendt"


def read_version(base_dir: Path) -> str:
    try:
        with (base_dir / "pyproject.toml").open("rb") as file:
            version = tomllib.load(file)["project"]["version"]
        if isinstance(version, str) and version:
            return version
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError):
        pass
    try:
        return metadata.version("forsamling")
    except metadata.PackageNotFoundError:
        return UNKNOWN
