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
  (`cost`): the 150th councillor behind a town hall's gateway waits a second or two more; a
  script's 1000th registration costs it four hundred times its first.
- A challenge made before a burst stays good while the cost has grown at most
  FORSAMLING_ALTCHA_COST_SLACK-fold (the people who opened the form at 9.58 are not sent back
  at 10.01); past that, the form asks the browser to work once more, and keeps what was typed.
- Only accepted forms are counted (`count_accepted`, after the service call), so refused
  attempts do not raise anyone's cost.
- Hard limits are kept only where one sender costs someone else: at most one "here is your
  link" e-mail per recipient per few minutes (`may_mail_link`).

A check costs one SELECT of the counters and one statement using the challenge up; an
accepted form one upsert of its counters. Both write statements commit without a disk flush
on PostgreSQL (`_insert`).

Below the checks, what they are made of, each used on its own too:

- The client's address (`client_ip`), the same for the login lockout (django-axes) and the
  API's throttle, and the network it is counted under (`client_network`). `X-Forwarded-For`
  is believed only as far as it was written by a proxy we trust (`TRUSTED_PROXIES`: addresses
  and networks). The header is walked from the right: the peer (`REMOTE_ADDR`) must be a
  trusted proxy for the header to be read at all, and each hop that is itself a trusted proxy
  is skipped; the first one that is not is the client. A client reaching gunicorn directly,
  with a header it wrote itself, is its own peer address. Every hop is parsed with
  `ipaddress`: ports are stripped (`1.2.3.4:5678`, `[2001:db8::1]:443`), anything that is not
  an address is ignored, so no garbage reaches the database's inet column.
- The proof of work, ALTCHA self-hosted: challenges signed with a key derived from
  SECRET_KEY, solved by the visitor's browser (npm `altcha` 2.x, served from our static
  files), verified here with PyPI `altcha`'s v1 API (the challenge format widget 2.x speaks),
  and used once (`use_up`).
- Counters in the database, so every worker and server shares them (the API's throttle and the
  back office's login limit count with them too). A hit is one statement: an INSERT ... ON
  CONFLICT DO UPDATE SET count = count + 1 ... RETURNING (PostgreSQL and SQLite ≥ 3.35 alike),
  for any number of keys at once, in the current fixed window (e.g. 10.00.00–10.09.59). What
  is read back (`recent_counts`) is a sliding window: the current window's count plus the
  previous window's, weighted by how much of it still lies within the last `seconds` (the
  sliding-window counter of Cloudflare's and nginx's rate limiters). A burst across a
  window's edge is seen whole, at the price of two rows per key. Keys are stored as they are
  up to 200 characters, and as a hash beyond (`stored_key`): every reader and writer goes
  through it, so a long e-mail domain or address never misses its row. A counter's statement
  (a hit, a challenge used up) is its own transaction, and on PostgreSQL it commits without
  waiting for its WAL to reach the disk (`_insert`: the statement itself sets
  `synchronous_commit` off for its transaction, so it is one round trip, not four): a count
  is not worth a disk flush, and every client behind one address or e-mail domain increments
  the same row, whose lock would otherwise be held through the flush. What a crash can lose
  is the last fraction of a second's counts. Anything committed after them with a flush (a
  registration) flushes them too, as the log is written in order. Inside a caller's
  transaction the statement is part of it, and the caller's durability is left as it is.
