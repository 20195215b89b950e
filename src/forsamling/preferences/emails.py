"""The e-mail a participant gets when a preference round is published, in Danish.

It goes through the registration's sender, so it is logged and delivered (or kept for the
demo's inbox) like every other message to a participant, with the personal programme and
its calendar file. The template lives at registration/email/preference_result.txt in this
app, because that sender looks for its templates there.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django_tasks import TaskContext, task

from forsamling.preferences.models import PreferenceRound
from forsamling.preferences.queries import assigned_sessions
from forsamling.programme.models import Session
from forsamling.registration import emails as registration_emails
from forsamling.registration.models import Registration


def send_result(round_pk: int, registration_pk: int, source: str | None = None) -> None:
    round = PreferenceRound.objects.select_related("edition").get(pk=round_pk)
    registration = Registration.objects.select_related("edition", "category").get(
        pk=registration_pk
    )
    assigned = assigned_sessions(round, registration)
    slots = list(round.slots.filter(pk__in=list(assigned)).order_by("day__date", "starts_at"))
    sessions = Session.objects.in_bulk([s for s in assigned.values() if s is not None])
    outcome = [(slot, sessions.get(assigned[slot.pk] or 0)) for slot in slots]
    about = reverse("public:preferences_about", kwargs={"edition": round.edition.slug})
    registration_emails.send_to_participant(
        registration,
        "preference_result",
        "Resultatet af fordelingen af sessioner",
        {
            "round": round,
            "outcome": outcome,
            "about_link": f"{settings.SITE_URL}{about}",
        },
        attach_calendar=True,
        source=source,
    )


@task(takes_context=True)
def send_results(context: TaskContext, round_id: int, registration_ids: list[int]) -> int:
    """E-mails each participant their outcome: a worker's job, as 2,000 messages take minutes.
    Run again after its worker died, it writes no message twice (each has its source key)."""
    for registration_id in registration_ids:
        send_result(round_id, registration_id, f"task:{context.task_result.id}:{registration_id}")
    return len(registration_ids)
