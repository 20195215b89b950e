"""The install cannot rot: every dependency is pinned with its hashes, every extra a package
asks for is in the lock, and `scripts/install base` on a fresh Python 3.11 installs exactly
the lock (README, "Dependencies")."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent.parent
REQUIREMENTS = sorted((ROOT / "requirements").glob("*.txt"))
PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.-]+)(?:\[(?P<extras>[^\]]*)\])?==(?P<version>\S+)$")


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def logical_lines(path: Path) -> list[str]:
    """The requirement lines, each with its continuation lines joined, comments dropped."""
    text = re.sub(r"\\\n", " ", path.read_text(encoding="utf-8"))
    lines = (line.split(" #", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def pins(path: Path) -> dict[str, tuple[str, set[str]]]:
    """name → (version, extras) of each pin in a lock."""
    found = {}
    for line in logical_lines(path):
        match = PIN.match(line.split()[0])
        assert match, f"{path.name}: not a pin: {line}"
        extras = {normal(e) for e in (match["extras"] or "").split(",") if e.strip()}
        found[normal(match["name"])] = (match["version"], extras)
    return found


@pytest.mark.parametrize("lock", REQUIREMENTS, ids=lambda path: path.name)
def test_every_requirement_is_pinned_to_one_version_with_hashes(lock):
    lines = logical_lines(lock)
    assert lines
    for line in lines:
        name, *options = line.split()
        assert PIN.match(name), f"{lock.name}: {name} is not pinned with =="
        hashes = [o for o in options if o.startswith("--hash=sha256:")]
        assert hashes, f"{lock.name}: {name} has no hash"
        assert len(hashes) == len(options), f"{lock.name}: {name}: only hashes may follow"


def required_by(pinned: dict[str, tuple[str, set[str]]], name: str) -> list[Requirement]:
    """What the installed distribution `name` requires, with the extras the lock asks of it."""
    version, extras = pinned[name]
    dist = distribution(name)
    assert dist.version == version, f"{name} {dist.version} installed, {version} locked"
    wanted = []
    for text in dist.requires or []:
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is None or any(marker.evaluate({"extra": e}) for e in {"", *extras}):
            wanted.append(requirement)
    return wanted


def test_every_extra_a_locked_package_asks_for_is_in_the_lock():
    """pip installs the lock with --no-deps: `weasyprint` asking for `fonttools[woff]` gets the
    woff extra's packages only if the lock names fonttools[woff] (and pins them)."""
    pinned = pins(ROOT / "requirements" / "test.txt")  # what this virtualenv was installed from
    missing = []
    for name in pinned:
        for requirement in required_by(pinned, name):
            target = normal(requirement.name)
            asked = {normal(e) for e in requirement.extras}
            if target not in pinned or not asked <= pinned[target][1]:
                missing.append(f"{name} needs {requirement}")
    assert missing == []
    assert "woff" in pinned["fonttools"][1]  # the case the rule is for


def test_the_runtime_lock_names_every_extra_it_needs():
    """The same rule for requirements/base.txt, for the packages it pins at the versions this
    virtualenv has (the fresh install below checks all of them with `pip check`)."""
    base = pins(ROOT / "requirements" / "base.txt")
    missing = []
    for name, (version, _) in base.items():
        try:
            if distribution(name).version != version:
                continue
        except PackageNotFoundError:
            continue
        for requirement in required_by(base, name):
            target = normal(requirement.name)
            if target not in base or not {normal(e) for e in requirement.extras} <= base[target][1]:
                missing.append(f"{name} needs {requirement}")
    assert missing == []


def no_resolved(node: Any, where: str = "") -> list[str]:
    if isinstance(node, dict):
        found = [f"{where}/resolved"] if "resolved" in node else []
        return found + [x for key, value in node.items() for x in no_resolved(value, key)]
    if isinstance(node, list):
        return [x for value in node for x in no_resolved(value, where)]
    return []


def test_the_node_packages_are_pinned_exactly_and_locked_without_addresses():
    package = json.loads((ROOT / "package.json").read_text())
    ranges = {
        name: version
        for group in ("dependencies", "devDependencies")
        for name, version in package.get(group, {}).items()
        if not re.fullmatch(r"\d+\.\d+\.\d+", version)
    }
    assert ranges == {}
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert no_resolved(lock) == []
    installed = {k: v for k, v in lock["packages"].items() if k.startswith("node_modules/")}
    assert installed
    assert all("integrity" in v for v in installed.values())


# What scripts/install reads (see the script): nothing else is copied.
INSTALL_NEEDS = [
    "scripts", "requirements", "package.json", "package-lock.json", ".npmrc", "manage.py", "src",
    "locale",
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL"),
    reason="runs once per scripts/test, in its PostgreSQL pass (which sets DATABASE_URL)",
)
def test_a_fresh_install_installs_exactly_the_lock(tmp_path):
    """What the README's machine does: `scripts/install base` with Python 3.11, from nothing."""
    site = tmp_path / "forsamling"
    site.mkdir()
    for name in INSTALL_NEEDS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, site / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.mo")
            )
        else:
            shutil.copy2(source, site / name)
    test_only = {"VIRTUAL_ENV", "PYTHONPATH", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in test_only}
    env["PYTHON"] = "python3.11"

    done = subprocess.run(
        ["scripts/install", "base"], cwd=site, env=env, capture_output=True, text=True,
        timeout=1800,
    )  # fmt: skip

    assert done.returncode == 0, done.stdout + done.stderr
    python = str(site / ".venv" / "bin" / "python")

    def run(*args: str) -> str:
        result = subprocess.run(
            [python, *args], cwd=site, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    [(pip_version, _)] = pins(site / "requirements" / "installer.txt").values()
    assert run("-m", "pip", "--version").startswith(f"pip {pip_version} ")
    run("-m", "pip", "check", "--disable-pip-version-check")
    run("-c", "import weasyprint, django")
    locked = {name: version for name, (version, _) in pins(site / "requirements/base.txt").items()}
    frozen = {}
    for line in run("-m", "pip", "freeze", "--all", "--disable-pip-version-check").splitlines():
        name, version = line.split("==")
        frozen[normal(name)] = version
    frozen.pop("pip")
    if "setuptools" not in locked:
        frozen.pop("setuptools", None)  # the venv's own, from ensurepip; nothing imports it
    assert frozen == locked
    assert (site / "locale" / "en" / "LC_MESSAGES" / "django.mo").exists()
    assert (site / "node_modules" / "dkfds" / "package.json").exists()
