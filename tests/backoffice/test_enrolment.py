"""Staff enrolment: a one-time link by e-mail is the only way to set up the first device."""

import base64
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from forsamling.accounts.models import StaffEnrolment
from forsamling.accounts.services import issue_enrolment, open_enrolment
from tests.backoffice.conftest import make_user
from tests.backoffice.test_otp import PASSWORD, code, login


@pytest.fixture(autouse=True)
def require_otp(settings):
    settings.FORSAMLING_REQUIRE_OTP = True


@pytest.fixture
def newcomer(db):
    return make_user("ny", is_staff=True)


def link_in(mail) -> str:
    return re.search(r"http://\S+/backoffice/konference/totp/tilmeld/\S+/", mail.body).group(0)


def path_of(url: str) -> str:
    return url.split("8000", 1)[1]


def confirm_password(client, path, password=PASSWORD):
    return client.post(path, {"password": password})


def secret_on(page) -> str:
    return re.search(r"<code>([A-Z2-7 ]+)</code>", page.content.decode()).group(1)


def enrol(client, path, password=PASSWORD, drift=0):
    page = client.get(path)
    assert page.status_code == 200
    confirmed = confirm_password(client, path, password)
    if confirmed.status_code != 302:
        return confirmed, None
    assert client.get(path).status_code == 200
    device = TOTPDevice.objects.get(user__username="ny", confirmed=False)
    return client.post(path, {"otp_token": code(device, drift)}), device


def test_the_link_by_mail_sets_up_the_device_and_logs_in(
    client, newcomer, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        issue_enrolment(user=newcomer, by=None)
    (mail,) = mailoutbox
    assert mail.to == ["ny@kl.dk"] and "to-trins-login" in mail.subject
    path = path_of(link_in(mail))
    response, device = enrol(client, path)
    assert response["Location"] == "/backoffice/konference/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/backoffice/konference/").status_code == 200
    # The link works once.
    client.logout()
    assert client.get(path).status_code == 404


def test_the_seed_is_shown_only_after_the_password(client, newcomer):
    """Whoever holds the link alone (a forwarded e-mail) sees no QR code and no key."""
    path = path_of(issue_enrolment(user=newcomer, by=None))
    before = client.get(path).content.decode()
    assert "QR-kode til godkenderappen" not in before and "<code>" not in before
    assert 'name="password"' in before and 'name="otp_token"' not in before
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    # A code posted without the password confirms nothing either.
    assert client.post(path, {"otp_token": "123456"}).status_code == 400
    assert confirm_password(client, path)["Location"] == path
    after = client.get(path).content.decode()
    assert "QR-kode til godkenderappen" in after and 'name="otp_token"' in after
    device = TOTPDevice.objects.get(user=newcomer, confirmed=False)
    assert secret_on(client.get(path)).replace(" ", "") == base64.b32encode(device.bin_key).decode()


def test_a_new_link_shows_a_new_seed(client, newcomer):
    first = path_of(issue_enrolment(user=newcomer, by=None))
    confirm_password(client, first)
    seed_of_first = secret_on(client.get(first))
    second = path_of(issue_enrolment(user=newcomer, by=None))
    assert client.get(first).status_code == 404
    confirm_password(client, second)
    assert secret_on(client.get(second)) != seed_of_first
    assert TOTPDevice.objects.filter(user=newcomer).count() == 1


def test_the_link_needs_the_password_too(client, newcomer):
    path = path_of(issue_enrolment(user=newcomer, by=None))
    response, device = enrol(client, path, password="gæt")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Adgangskoden passer ikke" in page and "QR-kode til godkenderappen" not in page
    assert device is None and not TOTPDevice.objects.filter(user=newcomer).exists()
    assert "_auth_user_id" not in client.session


def test_a_wrong_code_confirms_nothing(client, newcomer):
    path = path_of(issue_enrolment(user=newcomer, by=None))
    confirm_password(client, path)
    client.get(path)
    device = TOTPDevice.objects.get(user=newcomer)
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"
    response = client.post(path, {"otp_token": wrong})
    assert response.status_code == 400
    assert "Koden passede ikke" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_an_expired_or_replaced_link_does_not_work(client, newcomer):
    first = path_of(issue_enrolment(user=newcomer, by=None))
    second = path_of(issue_enrolment(user=newcomer, by=None))
    assert client.get(first).status_code == 404
    StaffEnrolment.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    page = client.get(second)
    assert page.status_code == 404 and "Bed en arrangør om at sende et nyt link" in (
        page.content.decode()
    )


def test_an_unknown_link_does_not_work(client, db):
    assert client.get("/backoffice/konference/totp/tilmeld/gaet-et-link/").status_code == 404


def test_an_organiser_sends_the_link_from_the_back_office(
    client, users, newcomer, mailoutbox, django_capture_on_commit_callbacks
):
    """A superuser (who may change users) with a second factor sends a link."""
    admin = users.superuser
    device = TOTPDevice.objects.create(user=admin, name="Telefon", confirmed=True)
    admin.set_password(PASSWORD)
    admin.save()
    login_page = client.post(
        "/backoffice/login/?next=/backoffice/",
        {"username": admin.username, "password": PASSWORD, "otp_token": code(device)},
    )
    assert login_page["Location"] == "/backoffice/"
    page = client.get("/backoffice/konference/totp/brugere/").content.decode()
    assert "ny@kl.dk" in page and "Mangler" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/backoffice/konference/totp/brugere/{newcomer.pk}/send/")
    assert response["Location"] == "/backoffice/konference/totp/brugere/"
    assert [m.to for m in mailoutbox] == [["ny@kl.dk"]]


def test_staff_without_the_right_to_change_users_cannot_send_links(client, users, newcomer):
    client.force_login(users.organiser)
    with_settings = client.get("/backoffice/konference/totp/brugere/")
    assert with_settings.status_code == 403
    assert client.post(f"/backoffice/konference/totp/brugere/{newcomer.pk}/send/").status_code == (
        403
    )


def test_a_new_user_cannot_be_taken_over_by_a_password_guesser(client, newcomer):
    """The attack of the issue: the right password, then enrolling one's own device."""
    assert login(client, newcomer.username).status_code == 200  # refused like a wrong password
    client.get("/backoffice/konference/totp/")
    assert not TOTPDevice.objects.filter(user=newcomer).exists()
    assert client.get("/backoffice/").status_code == 302


def test_a_user_without_an_email_address_gets_the_link_shown_not_a_false_sent(
    client, users, mailoutbox, django_capture_on_commit_callbacks
):
    """Nothing can be mailed: the page says so and shows the link to hand over in person."""
    nameless = make_user("uden-mail", is_staff=True)
    nameless.email = ""
    nameless.save()
    admin = users.superuser
    device = TOTPDevice.objects.create(user=admin, name="Telefon", confirmed=True)
    admin.set_password(PASSWORD)
    admin.save()
    client.post(
        "/backoffice/login/?next=/backoffice/",
        {"username": admin.username, "password": PASSWORD, "otp_token": code(device)},
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/backoffice/konference/totp/brugere/{nameless.pk}/send/", follow=True
        )
    page = response.content.decode()
    assert mailoutbox == []
    assert "er sendt til" not in page
    assert "Uden-mail har ingen e-mailadresse, så der er ikke sendt noget." in page
    token = re.search(r"/totp/tilmeld/([^/\s]+)/", page).group(1)  # the link shown works
    assert open_enrolment(token).user == nameless
