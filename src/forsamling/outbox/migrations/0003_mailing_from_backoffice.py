import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from forsamling.core.task_paths import TASKS_TABLE, move_tasks

NEW = 'outbox'
MOVED = ['mailing', 'delivery']


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
    """The mailings and their deliveries move from the back office to the outbox. Only Django's idea
    of the models moves: the tables keep their names and their rows; queued send-outs follow
    their task (now in `registration.mailings`)."""

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('backoffice', '0006_delivery_message_in_outbox'),
        TASKS_TABLE,
        ('conferences', '0005_edition_capacity'),
        ('outbox', '0002_send_message_task_path'),
        ('registration', '0011_registration_network'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
        migrations.CreateModel(
            name='Mailing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('audience', models.CharField(max_length=50, verbose_name='modtagere')),
                ('audience_label', models.CharField(max_length=300, verbose_name='modtagere')),
                ('subject', models.CharField(max_length=300, verbose_name='emne')),
                ('body', models.TextField(verbose_name='tekst')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='oprettet')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='sendt færdig')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='oprettet af')),
                ('edition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='conferences.edition', verbose_name='udgave')),
            ],
            options={
                'verbose_name': 'udsendelse',
                'verbose_name_plural': 'udsendelser',
                'db_table': 'backoffice_mailing',
                'ordering': ['-created_at', '-id'],
            },
        ),
        migrations.CreateModel(
            name='Delivery',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('to', models.EmailField(max_length=254, verbose_name='til')),
                ('accepted', models.BooleanField(default=False, verbose_name='modtaget af mailserveren')),
                ('error', models.CharField(blank=True, max_length=500, verbose_name='fejl')),
                ('at', models.DateTimeField(auto_now_add=True, verbose_name='sendt')),
                ('message', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='delivery', to='outbox.sentmessage')),
                ('registration', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='registration.registration', verbose_name='tilmelding')),
                ('mailing', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='outbox.mailing', verbose_name='udsendelse')),
            ],
            options={
                'verbose_name': 'afsendt e-mail',
                'verbose_name_plural': 'afsendte e-mails',
                'db_table': 'backoffice_delivery',
                'ordering': ['id'],
            },
        ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
        move_tasks(
            {
                "forsamling.backoffice.messaging.send_mailing_task": (
                    "forsamling.registration.mailings.send_mailing_task"
                )
            }
        ),
    ]
