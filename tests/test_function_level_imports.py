"""The project's modules are imported at the top of a module, not inside a function.

An import hidden in a function body hides a dependency (often a circle between two modules)
from the reader and from import-linter's view of the layers. Where one is needed, a comment on
its line or the line above says why. Not counted: imports for annotations only (under
`if TYPE_CHECKING:`), an AppConfig's `ready()` (where Django wants them), and migrations
(which must not import the app's code when they are loaded).
"""

import ast
import io
import tokenize
from pathlib import Path

import forsamling

SRC = Path(forsamling.__file__).parent
PROJECT = "forsamling"


def _is_project_import(node: ast.Import | ast.ImportFrom) -> bool:
    if isinstance(node, ast.ImportFrom):
        module = node.module or ""
        return node.level > 0 or module == PROJECT or module.startswith(PROJECT + ".")
    return any(
        alias.name == PROJECT or alias.name.startswith(PROJECT + ".") for alias in node.names
    )


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _comment_lines(source: str) -> tuple[set[int], set[int]]:
    """Lines with a comment, and the lines that hold nothing but one."""
    anywhere, alone = set(), set()
    lines = source.splitlines()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            row = token.start[0]
            anywhere.add(row)
            if lines[row - 1].strip().startswith("#"):
                alone.add(row)
    return anywhere, alone


def unexplained_imports(source: str, *, apps_module: bool = False) -> list[int]:
    """Lines of the imports of the project's modules inside a function that no comment
    explains (on the import's own lines, or on a comment line right above it)."""
    tree = ast.parse(source)
    anywhere, alone = _comment_lines(source)
    found: list[int] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child, in_function)
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            if apps_module and node.name == "ready":
                return
            in_function = True
        if isinstance(node, ast.Import | ast.ImportFrom):
            own_lines = range(node.lineno, (node.end_lineno or node.lineno) + 1)
            explained = any(line in anywhere for line in own_lines) or node.lineno - 1 in alone
            if in_function and _is_project_import(node) and not explained:
                found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, in_function)

    visit(tree, False)
    return found


def test_no_unexplained_function_level_import_of_the_projects_modules():
    offenders = [
        f"{path.relative_to(SRC)}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        if "migrations" not in path.relative_to(SRC).parts
        for line in unexplained_imports(path.read_text(), apps_module=path.name == "apps.py")
    ]
    assert offenders == []


def test_the_check_finds_an_unexplained_import():
    """The check itself can fail: an import inside a function (or a method, or a nested
    function) is found unless a comment explains it; the exempt places are not."""
    source = """\
from forsamling.outbox import sending
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from forsamling.registration.models import Registration


def queue():
    from forsamling.outbox.sending import queue

    import forsamling.privacy.scheduling
    from django.db import transaction
    from . import models
    text = "# not a comment"; from forsamling.outbox import models

    # The privacy app sits above this one.
    from forsamling.privacy import consents
    from forsamling.invoicing import sending  # the services import this module

    if TYPE_CHECKING:
        from forsamling.registration.models import Registration

    def inner():
        from forsamling.conferences.models import (
            Edition,
        )


class Config:
    def ready(self):
        from forsamling.privacy import consents
"""
    assert unexplained_imports(source) == [9, 11, 13, 14, 24, 31]
    assert unexplained_imports(source, apps_module=True) == [9, 11, 13, 14, 24]
    # A comment at the end of an unrelated line above explains nothing.
    assert unexplained_imports("def f():\n    x = 1  # one\n    from forsamling import x\n") == [3]
