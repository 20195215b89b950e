"""The evaluation survey's rules: plain values, no Django.

A survey is built while it is a draft, sent once after the conference, answered through each
person's private link until it closes, and reported on without ever showing a group smaller
than `MIN_GROUP`: with fewer answers, a distribution or a free text could point at the few who
gave them (in a session of three, "the one who gave 1" is a person).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

MIN_GROUP = 5
SCALE = (1, 2, 3, 4, 5)


class Kind(StrEnum):
    SCALE = "scale"
    SINGLE = "single"
    MULTIPLE = "multiple"
    TEXT = "text"


class Part(StrEnum):
    OVERALL = "overall"  # asked once
    SESSION = "session"  # asked for each session the participant chose
    THEME = "theme"  # asked for each of the edition's plenary themes


class SurveyError(Exception):
    """A change the survey's state does not allow."""


class NotDraft(SurveyError):
    """The questions are fixed once the survey has been sent."""


class TooEarly(SurveyError):
    """A survey about the conference goes out after it, not before its last day."""


class NoQuestions(SurveyError):
    pass


class Closed(SurveyError):
    """The survey no longer takes answers."""


class BadClosing(SurveyError):
    """The closing moment must come after the sending."""


class InvalidAnswer(SurveyError):
    pass


def may_send(
    *, sent_at: datetime | None, conference_end: date, today: date, questions: int
) -> None:
    """Raises why the survey cannot be sent now, if it cannot."""
    if sent_at is not None:
        raise NotDraft
    if today < conference_end:
        raise TooEarly
    if questions == 0:
        raise NoQuestions


def may_edit(*, sent_at: datetime | None) -> None:
    """Questions change only in the draft: answers given must mean what was asked."""
    if sent_at is not None:
        raise NotDraft


def is_open(*, sent_at: datetime | None, closes_at: datetime | None, now: datetime) -> bool:
    """Answers are taken (and changed) from the sending until the closing moment."""
    return sent_at is not None and (closes_at is None or now < closes_at)


def check_closing(*, closes_at: datetime | None, now: datetime) -> None:
    if closes_at is not None and closes_at <= now:
        raise BadClosing


def reminder_due(
    *,
    sent_at: datetime | None,
    closes_at: datetime | None,
    remind_after: timedelta,
    now: datetime,
    answered: bool,
    reminded: bool,
) -> bool:
    """One reminder, to someone who has not answered, once the pause has passed and while
    the survey is still open."""
    if answered or reminded or sent_at is None:
        return False
    return is_open(sent_at=sent_at, closes_at=closes_at, now=now) and now >= sent_at + remind_after


def clean_answer(kind: Kind, value: object, options: Sequence[str]) -> object:
    """The stored form of one answer, or InvalidAnswer: a scale point 1–5, an option's index,
    a sorted list of distinct indexes, or the text stripped. None means not answered."""
    if value in (None, "", []):
        return None
    if kind == Kind.SCALE:
        if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
            raise InvalidAnswer
        return value
    if kind == Kind.SINGLE:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidAnswer
        if not 0 <= value < len(options):
            raise InvalidAnswer
        return value
    if kind == Kind.MULTIPLE:
        if not isinstance(value, list | tuple) or not all(
            isinstance(v, int) and not isinstance(v, bool) and 0 <= v < len(options) for v in value
        ):
            raise InvalidAnswer
        return sorted(set(value))
    if not isinstance(value, str):
        raise InvalidAnswer
    return value.strip() or None


def may_show(group_size: int) -> bool:
    """A group's figures or texts are shown only from `MIN_GROUP` answers up."""
    return group_size >= MIN_GROUP


@dataclass(frozen=True)
class Distribution:
    """How many chose each option (or scale point) among `respondents`; multiple choice
    counts each ticked option, so the counts can add up to more than the respondents."""

    labels: tuple[str, ...]
    counts: tuple[int, ...]
    respondents: int
    mean: float | None = None  # scales only

    @property
    def shares(self) -> tuple[float, ...]:
        if not self.respondents:
            return tuple(0.0 for _ in self.counts)
        return tuple(count / self.respondents for count in self.counts)


def scale_labels(low: str, high: str) -> tuple[str, ...]:
    return tuple(
        f"{point} ({low})" if point == 1 and low else f"{point} ({high})" if point == 5 and high
        else str(point)
        for point in SCALE
    )  # fmt: skip


def distribution(
    kind: Kind, answers: Iterable[object], options: Sequence[str], *, low: str = "", high: str = ""
) -> Distribution | None:
    """The distribution of one question's answers in one group, or None when the group is
    too small to show (or the question is a free text, which has none)."""
    given = [a for a in answers if a not in (None, [], "")]
    if kind == Kind.TEXT or not may_show(len(given)):
        return None
    if kind == Kind.SCALE:
        counts = tuple(sum(1 for a in given if a == point) for point in SCALE)
        mean = sum(a for a in given if isinstance(a, int)) / len(given)
        return Distribution(scale_labels(low, high), counts, len(given), round(mean, 2))
    if kind == Kind.SINGLE:
        counts = tuple(sum(1 for a in given if a == index) for index in range(len(options)))
    else:
        counts = tuple(
            sum(1 for a in given if isinstance(a, list) and index in a)
            for index in range(len(options))
        )
    return Distribution(tuple(options), counts, len(given))


def shown_texts(texts: Iterable[str | None]) -> list[str] | None:
    """A group's free texts in a fixed order that says nothing about who wrote when (sorted),
    or None when fewer than `MIN_GROUP` wrote one."""
    given = sorted(t for t in texts if t)
    return given if may_show(len(given)) else None
