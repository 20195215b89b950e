import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from forsamling.core.task_paths import TASKS_TABLE, move_tasks

NEW = 'outputs'
MOVED = ['outputjob']


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
    """The PDF jobs move from the back office to the outputs that make them. Only Django's idea of
    the model moves: the table keeps its name and its rows; queued jobs follow their task."""

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('backoffice', '0006_delivery_message_in_outbox'),
        TASKS_TABLE,
        ('conferences', '0005_edition_capacity'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
        migrations.CreateModel(
            name='OutputJob',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('badge_sheets', 'Navneskilte på etiketark (2×4 pr. side)'), ('badge_pages', 'Navneskilte, ét pr. side'), ('door_lists', 'Dørlister pr. session'), ('invoices', 'Fakturagrundlag pr. organisation'), ('participant_list', 'Deltagerliste til offentliggørelse')], max_length=30, verbose_name='type')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='bestilt')),
                ('status', models.CharField(choices=[('queued', 'I kø'), ('running', 'I gang'), ('done', 'Færdig'), ('failed', 'Fejlede')], default='queued', max_length=10, verbose_name='status')),
                ('done', models.PositiveIntegerField(default=0, verbose_name='færdige')),
                ('total', models.PositiveIntegerField(default=0, verbose_name='i alt')),
                ('file', models.FileField(blank=True, upload_to='backoffice/pdf/', verbose_name='fil')),
                ('error', models.TextField(blank=True, verbose_name='fejl')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='færdig')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='oprettet af')),
                ('edition', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='conferences.edition', verbose_name='udgave')),
            ],
            options={
                'verbose_name': 'PDF-bestilling',
                'verbose_name_plural': 'PDF-bestillinger',
                'db_table': 'backoffice_outputjob',
                'ordering': ['-created_at', '-id'],
            },
        ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
        move_tasks(
            {"forsamling.backoffice.jobs.make_pdf_task": "forsamling.outputs.jobs.make_pdf_task"}
        ),
    ]
