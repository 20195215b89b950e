"""What the application imports is installed by the runtime lock, not only by the test one."""

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_top_level_modules() -> set[str]:
    modules = set()
    for path in (ROOT / "src").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules.add(node.module.split(".")[0])
    return modules - set(sys.stdlib_module_names) - {"forsamling", "__future__"}


def locked(requirements: str) -> set[str]:
    text = (ROOT / "requirements" / requirements).read_text(encoding="utf-8")
    return {m.lower().replace("_", "-") for m in re.findall(r"^([A-Za-z0-9_.-]+)==", text, re.M)}


def test_every_third_party_import_is_in_the_runtime_lock():
    """`scripts/demo` installs only requirements/base.txt: it must hold all the app imports."""
    distributions = packages_distributions()
    runtime = locked("base.txt")
    missing = {
        module: distributions.get(module)
        for module in imported_top_level_modules()
        if not any(d.lower().replace("_", "-") in runtime for d in distributions.get(module, []))
    }
    assert missing == {}
