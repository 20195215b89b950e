"""What holds bots off the public forms that create rows or send e-mail: the registration
(and a group's members), "send my link again", a group booking's start, a nomination for
the prize and an exhibitor's stand booking. (Forms behind a private link need the link's
secret first, and carry no proof of work: the speaker's page, the survey's answers and the lead
scanning among them. Which public page is held off how: `forsamling.public.bot_defence`.)

No limit here refuses a person because of other people. A whole municipality registers from
one gateway and one e-mail domain at 10.00; a script does too. What tells them apart is how
many forms one of them sends, and that is what costs:

- Each form carries a proof of work (ALTCHA) that the visitor's browser solves while the form
  is filled in, each challenge accepted once. Without JavaScript there is no solution: the form
  says so, in Danish, with the organisers' contact, rather than letting scripts through.
- The challenge's cost grows with the forms accepted in the last window from the visitor's
  network (an IPv4 address, an IPv6 /64) and, up to a cap, from the e-mail domain
  (`proof_of_work.cost`): the 150th councillor behind a town hall's gateway waits a second or
  two more; a script's 1000th registration costs it four hundred times its first.
- A challenge made before a burst stays good while the cost has grown at most
  FORSAMLING_ALTCHA_COST_SLACK-fold (the people who opened the form at 9.58 are not sent back
  at 10.01); past that, the form asks the browser to work once more, and keeps what was typed.
- Only accepted forms are counted (`count_accepted`, after the service call), so refused
  attempts do not raise anyone's cost.
- Hard limits are kept only where one sender costs someone else: at most one "here is your
  link" e-mail per recipient per few minutes (`may_mail_link`).

A check costs one SELECT of the counters and the challenge used up; an accepted form one
upsert of its counters, in a transaction committed without a disk flush on PostgreSQL
(`ratelimit.counting`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from forsamling.core import proof_of_work, ratelimit
from forsamling.core.clients import client_network

FORMS = ("register", "resend", "group", "nomination", "exhibitor", "data-access")
DOMAIN_FORMS = ("register",)  # the forms whose cost also counts the e-mail domain


@dataclass(frozen=True)
class Refusal:
    message: str
    status: int
    retry_after: int | None = None


def _no_proof() -> Refusal:
    return Refusal(
        _(
            "Din browser nåede ikke at bekræfte, at formularen er udfyldt af et menneske. Vent "
            "et øjeblik, og send formularen igen. Det kræver, at JavaScript er slået til."
        ),
        400,
    )


def _replayed() -> Refusal:
    return Refusal(
        _("Formularen er allerede sendt én gang. Vent et øjeblik, og send den igen."), 400
    )


def _more_work() -> Refusal:
    return Refusal(
        _(
            "Der kommer lige nu mange formularer fra din internetforbindelse eller dit "
            "e-maildomæne, så din browser skal regne lidt længere for at bekræfte formularen. "
            "Vent, til der står Bekræftet, og send formularen igen. Det du har skrevet, er gemt."
        ),
        400,
    )


def domain_of(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower()


def network_key(form: str, network: str) -> str:
    return f"{form}:network:{network}"


def domain_key(form: str, domain: str) -> str:
    return f"{form}:domain:{domain}"


def _counts(request: HttpRequest, form: str, domain: str) -> tuple[int, int]:
    """The forms accepted in the last window from the request's network, and from `domain`
    (0 without one), in one SELECT."""
    keys = [network_key(form, client_network(request))]
    if domain and form in DOMAIN_FORMS:
        keys.append(domain_key(form, domain))
    counts = ratelimit.recent(keys, seconds=settings.FORSAMLING_RATE_WINDOW_SECONDS)
    return counts[keys[0]], counts[keys[1]] if len(keys) > 1 else 0


def _capped(domain: int) -> int:
    return min(domain, settings.FORSAMLING_ALTCHA_DOMAIN_COST_CAP)


def challenge(request: HttpRequest, *, form: str, domain: str = "") -> dict[str, object]:
    """A challenge costing what the next form from this network (and domain) costs now."""
    form = form if form in FORMS else "register"
    domain = domain if form in DOMAIN_FORMS else ""
    network, by_domain = _counts(request, form, domain)
    return proof_of_work.new_challenge(count=max(network, _capped(by_domain)), domain=domain)


def _check(request: HttpRequest, *, form: str, domain: str = "") -> Refusal | None:
    if not proof_of_work.enabled():
        return None
    proof = proof_of_work.verified(request.POST.get(proof_of_work.FIELD, ""))
    if proof is None:
        return _no_proof()
    network, by_domain = _counts(request, form, domain)
    paid = proof_of_work.cost(proof.count)
    slack = settings.FORSAMLING_ALTCHA_COST_SLACK
    # A challenge made for another domain (or none, the script did not run) is good while the
    # domain's cost has at most doubled (the domain's first FORSAMLING_ALTCHA_COST_STEP forms).
    domain_slack = slack if proof.domain == domain else 2
    if (
        proof_of_work.cost(network) > paid * slack
        or proof_of_work.cost(_capped(by_domain)) > paid * domain_slack
    ):
        return _more_work()
    with ratelimit.counting():
        if not proof_of_work.use_up(proof.signature, proof.expires_at):
            return _replayed()
    return None


def count_accepted(request: HttpRequest, *, form: str, email: str = "") -> None:
    """One accepted form: its network's (and domain's) count goes up, in one upsert."""
    keys = [network_key(form, client_network(request))]
    if email and form in DOMAIN_FORMS:
        keys.append(domain_key(form, domain_of(email)))
    with ratelimit.counting():
        ratelimit.hit(keys, seconds=settings.FORSAMLING_RATE_WINDOW_SECONDS)


def check_registration(request: HttpRequest, *, email: str) -> Refusal | None:
    """None if this registration may go on to the service; else why not."""
    return _check(request, form="register", domain=domain_of(email))


def check_resend(request: HttpRequest) -> Refusal | None:
    """The "send my link again" form (the e-mail itself is limited per recipient by
    `may_mail_link`, which answers the same either way)."""
    return _check(request, form="resend")


def check_form(request: HttpRequest, *, form: str) -> Refusal | None:
    """Another public form that creates rows and sends e-mail (`form` names it: "group",
    "nomination", "exhibitor")."""
    return _check(request, form=form)


def may_mail_link(edition_slug: str, email: str) -> bool:
    """At most one "here is your link" e-mail per recipient per FORSAMLING_RESEND_INTERVAL:
    the one limit that refuses, as it protects the recipient's inbox, not us."""
    key = f"mail-link:{edition_slug}:{email.strip().lower()}"
    with ratelimit.counting():
        return ratelimit.first_hit(key, seconds=settings.FORSAMLING_RESEND_INTERVAL_SECONDS)
