"""Loads the list of municipalities and regions shipped in `invoicing/data/public_buyers.json`.

Plain JSON reading and the historical model only (no app code): an entry an organiser has
already edited (same name) is left as it is; run backwards, nothing is removed.
"""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "public_buyers.json"
FIELDS = ("short_name", "kind", "cvr", "ean", "street", "postcode", "city")


def load(apps, schema_editor):
    public_buyer = apps.get_model("invoicing", "PublicBuyer")
    rows = json.loads(DATA.read_text(encoding="utf-8"))["buyers"]
    for row in rows:
        public_buyer.objects.get_or_create(
            name=row["name"], defaults={field: row.get(field, "") for field in FIELDS}
        )


class Migration(migrations.Migration):
    dependencies = [("invoicing", "0003_public_buyers_and_buyer_reference")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
