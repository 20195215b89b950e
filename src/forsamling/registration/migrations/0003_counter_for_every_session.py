"""Every session gets its seat counter row up front (new sessions get theirs when they are
made): at 10.00 registrations then only lock counter rows, never insert them side by side."""

from django.db import migrations


def make_counters(apps, schema_editor):
    Session = apps.get_model("programme", "Session")
    SessionSeats = apps.get_model("registration", "SessionSeats")
    missing = Session.objects.filter(seats__isnull=True).values_list("pk", flat=True)
    SessionSeats.objects.bulk_create(
        [SessionSeats(session_id=pk) for pk in missing], ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("registration", "0002_sent_message"),
        ("programme", "0002_programme_version"),
    ]

    operations = [migrations.RunPython(make_counters, migrations.RunPython.noop)]
