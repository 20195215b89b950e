"""The dinner: its seats and waiting list, the tables and the table plan."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import dinner

urlpatterns = [
    path("<slug:edition>/middag/", staff(dinner.dinner_page), name="dinner"),
    path("<slug:edition>/middag/pladser/", staff(dinner.seats), name="dinner_seats"),
    path("<slug:edition>/middag/borde/", staff(dinner.tables), name="dinner_tables"),
    path("<slug:edition>/middag/placer-alle/", staff(dinner.seat_all), name="dinner_seat_all"),
    path(
        "<slug:edition>/middag/placer/<int:registration_id>/",
        staff(dinner.place),
        name="dinner_place",
    ),
]
