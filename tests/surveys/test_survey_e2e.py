"""The survey end to end in Chromium: an organiser builds and sends it, a participant answers
on a phone (390 px) with the keyboard, changes the answer, and the organiser sees the results
with charts and their tables. axe-core checks every page, at 390 and 1280 px, and none of them
scrolls sideways. Screenshots go to $FORSAMLING_SHOTS when it is set."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth.models import User

from forsamling.surveys import services
from forsamling.surveys.models import Answer, Question, Survey
from forsamling.surveys.tokens import link_token
from tests.e2e.keyboard import tab_to
from tests.e2e.login import submit_login
from tests.e2e.screens import assert_no_sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "et-langt-kodeord-2026"


def add_question(
    office, kind: str, text: str, *, part: str = "", required: bool = False, **fields: str
) -> None:
    """Fills in the form for a new question (`fields`: options, low_label, high_label) and adds
    it; the caller waits for the answer."""
    if part:
        office.select_option("#id_part", part)
    office.select_option("#id_kind", kind)
    office.fill("#id_text", text)
    for name, value in fields.items():
        office.fill(f"#id_{name}", value)
    if required:
        office.check("#id_required")
    office.click("button[name=add_question]")


def look(page, name: str, assert_accessible) -> None:
    """At both widths: axe-core clean, no sideways scroll, a screenshot if asked for."""
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_sideways_scroll(page, width, name)
        assert_accessible(page)
        if folder := os.environ.get("FORSAMLING_SHOTS"):
            page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=True)


def test_build_send_answer_change_and_read_the_results(
    page, browser, live_server, edition, people, assert_accessible
):
    came, _absent = people
    User.objects.create_superuser("arrangoer", "arrangoer@kl.dk", PASSWORD)
    office = browser.new_page(locale="da-DK")
    base = f"{live_server.url}/backoffice/konference/{edition.slug}/evaluering/"
    office.goto(base)
    submit_login(office, "arrangoer", PASSWORD)
    office.wait_for_selector("text=Tilføj et spørgsmål")

    # A choice question with one option is refused, and what was typed stays.
    add_question(office, "single", "Hvilken dag var bedst?", options="Torsdag")
    office.wait_for_selector("text=Skriv mindst to svarmuligheder")
    assert office.input_value("#id_text") == "Hvilken dag var bedst?"
    look(office, "survey-build-error", assert_accessible)
    office.fill("#id_options", "Torsdag\nFredag")
    office.click("button[name=add_question]")
    office.wait_for_selector("text=Spørgsmålet er tilføjet.")

    add_question(
        office, "scale", "Hvor tilfreds var du med konferencen?", required=True,
        low_label="Meget utilfreds", high_label="Meget tilfreds",
    )  # fmt: skip
    office.wait_for_selector("text=Spørgsmålet er tilføjet.")

    add_question(
        office, "multiple", "Hvad fik du med hjem fra sessionen?", part="session",
        options="Ny viden\nNetværk\nIdéer til egen kommune",
    )  # fmt: skip
    office.wait_for_selector("text=Spørgsmålet er tilføjet.")

    add_question(office, "text", "Hvad kan vi gøre bedre?", part="overall")
    office.wait_for_selector("text=Spørgsmålet er tilføjet.")
    assert "Sendes til 7 deltagere" in office.inner_text("main")
    look(office, "survey-build", assert_accessible)
    office.click("button[name=send]")
    office.wait_for_selector("text=Evalueringen sendes nu til 7 deltagere.")
    look(office, "survey-sent", assert_accessible)

    survey = Survey.objects.get(edition=edition)
    tokens = {i.registration_id: link_token(i.nonce) for i in survey.invitations.all()}
    scale = Question.objects.get(kind="scale")
    multiple = Question.objects.get(kind="multiple")
    text = Question.objects.get(kind="text")
    big = edition.big_theme.pk
    for index, person in enumerate(came[1:6]):
        services.save_answers(
            edition=edition,
            token=tokens[person.pk],
            answers={
                (scale.pk, None, None): 3 + index % 3,
                (multiple.pk, big, None): [0, 1] if index % 2 else [2],
                (text.pk, None, None): f"Flere pauser, tak ({index})",
            },
        )

    # The participant answers on a phone, with the keyboard; first forgetting the scale.
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}/{edition.slug}/evaluering/{tokens[came[0].pk]}/")
    assert "Session: " in page.inner_text("main")
    look(page, "survey-answer", assert_accessible)
    page.set_viewport_size({"width": 390, "height": 800})
    tab_to(page, f"#id_q{multiple.pk}_s{big}_1")
    page.keyboard.press("Space")
    tab_to(page, f"#id_q{text.pk}")
    page.keyboard.type("Mere tid til spørgsmål")
    tab_to(page, ".survey-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Der er fejl i formularen")
    assert page.input_value(f"#id_q{text.pk}") == "Mere tid til spørgsmål"
    assert page.is_checked(f"#id_q{multiple.pk}_s{big}_1")
    look(page, "survey-answer-error", assert_accessible)
    page.set_viewport_size({"width": 390, "height": 800})
    page.check(f"#id_q{scale.pk}_1")
    page.click(".survey-form button[type=submit]")
    page.wait_for_selector("text=Tak! Dine svar er gemt.")
    look(page, "survey-answered", assert_accessible)
    assert Answer.objects.filter(question=scale, number=2).count() == 1

    # The participant changes the answer through the same link.
    page.check(f"#id_q{scale.pk}_4")
    page.click(".survey-form button[type=submit]")
    page.wait_for_selector("text=Tak! Dine svar er gemt.")
    assert Answer.objects.filter(question=scale, number=2).count() == 0
    assert Answer.objects.filter(question=scale, number=5).count() == 2
    assert survey.responses.count() == 6

    # The organiser reads the results: charts with text alternatives and tables.
    office.goto(f"{base}resultater/")
    main = office.inner_text("main")
    assert "6 af 7 inviterede har svaret." in main
    assert "Mere tid til spørgsmål" in main
    assert "Hvilken dag var bedst?" in main and "0 svar: for få til at vise" in main
    charts = office.locator("svg.survey-chart")
    assert charts.count() == 2
    for index in range(charts.count()):
        labelled = charts.nth(index).get_attribute("aria-labelledby") or ""
        title_id, desc_id = labelled.split()
        assert office.locator(f"#{desc_id}").text_content()
        assert office.locator(f"#{title_id}").text_content()
    look(office, "survey-results", assert_accessible)

    # The link after the closing.
    Survey.objects.filter(pk=survey.pk).update(closes_at="2026-06-01T12:00:00Z")
    page.goto(f"{live_server.url}/{edition.slug}/evaluering/{tokens[came[0].pk]}/")
    page.wait_for_selector("text=Evalueringen er lukket")
    look(page, "survey-closed", assert_accessible)
    office.close()
