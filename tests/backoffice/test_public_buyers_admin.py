"""The list of municipalities and regions is kept by the organisers in the back office."""

from __future__ import annotations

from forsamling.invoicing.models import PublicBuyer


def _form(entry: PublicBuyer, **changes: str) -> dict[str, str]:
    values = {
        field: getattr(entry, field)
        for field in ("name", "short_name", "kind", "cvr", "ean", "street", "postcode", "city")
    }
    values.update(changes)
    return values


def test_an_organiser_edits_a_municipality_in_the_back_office(client, conference, users):
    entry, _ = PublicBuyer.objects.update_or_create(
        name="Lejre Kommune",
        defaults={"short_name": "Lejre", "kind": "municipality", "cvr": "29188548", "street": ""},
    )
    client.force_login(users.organiser)
    url = f"/backoffice/invoicing/publicbuyer/{entry.pk}/change/"
    assert client.get(url).status_code == 200

    response = client.post(
        url, _form(entry, street="Møllebjergvej 4", postcode="4330", city="Hvalsø")
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    entry.refresh_from_db()
    assert (entry.street, entry.postcode, entry.city) == ("Møllebjergvej 4", "4330", "Hvalsø")


def test_a_wrong_cvr_number_is_refused_in_danish_and_nothing_is_lost(client, conference, users):
    entry, _ = PublicBuyer.objects.update_or_create(
        name="Lejre Kommune", defaults={"kind": "municipality", "cvr": "", "street": ""}
    )
    client.force_login(users.organiser)
    url = f"/backoffice/invoicing/publicbuyer/{entry.pk}/change/"

    response = client.post(url, _form(entry, cvr="29188549", street="Møllebjergvej 4"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "CVR" in html and "Møllebjergvej 4" in html
    entry.refresh_from_db()
    assert (entry.cvr, entry.street) == ("", "")
