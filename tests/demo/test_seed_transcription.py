"""Check the demo edition JSON files against the seed documents they transcribe.

Plain pytest, no Django: the files are read as JSON and compared with the seed texts
in ``shared/seeds`` (next to the repository, or ``$FORSAMLING_SEEDS_DIR``). The
seed-comparing tests are skipped when the seeds are not available.
"""

import json
import os
import re
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = REPO / "src" / "forsamling" / "demo" / "seeds"
SEEDS_DIR = Path(os.environ.get("FORSAMLING_SEEDS_DIR", REPO.parent / "shared" / "seeds"))

YEARS = (2022, 2023, 2026)
SOURCES = {2022: "001", 2023: "003", 2026: "000"}

ITEM_KINDS = {
    "welcome",
    "talk",
    "theme_block",
    "break",
    "lunch",
    "walking_break",
    "breakout",
    "evening_event",
    "morning_song",
    "prize_nominees",
    "prize_award",
    "dialogue",
    "debate",
    "closing",
}
SESSION_KINDS = {"temamoede", "masterclass", "session", "assembly_house", "non_politician_breakout"}
AUDIENCES = {"everyone", "politicians", "non_politicians", "health_council"}
MOMENT_KINDS = {"closing", "evening_event"}

EDITION_KEYS = {
    "year",
    "title",
    "tagline",
    "start_date",
    "end_date",
    "venue",
    "city",
    "headline",
    "lead",
    "intro",
    "takeaways_heading",
    "takeaways",
    "themes_heading",
    "themes_intro",
    "closing",
    "programme_note",
    "programme_publish_at",
    "registration_opens_at",
    "exhibitors_open_at",
    "contact",
}
ITEM_KEYS = {
    "kind",
    "start",
    "end",
    "title",
    "description",
    "note",
    "track",
    "speakers",
    "speakers_suffix",
    "speaker_tba",
    "children",
    "sessions",
}
SESSION_KEYS = {
    "kind",
    "number",
    "title",
    "subtitle",
    "description",
    "audience",
    "meet_label",
    "speakers",
}
SPEAKER_KEYS = {"name", "title", "organisation"}

# Mid-word hyphens the 2023 PDF put inside words in its temamøde section.
PDF_MIDWORD = {
    "psy-kiatrien": "psykiatrien",
    "udvik-ling": "udvikling",
    "ud-dannelses-": "uddannelses-",
    "sæt-tes": "sættes",
    "Kø-benhavns": "Københavns",
    "Sund-hedsstyrelsen": "Sundhedsstyrelsen",
    "Forsknings-og": "Forsknings- og",
}

# Strings in the 2026 file that are not worded in seed 000 itself: the usual assembly
# houses (named as in the 2023 programme) and the new one for the health councils.
ALLOWED_2026 = {
    "KL’s Social- og Sundhedspolitiske Forum 2026",
    "Politisk forsamlingshus om sundhed og forebyggelse",
    "Politisk forsamlingshus om socialområdet",
    "Politisk forsamlingshus om ældreområdet",
    "Politisk forsamlingshus for sundhedsrådene",
}

# Every person, band or organisation seed 003 names as speaker, performer or "Mød:".
SPEAKERS_2023 = [
    "Christina Krzyrosiak Hansen",
    "Ulrik Wilbek",
    "Leif Vestergaard",
    "Susanne Ekman",
    "Ove Kaj Pedersen",
    "Mette Kierkgaard",
    "KL",
    "Kolind Balladeband",
    "Anne Görlich",
    "Søren Brostrøm",
    "Torben Tranæs",
    "Nina Smith",
    "David Erritzøe",
    "Mette Lindgaard",
    "Olga S. Struve",
    "Rune Vammen Lesner",
    "Pia Kürstein Kjellberg",
    "Repræsentant for KL’s sundheds- og ældreudvalg",
    "Anne Kaltoft",
    "Repræsentant for Gigtforeningen",
    "Flemming Møller Mortensen",
    "Kirsten Normann Andersen",
    "Bjørn Holstein",
    "Annemette Høgedal",
    "Maibritt Kuszon",
]

TEMAMOEDE_TITLES_2023 = {
    1: (
        "Tiårsplanen for psykiatrien og hjælpen der udeblev – "
        "hvordan omstiller vi socialpsykiatrien til fremtiden?"
    ),
    2: "Mødet med mennesker på kanten – hvordan løfter vi i flok?",
    3: "Små, faste teams i ældreplejen – hvordan?",
    4: "Hvordan behandler vi kronisk sygdom, når vi alle om lidt er kronisk syge?",
    5: "Børn og unges sundhed og trivsel – er der grænser for kommunens ansvar?",
    6: "2 mio. plus: hvad ved vi om de dyreste indsatser på socialområdet?",
    7: "Samspillet mellem kommunalpolitikere, embedsmænd og medier",
    8: "Afskaf al overflødig dokumentation?",
}

