"""Fills the CVR numbers (and any address) of `invoicing/data/public_buyers.json` into the
municipalities and regions already loaded by 0004, which shipped without them.

Plain JSON reading and the historical model only (no app code). Only what is blank is filled:
a CVR number an organiser typed in the back office stays, and an address is filled only when
street, postcode and city are all blank (never half an address mixed from two sources). An
entry missing from the table (deleted by an organiser) is not brought back. Run backwards,
nothing is undone: the numbers are facts, not a schema change.
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
        changed = []
        if not entry.cvr and row.get("cvr"):
            entry.cvr = row["cvr"]
            changed.append("cvr")
        if not any(getattr(entry, field) for field in ADDRESS) and row.get("street"):
            for field in ADDRESS:
                setattr(entry, field, row.get(field, ""))
            changed.extend(ADDRESS)
        if changed:
            entry.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("invoicing", "0006_invoice_updated_at")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
