"""Invitation codes for free and special categories."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import invitations

urlpatterns = [
    path(
        "<slug:edition>/invitationskoder/",
        staff(invitations.invitations),
        name="invitations",
    ),
    path(
        "<slug:edition>/invitationskoder/kategorier/",
        staff(invitations.invitation_categories),
        name="invitation_categories",
    ),
    path(
        "<slug:edition>/invitationskoder/<int:code_id>/tilbagekald/",
        staff(invitations.revoke),
        name="invitation_revoke",
    ),
]
