"""The one access rule, walked over the URL conf: every URL under /backoffice/, every role.

The walk finds the URLs itself, so a new organiser page is tested the day it is added: a URL
this test does not know fails with a message saying where to write what it needs. What a page
needs is one of:
- an `Action` for this edition: a role for the edition that allows it
  (`domain.permissions.ALLOWED`); the change, delete and history pages of an edition's rows
  in the admin need `Action.MANAGE` for the row's edition;
- "manage-some": a page over all editions that shows only the user's (the admin's lists and
  add forms, the preference rounds): `Action.MANAGE` for some edition;
- "staff": any back-office user (the list of editions, the admin's front page);
- "setup": any back-office user, also before the second factor (setting it up);
- "nobody": a page the admin turns everyone away from (adding rows only services write,
  the autocomplete without a field that uses it);
- "superuser": Django's own models (users, groups, devices, task results), and the pages that
  ask Django's permission to change users (the staff's second-factor enrolment);
- "juror": a juror's own pages of the prize (their scores, their conflicts): `Action.SCORE_PRIZE`
  and a seat on the edition's jury; organisers and superusers without a seat are turned away;
- "public": anyone, also before logging in: the page of a one-time enrolment link (the token in
  its URL is the credential) and the check-in app's service worker (a script without data);
- "open": the login and logout pages, visited last.

The pages in `FETCHED` are fetched by the check-in app's script, not opened by a person: they
answer an anonymous request with a 403 rather than a redirect to the login page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult, get_date_max

from forsamling.accounts.models import LoginLink
from forsamling.accounts.roles import grant_role
from forsamling.accounts.services import issue_enrolment
from forsamling.api.services import create_token
from forsamling.backoffice.admin_scoping import EditionScopedAdminMixin, RoleRuleMixin
from forsamling.conferences.models import Theme
from forsamling.domain.permissions import ALLOWED, Action, Role
from forsamling.exhibitors import services as exhibitor_services
from forsamling.exhibitors.models import Exhibitor, Extra, FloorPlan
from forsamling.invitations.services import create_code
from forsamling.invoicing.models import Invoice
from forsamling.invoicing.services import draft_invoices, issue_drafts
from forsamling.outbox.models import Mailing, MessageStatus, SentMessage
from forsamling.outputs.models import OutputJob
from forsamling.preferences.models import PreferenceRound
from forsamling.prizes.models import Criterion, Juror, Prize
from forsamling.programme.models import EditionModerator, Room, Speaker, Track, VenuePlan
from forsamling.programme.services import publish_programme
from forsamling.registration.models import AuditEntry, Category, GroupBooking
from forsamling.speakers.services import invite_speaker
from forsamling.surveys import services as survey_services
from tests.backoffice.conftest import make_conference, make_user, register
from tests.exhibitors.conftest import details, image_bytes, make_stand
from tests.invoicing.conftest import make_seller
from tests.prizes.conftest import make_nomination, pdf_attachment

# What each page outside the admin's model pages needs. A new page adds its line here.
NEEDS: dict[str, Action | str] = {
    "admin:login": "open",
    "admin:logout": "open",
    "admin:index": "staff",
    "admin:password_change": "staff",
    "admin:password_change_done": "staff",
    "admin:jsi18n": "staff",
    "admin:app_list": "manage-some",
    "admin:autocomplete": "nobody",  # no admin has autocomplete_fields
    "admin:view_on_site": "staff",
    "admin:auth_user_password_change": "superuser",
    "admin:exhibitors_stand_map": "manage-some",
    "admin:exhibitors_floor_plan": Action.MANAGE,
    "admin:programme_programmeversion_publish": "manage-some",
    "backoffice:editions": "staff",
    "backoffice:totp_setup": "setup",
    "backoffice:home": "staff",
    "backoffice:overview": Action.VIEW,
    "backoffice:registrations": Action.VIEW,
    "backoffice:registration": Action.VIEW,
    "backoffice:move_participant": Action.CHANGE_REGISTRATION,
    "backoffice:participant_list_xlsx": Action.EXPORT,
    "backoffice:invoices_xlsx": Action.INVOICE,
    "backoffice:outputs": Action.VIEW,
    "backoffice:order_pdf": Action.MAKE_PDF,
    "backoffice:job": Action.VIEW,
    "backoffice:download": Action.EXPORT,
    "backoffice:messages": Action.SEND_MESSAGE,
    "backoffice:mailing": Action.SEND_MESSAGE,
    "backoffice:checkin": Action.CHECK_IN,
    "backoffice:privacy": Action.VIEW,  # the record of processing: categories, no one's data
    "backoffice:privacy_settings": Action.MANAGE_PRIVACY,
    "backoffice:privacy_requests": Action.MANAGE_PRIVACY,
    "backoffice:privacy_export_for": Action.MANAGE_PRIVACY,
    "backoffice:privacy_erase_for": Action.MANAGE_PRIVACY,
    "backoffice:invoices": Action.INVOICE,
    "backoffice:invoices_draft": Action.INVOICE,
    "backoffice:invoices_issue": Action.INVOICE,
    "backoffice:invoices_send_unsent": Action.INVOICE,
    "backoffice:invoice_seller": Action.INVOICE,
    "backoffice:invoice_buyers": Action.INVOICE,
    "backoffice:invoice_buyer": Action.INVOICE,
    "backoffice:invoice_run_zip": Action.INVOICE,
    "backoffice:invoice": Action.INVOICE,
    "backoffice:invoice_issue": Action.INVOICE,
    "backoffice:invoice_complete": Action.INVOICE,
    "backoffice:invoice_credit": Action.INVOICE,
    "backoffice:invoice_download": Action.INVOICE,
    "backoffice:outbox": Action.VIEW,
    "backoffice:send_again": Action.SEND_MESSAGE,
    "backoffice:enrol": "public",
    "backoffice:staff_enrolment": "superuser",  # Django's permission auth.change_user
    "backoffice:staff_enrolment_send": "superuser",
    "backoffice:request_login_link": "public",
    "backoffice:login_link": "public",  # the token in its URL is the credential
    "backoffice:lockouts": "manage-some",  # organisers of some edition, superusers
    "backoffice:lift_lockout": "manage-some",
    "backoffice:prize_jury": Action.SCORE_PRIZE,  # organisers are sent on to the ranking
    "backoffice:prize_jury_nomination": "juror",
    "backoffice:prize_jury_attachment": Action.SCORE_PRIZE,
    "backoffice:prize_conflict": "juror",
    # The ranking and the chair's choices: organisers, and the jury's chair (the walk's juror
    # is not the chair).
    "backoffice:prize_ranking": Action.MANAGE_PRIZE,
    "backoffice:prize_shortlist": Action.MANAGE_PRIZE,
    "backoffice:prize_winner": Action.MANAGE_PRIZE,
    "backoffice:prize_publish": Action.MANAGE_PRIZE,
    "backoffice:prize_place": Action.MANAGE_PRIZE,
    "backoffice:registration_pause": Action.MANAGE_REGISTRATION,
    "backoffice:invitations": Action.MANAGE_REGISTRATION,
    "backoffice:invitation_categories": Action.MANAGE_REGISTRATION,
    "backoffice:invitation_revoke": Action.MANAGE_REGISTRATION,
    "backoffice:bursts": Action.MANAGE_REGISTRATION,
    "backoffice:api_tokens": Action.MANAGE,
    "backoffice:api_token_revoke": Action.MANAGE,
    "backoffice:next_year": Action.MANAGE,
    "backoffice:venue_plan": Action.MANAGE,
    "backoffice:venue_plan_image": Action.MANAGE,
    "backoffice:exhibitor_list_pdf": Action.EXPORT,
    "backoffice:exhibitor_list_xlsx": Action.EXPORT,
    "backoffice:kitchen": Action.VIEW_NEEDS,
    "backoffice:kitchen_pdf": Action.VIEW_NEEDS,
    "backoffice:kitchen_xlsx": Action.VIEW_NEEDS,
    "backoffice:bursts_cancel": Action.MANAGE_REGISTRATION,
    "backoffice:checkin_app": Action.CHECK_IN,
    "backoffice:checkin_app_manifest": Action.CHECK_IN,
    "backoffice:checkin_app_sw": "public",
    "backoffice:checkin_list": Action.CHECK_IN,
    "backoffice:checkin_events": Action.CHECK_IN,
    "backoffice:checkin_walk_in": Action.CHECK_IN,
    "backoffice:checkin_badge_page": Action.CHECK_IN,
    "backoffice:checkin_badge_pdf": Action.CHECK_IN,
    "backoffice:arrivals": Action.VIEW,
    "backoffice:speakers": Action.VIEW,
    "backoffice:speaker_invite": Action.MANAGE_REGISTRATION,
    "backoffice:speaker_resend": Action.MANAGE_REGISTRATION,
    "backoffice:dinner": Action.VIEW,
    "backoffice:dinner_seats": Action.MANAGE_REGISTRATION,
    "backoffice:dinner_tables": Action.MANAGE_REGISTRATION,
    "backoffice:dinner_seat_all": Action.MANAGE_REGISTRATION,
    "backoffice:dinner_place": Action.MANAGE_REGISTRATION,
    "backoffice:survey": Action.MANAGE,
    "backoffice:survey_results": Action.VIEW,
    "backoffice:survey_xlsx": Action.EXPORT,
    "backoffice:survey_pdf": Action.EXPORT,
    "backoffice:figures": Action.VIEW,
    "backoffice:figures_xlsx": Action.EXPORT,
    "backoffice:figures_pdf": Action.EXPORT,
    "preferences_backoffice:rounds": "manage-some",
    "preferences_backoffice:round": Action.MANAGE,
    "preferences_backoffice:round_action": Action.MANAGE,
}
FETCHED = {
    "backoffice:checkin_app_manifest",
    "backoffice:checkin_list",
    "backoffice:checkin_events",
}
ADMIN_VIEWS = ("changelist", "add", "change", "delete", "history")
WHO = ["anonymous", "no_role", "stranger", "viewer", "checkin", "jury", "organiser", "superuser"]
ROLE_OF = {
    "viewer": Role.VIEWER,
    "checkin": Role.CHECKIN,
    "jury": Role.JURY,
    "organiser": Role.ORGANISER,
}


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    need: Action | str


def walk(resolvers: list[Any], prefix: str = "", namespace: str = "") -> list[tuple[str, Any]]:
    """Every named pattern: (namespaced name, pattern), with the route's text before it."""
    found = []
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            found += walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            found.append((f"{namespace}{entry.name}", prefix + str(entry.pattern), entry))
    return found  # type: ignore[return-value]


