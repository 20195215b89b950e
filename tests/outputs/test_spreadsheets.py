"""CSV and XLSX as Danish Excel opens them, read back."""

import csv
import io

from openpyxl import load_workbook

from forsamling.outputs.spreadsheets import to_csv, to_xlsx

ROWS = [["Ægir Bøgh", "Ærø; Kommune", 'Siger "hej"'], ["Åse Ørum", "Aabenraa", "Linje\nto"]]


def test_csv_has_a_bom_semicolons_and_crlf():
    body = to_csv(["Navn", "Organisation", "Note"], ROWS)
    assert body.startswith("\ufeffNavn;Organisation;Note\r\n".encode())


def test_csv_quotes_what_needs_quoting_and_reads_back_intact():
    body = to_csv(["Navn", "Organisation", "Note"], ROWS)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[1:] == ROWS


def test_xlsx_reads_back_intact_with_a_bold_frozen_header():
    sheet = load_workbook(io.BytesIO(to_xlsx("Deltagere", ["Navn", "Org", "Note"], ROWS))).active
    assert sheet.title == "Deltagere"
    assert [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)] == ROWS
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"


def test_xlsx_sheet_titles_are_cut_to_excels_limit():
    sheet = load_workbook(io.BytesIO(to_xlsx("x" * 40, ["A"], []))).active
    assert sheet.title == "x" * 31


def test_csv_cells_that_look_like_formulas_are_neutralised():
    body = to_csv(["Navn"], [['=HYPERLINK("http://x")'], ["+45 33 70"], ["Bo"]])
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert rows[1:] == [['\'=HYPERLINK("http://x")'], ["'+45 33 70"], ["Bo"]]


def test_xlsx_stores_formula_like_text_as_text():
    sheet = load_workbook(io.BytesIO(to_xlsx("T", ["Navn"], [["=1+1"]]))).active
    assert sheet["A2"].value == "=1+1" and sheet["A2"].data_type == "s"
