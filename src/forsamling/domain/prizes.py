"""KL's Forebyggelsespris: the nomination window, what a submission needs, and the jury's sums.

Plain Python with no Django, after pretalx's review module: each criterion has a weight, a
juror's score for a nomination is the weighted mean of their scores on the criteria, and the
jurors' scores are combined by the mean or the median (a setting), with how far the jurors
disagree shown beside it. Services pass values in and turn these exceptions into Danish text.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

SCORE_MIN = 1
SCORE_MAX = 5
SHORTLIST_SIZE = 3
# What a nomination must hold before it can be submitted (a draft may lack any of them).
REQUIRED_FOR_SUBMISSION = (
    "municipality",
    "nominator_municipality",
    "project_title",
    "description",
    "results",
    "contact_name",
    "contact_email",
)


class Combine(StrEnum):
    MEAN = "mean"
    MEDIAN = "median"


class PrizeError(Exception):
    """Something the prize's rules do not allow."""


class NominationsNotOpen(PrizeError):
    def __init__(self, opens_at: datetime | None) -> None:
        super().__init__(opens_at)
        self.opens_at = opens_at


class NominationsClosed(PrizeError):
    def __init__(self, closed_at: datetime) -> None:
        super().__init__(closed_at)
        self.closed_at = closed_at


class Incomplete(PrizeError):
    """A submission lacks required fields; `missing` names them in form order."""

    def __init__(self, missing: Sequence[str]) -> None:
        super().__init__(missing)
        self.missing = list(missing)


class ScoreOutOfRange(PrizeError):
    def __init__(self, criterion: str, value: int) -> None:
        super().__init__(criterion, value)
        self.criterion = criterion
        self.value = value


class Conflicted(PrizeError):
    """The juror has a conflict of interest with the nomination and may not score it."""


class JuryClosed(PrizeError):
    """The jury's deadline has passed: scores can no longer be changed."""


class InvalidShortlist(PrizeError):
    """Not exactly three different submitted nominations."""


class NotShortlisted(PrizeError):
    """The winner must be one of the shortlisted nominees."""


class NotChair(PrizeError):
    """Only the jury's chair shortlists and records the winner."""


def check_window(*, now: datetime, opens_at: datetime | None, closes_at: datetime | None) -> None:
    """Nominations may be made and changed (drafts and submitted ones) from opening to close."""
    if opens_at is None or now < opens_at:
        raise NominationsNotOpen(opens_at)
    if closes_at is not None and now >= closes_at:
        raise NominationsClosed(closes_at)


def check_complete(values: Mapping[str, object]) -> None:
    """Raises Incomplete unless every field a submission needs has a non-blank value."""
    missing = [name for name in REQUIRED_FOR_SUBMISSION if not str(values.get(name) or "").strip()]
    if missing:
        raise Incomplete(missing)


def conflicted(
    *, juror_municipality: str, municipality: str, nominator_municipality: str, declared: bool
) -> bool:
    """A juror is out of a nomination of (or by) their own municipality, or one they declared."""
    own = juror_municipality.strip()
    return declared or (bool(own) and own in {municipality, nominator_municipality})


def check_score(criterion: str, value: int) -> None:
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise ScoreOutOfRange(criterion, value)


@dataclass(frozen=True)
class Criterion:
    key: str
    weight: int


def weighted_score(scores: Mapping[str, int], criteria: Sequence[Criterion]) -> Decimal:
    """One juror's score for one nomination: the weighted mean over all criteria.

    Every criterion must be scored (pretalx's "required" scores); a criterion of weight 0 is
    advisory: it is asked and kept, but does not count.
    """
    missing = [c.key for c in criteria if c.key not in scores]
    if missing:
        raise Incomplete(missing)
    for c in criteria:
        check_score(c.key, scores[c.key])
    total_weight = sum(c.weight for c in criteria)
    if total_weight <= 0:
        raise PrizeError("no criterion carries weight")
    total = sum((Decimal(scores[c.key]) * c.weight for c in criteria), Decimal(0))
    return total / total_weight


def combine(values: Sequence[Decimal], method: Combine) -> Decimal:
    """The jury's score: the mean or the median of the jurors' weighted scores."""
    if not values:
        raise ValueError("no scores to combine")
    if method == Combine.MEDIAN:
        return Decimal(statistics.median(values))
    return Decimal(sum(values)) / len(values)


@dataclass(frozen=True)
class Spread:
    """How far the jurors disagree: the population standard deviation and the range."""

    stdev: Decimal
    range: Decimal


def disagreement(values: Sequence[Decimal]) -> Spread:
    if not values:
        raise ValueError("no scores")
    if len(values) == 1:
        return Spread(Decimal(0), Decimal(0))
    return Spread(Decimal(statistics.pstdev(values)), max(values) - min(values))


def rounded(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Ranked:
    key: int
    score: Decimal | None  # None: no juror has submitted scores for it yet
    spread: Spread | None
    jurors: int
    position: int  # 1 is best; equal scores share a position ("1, 2, 2, 4")
    tied: bool = False


@dataclass
class _Entry:
    key: int
    values: list[Decimal] = field(default_factory=list)


def rank(
    sheets: Mapping[int, Iterable[Decimal]], method: Combine, *, order: Sequence[int] = ()
) -> list[Ranked]:
    """Ranks nominations by the combined, rounded score, best first.

    `sheets` maps a nomination to its jurors' weighted scores (submitted sheets only). Equal
    scores (after rounding to two decimals, as shown) tie: they share a position and are
    listed in `order` (e.g. Danish order of municipality), and the chair decides between them.
    Nominations without scores come last, unranked by score.
    """
    place_in_order = {key: i for i, key in enumerate(order)}
    scored: list[tuple[int, Decimal, Spread, int]] = []
    unscored: list[int] = []
    for key, raw in sheets.items():
        values = list(raw)
        if values:
            scored.append(
                (key, rounded(combine(values, method)), disagreement(values), len(values))
            )
        else:
            unscored.append(key)
    scored.sort(key=lambda e: (-e[1], place_in_order.get(e[0], len(order)), e[0]))
    counts: dict[Decimal, int] = {}
    for _key, score, _spread, _n in scored:
        counts[score] = counts.get(score, 0) + 1
    result: list[Ranked] = []
    position = 0
    previous: Decimal | None = None
    for index, (key, score, spread, n) in enumerate(scored, start=1):
        if score != previous:
            position = index
            previous = score
        result.append(Ranked(key, score, spread, n, position, tied=counts[score] > 1))
    unscored.sort(key=lambda k: (place_in_order.get(k, len(order)), k))
    result += [Ranked(k, None, None, 0, len(scored) + 1) for k in unscored]
    return result


def check_shortlist(chosen: Sequence[int], *, submitted: Iterable[int]) -> None:
    """Exactly three different nominations, each one submitted."""
    allowed = set(submitted)
    if len(chosen) != SHORTLIST_SIZE or len(set(chosen)) != SHORTLIST_SIZE:
        raise InvalidShortlist(list(chosen))
    if not set(chosen) <= allowed:
        raise InvalidShortlist(list(chosen))


def check_winner(winner: int, *, shortlist: Iterable[int]) -> None:
    if winner not in set(shortlist):
        raise NotShortlisted(winner)


def winner_visible(*, now: datetime, published: bool, award_starts_at: datetime | None) -> bool:
    """The public sees the winner once the organisers have published it and the award begins."""
    return published and award_starts_at is not None and now >= award_starts_at


def may_see_others(*, own_submitted: bool) -> bool:
    """A juror sees the other jurors' scores for a nomination only after submitting their own."""
    return own_submitted
