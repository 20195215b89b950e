"""The reference list of organisations a participant can pick, or type something else.

The 98 municipalities (since the 2007 structural reform), the 5 regions, KL and a few other
bodies that send participants. Kept as data here: it changes once a decade.
"""

from __future__ import annotations

from forsamling.domain.danish import danish_sorted

MUNICIPALITIES = [
    "Albertslund", "Allerød", "Assens", "Ballerup", "Billund", "Bornholm", "Brøndby",
    "Brønderslev", "Dragør", "Egedal", "Esbjerg", "Fanø", "Favrskov", "Faxe", "Fredensborg",
    "Fredericia", "Frederiksberg", "Frederikshavn", "Frederikssund", "Furesø", "Faaborg-Midtfyn",
    "Gentofte", "Gladsaxe", "Glostrup", "Greve", "Gribskov", "Guldborgsund", "Haderslev",
    "Halsnæs", "Hedensted", "Helsingør", "Herlev", "Herning", "Hillerød", "Hjørring",
    "Holbæk", "Holstebro", "Horsens", "Hvidovre", "Høje-Taastrup", "Hørsholm", "Ikast-Brande",
    "Ishøj", "Jammerbugt", "Kalundborg", "Kerteminde", "Kolding", "København", "Køge",
    "Langeland", "Lejre", "Lemvig", "Lolland", "Lyngby-Taarbæk", "Læsø", "Mariagerfjord",
    "Middelfart", "Morsø", "Norddjurs", "Nordfyns", "Nyborg", "Næstved", "Odder", "Odense",
    "Odsherred", "Randers", "Rebild", "Ringkøbing-Skjern", "Ringsted", "Roskilde", "Rudersdal",
    "Rødovre", "Samsø", "Silkeborg", "Skanderborg", "Skive", "Slagelse", "Solrød", "Sorø",
    "Stevns", "Struer", "Svendborg", "Syddjurs", "Sønderborg", "Thisted", "Tønder", "Tårnby",
    "Vallensbæk", "Varde", "Vejen", "Vejle", "Vesthimmerland", "Viborg", "Vordingborg",
    "Ærø", "Aabenraa", "Aalborg", "Aarhus",
]  # fmt: skip

REGIONS = [
    "Region Hovedstaden", "Region Sjælland", "Region Syddanmark",
    "Region Midtjylland", "Region Nordjylland",
]  # fmt: skip

OTHER_BODIES = [
    "KL", "Danske Regioner", "Indenrigs- og Sundhedsministeriet", "Social- og Boligministeriet",
    "Sundhedsstyrelsen", "Socialstyrelsen", "Danske Ældreråd", "Danske Handicaporganisationer",
]  # fmt: skip


def municipality_name(name: str) -> str:
    """'Aalborg Kommune'; Bornholm is a regional municipality."""
    if name == "Bornholm":
        return "Bornholms Regionskommune"
    return f"{name} Kommune"


def organisation_names() -> list[str]:
    """All reference names, municipalities first in Danish order, then regions and others."""
    municipalities = [municipality_name(name) for name in danish_sorted(MUNICIPALITIES)]
    return municipalities + REGIONS + OTHER_BODIES
