"""Small draft programmes built with the real models, for tests that need a few rows."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from forsamling.conferences.models import Edition
from forsamling.programme.models import Day, Item, ItemSpeaker, Session, SessionSpeaker, Speaker
from forsamling.registration.sessions import create_session


def edition(slug: str = "2030", **fields: Any) -> Edition:
    values = {
        "year": 2030,
        "title": "KL’s Social- og Sundhedspolitiske Forum 2030",
        "start_date": date(2030, 5, 9),
        "end_date": date(2030, 5, 10),
        "venue": "Aalborg Kongres & Kultur Center",
        "city": "Aalborg",
    }
    values.update(fields)
    return Edition.objects.create(slug=slug, **values)


def day(of: Edition, on: date | None = None) -> Day:
    return Day.objects.create(edition=of, date=on or of.start_date)


def item(
    on: Day,
    title: str,
    start: str | None,
    end: str | None = None,
    *,
    kind: str = "talk",
    speakers: tuple[Speaker, ...] = (),
    **fields: Any,
) -> Item:
    created = Item.objects.create(
        edition=on.edition,
        day=on,
        kind=kind,
        title=title,
        starts_at=time.fromisoformat(start) if start else None,
        ends_at=time.fromisoformat(end) if end else None,
        **fields,
    )
    for order, speaker in enumerate(speakers):
        ItemSpeaker.objects.create(item=created, speaker=speaker, order=order)
    return created


def session(slot: Item, title: str, *, number: int | None = None, **fields: Any) -> Session:
    speakers = fields.pop("speakers", ())
    fields.setdefault("kind", "temamoede")
    created = create_session(slot=slot, title=title, number=number, **fields)
    for order, speaker in enumerate(speakers):
        SessionSpeaker.objects.create(session=created, speaker=speaker, order=order)
    return created


def speaker(name: str, title: str = "", organisation: str = "") -> Speaker:
    return Speaker.objects.create(name=name, title=title, organisation=organisation)


def long_programme(of: Edition, *, days: int, items_per_day: int) -> None:
    """A programme of theme blocks with talks and breakouts with sessions, of any length."""
    for offset in range(days):
        current = day(of, date.fromordinal(of.start_date.toordinal() + offset))
        for n in range(items_per_day):
            hour = 8 + n
            block = item(
                current, f"Blok {n}", f"{hour:02d}:00", f"{hour:02d}:30", kind="theme_block"
            )
            item(
                current,
                f"Oplæg {n}",
                f"{hour:02d}:00",
                f"{hour:02d}:30",
                parent=block,
                speakers=(speaker(f"Taler {offset}-{n}", "direktør", "KL"),),
            )
            slot = item(
                current, f"Break out {n}", f"{hour:02d}:30", f"{hour + 1:02d}:00", kind="breakout"
            )
            session(slot, f"Temamøde {n}", number=n, speakers=(speaker(f"Vært {offset}-{n}"),))
