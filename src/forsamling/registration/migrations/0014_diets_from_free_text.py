"""Needs typed as free text before the structured choice become diets the kitchen can count
(`forsamling.domain.meals.parse_free_text`); words no choice covers stay as typed. Editions
that exist get the meals they have served: lunch every day and the dinner the first evening."""

from datetime import timedelta

from django.db import migrations

from forsamling.domain.meals import parse_free_text


def diets_from_text(apps, schema_editor):
    Registration = apps.get_model("registration", "Registration")
    for registration in Registration.objects.exclude(dietary="").only("id", "dietary", "diets"):
        diets, rest = parse_free_text(registration.dietary)
        if diets:
            registration.diets = diets
            registration.dietary = rest
            registration.save(update_fields=["diets", "dietary"])


def text_from_diets(apps, schema_editor):
    Registration = apps.get_model("registration", "Registration")
    for registration in Registration.objects.exclude(diets=[]).only("id", "dietary", "diets"):
        words = ", ".join(registration.diets)
        registration.dietary = f"{words}; {registration.dietary}" if registration.dietary else words
        registration.save(update_fields=["dietary"])


def meals_of_editions(apps, schema_editor):
    Edition = apps.get_model("conferences", "Edition")
    Meal = apps.get_model("registration", "Meal")
    for edition in Edition.objects.all():
        days = (edition.end_date - edition.start_date).days + 1
        for n in range(max(days, 1)):
            day = edition.start_date + timedelta(days=n)
            Meal.objects.create(
                edition=edition, day=day, kind="lunch", name=f"Frokost dag {n + 1}", order=0
            )
            if n == 0:
                Meal.objects.create(
                    edition=edition, day=day, kind="dinner", name="Middag", order=1
                )


class Migration(migrations.Migration):
    dependencies = [
        ("registration", "0013_meals_and_structured_diets"),
    ]

    operations = [
        migrations.RunPython(diets_from_text, text_from_diets),
        migrations.RunPython(meals_of_editions, migrations.RunPython.noop),
    ]
