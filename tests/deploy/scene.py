"""A conference with data in every place a backup must keep, run in its own process against
the database and media folder the environment names (tests/deploy/test_backup_restore.py).

    python -m tests.deploy.scene fill      migrates, then registers, invoices and uploads
    python -m tests.deploy.scene summary   prints every table's rows, as JSON
"""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from typing import Any


def fill() -> None:
    # Imported here, once __main__ has set Django up with the environment's settings.
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from PIL import Image

    call_command("migrate", interactive=False, verbosity=0)

    from forsamling.exhibitors.services import update_exhibitor_profile
    from forsamling.invoicing import services as invoicing
    from tests.invoicing.conftest import (
        EAN_AALBORG,
        ensure_public_buyers,
        make_conference,
        make_exhibitor,
        make_seller,
        register,
    )

    conference = make_conference()
    make_seller(conference.edition)
    ensure_public_buyers()  # Aalborg Kommune's invoice takes its address from the list
    register(conference, "Aase Ørum", ean=EAN_AALBORG, order_reference="PO-1", dinner=True)
    # Buyers that are not public bodies: their invoices need no EAN, so all four are issued.
    register(conference, "Bo Andersen", organisation="Ærø Højskole", category=conference.official)
    register(
        conference, "Øline Ås", organisation="Odense Boligselskab", sessions=[conference.small]
    )
    exhibitor = make_exhibitor(
        conference.edition, stands=[("A1", "12500", 1)], staff=["Anna Berg", "Carl Enø"]
    )
    logo = io.BytesIO()
    Image.new("RGB", (40, 20), (0, 102, 153)).save(logo, "PNG")
    update_exhibitor_profile(
        exhibitor=exhibitor,
        description="Velfærdsteknologi til hjemmeplejen.",
        website="https://example.dk",
        logo=SimpleUploadedFile("logo.png", logo.getvalue(), content_type="image/png"),
    )
    # Issued and sent at once (TASKS_BACKEND is the immediate one): the files land in media.
    invoicing.issue_due(edition=conference.edition, today=date(2026, 3, 2))


def summary() -> dict[str, list[dict[str, Any]]]:
    from django.apps import apps

    return {
        model._meta.label: [
            {key: str(value) for key, value in row.items()}
            for row in model._default_manager.order_by("pk").values()
        ]
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


if __name__ == "__main__":
    import django

    django.setup()
    if sys.argv[1] == "fill":
        fill()
    else:
        json.dump(summary(), sys.stdout, sort_keys=True)
