"""KL's figures counted from plain rows (no database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from forsamling.domain import figures
from forsamling.registration.organisations import MUNICIPALITIES, REGIONS

CPH = ZoneInfo("Europe/Copenhagen")


def test_every_municipality_has_one_of_the_five_regions():
    assert figures.MUNICIPALITY_COUNT == 98
    assert set(figures.REGION_OF) == set(MUNICIPALITIES)
    assert set(figures.REGIONS) == set(REGIONS)
    sizes = {r: list(figures.REGION_OF.values()).count(r) for r in figures.REGIONS}
    assert sizes == {
        "Region Hovedstaden": 29,
        "Region Sjælland": 17,
        "Region Syddanmark": 22,
        "Region Midtjylland": 19,
        "Region Nordjylland": 11,
    }


def test_a_typed_organisation_is_matched_to_its_municipality():
    assert figures.municipality_of("Vejle Kommune, Børn og Unge") == "Vejle"
    assert figures.municipality_of("  vejle   kommune ") == "Vejle"
    assert figures.municipality_of("Bornholms Regionskommune") == "Bornholm"
    assert figures.municipality_of("Lyngby-Taarbæk Kommune - Sundhed") == "Lyngby-Taarbæk"
    assert figures.municipality_of("KL") is None
    assert figures.municipality_of("Region Sjælland") is None
    assert figures.region_named("Region Sjælland, Sygehus Syd") == "Region Sjælland"


def test_coverage_counts_municipalities_regions_and_the_rest():
    cover = figures.coverage(
        ["Aalborg Kommune", "aalborg", "Odense Kommune", "Region Sjælland", "KL", "Firma A/S"]
    )
    assert (cover.municipalities, cover.regions, cover.other) == (2, 3, 2)
    lines = {line.region: line for line in cover.by_region}
    assert (lines["Region Nordjylland"].municipalities, lines["Region Nordjylland"].of) == (1, 11)
    assert lines["Region Nordjylland"].participants == 2
    assert lines["Region Sjælland"].from_region == 1
    assert cover.by_municipality == (("Aalborg", 2), ("Odense", 1))


def test_free_texts_are_grouped_whatever_the_order():
    texts = ["social- og sundhedsudvalget", "Social-  og Sundhedsudvalget", "", "Ældreudvalget"]
    assert figures.grouped(texts) == figures.grouped(list(reversed(texts)))
    assert figures.grouped(texts) == [("Social- og Sundhedsudvalget", 2), ("Ældreudvalget", 1)]
    assert figures.added([("Ældreudvalget", 1)], [("ældreudvalget", 2), ("X", 0)]) == [
        ("Ældreudvalget", 3)
    ]


def test_the_rush_counts_per_minute_for_an_hour_then_per_day():
    opened = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)
    times = [
        opened - timedelta(hours=1),  # registered by staff before the opening
        opened + timedelta(seconds=5),
        opened + timedelta(seconds=59),
        opened + timedelta(minutes=1, seconds=1),
        opened + timedelta(minutes=59, seconds=59),
        opened + timedelta(hours=2),
        opened + timedelta(days=1, hours=16),  # 01:00 on the 14th in Copenhagen
    ]
    rush = figures.rush(times, opened, CPH)
    assert rush.total == 7
    assert rush.first_hour[0] == 3
    assert rush.first_hour[1] == 4
    assert rush.first_hour[58] == 4
    assert rush.first_hour[59] == 5
    assert len(rush.first_hour) == 60
    assert [d.day for d, _ in rush.per_day] == [12, 14]
    assert [n for _, n in rush.per_day] == [6, 7]
    assert figures.rush([], None, CPH).total == 0


def test_a_rating_needs_five_answers():
    assert figures.rating([5, 4, 4, 3]) is None
    assert figures.rating([5, 4, 4, 3, 5]) == 4.2


def test_a_committee_named_by_fewer_than_five_is_counted_among_the_others():
    shown = figures.committees([("Ældreudvalget", 5), ("Udvalget for Oluf", 1)], other=2)
    assert shown.named == (("Ældreudvalget", 5),)
    assert shown.other == 3
