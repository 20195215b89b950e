"""The exhibitor list for the printed programme, as PDF and XLSX."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import exhibitors

urlpatterns = [
    path(
        "<slug:edition>/udstillerliste.pdf",
        staff(exhibitors.exhibitor_list_pdf),
        name="exhibitor_list_pdf",
    ),
    path(
        "<slug:edition>/udstillerliste.xlsx",
        staff(exhibitors.exhibitor_list_xlsx),
        name="exhibitor_list_xlsx",
    ),
]
