import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

NEW = 'accounts'
MOVED = ['editionrole', 'authenticatorapp']


def move_content_types(apps, schema_editor):
    """Permissions and admin log entries follow the models: their content types change app."""
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not content_types.objects.filter(app_label=NEW, model=model).exists():
            content_types.objects.filter(app_label="backoffice", model=model).update(app_label=NEW)


def move_content_types_back(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not content_types.objects.filter(app_label="backoffice", model=model).exists():
            content_types.objects.filter(app_label=NEW, model=model).update(app_label="backoffice")


class Migration(migrations.Migration):
    """The roles per edition and the Danish name of the authenticator app move from the back office
    (so that any page app may ask the access rule). Only Django's idea of the models moves: the
    table keeps its name and its rows."""

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('backoffice', '0006_delivery_message_in_outbox'),
        ('accounts', '0002_login_link'),
        ('conferences', '0005_edition_capacity'),
        ('otp_totp', '0003_add_timestamps'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
        migrations.CreateModel(
            name='AuthenticatorApp',
            fields=[
            ],
            options={
                'verbose_name': 'godkenderapp',
                'verbose_name_plural': 'godkenderapps',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('otp_totp.totpdevice',),
        ),
        migrations.CreateModel(
            name='EditionRole',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('role', models.CharField(choices=[('organiser', 'Arrangør'), ('checkin', 'Indtjekning'), ('viewer', 'Læseadgang'), ('jury', 'Jury')], max_length=20, verbose_name='rolle')),
                ('edition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='staff_roles', to='conferences.edition', verbose_name='udgave')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='edition_roles', to=settings.AUTH_USER_MODEL, verbose_name='bruger')),
            ],
            options={
                'verbose_name': 'rolle i udgave',
                'verbose_name_plural': 'roller i udgaver',
                'db_table': 'backoffice_editionrole',
                'ordering': ['edition', 'role', 'user'],
                'constraints': [models.UniqueConstraint(fields=('user', 'edition', 'role'), name='edition_role_unique')],
            },
        ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
