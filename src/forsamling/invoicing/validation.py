"""Checks an invoice file against the official rules: the UBL 2.1 schema, then the CEN
EN16931 and Peppol BIS Billing 3.0 schematrons (or, for OIOUBL, its own schematron).

The rules are pinned copies in `rules/` (see its README). The schematrons are compiled once
per process (Saxon-HE for the XSLT 2.0 Peppol and CEN rules, lxml for XSLT 1.0 OIOUBL) and
then take milliseconds per file.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

RULES = Path(__file__).resolve().parent / "rules"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE_NS = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
PEPPOL_RULE_SETS = ("CEN-EN16931-UBL", "PEPPOL-EN16931-UBL")


@dataclass(frozen=True)
class Finding:
    rule: str
    text: str
    location: str = ""


@dataclass
class Report:
    """What the rules said: `errors` (schema errors and fatal asserts) and `warnings`."""

    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def __str__(self) -> str:
        return "\n".join(f"{f.rule}: {f.text} ({f.location})" for f in self.errors)


class InvalidInvoiceFile(ValueError):
    def __init__(self, report: Report) -> None:
        super().__init__(str(report))
        self.report = report


@cache
def _schema(document: str) -> etree.XMLSchema:
    return etree.XMLSchema(
        etree.parse(str(RULES / "ubl-2.1" / "maindoc" / f"UBL-{document}-2.1.xsd"))
    )


def check_schema(xml: bytes) -> list[Finding]:
    root = etree.fromstring(xml)
    document = {INVOICE_NS: "Invoice", CREDIT_NOTE_NS: "CreditNote"}.get(
        etree.QName(root).namespace
    )
    if document is None:
        return [Finding("UBL", f"Not a UBL Invoice or CreditNote: {root.tag}")]
    schema = _schema(document)
    if schema.validate(etree.ElementTree(root)):
        return []
    return [Finding("UBL-2.1-XSD", e.message, f"line {e.line}") for e in schema.error_log]


class _Saxon:
    """One Saxon processor and the compiled Peppol and CEN rules, shared by the process.

    Saxon-HE's Python API is not documented as thread-safe: runs are serialised by a lock.
    """

    def __init__(self) -> None:
        from saxonche import PySaxonProcessor

        self.lock = threading.Lock()
        self.processor = PySaxonProcessor(license=False)
        compiler = self.processor.new_xslt30_processor()
        self.executables: dict[str, Any] = {
            name: compiler.compile_stylesheet(stylesheet_file=str(RULES / "peppol" / f"{name}.xsl"))
            for name in PEPPOL_RULE_SETS
        }

    def run(self, xml: bytes) -> list[bytes]:
        with self.lock:
            node = self.processor.parse_xml(xml_text=xml.decode("utf-8"))
            return [
                executable.transform_to_string(xdm_node=node).encode("utf-8")
                for executable in self.executables.values()
            ]


@cache
def _saxon() -> _Saxon:
    return _Saxon()


def check_peppol(xml: bytes) -> Report:
    """The UBL 2.1 schema, then the CEN and Peppol rules: fatal asserts are errors."""
    report = Report(errors=check_schema(xml))
    for svrl in _saxon().run(xml):
        for failed in etree.fromstring(svrl).iter(f"{SVRL}failed-assert"):
            text = " ".join(failed.findtext(f"{SVRL}text", default="").split())
            finding = Finding(failed.get("id", "?"), text, failed.get("location", ""))
            if failed.get("flag") == "fatal":
                report.errors.append(finding)
            else:
                report.warnings.append(finding)
    return report


@cache
def _oioubl(document: str) -> etree.XSLT:
    return etree.XSLT(etree.parse(str(RULES / "oioubl" / f"OIOUBL_{document}_Schematron.xsl")))


def check_oioubl(xml: bytes) -> Report:
    """The UBL 2.1 schema, then the OIOUBL 2.1 schematron: every `Error` is an error."""
    report = Report(errors=check_schema(xml))
    if report.errors:
        return report  # the OIOUBL stylesheets presume a schema-valid file
    root = etree.fromstring(xml)
    document = "Invoice" if etree.QName(root).namespace == INVOICE_NS else "CreditNote"
    result = _oioubl(document)(etree.ElementTree(root)).getroot()
    for error in result.iter("Error"):
        description = " ".join((error.findtext("Description") or "").split())
        rule = description[1:].split("]")[0] if description.startswith("[") else "OIOUBL"
        report.errors.append(Finding(rule, description, error.findtext("Xpath") or ""))
    return report


def require_valid(report: Report) -> None:
    if not report.ok:
        raise InvalidInvoiceFile(report)
