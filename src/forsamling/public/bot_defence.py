"""How each public page that takes a POST holds bots off (the means are in `core.abuse`).

Anyone can open the pages in `PROOF_OF_WORK`: their forms create rows or send e-mail, so each
carries a proof of work (ALTCHA) for the abuse form named here, checked by the view before its
service call. A page with a private token in its address (a registration's, an exhibitor's
booking, a nomination's, a speaker's or a survey link) answers "not found" to anyone without
the token, which is checked before anything else: the secret is the defence, and such pages
carry no proof of work (a group's page does, as its secretary registers others there).

`PRIVATE_LINK` records the newer pages where that was decided on purpose, and why.
tests/public/test_bot_defence.py walks the public URLs: every page that takes a POST is in
`PROOF_OF_WORK` or behind a private token, so a new public form with neither fails the test.
"""

from __future__ import annotations

# URL name (namespace "public") → the abuse form (`core.abuse.FORMS`) whose proof it checks.
PROOF_OF_WORK = {
    "register": "register",
    "registration_resend": "resend",
    "registration_group_start": "group",
    "registration_group": "register",
    "prize_nominate": "nomination",
    "exhibitor_book": "exhibitor",
    "privacy_access": "data-access",
}

# URL name → why its form carries no proof of work.
PRIVATE_LINK = {
    "speaker_page": (
        "The organisers e-mail the link to the speaker they invited; only that speaker uses it."
    ),
    "survey": (
        "Each participant's own link from the survey's e-mail; one response per link, "
        "changed rather than added to."
    ),
    "exhibitor_leads": (
        "Stand staff scan badges all day on the exhibitor's booking link; a proof of work per "
        "scan would slow every scan, and a lead is stored only for a real badge's code."
    ),
}
