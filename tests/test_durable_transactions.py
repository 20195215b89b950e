"""Services that start their own transaction say so: `transaction.atomic(durable=True)`.

A durable block raises if it is opened inside another one, so an entry point (called by a
view, a command, a task or the admin) can never silently join a caller's transaction and
commit with it, or not at all. The few blocks that are meant to join one are listed here with
the reason, and their functions' docstrings say so ("the caller's transaction").
"""

import ast
from pathlib import Path

import pytest
from django.db import transaction
from django.db.transaction import TransactionManagementError

import forsamling
from forsamling.domain.audit import SYSTEM
from forsamling.registration.services import fill_waiting_lists, fill_waiting_lists_in_transaction

SRC = Path(forsamling.__file__).parent

# module:function → why its transaction may join a caller's. Keep it short.
JOINS_THE_CALLERS = {
    "registration.services:register_participant": (
        "the core of every registration: alone for the public form and a walk-in; a savepoint "
        "in the transaction that counts an invitation code, books a group or names stand staff"
    ),
    "registration.sessions:create_session": "the demo loader makes a whole edition in one",
    "registration.seats:recount_places": "the admin saves a new capacity and recounts in one",
    "programme.services:publish_programme": "run by registration's publish_and_announce",
    "accounts.roles:grant_role": "the admin's role page and prize jury save inside theirs",
    "prizes.jury:add_juror": "the demo loader adds a prize's jury in one",
    "exhibitors.staff_registrations:register_stand_staff": (
        "a savepoint in add_stand_staff's transaction, which holds the exhibitor's lock"
    ),
    "checkin.services:_enter_conference": "a savepoint in record_event's transaction",
    "checkin.services:_enter_session": "a savepoint in record_event's transaction",
    "outbox.sending:queue": "a message exists exactly when the change that sends it does",
    "privacy.anonymise:anonymise_registrations": (
        "batches of their own for a whole edition; inside an erasure request's transaction"
    ),
    "privacy.scheduling:schedule_next_run": "called inside its migration's transaction",
    "surveys.services:erase_free_texts": "a step of the retention's transaction for the edition",
}


def _is_atomic(node: ast.expr) -> bool:
    """`transaction.atomic`, `atomic`, called or not (however it was imported)."""
    func = node.func if isinstance(node, ast.Call) else node
    return (isinstance(func, ast.Attribute) and func.attr == "atomic") or (
        isinstance(func, ast.Name) and func.id == "atomic"
    )


def _is_durable(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and any(
        keyword.arg == "durable"
        and isinstance(keyword.value, ast.Constant)
        and keyword.value.value is True
        for keyword in node.keywords
    )


def outermost_non_durable(tree: ast.AST) -> list[tuple[str, int]]:
    """(function, line) of each atomic block that is not durable and not nested in another
    atomic block of the same function (those are savepoints by construction)."""
    found: list[tuple[str, int]] = []

    def visit(node: ast.AST, function: str, inside: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function, inside = node.name, False
            for decorator in node.decorator_list:
                if _is_atomic(decorator):
                    if not _is_durable(decorator):
                        found.append((function, decorator.lineno))
                    inside = True
        elif isinstance(node, ast.With | ast.AsyncWith):
            blocks = [item.context_expr for item in node.items if _is_atomic(item.context_expr)]
            for block in blocks:
                if not inside and not _is_durable(block):
                    found.append((function, block.lineno))
            if blocks:
                for child in node.body:
                    visit(child, function, True)
                return
        for child in ast.iter_child_nodes(node):
            visit(child, function, inside)

    visit(tree, "<module>", False)
    return found


def _uses() -> dict[str, list[int]]:
    uses: dict[str, list[int]] = {}
    for path in sorted(SRC.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module = ".".join(path.relative_to(SRC).with_suffix("").parts)
        for function, line in outermost_non_durable(ast.parse(path.read_text(), str(path))):
            uses.setdefault(f"{module}:{function}", []).append(line)
    return uses


def _docstring(name: str) -> str:
    module, function = name.split(":")
    tree = ast.parse((SRC / Path(*module.split("."))).with_suffix(".py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == function:
            return ast.get_docstring(node) or ""
    return ""


def test_every_outermost_transaction_is_durable_or_says_why_not():
    unexplained = sorted(name for name in _uses() if name not in JOINS_THE_CALLERS)
    assert unexplained == [], (
        "Make these atomic(durable=True), or list them in JOINS_THE_CALLERS with the reason"
    )


def test_the_allow_list_names_only_what_is_there():
    assert sorted(set(JOINS_THE_CALLERS) - set(_uses())) == []


def test_each_allowed_function_says_it_joins_the_callers_transaction():
    silent = [n for n in JOINS_THE_CALLERS if "caller's transaction" not in _docstring(n)]
    assert silent == []


def test_the_scan_finds_a_non_durable_service():
    """The check itself can fail: a plain `atomic` as decorator or block is found; a durable
    one, and a savepoint inside a block of the same function, are not."""
    tree = ast.parse(
        "from django.db import transaction\n"
        "@transaction.atomic\n"
        "def a(): pass\n"
        "def b():\n"
        "    with transaction.atomic():\n"
        "        with transaction.atomic():\n"
        "            pass\n"
        "def c():\n"
        "    with transaction.atomic(durable=True):\n"
        "        with transaction.atomic():\n"
        "            pass\n"
        "@transaction.atomic(durable=True)\n"
        "def d(): pass\n"
        "def e():\n"
        "    with atomic(durable=False):\n"
        "        pass\n"
    )
    assert outermost_non_durable(tree) == [("a", 2), ("b", 5), ("e", 15)]
    assert "registration.services:register_participant" in _uses()


@pytest.mark.django_db(transaction=True)
def test_an_entry_point_refuses_to_join_and_a_step_refuses_to_run_alone():
    """Inside another transaction the durable entry point raises; alone, its step raises
    rather than commit its statements one by one; each works where it belongs."""
    with transaction.atomic():
        with pytest.raises(RuntimeError, match="durable"):
            fill_waiting_lists(sessions=[], actor=SYSTEM)
        assert fill_waiting_lists_in_transaction(sessions=[], actor=SYSTEM) == 0
    with pytest.raises(TransactionManagementError):
        fill_waiting_lists_in_transaction(sessions=[], actor=SYSTEM)
    assert fill_waiting_lists(sessions=[], actor=SYSTEM) == 0
