"""Anyone can re-run a published allocation: the downloaded input, fed to the command line,
gives the downloaded result byte for byte, and the seed matches the commitment published
before the round closed."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from forsamling.preferences import services
from tests.preferences.conftest import ORGANISER, make_round, register

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_the_published_allocation_is_reproduced_by_the_cli(
    client, edition, tmp_path, django_capture_on_commit_callbacks
):
    round = make_round(edition, [edition.houses_slot, edition.themes_slot])
    services.open_round(round=round, actor=ORGANISER)
    commitment_while_open = round.seed_commitment
    about = client.get(f"/{edition.slug}/fordeling/").content.decode()
    assert commitment_while_open in about and round.seed not in about
    houses, themes = edition.houses_slot.pk, edition.themes_slot.pk
    preferences = [
        [edition.small_theme, edition.big_theme],
        [edition.small_theme],
        [edition.big_theme, edition.small_theme],
    ]
    for i in range(12):
        category = [edition.politician, edition.council_member, edition.official][i % 3]
        house = {
            0: [edition.health_house],
            1: [edition.council_house, edition.health_house],
            2: [edition.officials_breakout],
        }[i % 3]
        services.save_rankings(
            round=round,
            registration=register(edition, category, f"Deltager {i}"),
            rankings={houses: house, themes: preferences[i % 3]},
        )
    services.close_round(round=round, actor=ORGANISER)
    services.run_allocation(round=round, actor=ORGANISER)
    services.rerun_allocation(round=round, actor=ORGANISER)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_round(round=round, actor=ORGANISER)

    base = f"/{edition.slug}/fordeling/{round.pk}"
    instance = client.get(f"{base}/input.json")
    result = client.get(f"{base}/resultat.json")
    assert instance.status_code == result.status_code == 200
    (tmp_path / "input.json").write_bytes(instance.content)
    rerun = subprocess.run(
        [sys.executable, "-m", "forsamling.domain.allocation_cli", str(tmp_path / "input.json")],
        capture_output=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src")},
    )

    assert rerun.stdout == result.content
    seed = instance.json()["seed"]
    assert hashlib.sha256(seed.encode()).hexdigest() == round.seed_commitment
    about = client.get(f"/{edition.slug}/fordeling/").content.decode()
    assert seed in about and commitment_while_open in about and round.seed_commitment in about


def test_nothing_is_downloadable_before_publishing(client, round, edition):
    for name in ("input.json", "resultat.json"):
        assert client.get(f"/{edition.slug}/fordeling/{round.pk}/{name}").status_code == 404
