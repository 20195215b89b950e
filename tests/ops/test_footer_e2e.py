"""The release in the back office's footer, readable and accessible on a phone and a desktop."""

from __future__ import annotations

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.backoffice.conftest import conference, people, users  # noqa: F401
from tests.backoffice.test_backoffice_e2e import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_footer_names_the_release(
    page,
    live_server,
    conference,  # noqa: F811
    users,  # noqa: F811
    assert_accessible,
    width,
):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, users.organiser.username)
    footer = page.locator("footer#footer")
    expect(footer).to_have_text(f"Forsamling {settings.FORSAMLING_VERSION}")
    expect(footer).to_be_visible()
    assert_accessible(page)
