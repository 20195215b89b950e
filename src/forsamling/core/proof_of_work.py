"""ALTCHA proof of work, self-hosted: challenges signed with a key derived from SECRET_KEY,
solved by the visitor's browser (npm `altcha` 2.x, served from our static files), verified
here with PyPI `altcha`'s v1 API (the challenge format widget 2.x speaks), and used once.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import altcha
from django.conf import settings
from django.db import connection
from django.utils import timezone

from forsamling.core.models import UsedChallenge

FIELD = "altcha"


def enabled() -> bool:
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
    challenge = altcha.create_challenge_v1(
        altcha.ChallengeOptionsV1(
            hmac_key=_key(),
            max_number=cost(count),
            expires=expires,
            params={"n": str(max(0, count)), **({"d": domain} if domain else {})},
        )
    )
    return dict(challenge.to_dict())


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
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (signature, expires_at) VALUES (%s, %s) "  # noqa: S608
            "ON CONFLICT (signature) DO NOTHING RETURNING id",
            [signature[:128], connection.ops.adapt_datetimefield_value(expires_at)],
        )
        fresh = cursor.fetchone() is not None
    if fresh and random.random() < 0.01:  # noqa: S311  (housekeeping, not security)
        UsedChallenge.objects.filter(expires_at__lt=timezone.now()).delete()
    return fresh
