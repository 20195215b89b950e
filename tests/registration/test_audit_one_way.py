"""One way to write an audit entry: `AuditEntry.record` (`forsamling.registration.models`),
and no other."""

import ast
from pathlib import Path

import forsamling

SRC = Path(forsamling.__file__).parent
THE_ONE = SRC / "registration" / "models.py"
WRITES = {"create", "bulk_create", "get_or_create", "update_or_create"}


def _writes_audit_entries(tree: ast.AST) -> list[int]:
    """Lines that make an AuditEntry other than through `AuditEntry.record`: `AuditEntry(...)` or
    `AuditEntry.objects.create(...)` (and its bulk and get-or kin)."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        constructed = isinstance(func, ast.Name) and func.id == "AuditEntry"
        if constructed or (
            isinstance(func, ast.Attribute)
            and func.attr in WRITES
            and isinstance(func.value, ast.Attribute)
            and func.value.attr == "objects"
            and isinstance(func.value.value, ast.Name)
            and func.value.value.id == "AuditEntry"
        ):
            lines.append(node.lineno)
    return lines


def test_only_the_audit_module_writes_audit_entries():
    offenders = [
        f"{path.relative_to(SRC)}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        if path != THE_ONE
        for line in _writes_audit_entries(ast.parse(path.read_text(), str(path)))
    ]
    assert offenders == []


def test_the_check_finds_a_direct_write():
    """The check itself can fail: a module that writes an entry directly is found."""
    tree = ast.parse("AuditEntry.objects.create(edition=e, actor='x', action='y')\nAuditEntry()")
    assert _writes_audit_entries(tree) == [1, 2]
    assert _writes_audit_entries(ast.parse(THE_ONE.read_text())) != []
