"""The kitchen list: counts per meal and the special needs by name (organisers only)."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import meals

urlpatterns = [
    path("<slug:edition>/koekken/", staff(meals.kitchen_page), name="kitchen"),
    path("<slug:edition>/koekken/liste.pdf", staff(meals.kitchen_pdf), name="kitchen_pdf"),
    path("<slug:edition>/koekken/liste.xlsx", staff(meals.kitchen_xlsx), name="kitchen_xlsx"),
]
