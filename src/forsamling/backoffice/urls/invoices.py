"""Invoices: the basis as a spreadsheet, drafts, issuing, credit notes, seller and buyers."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import invoices

urlpatterns = [
    path(
        "<slug:edition>/fakturagrundlag.xlsx", staff(invoices.invoices_xlsx), name="invoices_xlsx"
    ),
    path("<slug:edition>/fakturaer/", staff(invoices.invoice_list), name="invoices"),
    path("<slug:edition>/fakturaer/dan-kladder/", staff(invoices.draft), name="invoices_draft"),
    path("<slug:edition>/fakturaer/udsted/", staff(invoices.issue), name="invoices_issue"),
    path(
        "<slug:edition>/fakturaer/send-igen/",
        staff(invoices.send_unsent),
        name="invoices_send_unsent",
    ),
    path("<slug:edition>/fakturaer/saelger/", staff(invoices.seller), name="invoice_seller"),
    path("<slug:edition>/fakturaer/koebere/", staff(invoices.buyers), name="invoice_buyers"),
    path(
        "<slug:edition>/fakturaer/koebere/<int:buyer_id>/",
        staff(invoices.buyer),
        name="invoice_buyer",
    ),
    path(
        "<slug:edition>/fakturaer/koersel/<str:run>.zip",
        staff(invoices.run_zip),
        name="invoice_run_zip",
    ),
    path("<slug:edition>/fakturaer/<int:invoice_id>/", staff(invoices.detail), name="invoice"),
    path(
        "<slug:edition>/fakturaer/<int:invoice_id>/udsted/",
        staff(invoices.issue_one),
        name="invoice_issue",
    ),
    path(
        "<slug:edition>/fakturaer/<int:invoice_id>/udfyld/",
        staff(invoices.complete),
        name="invoice_complete",
    ),
    path(
        "<slug:edition>/fakturaer/<int:invoice_id>/krediter/",
        staff(invoices.credit),
        name="invoice_credit",
    ),
    path(
        "<slug:edition>/fakturaer/<int:invoice_id>/hent/<str:kind>/",
        staff(invoices.download),
        name="invoice_download",
    ),
]
