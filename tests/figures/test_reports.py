"""The figures of a seeded edition with known counts, before and after anonymisation, and
beside an earlier edition."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import F
from django.utils import timezone

from forsamling.conferences.models import Edition
from forsamling.figures import reports
from forsamling.figures.models import CommitteeCount
from forsamling.privacy.anonymise import anonymise_edition, anonymise_registrations
from forsamling.registration.models import Registration
from tests.backoffice.conftest import make_conference, register


def known(figures):
    assert (figures.active, figures.cancelled, figures.handed_over) == (10, 1, 1)
    assert (figures.promoted, figures.waiting_now) == (2, 1)
    assert (figures.arrived, figures.no_shows, figures.dinner) == (6, 4, 4)
    assert [(c.name, c.registered, c.arrived, c.no_shows) for c in figures.by_category] == [
        ("Kommunalpolitiker", 4, 2, 2),
        ("Embedsperson", 4, 3, 1),
        ("Standpersonale", 2, 1, 1),
    ]
    cover = figures.coverage
    assert (cover.municipalities, cover.regions, cover.other) == (7, 2, 1)
    lines = {
        line.region: (line.municipalities, line.of, line.participants) for line in cover.by_region
    }
    assert lines["Region Nordjylland"] == (3, 11, 4)
    assert lines["Region Syddanmark"] == (4, 22, 5)
    assert lines["Region Hovedstaden"] == (0, 29, 0)
    assert cover.by_municipality[0] == ("Aalborg", 2)
    assert len(cover.by_municipality) == 7
    assert figures.committees.named == (("Social- og Sundhedsudvalget", 5),)
    assert figures.committees.other == 1  # Ældreudvalget, named by one only
    assert figures.rush.total == 11
    assert figures.rush.first_hour[-1] == 0  # opened a day before the seeding
    assert figures.rush.per_day[-1][1] == 11
    sessions = {s.title: s for s in figures.sessions}
    big, small, tiny = (
        sessions["Psykiatri"],
        sessions["Ældrepleje på øerne"],
        sessions["Tværfaglige teams"],
    )
    assert (big.registered, big.capacity, big.attended, big.walk_ins) == (6, 300, 2, 1)
    assert (big.rating, big.answers) == (4.2, 5)
    assert (small.registered, small.capacity, small.rating, small.answers) == (1, 1, None, 2)
    assert (tiny.registered, tiny.attended) == (1, 0)
    assert (figures.invoices, figures.credit_notes) == (3, 1)
    assert figures.invoiced == Decimal("7500.00")
    assert figures.credited == Decimal("2500.00")
    assert figures.outstanding == Decimal("5000.00")


def test_the_seeded_edition_has_its_known_figures(seeded):
    known(reports.edition_figures(seeded.edition))


def test_the_figures_are_the_same_after_the_anonymisation(seeded):
    before = reports.edition_figures(seeded.edition)
    assert anonymise_edition(seeded.edition, timezone.now()) > 0
    assert not Registration.objects.filter(edition=seeded.edition).exclude(committee="").exists()
    after = reports.edition_figures(seeded.edition)
    known(after)
    assert after.committees == before.committees
    # A second run changes nothing, so nothing is counted twice.
    anonymise_edition(seeded.edition, timezone.now())
    known(reports.edition_figures(seeded.edition))


def test_an_earlier_edition_comes_first_in_the_comparison(seeded):
    earlier = make_conference(slug="2025")
    Edition.objects.filter(pk=earlier.edition.pk).update(year=F("year") - 1)
    register(earlier, "Ole", organisation="Roskilde Kommune")
    register(earlier, "Pia", organisation="Region Sjælland")
    years = reports.comparison(seeded.edition)
    assert [f.edition.year for f in years] == [2025, 2026]
    assert (years[0].active, years[0].coverage.municipalities, years[0].coverage.regions) == (
        2,
        1,
        1,
    )
    known(years[1])


def test_one_persons_erasure_keeps_their_committee_in_the_count(seeded):
    one = Registration.objects.filter(edition=seeded.edition, committee="Ældreudvalget")
    assert anonymise_registrations(one, timezone.now()) == 1
    assert not Registration.objects.filter(committee="Ældreudvalget").exists()
    # Named by one only, so kept as a count without its text.
    assert list(CommitteeCount.objects.values_list("committee", "count")) == [("", 1)]
    known(reports.edition_figures(seeded.edition))
    anonymise_edition(seeded.edition, timezone.now())
    known(reports.edition_figures(seeded.edition))
