"""Fills the 31 postal addresses added to `invoicing/data/public_buyers.json` after 0008 into
the municipalities and regions of databases that already ran 0008.

The same rule as 0008, with plain JSON reading and the historical model only (no app code): an
entry's address is written only when street, postcode and city are all blank, so an address an
organiser typed (even half of one) stays and no address is mixed from two sources. The CVR and
EAN numbers are not touched. An entry missing from the table (deleted by an organiser) is not
brought back. Run backwards, nothing is undone: the addresses are facts, not a schema change.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "public_buyers.json"
ADDRESS = ("street", "postcode", "city")


def fill(apps, schema_editor):
    public_buyer = apps.get_model("invoicing", "PublicBuyer")
    rows = {row["name"]: row for row in json.loads(DATA.read_text(encoding="utf-8"))["buyers"]}
    for entry in public_buyer.objects.filter(name__in=rows):
        row = rows[entry.name]
        if any(getattr(entry, field) for field in ADDRESS) or not row.get("street"):
            continue
        for field in ADDRESS:
            setattr(entry, field, row.get(field, ""))
        entry.save(update_fields=list(ADDRESS))


class Migration(migrations.Migration):
    dependencies = [("invoicing", "0008_fill_public_buyer_addresses")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
