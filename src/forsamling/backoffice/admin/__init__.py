"""The back office's admin classes, one module per data app, registered on Django's admin site.

The data apps hold no UI: their ModelAdmins live here, all derived from
`backoffice.admin_scoping` so that the one access rule (the role per edition) applies.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from forsamling.backoffice.admin import (  # noqa: F401  (registers the admin classes)
    conferences,
    exhibitors,
    invoicing,
    office,
    outbox,
    preferences,
    prizes,
    programme,
    registration,
    surveys,
)

admin.site.site_header = _("Forsamling – backoffice")
admin.site.site_title = _("Forsamling")
admin.site.index_title = _("Social- og Sundhedspolitisk Forum")
