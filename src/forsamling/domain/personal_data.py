"""How an app declares the personal data its models hold: plain values, no Django.

Each data app lists its declarations in its own `personal_data.py` (`PERSONAL_DATA`); the
privacy app collects them when it starts (`forsamling.privacy.registry`) and uses the same
list to erase a person, to export everything held about them, and to run the retention. A
test fails when a model with personal-looking fields is not declared, so a new store of
personal data cannot be forgotten by erasure or export.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Erasure(StrEnum):
    """What an erasure does to the person's rows of a model."""

    DELETE = "delete"  # the rows go (and their files)
    ANONYMISE = "anonymise"  # the declared fields are emptied; the row stays for the figures
    KEEP_MINIMISED = "keep_minimised"  # kept for a stated reason, minimised, gone on its date


@dataclass(frozen=True)
class Declaration:
    """One model's personal data.

    `model` is the model's label ("prizes.Nomination"); `fields` the fields that hold personal
    data. A person's rows are those whose `by_email` fields equal one of their addresses, whose
    `by_registration` fields point at one of their registrations, or whose `contains` fields
    mention one of their addresses (a log line "Name <e-mail>"); `contains` fields are
    redacted rather than emptied. `reason` says why a kept model is kept; `exported` whether
    the rows go into the person's export, under `title` (else the model's Danish name).
    """

    model: str
    fields: tuple[str, ...]
    erasure: Erasure
    reason: str = ""
    by_email: tuple[str, ...] = ()
    by_registration: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    exported: bool = True
    title: str = ""  # the export's name for the rows, if the model's own is not Danish
    shown: tuple[str, ...] = ()  # shown in the export beside the fields, for context only

    def __post_init__(self) -> None:
        if self.erasure == Erasure.KEEP_MINIMISED and not self.reason:
            raise ValueError(f"{self.model}: a kept model needs its reason")
        if not (self.by_email or self.by_registration or self.contains) and (
            self.erasure != Erasure.KEEP_MINIMISED
        ):
            raise ValueError(f"{self.model}: say how a person's rows are found")


@dataclass(frozen=True)
class LogDeclaration:
    """A logger whose lines the application writes, and the personal data they may hold.

    Log lines go to standard error and on to the operator's log system, not to the database:
    an erasure cannot reach them, and every line passes the filter that replaces e-mail
    addresses and private tokens (`privacy.logfilter`). So each logger says what is left in
    its lines (`holds`, empty when nothing personal) and why it is logged (`reason`); the
    operator keeps the log system's lines no longer than `kept` says. Each app declares its
    loggers in its `personal_data.py` (`LOGS`); a logger covers its children
    ("forsamling.registration" covers "forsamling.registration.push").
    """

    logger: str
    holds: tuple[str, ...]
    reason: str
    kept: str = "as long as the operator's log system keeps application logs (30 days advised)"

    def covers(self, name: str) -> bool:
        return name == self.logger or name.startswith(self.logger + ".")
