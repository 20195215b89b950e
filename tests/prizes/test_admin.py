"""The prize's settings in the admin: criteria and jury inline; a juror gets the jury role."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from forsamling.accounts.models import EditionRole
from forsamling.domain.permissions import Role

pytestmark = pytest.mark.django_db


def test_adding_a_juror_in_the_admin_gives_the_jury_role(
    client: Client, setup: SimpleNamespace
) -> None:
    admin = get_user_model().objects.create_superuser("super", password="pw")
    juror = get_user_model().objects.create_user("ny-juror", password="pw")
    client.force_login(admin)
    url = reverse("admin:prizes_prize_change", args=[setup.prize.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not hasattr(v, "pk")}
    data.update(
        {
            "edition": setup.edition.pk,
            "award_item": setup.award.pk,
            "nominations_open_at_0": "2026-01-05",
            "nominations_open_at_1": "09:00:00",
            "nominations_close_at_0": "2026-03-01",
            "nominations_close_at_1": "12:00:00",
            "jury_deadline_0": "2026-04-01",
            "jury_deadline_1": "12:00:00",
            "criteria-TOTAL_FORMS": "3",
            "criteria-INITIAL_FORMS": "3",
            "jurors-TOTAL_FORMS": "1",
            "jurors-INITIAL_FORMS": "0",
            "jurors-0-user": juror.pk,
            "jurors-0-municipality": "Skive",
            "jurors-0-is_chair": "on",
        }
    )
    for index, criterion in enumerate(setup.criteria):
        data[f"criteria-{index}-id"] = criterion.pk
        data[f"criteria-{index}-prize"] = setup.prize.pk
        data[f"criteria-{index}-order"] = criterion.order
        data[f"criteria-{index}-title"] = criterion.title
        data[f"criteria-{index}-weight"] = criterion.weight
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert EditionRole.objects.filter(user=juror, edition=setup.edition, role=Role.JURY).exists()
    juror.refresh_from_db()
    assert juror.is_staff