"""

from __future__ import annotations

import hashlib
import ipaddress
import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

import altcha
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from forsamling.core.models import RateCounter, UsedChallenge
from forsamling.core.recent import Kept

if TYPE_CHECKING:
    from django import forms

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
    counts = recent_counts(keys, seconds=settings.FORSAMLING_RATE_WINDOW_SECONDS)
    return counts[keys[0]], counts[keys[1]] if len(keys) > 1 else 0


def _capped(domain: int) -> int:
    return min(domain, settings.FORSAMLING_ALTCHA_DOMAIN_COST_CAP)


# Counts read for the challenges served with the form pages, by (form, network, domain): kept
# per process for PUBLIC_PAGE_CACHE_SECONDS (one second in production, off in tests), so the
# crowd reloading the form before 10.00 is priced without a query each time. A second-old count
# prices as well as a fresh one: a challenge stays good while the cost grows tenfold.
_SERVED_COUNTS = Kept(4096)


def _served_counts(request: HttpRequest, form: str, domain: str) -> tuple[int, int]:
    return _SERVED_COUNTS.get(
        (form, client_network(request), domain), lambda: _counts(request, form, domain)
    )


def forget_served_counts() -> None:
    """Drops the counts kept for served challenges (tests)."""
    _SERVED_COUNTS.forget()


def challenge(
    request: HttpRequest, *, form: str, domain: str = "", served: bool = False
) -> dict[str, object]:
    """A challenge costing what the next form from this network (and domain) costs now;
    `served`: for a form page, priced from counts up to a second old (`_served_counts`)."""
    form = form if form in FORMS else "register"
    domain = domain if form in DOMAIN_FORMS else ""
    network, by_domain = (_served_counts if served else _counts)(request, form, domain)
    return new_challenge(count=max(network, _capped(by_domain)), domain=domain)


def _check(request: HttpRequest, *, form: str, domain: str = "") -> Refusal | None:
    if not proof_of_work_enabled():
        return None
    proof = verified(request.POST.get(PROOF_FIELD, ""))
    if proof is None:
        return _no_proof()
    network, by_domain = _counts(request, form, domain)
    paid = cost(proof.count)
    slack = settings.FORSAMLING_ALTCHA_COST_SLACK
    # A challenge made for another domain (or none, the script did not run) is good while the
    # domain's cost has at most doubled (the domain's first FORSAMLING_ALTCHA_COST_STEP forms).
    domain_slack = slack if proof.domain == domain else 2
    if cost(network) > paid * slack or cost(_capped(by_domain)) > paid * domain_slack:
        return _more_work()
    if not use_up(proof.signature, proof.expires_at):
        return _replayed()
    return None


def count_accepted(request: HttpRequest, *, form: str, email: str = "") -> None:
    """One accepted form: its network's (and domain's) count goes up, in one upsert."""
    keys = [network_key(form, client_network(request))]
    if email and form in DOMAIN_FORMS:
        keys.append(domain_key(form, domain_of(email)))
    hit(keys, seconds=settings.FORSAMLING_RATE_WINDOW_SECONDS)


def check_form(request: HttpRequest, *, form: str, email: str = "") -> Refusal | None:
    """None if a public form that creates rows or sends e-mail may go on to its service; else
    why not. `form` names it ("register", "resend", "group", "nomination", …); for the forms
    whose price counts the e-mail domain (`DOMAIN_FORMS`), `email` is the one typed. ("Send my
    link again" is limited per recipient too, by `may_mail_link`, which answers the same either
    way.)"""
    return _check(request, form=form, domain=domain_of(email) if form in DOMAIN_FORMS else "")


def check_posted_form(request: HttpRequest, form: forms.BaseForm, *, name: str) -> Refusal | None:
    """`check_form` for a posted `form` that is otherwise valid (None for one shown, or with
    errors of its own), with the e-mail it was given; a refusal is the form's error, so the
    form keeps what was typed and is no longer valid."""
    if request.method != "POST" or not form.is_valid():
        return None
    refusal = check_form(request, form=name, email=form.cleaned_data.get("email", ""))
    if refusal is not None:
        form.add_error(None, refusal.message)
    return refusal


def with_retry_after(response: HttpResponse, refusal: Refusal | None) -> HttpResponse:
    """The page that shows a refusal says when to try again, when the refusal knows."""
    if refusal is not None and refusal.retry_after:
        response["Retry-After"] = str(refusal.retry_after)
    return response


def may_mail_link(edition_slug: str, email: str) -> bool:
    """At most one "here is your link" e-mail per recipient per FORSAMLING_RESEND_INTERVAL:
    the one limit that refuses, as it protects the recipient's inbox, not us."""
    key = f"mail-link:{edition_slug}:{email.strip().lower()}"
    return first_hit(key, seconds=settings.FORSAMLING_RESEND_INTERVAL_SECONDS)


# The client's address and network.

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

UNKNOWN = "unknown"


@lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in spec)


def trusted_networks(spec: Iterable[str]) -> tuple[Network, ...]:
    """The networks of a `TRUSTED_PROXIES` list; an entry that is not one raises ValueError
    (at start-up, from settings)."""
    return _networks(tuple(item.strip() for item in spec if item.strip()))


