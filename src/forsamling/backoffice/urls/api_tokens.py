"""The edition's API keys (docs/api.md): organisers only."""

from django.contrib.admin.views.decorators import staff_member_required as staff
from django.urls import path

from forsamling.backoffice.views import api_tokens

urlpatterns = [
    path("<slug:edition>/api-noegler/", staff(api_tokens.api_tokens), name="api_tokens"),
    path(
        "<slug:edition>/api-noegler/<int:token_id>/tilbagekald/",
        staff(api_tokens.revoke),
        name="api_token_revoke",
    ),
]
