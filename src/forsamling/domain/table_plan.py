"""The dinner's table plan: seating guests at tables by organisation, as plain Python.

Colleagues sit together: each organisation's guests go to one table where one has room for
all of them, the fullest such table first (best fit, so large tables stay free for large
groups); an organisation too large for any table's free seats is split over the tables with
the most free seats, so it sits at as few tables as it can. Guests an organiser placed by
hand keep their seats. The result depends only on who and which tables, not their order:
the same guests and tables always give the same plan.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Guest:
    key: int  # the registration's id
    organisation: str


@dataclass(frozen=True)
class Table:
    number: int
    seats: int


class TablesTooSmall(Exception):
    """More guests than free seats at the tables."""

    def __init__(self, guests: int, seats: int) -> None:
        super().__init__(f"{guests} guests, {seats} free seats")
        self.guests = guests
        self.seats = seats


def organisation_key(organisation: str) -> str:
    """ "Aalborg Kommune" and " aalborg kommune" are one organisation."""
    return " ".join(organisation.split()).casefold()


def seat_by_organisation(
    guests: Iterable[Guest], tables: Iterable[Table], placed: Mapping[int, int] | None = None
) -> dict[int, int]:
    """{guest key: table number} for every guest, those in `placed` (guest key: table number,
    by hand) where they are. Raises TablesTooSmall when the guests outnumber the seats, and
    ValueError for a hand placement at a table that is not there or is over its size."""
    placed = dict(placed or {})
    tables = sorted(tables, key=lambda table: table.number)
    sizes = {table.number: table.seats for table in tables}
    everyone = sorted(
        set(guests), key=lambda guest: (organisation_key(guest.organisation), guest.key)
    )
    at_table = Counter(number for key, number in placed.items())
    for number, count in at_table.items():
        if number not in sizes or count > sizes[number]:
            raise ValueError(f"Table {number} is not there or has too few seats for its guests")
    free = {number: sizes[number] - at_table[number] for number in sizes}
    waiting = [guest for guest in everyone if guest.key not in placed]
    if len(waiting) > sum(free.values()):
        raise TablesTooSmall(len(waiting), sum(free.values()))
    groups: dict[str, list[Guest]] = defaultdict(list)
    for guest in waiting:
        groups[organisation_key(guest.organisation)].append(guest)
    # Largest organisations first; ties by name, so the order never depends on the input's.
    for _name, members in sorted(groups.items(), key=lambda group: (-len(group[1]), group[0])):
        fitting = [number for number in free if free[number] >= len(members)]
        if fitting:
            # Best fit: the table with the fewest free seats that still takes them all.
            number = min(fitting, key=lambda n: (free[n], n))
            for guest in members:
                placed[guest.key] = number
            free[number] -= len(members)
            continue
        rest = list(members)
        while rest:
            number = max(free, key=lambda n: (free[n], -n))  # the most free seats, lowest number
            take, rest = rest[: free[number]], rest[free[number] :]
            for guest in take:
                placed[guest.key] = number
            free[number] -= len(take)
    return placed
