"""The prize: the jury's scores and conflicts, the ranking, shortlist, winner and publishing."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import prize

urlpatterns = [
    path("<slug:edition>/pris/jury/", staff(prize.jury), name="prize_jury"),
    path(
        "<slug:edition>/pris/jury/<int:pk>/",
        staff(prize.jury_nomination),
        name="prize_jury_nomination",
    ),
    path(
        "<slug:edition>/pris/jury/<int:pk>/bilag/<int:attachment>/",
        staff(prize.jury_attachment),
        name="prize_jury_attachment",
    ),
    path(
        "<slug:edition>/pris/jury/<int:pk>/inhabil/",
        staff(prize.declare_conflict),
        name="prize_conflict",
    ),
    path("<slug:edition>/pris/", staff(prize.prize_ranking), name="prize_ranking"),
    path("<slug:edition>/pris/nominerede/", staff(prize.shortlist), name="prize_shortlist"),
    path("<slug:edition>/pris/vinder/", staff(prize.record_winner), name="prize_winner"),
    path("<slug:edition>/pris/offentliggoer/", staff(prize.publish), name="prize_publish"),
    path(
        "<slug:edition>/pris/program/<int:pk>/",
        staff(prize.place_nominee),
        name="prize_place",
    ),
]