def need_of(name: str) -> Action | str:
    if name in NEEDS:
        return NEEDS[name]
    for model, model_admin in admin.site._registry.items():
        for view in ADMIN_VIEWS:
            if name == f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}":
                return admin_need(model_admin, view)
    raise AssertionError(
        f"{name} is a back-office URL without a known need: add it to NEEDS in {__file__}"
    )


def admin_need(model_admin: Any, view: str) -> str | Action:
    """What an admin page needs; "nobody" where the admin refuses even a superuser."""
    request = RequestFactory().get("/")
    request.user = SimpleNamespace(
        is_superuser=True,
        is_staff=True,
        is_active=True,
        is_authenticated=True,
        has_perm=lambda *args: True,
    )
    if view == "add" and not model_admin.has_add_permission(request):
        return "nobody"
    if view == "delete" and not model_admin.has_delete_permission(request):
        return "nobody"
    if not isinstance(model_admin, RoleRuleMixin):
        return "superuser"
    if view in {"changelist", "add"} or not isinstance(model_admin, EditionScopedAdminMixin):
        return "manage-some"
    return Action.MANAGE


def app_need(label: str) -> str:
    admins = [a for m, a in admin.site._registry.items() if m._meta.app_label == label]
    return "manage-some" if any(isinstance(a, RoleRuleMixin) for a in admins) else "superuser"


