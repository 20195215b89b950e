"""Background work: the allocation runs as a task, so an organiser's click never times out.

The result e-mails are a task too: `emails.send_results`."""

from __future__ import annotations

from django_tasks import task

from forsamling.preferences import services
from forsamling.preferences.models import PreferenceRound


@task()
def run_allocation(round_id: int, actor: str, new_seed: bool = False) -> dict[str, int]:
    """Runs (or, with `new_seed`, re-runs) the allocation and stores it as the preview."""
    round = PreferenceRound.objects.get(pk=round_id)
    if new_seed:
        services.rerun_allocation(round=round, actor=actor)
    else:
        services.run_allocation(round=round, actor=actor)
    stats = round.result["stats"] if round.result else {}
    return {"seated": stats.get("seated", 0), "unseated": stats.get("unseated", 0)}


@task()
def publish_round(round_id: int, actor: str) -> int:
    """Publishes the previewed allocation: thousands of seats take longer than a page view."""
    return services.publish_round(round=PreferenceRound.objects.get(pk=round_id), actor=actor)
