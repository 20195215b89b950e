"""The back office speaks Danish: no English names of apps, models or fields on any page."""

from __future__ import annotations

import re

import pytest

from tests.backoffice.test_access_rule import pages, world  # noqa: F401 (the walk's fixture)

ENGLISH = [
    "OTP_TOTP",
    "Otp_Totp",
    "TOTP device",
    "Task Result",
    "Tasks Database",
    "User:",
    "Edition:",
    "Mailing:",
    "Registration:",
    ">Backoffice<",
    "Created at",
    "created at",
    # django-axes and Django's own admin strings (issue #25).
    "AXES",
    "Axes",
    "Access attempts",
    "Access attempt",
    "Access logs",
    "Access failures",
    ">Tasks<",
    ">Groups<",
    ">Users<",
    "Authentication and Authorization",
    "Site administration",
    "Recent actions",
    "Add ",
    "Change ",
    "View site",
    "Log out",
]


# Random per-request values in the HTML (the CSRF token, the CSP nonce) are mixed-case letters
# and digits: one of them held "Axes" once in a suite run (c28f1bc). They are not text.
RANDOM = re.compile(r'(?:name="csrfmiddlewaretoken" value|nonce)="[^"]*"')


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("who", ["superuser", "organiser"])
def test_no_back_office_page_shows_english_names(client, world, who):  # noqa: F811
    client.force_login(world.users[who])
    found = []
    for page in pages(world):
        if page.need == "open" or page.name.endswith("_delete"):
            continue
        response = client.get(page.url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = RANDOM.sub("", response.content.decode())
        text = visible_text(html)
        found += [f"{page.url}: {word}" for word in ENGLISH if word in text or word in html]
    assert not found, "\n".join(found)