def object_of(model: Any, model_admin: Any, edition: Any) -> Any:
    path = getattr(model_admin, "edition_path", None)
    rows = model._default_manager.all()
    if path is not None:
        rows = rows.filter(**{path: edition.pk})
    found = rows.order_by("pk").first()
    assert found is not None, f"the walk needs a {model.__name__} of the edition"
    return found


def pages(world: Any) -> list[Page]:
    edition = world.edition
    args = {
        "edition": edition.slug,
        "registration_id": world.registration.pk,
        "job_id": world.job.pk,
        "mailing_id": world.mailing.pk,
        "round_id": world.round.pk,
        "action": "close",
        "edition_id": edition.pk,
        "id": world.users["superuser"].pk,
        "pk": world.nomination.pk,
        "attachment": world.attachment.pk,
        "invoice_id": world.invoice.pk,
        "buyer_id": world.invoice.buyer_id,
        "run": world.invoice.run,
        "kind": "pdf",
        "message_id": world.message.pk,
        "token": world.token,
        "user_id": world.users["no_role"].pk,  # not the enrolment's user: sending revokes its link
        "code_id": world.code.pk,
        "record_id": world.speaker_record.pk,
        "token_id": world.api_token.pk,
        "layout": "label",
        "attempt_id": 999999,  # none: lifting it must not remove the walk's own attempt
    }
    found = []
    for name, route, pattern in walk(get_resolver().url_patterns):
        if not route.lstrip("^").startswith("backoffice/"):
            continue
        need = need_of(name)
        wanted = set(pattern.pattern.regex.groupindex)
        if name == "admin:app_list":
            labels = {m._meta.app_label for m in admin.site._registry}
            found += [
                Page(name, reverse(name, args=[label]), app_need(label)) for label in sorted(labels)
            ]
            continue
        if name == "admin:view_on_site":
            found.append(Page(name, reverse(name, args=[world.ct.pk, edition.pk]), need))
            continue
        kwargs = {key: value for key, value in args.items() if key in wanted}
        if name == "backoffice:login_link":
            kwargs["token"] = world.login_token
        if "object_id" in wanted:
            model, model_admin = next(
                (m, a)
                for m, a in admin.site._registry.items()
                if name.startswith(f"admin:{m._meta.app_label}_{m._meta.model_name}_")
            )
            kwargs["object_id"] = object_of(model, model_admin, edition).pk
        found.append(Page(name, reverse(name, kwargs=kwargs), need))
    return sorted(found, key=lambda page: page.need == "open")


