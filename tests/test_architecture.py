"""The shape of the code, checked: a one-way import graph, no Chinese words as branch
conditions outside the vocabulary, no XlsxWriter internals, a registry that says what it runs."""

import ast
import re

import pytest

from conftest import ROOT

PACKAGE = ROOT / "excel_eval"

# Every module in the order it may import: each imports only modules before it (or its own
# subpackage). layout → model → reader → scoring → checks → writers → runner/batch → cli.
ORDER = ["_version", "vocab", "text", "layout", "families", "parse", "model", "targets", "findings", "rules", "files", "ooxml", "package",
         "triage", "recalc", "forms", "reader", "schemes", "scoring", "checks", "pipeline", "privacy", "report_text", "review", "writer",
         "samples", "runner", "batch", "gui", "cli", "entry", "__main__", "__init__"]
VOCABULARY = {"vocab.py", "layout.py", "families.py"}  # where the Chinese words the code tests for are named
CJK = re.compile(r"[\u4e00-\u9fff]")


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        yield rel, ast.parse(path.read_text("utf-8"))


def unit(rel) -> str:
    """The unit of ORDER a file belongs to: `checks/budget.py` → checks, `writer.py` → writer."""
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def type_checking_blocks(tree) -> set[int]:
    return {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
            and getattr(node.test, "id", "") == "TYPE_CHECKING" for n in ast.walk(node)}


def imported_units(rel, tree):
    """(line, unit) of every import of the package's own modules, at any depth of the file
    (lazy imports inside functions count), except imports for type checkers only."""
    skip = type_checking_blocks(tree)
    depth = len(rel.parts) - 1  # a file in a subpackage: `..` is the package root
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if (node.module or "").startswith("excel_eval"):
                    parts = node.module.split(".")[1:]
                    yield node.lineno, parts[0] if parts else "__init__"
                continue
            up = node.level - 1
            if up > depth:
                continue
            base = list(rel.parts[:depth - up])
            target = base + (node.module.split(".") if node.module else [])
            if not target:  # `from . import layout, rules` at the root
                for alias in node.names:
                    yield node.lineno, alias.name
            else:
                yield node.lineno, target[0]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("excel_eval."):
                    yield node.lineno, alias.name.split(".")[1]


def test_every_module_has_its_place_in_the_order():
    assert {unit(rel) for rel, _ in modules()} == set(ORDER)


def test_the_import_graph_is_one_way():
    wrong = []
    for rel, tree in modules():
        here = ORDER.index(unit(rel))
        for line, target in imported_units(rel, tree):
            if target in ORDER and ORDER.index(target) > here:
                wrong.append(f"{rel}:{line} imports {target}")
    assert not wrong, wrong


def chinese(node) -> bool:
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and CJK.search(n.value)
               for n in ast.walk(node))


def test_no_chinese_word_is_a_branch_condition_outside_the_vocabulary():
    """Code compares enum members and named labels, never words typed inline."""
    found = []
    for rel, tree in modules():
        if rel.as_posix() in VOCABULARY:
            continue
        for node in ast.walk(tree):
            compared = isinstance(node, ast.Compare) and chinese(node)
            tested = isinstance(node, ast.Call) and getattr(node.func, "attr", "") in ("startswith", "endswith") \
                and chinese(node)
            if compared or tested:
                found.append(f"{rel}:{node.lineno}")
    assert not found, found


def test_no_xlsxwriter_internal_is_overridden():
    from xlsxwriter.chart import Chart
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

    internals = {name for cls in (Workbook, Worksheet, Chart) for name in dir(cls)
                 if name.startswith("_") and not name.startswith("__")}
    found = []
    for rel, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases} \
                    & {"Workbook", "Worksheet", "Chart"}:
                found.append(f"{rel}:{node.lineno} subclasses {node.name}")
            if isinstance(node, ast.FunctionDef) and node.name in internals:
                found.append(f"{rel}:{node.lineno} defines {node.name}")
            if isinstance(node, ast.Attribute) and node.attr in internals and node.attr != "__init__":
                found.append(f"{rel}:{node.lineno} uses {node.attr}")
    assert not found, found


