"""The accessibility statement covers every page family of the site and lists its known
issues: a new kind of page outside its scope fails here."""

from __future__ import annotations

import os

import pytest
from django.urls import get_resolver
from django.urls.resolvers import URLResolver
from playwright.sync_api import expect

from forsamling.public.accessibility import KNOWN_ISSUES, NOT_PAGES, SCOPE, family_of
from tests.e2e.screens import assert_no_sideways_scroll


def every_pattern(patterns=None, prefix=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from every_pattern(entry.url_patterns, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern)


def test_every_page_of_the_site_is_in_the_statements_scope():
    patterns = [p for p in every_pattern() if not p.startswith(NOT_PAGES)]
    assert len(patterns) > 100  # the walk reaches the public site and the back office
    outside = [p for p in patterns if family_of(p) is None]
    assert outside == []


@pytest.mark.parametrize(
    ("pattern", "family"),
    [
        ("<slug:edition>/udstillere/plantegning/", "Udstillerne"),
        ("<slug:edition>/forebyggelsespris/indstil/", "Forebyggelsesprisen"),
        ("backoffice/konference/<slug:edition>/tjekind/", "Indtjekningen"),
        ("backoffice/konference/<slug:edition>/ankomster/", "Indtjekningen"),
        ("backoffice/konference/<slug:edition>/overblik/", "Arrangørernes backoffice"),
        ("<slug:edition>/", "Forsiden"),
    ],
)
def test_each_page_family_is_named_for_what_it_is(pattern, family):
    found = family_of(pattern)
    assert found is not None and str(found.name).startswith(family)


def test_an_address_of_no_family_is_outside():
    assert family_of("<slug:edition>/noget-nyt/") is None


@pytest.mark.django_db
def test_the_statement_names_every_family_and_every_known_issue(client):
    html = client.get("/tilgaengelighed/").content.decode()
    for family in SCOPE:
        assert str(family.name) in html
    for issue in KNOWN_ISSUES:
        assert str(issue).replace("'", "&#x27;") in html
    assert "Vi kender ikke til indhold" not in html
    assert "delvist" in html


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_the_statement_reads_well_on_a_phone_and_a_laptop(
    page, live_server, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/tilgaengelighed/")
    expect(page.locator("#scope li")).to_have_count(len(SCOPE))
    expect(page.locator("#known-issues li")).to_have_count(len(KNOWN_ISSUES))
    folder = os.environ.get("FORSAMLING_SHOTS")
    if folder:
        page.screenshot(path=f"{folder}/statement-{width}.png", full_page=True)
    assert_accessible(page)
    assert_no_sideways_scroll(page, width, "test_accessibility_statement")