@pytest.fixture
def world(conference, people, users, settings, tmp_path):
    """An edition with a row of every model the admin shows, and a user per role."""
    settings.FORSAMLING_INVOICE_OUTBOX = str(tmp_path / "invoices")
    edition = conference.edition
    stranger_edition = make_conference("2027").edition
    jury = make_user("jury")
    grant_role(user=jury, edition=edition, role=Role.JURY)
    prize = Prize.objects.create(edition=edition, theme="Forebyggelse i det nære")
    for order, title in enumerate(["Effekt", "Udbredelse"], start=1):
        Criterion.objects.create(prize=prize, order=order, title=title, weight=1)
    Juror.objects.create(prize=prize, user=jury)  # a juror, not the chair
    nomination = make_nomination(prize)
    attachment = pdf_attachment(nomination)
    make_seller(edition)
    register(conference, "Frida Frivillig", organisation="Danske Ældreråd")  # a PDF invoice
    draft_invoices(edition=edition)
    invoice = Invoice.objects.filter(edition=edition, buyer_name="Danske Ældreråd").first()
    assert invoice is not None
    issue_drafts(edition=edition, invoices=[invoice], user=users.superuser)
    invoice.refresh_from_db()
    code = create_code(edition=edition, category=conference.stand, user=users.organiser)
    api_token = create_token(
        edition=edition, user=users.organiser, label="Skanner", scopes=["write_checkins"]
    ).token
    Extra.objects.create(edition=edition, name="Strøm (230 V)", price=Decimal("950"))
    link = issue_enrolment(user=make_user("nyansat", is_staff=True), by=None)
    login_token = "walk-" + "x" * 40
    link_user = make_user("engangslink", is_staff=True)
    TOTPDevice.objects.create(user=link_user, name="Telefon", confirmed=True)
    LoginLink.objects.create(
        user=link_user,
        token_hash=hashlib.sha256(login_token.encode()).hexdigest(),
        expires_at=timezone.now() + timedelta(minutes=15),
    )
    # An organiser of another edition is no organiser of this one.
    stranger = make_user("fremmed")
    grant_role(user=stranger, edition=stranger_edition, role=Role.ORGANISER)
    speaker = Speaker.objects.create(name="Mette Frederiksen")
    Room.objects.create(edition=edition, name="Sal A", capacity=100)
    Track.objects.create(edition=edition, name="Den Socialpolitiske Sæson")
    EditionModerator.objects.create(edition=edition, speaker=speaker)
    Theme.objects.create(edition=edition, title="Sundhedsreformen", order=1)
    publish_programme(edition=edition, comment="Første version", publish_at=None, user=None)
    GroupBooking.objects.create(
        edition=edition, organisation="KL", secretary_name="Anna", secretary_email="a@kl.dk"
    )
    VenuePlan.objects.create(
        edition=edition, image=ContentFile(image_bytes(), name="lokaler.png"), description="Lokaler"
    )
    FloorPlan.objects.create(
        edition=edition, image=ContentFile(image_bytes(), name="plan.png"), description="Plan"
    )
    stand = make_stand(edition, "A1")
    Exhibitor.objects.create(edition=edition, **details().__dict__)
    exhibitor_services.hold_stand(stand=stand, note="Til KL", actor=users.superuser)
    now = timezone.now()
    round = PreferenceRound.objects.create(
        edition=edition,
        title="Temamøder",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=1),
        status="open",
    )
    survey = survey_services.survey_for(edition)
    survey_services.add_question(survey=survey, part="overall", kind="text", text="Hvad nu?")
    Group.objects.create(name="Presse")
    login_try = {"user_agent": "Firefox", "ip_address": "10.0.0.1", "username": "gaet"}
    login_try |= {"http_accept": "text/html", "path_info": "/backoffice/login/"}
    AccessAttempt.objects.create(**login_try, get_data="", post_data="", failures_since_start=1)
    AccessFailureLog.objects.create(**login_try)
    AccessLog.objects.create(**login_try)
    device = TOTPDevice.objects.create(user=make_user("telefon"), name="Telefon", confirmed=True)
    DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="forsamling.outputs.jobs.make_pdf_task",
        backend_name="default",
        run_after=get_date_max(),  # none: the tests' immediate backend allows no delay
    )
    assert AuditEntry.objects.filter(edition=edition).exists()
    message = SentMessage.objects.create(
        registration=people.bo,
        edition=edition,
        to=people.bo.email,
        subject="Hej",
        body=".",
        status=MessageStatus.FAILED,
        last_error="550 Ukendt modtager",
    )
    return type(
        "World",
        (),
        {
            "edition": edition,
            "registration": people.bo,
            "job": OutputJob.objects.create(
                edition=edition,
                kind="door_lists",
                status="done",
                file=ContentFile(b"%PDF-1.4", name="doerlister.pdf"),
            ),
            "mailing": Mailing.objects.create(
                edition=edition, audience="all", audience_label="Alle", subject="Hej", body="."
            ),
            "round": round,
            "device": device,
            "nomination": nomination,
            "attachment": attachment,
            "invoice": invoice,
            "message": message,
            "token": link.rstrip("/").rsplit("/", 1)[-1],
            "login_token": login_token,
            "code": code,
            "speaker_record": invite_speaker(
                edition=edition,
                speaker=speaker,
                email="mette@example.dk",
                category=Category.objects.create(
                    edition=edition, key="taler", name="Oplægsholder", invitation_only=True
                ),
                user=users.organiser,
            ),
            "api_token": api_token,
            "ct": ContentType.objects.get_for_model(edition),
            "users": {**vars(users), "jury": jury, "stranger": stranger},
            "price": Decimal("0"),
        },
    )


