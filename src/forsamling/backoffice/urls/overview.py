"""The editions, an edition's home and its live overview."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import overview

urlpatterns = [
    path("", overview.editions, name="editions"),
    path("<slug:edition>/", staff(overview.home), name="home"),
    path("<slug:edition>/overblik/", staff(overview.overview), name="overview"),
]