SESSION_TITLES_2022 = {
    1: "Fælles data er en del af svaret på kommunernes største udfordringer",
    2: "Hvordan kan I sætte strategisk fokus på folkesundheden i din kommune?",
    3: "Dør borgerne godt i din kommune?",
    4: "Man kan godt sparke røv, selvom man har brug for hjælp til at sparke",
    5: "10-års plan for psykiatrien – vil den flyve eller falde?",
    6: "Sex, drugs and rock’n’roll",
    7: "’Åben dialog’ rykker ved rollerne og samspillet mellem brugere og fagprofessionelle",
}


# --------------------------------------------------------------------------- helpers


def load(year):
    return json.loads((DATA_DIR / f"edition_{year}.json").read_text(encoding="utf-8"))


def seed_lines(year):
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed documents not found in {SEEDS_DIR}")
    path = next(SEEDS_DIR.glob(SOURCES[year] + "_*.txt"))
    return path.read_text(encoding="utf-8").split("\n")


def mend(lines):
    """Join lines with single spaces, mending the PDF's hyphenation."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and re.search(r"[^\W\d_]-$", out) and line[0].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    for broken, whole in PDF_MIDWORD.items():
        out = out.replace(broken, whole)
    return out


def seed_text(year):
    return mend(seed_lines(year))


def walk_items(items):
    for item in items:
        yield item
        yield from walk_items(item["children"])


def all_items(data):
    for day in data["days"]:
        yield from walk_items(day["items"])


def all_sessions(data):
    for item in all_items(data):
        yield from item["sessions"]


def all_speakers(data):
    for item in all_items(data):
        yield from item["speakers"]
    for session in all_sessions(data):
        yield from session["speakers"]
    if data.get("moderator"):
        yield data["moderator"]


def all_strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for value in obj.values():
            yield from all_strings(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from all_strings(value)


def text_strings(data):
    """The transcribed texts (not keys, dates, times or enum values)."""
    enum_keys = {
        "kind",
        "audience",
        "track",
        "key",
        "start",
        "end",
        "date",
        "source",
        "start_date",
        "end_date",
        "programme_publish_at",
        "registration_opens_at",
        "exhibitors_open_at",
    }

    def visit(obj):
        if isinstance(obj, dict):
            for key, value in obj.items():
                if key in enum_keys:
                    continue
                if isinstance(value, str):
                    yield value
                else:
                    yield from visit(value)
        elif isinstance(obj, list):
            for value in obj:
                yield from (visit(value) if not isinstance(value, str) else [value])

    yield from visit(data)


def hhmm(text):
    return None if text is None else tuple(int(x) for x in text.split(":"))


# --------------------------------------------------------------------------- structure


@pytest.mark.parametrize("year", YEARS)
def test_json_is_valid_and_complete(year):
    data = load(year)
    assert data["source"].startswith(SOURCES[year] + "_")
    assert set(data["edition"]) == EDITION_KEYS
    assert data["edition"]["year"] == year
    assert data["edition"]["start_date"].startswith(str(year))
    track_keys = {t["key"] for t in data["tracks"]}
    for item in all_items(data):
        assert set(item) == ITEM_KEYS, item["title"]
        assert item["kind"] in ITEM_KINDS, item
        assert item["track"] is None or item["track"] in track_keys
        assert isinstance(item["speaker_tba"], bool)
        assert item["title"]
        if item["sessions"]:
            assert item["kind"] == "breakout"
        for value in (item["start"], item["end"]):
            assert value is None or re.fullmatch(r"\d{2}:\d{2}", value), value
    for session in all_sessions(data):
        assert set(session) == SESSION_KEYS
        assert session["kind"] in SESSION_KINDS, session
        assert session["audience"] in AUDIENCES, session
        assert session["title"]
    for speaker in all_speakers(data):
        assert set(speaker) == SPEAKER_KEYS
        assert speaker["name"]


@pytest.mark.parametrize("year", YEARS)
def test_end_times_follow_the_format(year):
    """end = next item's start; last child = parent's end; closing/evening: null."""

    def check(items, parent_end):
        for i, item in enumerate(items):
            if item["start"] is None or item["kind"] in MOMENT_KINDS:
                expected = None
            else:
                following = [x["start"] for x in items[i + 1 :] if x["start"]]
                expected = following[0] if following else parent_end
            assert item["end"] == expected, (item["start"], item["title"])
            if item["start"] and item["end"]:
                assert hhmm(item["start"]) < hhmm(item["end"])
            check(item["children"], item["end"])
        starts = [hhmm(x["start"]) for x in items if x["start"]]
        assert starts == sorted(starts)

    for day in load(year)["days"]:
        check(day["items"], None)


@pytest.mark.parametrize("year", YEARS)
def test_no_hyphenation_artefacts(year):
    for text in all_strings(load(year)):
        assert "\n" not in text.replace("\n\n", ""), text
        assert "-\n" not in text
        assert text == text.strip(), repr(text)
        # "sta- tens": a word broken at a line end. Real compound dashes
        # ("Sundheds- og", "uddannelses-, beskæftigelses-, og") are followed by og/eller.
        assert not re.search(r"[^\W\d_]- +(?!og\b|eller\b)\w", text), text
        for broken in PDF_MIDWORD:
            if broken != "Forsknings-og":
                assert broken not in text


# --------------------------------------------------------------------------- against the seeds


@pytest.mark.parametrize("year", YEARS)
def test_every_text_is_the_seeds_wording(year):
    """Each transcribed string occurs in its seed (hyphenation mended)."""
    data = load(year)
    seed = seed_text(year).casefold()
    allowed = ALLOWED_2026 if year == 2026 else set()
    for text in text_strings(data):
        if text in allowed:
            continue
        for paragraph in text.split("\n\n"):
            assert paragraph.casefold() in seed, paragraph


def test_2023_every_programme_time_is_an_item_start():
    lines = seed_lines(2023)
    end = next(i for i, line in enumerate(lines) if "Information om temamøder" in line)
    timed = []
    for line in lines[:end]:
        m = re.match(r"\s*(\d{2})\.(\d{2}) (.*)$", line)
        if m:
            timed.append((f"{m.group(1)}:{m.group(2)}", m.group(3).strip()))
    data = load(2023)
    starts = Counter(item["start"] for item in all_items(data))
    assert starts == Counter(t for t, _ in timed)
    items = list(all_items(data))
    for start, title in timed:
        title = re.sub(r"^(Tema|TEMA): ", "", title)
        assert any(i["start"] == start and i["title"].startswith(title) for i in items), (
            start,
            title,
        )


def test_2023_programme():
    data = load(2023)
    edition = data["edition"]
    assert edition["tagline"] == "Vi tager ansvar for vores velfærd"
    assert edition["venue"] == "Aalborg Kongres & Kultur Center"
    assert edition["city"] == "Aalborg"
    assert (
        edition["programme_note"] == "Programmet opdateres løbende, næste gang i starten af marts"
    )
    assert data["moderator"] == {
        "name": "Lene Johansen",
        "title": "journalist",
        "organisation": None,
    }
    assert [d["date"] for d in data["days"]] == ["2023-05-11", "2023-05-12"]
    assert len(data["themes"]) == 5
    blocks = [i for i in all_items(data) if i["kind"] == "theme_block"]
    assert [b["title"] for b in blocks] == [t["title"] for t in data["themes"]]

    breaks = [i for i in all_items(data) if i["kind"] == "break"]
    assert len(breaks) == 3 and all(b["note"] == "Besøg standene" for b in breaks)
    kinds = Counter(i["kind"] for i in all_items(data))
    assert kinds["prize_nominees"] == 2 and kinds["prize_award"] == 1
    assert kinds["closing"] == 2 and kinds["walking_break"] == 1

    by_title = {i["title"]: i for i in all_items(data)}
    assert by_title["Set fra de unges perspektiv"]["speaker_tba"] is True
    dialogue = by_title["Dialog med salen"]
    assert dialogue["kind"] == "dialogue" and dialogue["speakers_suffix"] == "m.fl."
    assert dialogue["speakers"][0]["name"] == "Anne Görlich"
    debate = by_title["Frisættelse til debat"]
    assert debate["kind"] == "debate"
    assert [s["name"] for s in debate["speakers"]] == ["Mette Kierkgaard", "KL"]
    assert by_title["Morgensang"]["speakers"][0]["name"] == "Kolind Balladeband"

    houses = by_title["Break out: Visioner for fremtidens velfærd"]["sessions"]
    assert [s["kind"] for s in houses] == ["assembly_house"] * 3 + ["non_politician_breakout"]
    assert [s["audience"] for s in houses] == ["politicians"] * 3 + ["non_politicians"]
    assert houses[3]["subtitle"] == "Break out for ikke-kommunalpolitikere"


def test_2023_temamoeder():
    data = load(2023)
    breakout = next(i for i in all_items(data) if i["title"] == "Break out: Temamøder")
    assert breakout["start"] == "15:10"
    sessions = breakout["sessions"]
    assert {s["number"]: s["title"] for s in sessions} == TEMAMOEDE_TITLES_2023
    assert all(s["kind"] == "temamoede" and s["audience"] == "everyone" for s in sessions)
    assert all(s["description"] for s in sessions)
    assert [len(s["speakers"]) for s in sessions] == [1, 2, 1, 5, 2, 1, 0, 0]
    assert [s["meet_label"] for s in sessions] == [
        "Mød:",
        "Mød:",
        "Mød bl.a.",
        "Mød bl.a",
        "Mød bl.a.",
        "Mød:",
        None,
        None,
    ]

    # The titles as the seed's "Information om temamøder" section gives them.
    lines = seed_lines(2023)
    for number, title in TEMAMOEDE_TITLES_2023.items():
        i = next(k for k, line in enumerate(lines) if line.strip() == f"Temamøde {number}")
        j = next(k for k in range(i + 1, len(lines)) if not lines[k].strip())
        assert mend(lines[i + 1 : j]) == title


def test_2023_every_speaker_is_transcribed():
    data = load(2023)
    seed = seed_text(2023)
    names = {s["name"] for s in all_speakers(data)}
    for name in SPEAKERS_2023:
        assert name in seed, name
        assert name in names, name
    assert names == set(SPEAKERS_2023) | {"Lene Johansen"}
    # Name, title and organisation re-joined give the seed's own speaker line.
    for speaker in all_speakers(data):
        line = ", ".join(x for x in speaker.values() if x)
        if speaker["name"] == "Bjørn Holstein":  # the seed has "Bjørn Holstein. Professor ..."
            line = line.replace("Holstein, ", "Holstein. ", 1)
        assert line in seed, line


def test_2022_sessions_and_themes():
    data = load(2022)
    edition = data["edition"]
    assert (edition["start_date"], edition["end_date"]) == ("2022-05-24", "2022-05-25")
    assert edition["city"] is None and edition["venue"] is None
    assert edition["programme_publish_at"] == "2022-02-28"
    assert len(edition["intro"]) == 2
    assert len(data["themes"]) == 4
    [item] = [i for d in data["days"] for i in d["items"]]
    assert item["kind"] == "breakout" and item["title"] == "Valg af sessioner ved tilmeldingen"
    assert item["description"].startswith(
        "Som en del af programmet er det muligt at deltage på en session."
    )
    assert {s["number"]: s["title"] for s in item["sessions"]} == SESSION_TITLES_2022
    assert all(
        s["kind"] == "session" and s["audience"] == "everyone" and s["description"]
        for s in item["sessions"]
    )
    seed = seed_text(2022)
    for number, title in SESSION_TITLES_2022.items():
        assert f"{number}. {title}" in seed
    for theme in data["themes"]:
        assert f"– {theme['title']} {theme['description']}" in seed


def test_2026_landing_page():
    data = load(2026)
    edition = data["edition"]
    assert (edition["start_date"], edition["end_date"]) == ("2026-05-07", "2026-05-08")
    assert edition["city"] == "Aalborg" and edition["venue"] is None
    assert edition["registration_opens_at"] == "2026-02-25T10:00"
    assert edition["exhibitors_open_at"] == "2026-01-13"
    assert edition["headline"].startswith("Få et klart politisk overblik")
    assert edition["lead"].startswith("En ny valgperiode står for døren.")
    assert edition["intro"][0].startswith("FORUM er KL’s årlige samlingspunkt")
    assert len(edition["takeaways"]) == 5
    assert len(edition["themes_intro"]) == 4
    assert edition["closing"][-1] == "Vi glæder os til at se dig i Aalborg!"
    assert edition["contact"] == {
        "name": "Johanne Søe Nedergaard",
        "role": "Konsulent",
        "unit": "Sundhed & Ældre",
        "phone": "+45 3370 3152",
        "email": "josn@kl.dk",
    }
    assert {t["key"]: t["name"] for t in data["tracks"]} == {
        "social": "Den Socialpolitiske Sæson",
        "health": "Den Sundheds- og ældrepolitiske Sæson",
    }

    day1, day2 = data["days"]
    assert (day1["date"], day2["date"]) == ("2026-05-07", "2026-05-08")
    tracked = [i for i in day1["items"] if i["track"]]
    assert [(i["kind"], i["track"]) for i in tracked] == [
        ("theme_block", "social"),
        ("theme_block", "health"),
    ]
    sessions = [s for i in day1["items"] for s in i["sessions"]]
    assert Counter(s["audience"] for s in sessions if s["kind"] == "assembly_house") == {
        "politicians": 3,
        "health_council": 1,
    }
    health_house = next(s for s in sessions if s["audience"] == "health_council")
    assert "sundhedsrødder" in health_house["description"]
    assert [s["title"] for s in sessions if s["kind"] == "masterclass"] == [
        "Velfærdskriminalitet",
        "Psykiatri",
        "Udsatte børn og unge",
        "Faste teams i ældreplejen",
        "Civilsamfundets rolle i beredskabet",
    ]
    assert [i["kind"] for i in day2["items"]] == ["theme_block"]
    assert all(i["start"] is None for d in data["days"] for i in d["items"])
