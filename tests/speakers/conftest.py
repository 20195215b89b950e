"""An edition with an open registration, a free invitation-only speaker category, a programme
speaker on an item, and an organiser (uploads go to the suite's in-memory storage)."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from PIL import Image

from forsamling.programme.models import ItemSpeaker, Speaker
from forsamling.registration.models import Category
from tests.backoffice.conftest import make_user
from tests.registration.conftest import edition  # noqa: F401


@pytest.fixture
def speaker_category(edition):  # noqa: F811
    return Category.objects.create(
        edition=edition, key="oplaegsholder", name="Oplægsholder", price=Decimal("0"),
        order=9, invitation_only=True,
    )  # fmt: skip


@pytest.fixture
def organiser(edition):  # noqa: F811
    from forsamling.accounts.roles import grant_role
    from forsamling.domain.permissions import Role

    user = make_user("arrangoer", is_staff=True)
    grant_role(user=user, edition=edition, role=Role.ORGANISER)
    return user


@pytest.fixture
def programme_speaker(edition):  # noqa: F811
    speaker = Speaker.objects.create(name="Lise Mortensen", title="Ældrechef")
    ItemSpeaker.objects.create(item=edition.themes_slot, speaker=speaker)
    return speaker


def image_bytes(size=(1600, 1200), fmt="JPEG", exif=True) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    out = io.BytesIO()
    if exif and fmt == "JPEG":
        data = Image.Exif()
        data[0x010F] = "Kameraet"  # Make
        data[0x0112] = 6  # Orientation: turned 90°
        image.save(out, format=fmt, exif=data.tobytes())
    else:
        image.save(out, format=fmt)
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pptx_bytes() -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
    return out.getvalue()
