"""The demo edition's seller: KL's name, address and CVR number (public data), an invented
bank account, and a series of its own, so the demo's registrations can be invoiced."""

from __future__ import annotations

from forsamling.conferences.models import Edition
from forsamling.invoicing.models import Seller

DEMO_SELLER = {
    "name": "KL – Kommunernes Landsforening",
    "street": "Weidekampsgade 10",
    "postcode": "2300",
    "city": "København S",
    "cvr": "55133018",
    "contact_name": "Forum-sekretariatet (demo)",
    "contact_email": "forum-demo@example.org",
    "contact_phone": "33703370",
    "payment_means": "42",
    "bank_branch": "1551",  # invented: a demo invoice is never to be paid
    "bank_account": "0001234567",
    "payment_terms_days": 30,
    "number_prefix": "DEMO-",
}


def load_demo_seller(edition: Edition) -> Seller:
    """Creates the seller unless it exists; never changes one an organiser has edited."""
    seller, _ = Seller.objects.get_or_create(edition=edition, defaults=DEMO_SELLER)
    return seller
