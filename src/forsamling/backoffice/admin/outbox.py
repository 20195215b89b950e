"""The back office for the outbox: every e-mail the site sent, as written."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from forsamling.backoffice.admin_scoping import EditionScopedAdminMixin, ModelAdmin
from forsamling.outbox.models import SentMessage
from forsamling.privacy.redact import without_private_links


@admin.register(SentMessage)
class SentMessageAdmin(EditionScopedAdminMixin, ModelAdmin):
    # The message's own edition: e-mails to exhibitors, stand staff and nominators name no
    # registration. Those of no edition (log-in links) are the superusers' alone.
    edition_path = "edition"
    list_display = ["sent_at", "to", "subject", "delivered"]
    list_filter = ["delivered", "edition"]
    search_fields = ["to", "subject"]
    # The body as sent, but with the participant's private link hidden from organisers.
    fields = ["registration", "to", "subject", "body_shown", "sent_at", "delivered"]
    readonly_fields = ["registration", "to", "subject", "body_shown", "sent_at", "delivered"]

    @admin.display(description=_("tekst"))
    def body_shown(self, obj: SentMessage) -> str:
        return without_private_links(obj.body)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
