"""The release's version comes from pyproject.toml, and the back office's footer shows it."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from django.conf import settings

from forsamling.ops.version import UNKNOWN, read_version

ROOT = Path(__file__).resolve().parents[2]


def installed_or_unknown() -> str:
    try:
        return metadata.version("forsamling")
    except metadata.PackageNotFoundError:
        return UNKNOWN


def test_the_version_is_pyprojects():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert read_version(ROOT) == declared == settings.FORSAMLING_VERSION
    assert declared == "0.3.0"  # this release (CHANGELOG.md)


def test_without_a_readable_pyproject_the_version_falls_back(tmp_path):
    assert read_version(tmp_path) == installed_or_unknown()  # no file
    (tmp_path / "pyproject.toml").write_text("[project\nversion = ")
    assert read_version(tmp_path) == installed_or_unknown()  # not TOML
    (tmp_path / "pyproject.toml").write_text('[tool.x]\nname = "y"\n')
    assert read_version(tmp_path) == installed_or_unknown()  # no version


def test_the_changelog_has_an_entry_for_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert f"## [{settings.FORSAMLING_VERSION}]" in changelog


@pytest.mark.django_db
def test_the_back_office_footer_names_the_release(organiser_client):
    page = organiser_client.get("/backoffice/").content.decode()
    assert f'<p class="bo-version">Forsamling {settings.FORSAMLING_VERSION}</p>' in page
