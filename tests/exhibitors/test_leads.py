"""Lead scanning: only consenting visitors become leads, once, and a withdrawn consent
hides them; the leads go with the person (erasure, export, retention)."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from forsamling.checkin.tokens import badge_code
from forsamling.domain import leads as rules
from forsamling.exhibitors import leads
from forsamling.exhibitors.models import Lead
from forsamling.outputs.badges import checkin_url
from forsamling.privacy import consents, services
from forsamling.privacy.anonymise import anonymise_edition
from forsamling.registration.models import ConsentRecord, Purpose
from forsamling.registration.services import cancel_registration

pytestmark = pytest.mark.django_db


def test_check_scan_refuses_an_unknown_badge_before_asking_for_consent():
    with pytest.raises(rules.UnknownBadge):
        rules.check_scan(found=False, same_edition=False, active=False, consented=False)
    with pytest.raises(rules.UnknownBadge):
        rules.check_scan(found=True, same_edition=False, active=True, consented=True)
    with pytest.raises(rules.UnknownBadge):
        rules.check_scan(found=True, same_edition=True, active=False, consented=True)
    with pytest.raises(rules.NoConsent):
        rules.check_scan(found=True, same_edition=True, active=True, consented=False)
    rules.check_scan(found=True, same_edition=True, active=True, consented=True)


def test_record_lead_stores_a_consenting_visitor_from_the_badge_qr_url(fair):
    scan = leads.record_lead(
        exhibitor=fair.exhibitor, code=checkin_url(fair.edition, fair.ida.pk), note="Demo"
    )
    assert scan.created
    lead = Lead.objects.get()
    assert (lead.exhibitor, lead.registration, lead.note) == (fair.exhibitor, fair.ida, "Demo")
    assert lead.scanned_at is not None


def test_record_lead_refuses_a_visitor_without_consent_and_stores_nothing(fair):
    with pytest.raises(rules.NoConsent):
        leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.ole.pk))
    assert not Lead.objects.exists()


def test_record_lead_twice_stores_once_and_keeps_the_first_time(fair):
    first = leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.ida.pk))
    second = leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.ida.pk), note="Ny")
    assert first.created and not second.created
    lead = Lead.objects.get()
    assert lead.scanned_at == first.lead.scanned_at
    assert lead.note == "Ny"


def test_each_exhibitor_has_its_own_lead_of_the_same_visitor(fair):
    leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.ida.pk))
    leads.record_lead(exhibitor=fair.other_exhibitor, code=badge_code(fair.ida.pk))
    assert Lead.objects.count() == 2


@pytest.mark.parametrize("code", ["", "1234", "kode=12-0000000000000000", "' OR 1=1 --"])
def test_record_lead_refuses_codes_that_are_not_genuine(fair, code):
    with pytest.raises(rules.UnknownBadge):
        leads.record_lead(exhibitor=fair.exhibitor, code=code)
    forged = f"{fair.ida.pk}-{'0' * 16}"
    with pytest.raises(rules.UnknownBadge):
        leads.record_lead(exhibitor=fair.exhibitor, code=forged)


def test_record_lead_refuses_another_editions_badge_and_a_cancelled_one(fair):
    with pytest.raises(rules.UnknownBadge):
        leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.vera.pk))
    cancel_registration(registration=fair.ida)
    with pytest.raises(rules.UnknownBadge):
        leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.ida.pk))
    assert not Lead.objects.exists()


def test_a_withdrawn_consent_takes_the_visitor_off_the_list_and_out_of_the_files(fair):
    leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.ida.pk))
    assert [lead.registration for lead in leads.shared_leads(fair.exhibitor)] == [fair.ida]
    assert "ida@example.dk" in leads.leads_csv(fair.exhibitor).decode("utf-8-sig")
    consents.withdraw_consent(registration=fair.ida, purpose=Purpose.EXHIBITOR_LEADS)
    assert list(leads.shared_leads(fair.exhibitor)) == []
    assert "ida@example.dk" not in leads.leads_csv(fair.exhibitor).decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(leads.leads_xlsx(fair.exhibitor))).active
    assert sheet.max_row == 1  # the headers only
    # Given again, she is back: the scan itself was kept.
    consents.give_consent(registration=fair.ida, purpose=Purpose.EXHIBITOR_LEADS)
    assert leads.shared_leads(fair.exhibitor).count() == 1


def test_the_files_hold_name_organisation_title_email_time_and_note(fair):
    leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.ida.pk), note="Vil have demo")
    csv = leads.leads_csv(fair.exhibitor).decode("utf-8-sig").splitlines()
    assert csv[0] == "Navn;Organisation;Stilling;E-mail;Scannet;Note"
    assert csv[1].startswith("Ida Ærenfeldt;Aarhus Kommune;Socialchef;ida@example.dk;")
    assert csv[1].endswith(";Vil have demo")
    rows = list(load_workbook(io.BytesIO(leads.leads_xlsx(fair.exhibitor))).active.values)
    assert rows[0] == ("Navn", "Organisation", "Stilling", "E-mail", "Scannet", "Note")
    assert rows[1][:4] == ("Ida Ærenfeldt", "Aarhus Kommune", "Socialchef", "ida@example.dk")
    assert rows[1][5] == "Vil have demo"


def test_the_consent_is_recorded_with_its_wording_and_time(fair):
    record = ConsentRecord.objects.get(registration=fair.ida, purpose=Purpose.EXHIBITOR_LEADS)
    assert "Udstillere, hvis standpersonale scanner mit navneskilt" in record.wording
    assert record.given_at is not None and record.withdrawn_at is None


def test_the_lead_is_in_the_persons_export(fair):
    leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.ida.pk), note="Kaffe")
    export = services.export_of_registration(fair.ida)["registre"]
    assert "Scannet af udstillere" in str(export)
    assert "Kaffe" in str(export)


def test_an_erasure_deletes_the_persons_leads(fair):
    leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.ida.pk))
    leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.ida.pk))
    services.request_erasure(registration=fair.ida)
    assert not Lead.objects.filter(registration=fair.ida).exists()


def test_retention_deletes_the_editions_leads_with_its_other_personal_data(fair):
    leads.record_lead(exhibitor=fair.exhibitor, code=badge_code(fair.ida.pk))
    anonymise_edition(fair.edition, timezone.now())
    assert not Lead.objects.exists()
