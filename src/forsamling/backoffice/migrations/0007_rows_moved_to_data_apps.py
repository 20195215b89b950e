from django.db import migrations


class Migration(migrations.Migration):
    """The back office keeps pages only: its rows now belong to accounts (roles, authenticator
    apps), outputs (PDF jobs) and the outbox (mailings). Their tables stay where they are."""

    dependencies = [
        ('accounts', '0003_edition_role_from_backoffice'),
        ('outbox', '0003_mailing_from_backoffice'),
        ('outputs', '0001_initial'),
        ('backoffice', '0006_delivery_message_in_outbox'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
        migrations.RemoveField(
            model_name='delivery',
            name='mailing',
        ),
        migrations.RemoveField(
            model_name='delivery',
            name='message',
        ),
        migrations.RemoveField(
            model_name='delivery',
            name='registration',
        ),
        migrations.RemoveField(
            model_name='editionrole',
            name='edition',
        ),
        migrations.RemoveField(
            model_name='editionrole',
            name='user',
        ),
        migrations.RemoveField(
            model_name='mailing',
            name='created_by',
        ),
        migrations.RemoveField(
            model_name='mailing',
            name='edition',
        ),
        migrations.RemoveField(
            model_name='outputjob',
            name='created_by',
        ),
        migrations.RemoveField(
            model_name='outputjob',
            name='edition',
        ),
        migrations.DeleteModel(
            name='AuthenticatorApp',
        ),
        migrations.DeleteModel(
            name='Delivery',
        ),
        migrations.DeleteModel(
            name='EditionRole',
        ),
        migrations.DeleteModel(
            name='Mailing',
        ),
        migrations.DeleteModel(
            name='OutputJob',
        ),
            ],
        ),
    ]
