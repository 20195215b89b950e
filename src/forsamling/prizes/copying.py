"""The prize's part of next year's copy (`registration.copying`): its settings and criteria,
with the windows moved like the edition's dates and the award pointing at the copied
programme item. Not the year's theme, nominations, jurors, winner or publishing: they belong
to one year."""

from __future__ import annotations

from forsamling.conferences.models import Edition
from forsamling.prizes.models import Criterion, Prize
from forsamling.registration.copying import Copied


def copy_prize(source: Edition, copy: Edition, copied: Copied) -> None:
    prize = Prize.objects.filter(edition=source).first()
    if prize is None:
        return
    award = copied.items.get(prize.award_item_id) if prize.award_item_id else None
    new = Prize.objects.create(
        edition=copy,
        name=prize.name,
        description=prize.description,
        nominations_open_at=copied.moved(prize.nominations_open_at),
        nominations_close_at=copied.moved(prize.nominations_close_at),
        jury_deadline=copied.moved(prize.jury_deadline),
        award_item=award,
        combine=prize.combine,
        blind=prize.blind,
    )
    Criterion.objects.bulk_create(
        Criterion(prize=new, order=c.order, title=c.title, text=c.text, weight=c.weight)
        for c in prize.criteria.all()
    )
