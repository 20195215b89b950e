"""KL's figures for an edition, counted from plain rows: who came and from where, how fast
they registered, who was checked in, what was invoiced and how the sessions did.

Everything here is a count over values that survive the personal-data deletion (category,
organisation, registration and check-in times, statuses), so the figures are the same
before and after an edition is anonymised.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from forsamling.domain.surveys import MIN_GROUP

# Each of the 98 municipalities (2007 structural reform) and its region.
_REGIONS: dict[str, tuple[str, ...]] = {
    "Region Hovedstaden": (
        "Albertslund", "Allerød", "Ballerup", "Bornholm", "Brøndby", "Dragør", "Egedal",
        "Fredensborg", "Frederiksberg", "Frederikssund", "Furesø", "Gentofte", "Gladsaxe",
        "Glostrup", "Gribskov", "Halsnæs", "Helsingør", "Herlev", "Hillerød", "Hvidovre",
        "Høje-Taastrup", "Hørsholm", "Ishøj", "København", "Lyngby-Taarbæk", "Rudersdal",
        "Rødovre", "Tårnby", "Vallensbæk",
    ),
    "Region Sjælland": (
        "Faxe", "Greve", "Guldborgsund", "Holbæk", "Kalundborg", "Køge", "Lejre", "Lolland",
        "Næstved", "Odsherred", "Ringsted", "Roskilde", "Slagelse", "Solrød", "Sorø", "Stevns",
        "Vordingborg",
    ),
    "Region Syddanmark": (
        "Assens", "Billund", "Esbjerg", "Fanø", "Fredericia", "Faaborg-Midtfyn", "Haderslev",
        "Kerteminde", "Kolding", "Langeland", "Middelfart", "Nordfyns", "Nyborg", "Odense",
        "Svendborg", "Sønderborg", "Tønder", "Varde", "Vejen", "Vejle", "Ærø", "Aabenraa",
    ),
    "Region Midtjylland": (
        "Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig",
        "Norddjurs", "Odder", "Randers", "Ringkøbing-Skjern", "Samsø", "Silkeborg",
        "Skanderborg", "Skive", "Struer", "Syddjurs", "Viborg", "Aarhus",
    ),
    "Region Nordjylland": (
        "Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord",
        "Morsø", "Rebild", "Thisted", "Vesthimmerland", "Aalborg",
    ),
}  # fmt: skip
REGIONS: tuple[str, ...] = tuple(_REGIONS)
REGION_OF: dict[str, str] = {m: region for region, ms in _REGIONS.items() for m in ms}
MUNICIPALITY_COUNT = len(REGION_OF)  # 98

_SUFFIX = re.compile(r"\s+(kommune|regionskommune)$")


def _key(text: str) -> str:
    head = re.split(r",| - | – ", text, maxsplit=1)[0]
    return " ".join(head.split()).casefold()


_BY_KEY: dict[str, str] = {m.casefold(): m for m in REGION_OF} | {"bornholms": "Bornholm"}


def municipality_of(organisation: str) -> str | None:
    """The municipality an organisation names: 'Vejle Kommune, Børn og Unge', 'vejle' and
    'Bornholms Regionskommune' are Vejle and Bornholm; 'KL' and 'Region Sjælland' none."""
    key = _SUFFIX.sub("", _key(organisation))
    return _BY_KEY.get(key)


def region_named(organisation: str) -> str | None:
    """The region an organisation is itself ('Region Sjælland, Sygehus Syd'), if any."""
    key = _key(organisation)
    return next((r for r in REGIONS if r.casefold() == key), None)


@dataclass(frozen=True)
class RegionLine:
    region: str
    municipalities: int  # how many of the region's municipalities came
    of: int  # how many municipalities the region has
    participants: int  # from those municipalities
    from_region: int  # from the region itself (its hospitals, its offices)


@dataclass(frozen=True)
class Coverage:
    municipalities: int  # of the 98 represented
    regions: int  # of the 5 with at least one participant (its own or its municipalities')
    by_region: tuple[RegionLine, ...]
    by_municipality: tuple[tuple[str, int], ...]  # most participants first
    other: int  # participants from neither a municipality nor a region


def coverage(organisations: Iterable[str]) -> Coverage:
    """Who came from where: one organisation per active participant."""
    municipalities: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    other = 0
    for organisation in organisations:
        if (m := municipality_of(organisation)) is not None:
            municipalities[m] += 1
        elif (r := region_named(organisation)) is not None:
            regions[r] += 1
        else:
            other += 1
    lines = []
    for region, members in _REGIONS.items():
        came = [m for m in members if municipalities[m]]
        lines.append(
            RegionLine(
                region=region,
                municipalities=len(came),
                of=len(members),
                participants=sum(municipalities[m] for m in came),
                from_region=regions[region],
            )
        )
    return Coverage(
        municipalities=len(municipalities),
        regions=sum(1 for line in lines if line.participants or line.from_region),
        by_region=tuple(lines),
        by_municipality=tuple(sorted(municipalities.items(), key=lambda p: (-p[1], p[0]))),
        other=other,
    )


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def grouped(texts: Iterable[str]) -> list[tuple[str, int]]:
    """Free texts counted regardless of case and spacing, most first; empty ones left out.
    Each is spelt the same whatever the order of the rows (the first of its spellings)."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for raw in texts:
        text = " ".join(raw.split())
        if not text:
            continue
        key = text.casefold()
        spelling[key] = min(spelling.get(key, "\uffff"), _capitalised(text))
        counts[key] += 1
    return sorted(((spelling[k], n) for k, n in counts.items()), key=lambda p: (-p[1], p[0]))


