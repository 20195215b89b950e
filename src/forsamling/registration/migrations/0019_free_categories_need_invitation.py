"""A free category (0 kr.) needs an invitation code (issue 28): the ones that exist are
marked `invitation_only`, as saving them now does. Not undone on the way back: a category
marked invitation-only stays so, which is also what an organiser could have ticked."""

from django.db import migrations, models


def mark_free_categories(apps, schema_editor):
    Category = apps.get_model("registration", "Category")
    Category.objects.filter(price__lte=0, invitation_only=False).update(invitation_only=True)


class Migration(migrations.Migration):
    dependencies = [
        ("registration", "0018_exhibitor_leads_consent"),
    ]

    operations = [
        migrations.AlterField(
            model_name="category",
            name="invitation_only",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "F.eks. oplægsholdere og presse: kan kun vælges med en invitationskode fra "
                    "arrangøren (forsamling.invitations). En gratis kategori (0 kr.) kræver altid "
                    "en invitationskode og markeres automatisk, når den gemmes."
                ),
                verbose_name="kun med invitationskode",
            ),
        ),
        migrations.RunPython(mark_free_categories, migrations.RunPython.noop),
    ]
