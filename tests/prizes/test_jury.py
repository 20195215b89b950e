"""The jury: scores per criterion, conflicts, blind review, hidden scores, ranking, decisions."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forsamling.accounts.roles import grant_role
from forsamling.domain import audit
from forsamling.domain import prizes as rules
from forsamling.domain.permissions import Role
from forsamling.prizes import services
from forsamling.prizes.models import Juror, Nomination, Prize, ScoreSheet
from forsamling.prizes.queries import is_conflicted, ranking
from forsamling.registration.models import AuditEntry
from tests.prizes.conftest import make_juror, make_nomination

pytestmark = pytest.mark.django_db


@pytest.fixture
def jury(setup: SimpleNamespace) -> SimpleNamespace:
    prize = setup.prize
    setup.chair = make_juror(prize, "formand", municipality="Odense", is_chair=True)
    setup.juror = make_juror(prize, "jurymedlem", municipality="Aalborg")
    setup.aalborg = make_nomination(prize, municipality="Aalborg", project_title="Sund start")
    setup.aarhus = make_nomination(
        prize,
        municipality="Aarhus",
        nominator_municipality="Aarhus",
        project_title="Aktive ældre",
        contact_name="Karen Kontakt",
        contact_email="karen@aarhus.dk",
    )
    setup.esbjerg = make_nomination(
        prize, municipality="Esbjerg", nominator_municipality="Fanø", project_title="Havbad"
    )
    setup.vejle = make_nomination(
        prize, municipality="Vejle", nominator_municipality="Vejle", project_title="Røgfri"
    )
    return setup


def score(juror: Juror, nomination: Nomination, values: list[int], submit: bool = True) -> None:
    criteria = list(juror.prize.criteria.all())
    services.save_scores(
        juror=juror,
        nomination=nomination,
        scores={c.pk: (v, f"kommentar {c.title}") for c, v in zip(criteria, values, strict=True)},
        comment="",
        submit=submit,
        now=timezone.now(),
        actor=audit.SYSTEM,
    )


def login(client: Client, juror: Juror) -> Client:
    client.force_login(juror.user)
    return client


def nomination_url(jury: SimpleNamespace, nomination: Nomination) -> str:
    return reverse("backoffice:prize_jury_nomination", args=[jury.edition.slug, nomination.pk])


def test_own_municipality_is_excluded_automatically(client: Client, jury: SimpleNamespace) -> None:
    with pytest.raises(rules.Conflicted):
        score(jury.juror, jury.aalborg, [5, 5, 5])
    page = login(client, jury.juror).get(nomination_url(jury, jury.aalborg))
    body = page.content.decode()
    assert "Du er inhabil i denne indstilling" in body
    assert "Indsend mine scorer" not in body
    assert "Et tværfagligt forløb" not in body
    listing = client.get(reverse("backoffice:prize_jury", args=[jury.edition.slug]))
    assert "Inhabil" in listing.content.decode()


def test_nominated_by_own_municipality_is_a_conflict_too(jury: SimpleNamespace) -> None:
    fanoe = make_juror(jury.prize, "fanoe", municipality="Fanø")
    assert is_conflicted(fanoe, jury.esbjerg)
    assert not is_conflicted(fanoe, jury.vejle)


def test_declared_conflict_excludes_and_removes_saved_scores(
    client: Client, jury: SimpleNamespace
) -> None:
    score(jury.juror, jury.vejle, [3, 3, 3], submit=False)
    login(client, jury.juror).post(
        reverse("backoffice:prize_conflict", args=[jury.edition.slug, jury.vejle.pk]),
        {"reason": "Min søster leder projektet"},
    )
    assert is_conflicted(jury.juror, jury.vejle)
    assert not ScoreSheet.objects.filter(juror=jury.juror, nomination=jury.vejle).exists()
    entry = AuditEntry.objects.get(action="prize_conflict_declared")
    assert entry.details["reason"] == "Min søster leder projektet"


def test_blind_review_hides_the_nominator_and_contact(
    client: Client, jury: SimpleNamespace
) -> None:
    login(client, jury.juror)
    seen = client.get(nomination_url(jury, jury.aarhus)).content.decode()
    assert "karen@aarhus.dk" in seen
    jury.prize.blind = True
    jury.prize.save()
    blind = client.get(nomination_url(jury, jury.aarhus)).content.decode()
    assert "karen@aarhus.dk" not in blind
    assert "Karen Kontakt" not in blind
    assert "Indstillet af" not in blind
    assert "Aktive ældre" in blind


def test_others_scores_hidden_until_own_submitted(client: Client, jury: SimpleNamespace) -> None:
    score(jury.chair, jury.vejle, [4, 4, 4])  # "kommentar Effekt" is the chair's
    login(client, jury.juror)
    before = client.get(nomination_url(jury, jury.vejle)).content.decode()
    assert "kommentar Effekt" not in before
    assert "Du ser de andres scorer, når du har indsendt dine egne." in before
    score(jury.juror, jury.vejle, [2, 2, 2], submit=False)
    draft = client.get(nomination_url(jury, jury.vejle)).content.decode()
    assert "formand" not in draft.split("De andre jurymedlemmers scorer")[1]
    response = client.post(
        nomination_url(jury, jury.vejle),
        {
            **{f"score_{c.pk}": "3" for c in jury.criteria},
            **{f"comment_{c.pk}": "min" for c in jury.criteria},
            "comment": "",
            "action": "submit",
        },
    )
    assert response.status_code == 302
    after = client.get(nomination_url(jury, jury.vejle)).content.decode()
    assert "kommentar Effekt" in after.split("De andre jurymedlemmers scorer")[1]


def test_submitting_needs_every_criterion_with_a_danish_error(
    client: Client, jury: SimpleNamespace
) -> None:
    first = jury.criteria[0]
    response = login(client, jury.juror).post(
        nomination_url(jury, jury.vejle),
        {f"score_{first.pk}": "4", f"comment_{first.pk}": "god", "action": "submit"},
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert body.count("Giv en score fra 1 til 5, før du indsender.") >= 2
    assert 'id="error-summary"' in body
    assert "god</textarea>" in body  # what was typed stays
    assert not ScoreSheet.objects.filter(juror=jury.juror, submitted_at__isnull=False).exists()


def test_scores_out_of_range_are_refused(client: Client, jury: SimpleNamespace) -> None:
    response = login(client, jury.juror).post(
        nomination_url(jury, jury.vejle),
        {**{f"score_{c.pk}": "9" for c in jury.criteria}, "action": "submit"},
    )
    assert response.status_code == 422
    assert "Vælg en score fra 1 til 5." in response.content.decode()


def test_no_scoring_after_the_jury_deadline(jury: SimpleNamespace) -> None:
    jury.prize.jury_deadline = timezone.now() - timedelta(seconds=1)
    jury.prize.save()
    with pytest.raises(rules.JuryClosed):
        score(jury.chair, jury.vejle, [4, 4, 4])


def test_ranking_weighs_and_combines_by_mean_or_median(jury: SimpleNamespace) -> None:
    third = make_juror(jury.prize, "tredje", municipality="")
    # weights 3, 2, 1
    score(jury.chair, jury.vejle, [5, 5, 5])  # 5
    score(jury.juror, jury.vejle, [1, 1, 1])  # 1
    score(third, jury.vejle, [5, 5, 5])  # 5 → mean 3.67, median 5
    score(jury.chair, jury.esbjerg, [4, 4, 4])
    score(jury.juror, jury.esbjerg, [4, 4, 4])
    score(third, jury.esbjerg, [4, 1, 1])  # (12+2+1)/6 = 2.5 → mean 3.5, median 4
    score(jury.chair, jury.aarhus, [2, 5, 5], submit=False)  # not submitted: not counted
    rows = ranking(jury.prize)
    assert [(r.nomination.project_title, r.ranked.score) for r in rows[:2]] == [
        ("Røgfri", Decimal("3.67")),
        ("Havbad", Decimal("3.50")),
    ]
    assert rows[0].ranked.spread == rules.Spread(
        rules.disagreement([Decimal(5), Decimal(1), Decimal(5)]).stdev, Decimal(4)
    )
    assert {r.nomination.project_title for r in rows[2:]} == {"Sund start", "Aktive ældre"}
    assert all(r.ranked.score is None for r in rows[2:])
    jury.prize.combine = "median"
    jury.prize.save()
    rows = ranking(Prize.objects.get(pk=jury.prize.pk))
    assert [(r.nomination.project_title, r.ranked.score) for r in rows[:2]] == [
        ("Røgfri", Decimal("5.00")),
        ("Havbad", Decimal("4.00")),
    ]


def test_ranking_shows_ties(jury: SimpleNamespace) -> None:
    score(jury.chair, jury.vejle, [3, 3, 3])
    score(jury.chair, jury.esbjerg, [3, 3, 3])
    rows = ranking(jury.prize)
    assert [(r.ranked.position, r.ranked.tied) for r in rows[:2]] == [(1, True), (1, True)]


def test_only_the_chair_and_organisers_see_the_ranking(
    client: Client, jury: SimpleNamespace
) -> None:
    url = reverse("backoffice:prize_ranking", args=[jury.edition.slug])
    assert login(client, jury.juror).get(url).status_code == 403
    assert login(client, jury.chair).get(url).status_code == 200
    organiser = get_user_model().objects.create_user("arr", password="pw")
    grant_role(user=organiser, edition=jury.edition, role=Role.ORGANISER)
    client.force_login(organiser)
    page = client.get(url).content.decode()
    assert "Offentliggør" in page
    assert "Gem de nominerede" not in page  # organisers publish; the chair decides


def test_viewer_without_jury_role_gets_no_jury_page(client: Client, jury: SimpleNamespace) -> None:
    viewer = get_user_model().objects.create_user("viewer", password="pw")
    grant_role(user=viewer, edition=jury.edition, role=Role.VIEWER)
    client.force_login(viewer)
    assert client.get(reverse("backoffice:prize_jury", args=["2026"])).status_code == 403


def test_chair_shortlists_three_then_records_the_winner(
    client: Client, jury: SimpleNamespace
) -> None:
    login(client, jury.chair)
    chosen = [jury.vejle.pk, jury.esbjerg.pk, jury.aarhus.pk]
    client.post(
        reverse("backoffice:prize_shortlist", args=["2026"]),
        {f"position_{i}": str(pk) for i, pk in enumerate(chosen, start=1)},
    )
    assert (
        list(
            Nomination.objects.filter(shortlist_position__isnull=False)
            .order_by("shortlist_position")
            .values_list("pk", flat=True)
        )
        == chosen
    )
    client.post(reverse("backoffice:prize_winner", args=["2026"]), {"winner": jury.aalborg.pk})
    assert Prize.objects.get().winner_id is None  # not shortlisted
    client.post(reverse("backoffice:prize_winner", args=["2026"]), {"winner": jury.esbjerg.pk})
    assert Prize.objects.get().winner_id == jury.esbjerg.pk
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"prize_shortlisted", "prize_winner_recorded"} <= actions


def shortlist(jury: SimpleNamespace, juror: Any, nominations: list[int]) -> None:
    services.shortlist(
        prize=jury.prize, juror=juror, nomination_ids=nominations, actor=audit.SYSTEM
    )


def test_shortlist_must_be_three_different(jury: SimpleNamespace) -> None:
    with pytest.raises(rules.InvalidShortlist):
        shortlist(jury, jury.chair, [jury.vejle.pk, jury.vejle.pk, jury.aarhus.pk])


def test_a_juror_who_is_not_chair_cannot_decide(client: Client, jury: SimpleNamespace) -> None:
    with pytest.raises(rules.NotChair):
        shortlist(jury, jury.juror, [jury.vejle.pk, jury.esbjerg.pk, jury.aarhus.pk])
    response = login(client, jury.juror).post(
        reverse("backoffice:prize_shortlist", args=["2026"]), {"position_1": jury.vejle.pk}
    )
    assert response.status_code == 403


def test_only_organisers_publish(client: Client, jury: SimpleNamespace) -> None:
    url = reverse("backoffice:prize_publish", args=["2026"])
    response = login(client, jury.chair).post(url, {"what": "nominees_published", "value": "1"})
    assert response.status_code == 403
    organiser = get_user_model().objects.create_user("arr", password="pw")
    grant_role(user=organiser, edition=jury.edition, role=Role.ORGANISER)
    client.force_login(organiser)
    client.post(url, {"what": "nominees_published", "value": "1"})
    assert Prize.objects.get().nominees_published
    client.post(url, {"what": "winner_published", "value": "1"})
    assert not Prize.objects.get().winner_published  # no winner recorded yet
    assert AuditEntry.objects.filter(action="prize_published").count() == 1


def test_jury_home_leads_a_juror_to_the_jury_page(client: Client, jury: SimpleNamespace) -> None:
    response = login(client, jury.juror).get(reverse("backoffice:home", args=["2026"]))
    assert response["Location"] == reverse("backoffice:prize_jury", args=["2026"])


def test_jury_reads_attachments_without_the_private_link(
    client: Client, jury: SimpleNamespace
) -> None:
    from tests.prizes.conftest import PDF_BYTES, pdf_attachment

    attachment = pdf_attachment(jury.vejle)
    page = login(client, jury.juror).get(nomination_url(jury, jury.vejle)).content.decode()
    assert jury.vejle.token not in page
    url = reverse("backoffice:prize_jury_attachment", args=["2026", jury.vejle.pk, attachment.pk])
    assert url in page
    assert b"".join(client.get(url).streaming_content) == PDF_BYTES
    aalborg_file = pdf_attachment(jury.aalborg, "a.pdf")
    conflicted = reverse(
        "backoffice:prize_jury_attachment", args=["2026", jury.aalborg.pk, aalborg_file.pk]
    )
    assert client.get(conflicted).status_code == 403


def test_an_organiser_without_a_prize_is_sent_to_create_one(client: Client, db: None) -> None:
    from tests.backoffice.conftest import make_conference

    conference = make_conference("2030")
    organiser = get_user_model().objects.create_user("arr", password="pw")
    grant_role(user=organiser, edition=conference.edition, role=Role.ORGANISER)
    client.force_login(organiser)
    response = client.get(reverse("backoffice:prize_jury", args=["2030"]))
    assert response["Location"].startswith(reverse("admin:prizes_prize_add"))