def parse_address(text: str) -> Address | None:
    """An address from a header or REMOTE_ADDR, without a port or brackets; None for
    anything else."""
    text = text.strip()
    if not text or len(text) > 64:
        return None
    if text.startswith("["):  # [2001:db8::1] or [2001:db8::1]:443
        end = text.find("]")
        if end < 0:
            return None
        text = text[1:end]
    elif text.count(":") == 1:  # 1.2.3.4:5678 (a bare IPv6 address has two or more colons)
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_ip(request: HttpRequest) -> Address | None:
    """The client's address, or None when there is none to be had (a test's request)."""
    peer = parse_address(str(request.META.get("REMOTE_ADDR", "") or ""))
    networks = trusted_networks(getattr(settings, "TRUSTED_PROXIES", ()))
    if peer is None or not _trusted(peer, networks):
        return peer
    header = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    client = peer
    for hop in reversed(header.split(",")):
        address = parse_address(hop)
        if address is None:
            # Garbage where an address should be: nothing further left can be believed.
            break
        client = address
        if not _trusted(address, networks):
            break
    return client


def client_address(request: HttpRequest) -> str:
    address = client_ip(request)
    return UNKNOWN if address is None else str(address)


def client_network(request: HttpRequest) -> str:
    """What the proof of work's cost is counted under: an IPv4 address alone (/32), an IPv6
    address's /64 (one household or office gets a whole /64 and may rotate within it)."""
    address = client_ip(request)
    if address is None:
        return UNKNOWN
    return network_of(address)


def network_of(address: Address) -> str:
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return f"{address}/32"


def axes_client_ip(request: HttpRequest) -> str | None:
    """django-axes stores the address in an IP column: a valid address or None (a test's
    force_login), never a placeholder, a port or garbage."""
    address = client_ip(request)
    return None if address is None else str(address)


# The proof of work (ALTCHA).

PROOF_FIELD = "altcha"  # the form field the widget fills in


def proof_of_work_enabled() -> bool:
    return bool(getattr(settings, "FORSAMLING_ALTCHA", True))


def _key() -> str:
    return hashlib.sha256(("altcha:" + settings.SECRET_KEY).encode()).hexdigest()


def cost(count: int) -> int:
    """The maximum number for a challenge made after `count` recent forms from the same
    network (or domain): the base, growing with the square of the count, so it is twice the
    base at FORSAMLING_ALTCHA_COST_STEP, ten times at three steps, four hundred at twenty."""
    base = settings.FORSAMLING_ALTCHA_MAX_NUMBER
    steps = max(0, count) / settings.FORSAMLING_ALTCHA_COST_STEP
    return min(int(base * (1 + steps * steps)), 10**9)


def new_challenge(*, count: int = 0, domain: str = "") -> dict[str, object]:
    """A fresh challenge for the widget: a random number up to `cost(count)`, made for the
    e-mail domain `domain` if one is given (a proof says which)."""
    expires = datetime.now(UTC) + timedelta(minutes=settings.FORSAMLING_ALTCHA_EXPIRES_MINUTES)
    made = altcha.create_challenge_v1(
        altcha.ChallengeOptionsV1(
            hmac_key=_key(),
            max_number=cost(count),
            expires=expires,
            params={"n": str(max(0, count)), **({"d": domain} if domain else {})},
        )
    )
    return dict(made.to_dict())


@dataclass(frozen=True)
class Proof:
    signature: str
    expires_at: datetime
    count: int  # what the challenge was made for: its cost is `cost(count)`
    domain: str = ""  # the e-mail domain it was priced for, if any


def verified(payload: str) -> Proof | None:
    """The proof if the payload solves an unexpired challenge of ours; None otherwise
    (missing, malformed, wrong or expired). Pure CPU, no database."""
    if not payload or len(payload) > 4000:
        return None
    try:
        ok, _error = altcha.verify_solution_v1(payload, _key(), check_expires=True)
        if not ok:
            return None
        parsed = altcha.PayloadV1.from_base64(payload)
        _salt, expires, params = parsed.parse_salt()
        count = int(params.get("n", ["0"])[0])
        domain = params.get("d", [""])[0]
    except Exception:
        return None
    if expires is None:
        return None
    return Proof(parsed.signature, datetime.fromtimestamp(expires, tz=UTC), count, domain)


def use_up(signature: str, expires_at: datetime) -> bool:
    """Records the challenge as used, in one statement; False if it was used before (a replayed
    solution). Expired rows are cleared now and then: an expired challenge fails anyway."""
    table = connection.ops.quote_name(UsedChallenge._meta.db_table)
    sql = _insert(table, "signature, expires_at", "(%s, %s)")
    with connection.cursor() as cursor:
        cursor.execute(
            f"{sql} ON CONFLICT (signature) DO NOTHING RETURNING id",
            [signature[:128], connection.ops.adapt_datetimefield_value(expires_at)],
        )
        fresh = cursor.fetchone() is not None
    if fresh and random.random() < 0.01:  # noqa: S311  (housekeeping, not security)
        UsedChallenge.objects.filter(expires_at__lt=timezone.now()).delete()
    return fresh


