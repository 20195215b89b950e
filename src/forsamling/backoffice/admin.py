"""The back office is Django's admin, in Danish, under /backoffice/."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Forsamling – backoffice")
admin.site.site_title = _("Forsamling")
admin.site.index_title = _("Social- og Sundhedspolitisk Forum")