def outcome(response: Any, page: Page) -> str:
    """'login' (sent to log in), 'denied' (403, or the admin's 'no such page'), 'missing' (a
    404: the walk's data lacks something) or 'in'."""
    location = response.get("Location", "")
    if response.status_code == 302 and location.startswith("/backoffice/login/"):
        return "login"
    if response.status_code == 403:
        return "denied"
    if response.status_code == 302 and location == reverse("admin:index"):
        return "denied"  # the admin's redirect for an object outside the user's editions
    if response.status_code == 404:
        # The admin's page of an app shows the user's models of it; with none it is a 404.
        return "denied" if page.name == "admin:app_list" else "missing"
    return "in"


def visit(client: Any, page: Page) -> Any:
    response = client.get(page.url)
    if response.status_code == 405:
        response = client.post(page.url, {})
    return response


def expected(who: str, need: Action | str, name: str = "") -> set[str]:
    if need == "open":
        return {"in", "login", "denied"}  # the login page sends the logged-in on
    if need == "public":
        return {"in"}
    if who == "anonymous":
        return {"denied"} if name in FETCHED else {"login"}
    if need == "nobody":
        return {"denied"}
    if need == "juror":
        return {"in"} if who == "jury" else {"denied", "missing"}
    if who == "superuser" or need in {"staff", "setup"}:
        return {"in"}
    if need == "superuser":
        return {"denied"}
    if need == "manage-some" and who == "stranger":
        return {"in"}
    if need == "manage-some":
        need = Action.MANAGE
    role = ROLE_OF.get(who)
    # A 404 for a row of an edition not theirs turns them away as well as a 403.
    return {"in"} if role is not None and need in ALLOWED[role] else {"denied", "missing"}