# The counters.


# A CTE that turns the disk flush off for the transaction of the statement it starts
# (set_config's `true` is SET LOCAL's scope). PostgreSQL evaluates it because the statement
# reads it; it yields one row, so the rows inserted are the VALUES' own.
NO_FLUSH = "WITH no_flush AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true))"


def _insert(table: str, columns: str, rows: str) -> str:
    """`INSERT INTO table (columns) VALUES rows`, for counters whose last moments may be lost
    in a crash (see the module's docstring). On PostgreSQL outside a transaction, the
    statement is its own transaction and commits without a disk flush; inside a caller's
    transaction it is plain, and the caller's durability is left as it is."""
    on_its_own = not connection.in_atomic_block and connection.get_autocommit()
    if connection.vendor == "postgresql" and on_its_own:
        return (
            f"{NO_FLUSH} INSERT INTO {table} ({columns}) "  # noqa: S608  (our names, %s marks)
            f"SELECT v.* FROM (VALUES {rows}) AS v, no_flush"
        )
    return f"INSERT INTO {table} ({columns}) VALUES {rows}"  # noqa: S608


def window_of(seconds: int, now: float | None = None) -> int:
    return int((time.time() if now is None else now) // seconds)


KEY_LENGTH = 200


def stored_key(key: str) -> str:
    """The key as its row holds it: itself, or beyond KEY_LENGTH its start and a hash of it
    (two long keys with the same start stay apart)."""
    if len(key) <= KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"{key[: KEY_LENGTH - 65]}#{digest}"


def hit(keys: Sequence[str], *, seconds: int, now: float | None = None) -> dict[str, int]:
    """Counts one hit for each key in the current window; returns the counts after it (of
    this window alone)."""
    if not keys:
        return {}
    window = window_of(seconds, now)
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    rows = ", ".join(["(%s, %s, 1)"] * len(keys))
    params: list[str | int] = []
    for key in keys:
        params += [stored_key(key), window]
    # "window" is a reserved word in PostgreSQL: the columns are quoted.
    insert = _insert(table, '"key", "window", "count"', rows)
    sql = (
        f'{insert} ON CONFLICT ("key", "window") DO UPDATE SET "count" = {table}."count" + 1 '
        'RETURNING "key", "count"'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        counts = {key: count for key, count in cursor.fetchall()}
    if any(count == 1 for count in counts.values()):
        # A key's first hit in a new window: the ones before the previous are done with.
        RateCounter.objects.filter(key__in=list(counts), window__lt=window - 1).delete()
    return {key: counts[stored_key(key)] for key in keys}


def first_hit(key: str, *, seconds: int, now: float | None = None) -> bool:
    """True for at most one call per `seconds` and key ("at most one e-mail per five minutes"),
    also across a window's edge: a hit at 10.04.59 and one at 10.05.00 fall in two windows, and
    the second is refused. A window's row exists only if a call in it was granted: while the
    previous window holds one, a call is refused without being counted, so calls that keep
    coming never push the next grant further off (the next is granted at most two windows after
    the last). Concurrent calls are ordered by the upsert, so exactly one of them is granted."""
    window = window_of(seconds, now)
    if RateCounter.objects.filter(key=stored_key(key), window=window - 1).exists():
        return False
    return hit([key], seconds=seconds, now=now)[key] == 1


def recent_counts(keys: Sequence[str], *, seconds: int, now: float | None = None) -> dict[str, int]:
    """How many hits each key had in the last `seconds` (sliding: this window's count and the
    part of the previous one's still inside), in one SELECT."""
    if not keys:
        return {}
    moment = time.time() if now is None else now
    window = window_of(seconds, moment)
    inside = 1 - (moment / seconds - window)  # the share of the previous window still inside
    stored = {stored_key(key): key for key in keys}
    totals = dict.fromkeys(keys, 0.0)
    # Plain SQL, as `hit`'s: it runs on every challenge and every POST of the 10.00 rush, and
    # building the ORM's query cost more than running it.
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    marks = ", ".join(["%s"] * len(stored))
    sql = (
        f'SELECT "key", "window", "count" FROM {table} '  # noqa: S608
        f'WHERE "key" IN ({marks}) AND "window" IN (%s, %s)'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*stored, window - 1, window])
        for key, row_window, count in cursor.fetchall():
            totals[stored[key]] += count if row_window == window else count * inside
    return {key: int(total) for key, total in totals.items()}
