"""PDFs made in the background: ordering one, its progress and its file."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import outputs

urlpatterns = [
    path("<slug:edition>/pdf/", staff(outputs.outputs), name="outputs"),
    path("<slug:edition>/pdf/bestil/", staff(outputs.order), name="order_pdf"),
    path("<slug:edition>/pdf/<int:job_id>/", staff(outputs.job), name="job"),
    path("<slug:edition>/pdf/<int:job_id>/hent/", staff(outputs.download), name="download"),
]