@pytest.mark.parametrize("who", WHO)
def test_every_back_office_url_lets_in_exactly_the_roles_that_may(client, world, who):
    if who != "anonymous":
        client.force_login(world.users[who])
    wrong = []
    walked = pages(world)
    for page in walked:
        got = outcome(visit(client, page), page)
        if got not in expected(who, page.need, page.name):
            wrong.append(f"{page.url} ({page.name}, needs {page.need}): {got}")
    assert len(walked) > 100
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("who", ["checkin", "organiser", "superuser"])
def test_without_a_verified_second_factor_no_staff_page_opens(client, world, who, settings):
    settings.FORSAMLING_REQUIRE_OTP = True
    client.force_login(world.users[who])
    wrong = [
        f"{page.url} ({page.name})"
        for page in pages(world)
        if page.need not in {"open", "setup", "public"}
        and outcome(visit(client, page), page) == "in"
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("who", ["checkin", "organiser"])
def test_with_a_verified_second_factor_the_role_decides(client, world, who, settings):
    settings.FORSAMLING_REQUIRE_OTP = True
    user = world.users[who]
    device = TOTPDevice.objects.get_or_create(user=user, name="Telefon", confirmed=True)[0]
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    wrong = []
    for page in pages(world):
        got = outcome(visit(client, page), page)
        if got not in expected(who, page.need, page.name):
            wrong.append(f"{page.url} ({page.name}, needs {page.need}): {got}")
    assert not wrong, "\n".join(wrong)
