"""Whatever people type, the exports give it back unchanged (property-based, with hypothesis)."""

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from forsamling.outputs.spreadsheets import neutralised, to_csv, to_xlsx

# Printable text as typed in a form, with the Danish letters, separators, quotes and breaks.
typed = st.text(
    alphabet=st.sampled_from("abcxyzÆØÅæøåéü ;,\"'\n\t-–.0123456789=+@"), min_size=0, max_size=30
).map(lambda text: text.replace("\r", ""))
tables = st.lists(st.lists(typed, min_size=3, max_size=3), max_size=8)


@settings(max_examples=60, deadline=None)
@given(tables)
def test_csv_round_trips_any_typed_text(rows):
    body = to_csv(["A", "B", "C"], rows)
    back = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert back == [["A", "B", "C"], *([neutralised(v) for v in row] for row in rows)]


@settings(max_examples=30, deadline=None)
@given(tables)
def test_xlsx_round_trips_any_typed_text(rows):
    sheet = load_workbook(io.BytesIO(to_xlsx("T", ["A", "B", "C"], rows))).active
    back = [[value or "" for value in row] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert back == rows