# --- the registry ---------------------------------------------------------------------------------

def test_every_rule_is_emitted_by_a_declared_check_or_the_reader():
    from excel_eval.checks import ALL_CHECKS
    from excel_eval.reader import RULES as READER_RULES
    from excel_eval.rules import ALL_RULES

    declared = [r for c in ALL_CHECKS for r in c.rules] + list(READER_RULES)
    assert set(declared) == set(ALL_RULES), {r.code for r in set(ALL_RULES) - set(declared)}
    assert len({c.name for c in ALL_CHECKS}) == len(ALL_CHECKS)
    assert all(c.rules for c in ALL_CHECKS)


def test_each_declaration_names_the_rules_its_code_emits():
    """What a check's function (and the helpers it calls) refers to is what it declares."""
    from excel_eval.checks import ALL_CHECKS

    for check in ALL_CHECKS:
        source = (PACKAGE / "checks" / f"{check.name.split('.')[0]}.py").read_text("utf-8")
        tree = ast.parse(source)
        funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}

        def refers(name, seen=()):
            out = set()
            for n in ast.walk(funcs[name]):
                if isinstance(n, ast.Attribute) and getattr(n.value, "id", "") == "rules" and n.attr.isupper():
                    out.add(n.attr)
                if isinstance(n, ast.Name) and n.id in funcs and n.id not in seen and n.id != name:
                    out |= refers(n.id, (*seen, name))
            return out

        body = refers(check.run.__name__) - {r for d in funcs[check.run.__name__].decorator_list
                                              for r in (n.attr for n in ast.walk(d) if isinstance(n, ast.Attribute))}
        import excel_eval.rules as rules
        assert {getattr(rules, n) for n in body} <= set(check.rules), check.name


def test_every_message_placeholder_can_be_filled():
    """Each rule's message and hint name only fields its call sites can give: the shared
    `expected`/`actual`, or keywords passed where the rule is called."""
    from excel_eval.rules import ALL_RULES

    calls: dict[str, set[str]] = {}
    for rel, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and getattr(node.func.value, "id", "") == "rules" and node.func.attr.isupper():
                calls.setdefault(node.func.attr, set()).update(k.arg for k in node.keywords if k.arg)
    import excel_eval.rules as rules
    for rule in ALL_RULES:
        name = next(n for n in dir(rules) if getattr(rules, n) is rule)
        fields = set(re.findall(r"{(\w+)", rule.message + rule.hint)) - {"expected", "actual"}
        given = calls.get(name, set())
        passed_on = name in calls or any(isinstance(n, ast.Name) and n.id == name for _, t in modules()
                                         for n in ast.walk(t))
        assert passed_on, name
        if name in calls:
            assert fields <= given, (rule.code, fields - given)


@pytest.mark.parametrize("skip, only, fires", [("", "", True), ("B005", "", False), ("", "B005", True),
                                               ("", "B001", False)])
def test_skip_and_only_choose_what_is_reported_not_the_score(xlsx, skip, only, fires):
    from excel_eval import evaluate
    from conftest import BUDGET_ROWS, minimal

    rows = [list(r) for r in BUDGET_ROWS]
    rows[-1][1] = 31  # a 合计 that does not add up: B005
    path = xlsx(minimal(预算=rows))
    everything = evaluate(path)
    result = evaluate(path, skip=skip, only=only)
    assert ("B005" in [f.code for f in result.findings]) is fires
    assert result.total_score == everything.total_score
    if only:
        assert {f.code for f in result.findings} <= {only}


def test_an_unknown_rule_code_is_refused():
    from excel_eval import UnknownRule, evaluate

    with pytest.raises(UnknownRule, match="Z999"):
        evaluate(ROOT / "samples" / "示例_无错误.xlsx", skip="B005,Z999")
