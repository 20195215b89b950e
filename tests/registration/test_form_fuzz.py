"""Whatever a browser (or a bot) posts to the registration form, the answer is never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forsamling.registration.models import Registration

from .test_pages import form_data

pytestmark = pytest.mark.django_db

MISSING = object()
odd_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["", " ", "\x00", "0", "-1", "99999999999999999999", "none", "ja", "on", "ø" * 400]
    ),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_no_form_input_causes_a_server_error(client, edition, data):
    valid = form_data(edition)
    posted = {}
    for name, value in valid.items():
        choice = data.draw(st.sampled_from(["valid", "odd", "missing"]), label=name)
        if choice == "valid":
            posted[name] = value
        elif choice == "odd":
            posted[name] = data.draw(odd_text, label=f"{name} value")
    posted["idempotency_key"] = data.draw(st.one_of(st.uuids().map(str), odd_text), label="key")
    before = Registration.objects.count()
    response = client.post(reverse("public:register", kwargs={"edition": edition.slug}), posted)
    if response.status_code == 200:
        # A second valid form for an address already registered (with another key): the same
        # "check your e-mail" answer as "send my link again", and nothing is stored.
        assert "public/registration/link_sent.html" in [t.name for t in response.templates]
        assert Registration.objects.count() == before
        return
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert Registration.objects.count() in (before, before + 1)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_no_input_to_the_private_link_forms_causes_a_server_error(client, edition, data):
    client.post(
        reverse("public:register", kwargs={"edition": edition.slug}),
        form_data(edition, email="fuzz@aalborg.dk", idempotency_key="fuzz"),
    )  # the first time registers; afterwards the key returns the same registration
    registration = Registration.objects.get(idempotency_key="fuzz")
    action = data.draw(
        st.sampled_from(["registration_choices", "registration_details", "registration_substitute"])
    )
    names = list(form_data(edition))
    posted = {
        name: data.draw(odd_text, label=name)
        for name in data.draw(st.lists(st.sampled_from(names), unique=True), label="fields")
    }
    url = reverse(f"public:{action}", kwargs={"edition": edition.slug, "token": registration.token})
    assert client.post(url, posted).status_code in (302, 400)
