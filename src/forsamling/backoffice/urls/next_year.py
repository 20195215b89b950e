"""Copying an edition to next year."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import next_year

urlpatterns = [
    path("<slug:edition>/naeste-aar/", staff(next_year.next_year), name="next_year"),
]