def added(*counts: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """Several (name, count) lists summed by name (case-insensitive), most first."""
    total: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for rows in counts:
        for name, n in rows:
            text = " ".join(name.split())
            key = text.casefold()
            spelling[key] = min(spelling.get(key, "\uffff"), _capitalised(text))
            total[key] += n
    return sorted(((spelling[k], n) for k, n in total.items() if n), key=lambda p: (-p[1], p[0]))


@dataclass(frozen=True)
class Rush:
    """Registrations from the opening minute: the running total at the end of each of the
    first 60 minutes, then the running total at the end of each day."""

    opened_at: datetime | None
    first_hour: tuple[int, ...]  # 60 running totals, minute 1..60
    per_day: tuple[tuple[date, int], ...]  # running totals per local day
    total: int


def rush(created: Iterable[datetime], opened_at: datetime | None, zone: tzinfo) -> Rush:
    """The rush curve. Without an opening time the first registration opens it; anything
    registered before the opening (by staff) counts at the opening minute."""
    times = sorted(created)
    if not times:
        return Rush(opened_at, tuple([0] * 60), (), 0)
    start = opened_at or times[0]
    per_minute = [0] * 60
    per_day: Counter[date] = Counter()
    for at in times:
        minute = max(int((at - start) // timedelta(minutes=1)), 0)
        if minute < 60:
            per_minute[minute] += 1
        per_day[at.astimezone(zone).date()] += 1
    running, first_hour = 0, []
    for n in per_minute:
        running += n
        first_hour.append(running)
    running, days = 0, []
    for day in sorted(per_day):
        running += per_day[day]
        days.append((day, running))
    return Rush(start, tuple(first_hour), tuple(days), len(times))


def rating(points: Sequence[int]) -> float | None:
    """The mean of a session's scale answers, one decimal; None for fewer than five."""
    if len(points) < MIN_GROUP:
        return None
    return round(sum(points) / len(points), 1)


def share(part: int, whole: int) -> int | None:
    """Whole percent, None of nothing."""
    return round(100 * part / whole) if whole else None


@dataclass(frozen=True)
class Committees:
    named: tuple[tuple[str, int], ...]  # committees named by at least five, most first
    other: int  # participants of committees named by fewer than five (never shown by name)


def committees(counted: Iterable[tuple[str, int]], other: int = 0) -> Committees:
    """Committees are typed freely, so a rare one may point to a person (or be a name): one
    named by fewer than `MIN_GROUP` is counted among the others, as the survey's results do."""
    rows = list(counted)
    return Committees(
        named=tuple((name, n) for name, n in rows if n >= MIN_GROUP),
        other=other + sum(n for _, n in rows if n < MIN_GROUP),
    )


def committee_key(text: str) -> str:
    return " ".join(text.split()).casefold()
