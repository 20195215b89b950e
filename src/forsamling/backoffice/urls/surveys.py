"""The evaluation survey: build and send it, and its results as a page, XLSX and PDF."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import surveys

urlpatterns = [
    path("<slug:edition>/evaluering/", staff(surveys.build), name="survey"),
    path("<slug:edition>/evaluering/resultater/", staff(surveys.results), name="survey_results"),
    path(
        "<slug:edition>/evaluering/resultater.xlsx", staff(surveys.results_xlsx), name="survey_xlsx"
    ),
    path("<slug:edition>/evaluering/resultater.pdf", staff(surveys.results_pdf), name="survey_pdf"),
]
