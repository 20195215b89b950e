"""The programme's pages in the back office: the venue plan shown on "Mit program"."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import venue_plan

urlpatterns = [
    path(
        "<slug:edition>/program/lokaleoversigt/",
        staff(venue_plan.venue_plan),
        name="venue_plan",
    ),
    path(
        "<slug:edition>/program/lokaleoversigt/billede/",
        staff(venue_plan.venue_plan_image),
        name="venue_plan_image",
    ),
]
