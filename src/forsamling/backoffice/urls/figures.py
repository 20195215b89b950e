"""KL's figures for an edition: the page, the workbook and the PDF."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import figures

urlpatterns = [
    path("<slug:edition>/tal/", staff(figures.figures), name="figures"),
    path("<slug:edition>/tal.xlsx", staff(figures.figures_xlsx), name="figures_xlsx"),
    path("<slug:edition>/tal.pdf", staff(figures.figures_pdf), name="figures_pdf"),
]
