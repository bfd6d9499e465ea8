"""The shape of the code, checked: a one-way import graph, no Chinese words as branch
conditions outside the vocabulary, no XlsxWriter internals, a registry that says what it runs."""

import ast
import re

import pytest

from conftest import ROOT

PACKAGE = ROOT / "excel_eval"

# Every module in the order it may import: each imports only modules before it (or its own
# subpackage). layout → model → reader → scoring → checks → writers → runner/batch → cli.
ORDER = ["_version", "vocab", "errors", "text", "keys", "layout", "families", "parse", "model", "targets", "findings", "rules",
         "files", "naming", "ooxml", "package", "triage", "recalc", "forms", "reader", "schemes", "scoring", "result",
         "checks", "reports", "pipeline", "privacy", "report_text", "review", "writer", "fixing", "step", "voice", "isolation", "samples",
         "runner", "batch", "gui", "cli", "entry", "__main__", "__init__"]
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

READ_SIDE = {"reader.py", "forms.py"}  # what reads a workbook raises its own rules (R…, and a form's own)
REPORT_SIDE = {"reports/verify.py", "reports/__init__.py"}  # a 自评报告's rules (W…): reports/verify.RULES


def test_every_rule_is_emitted_by_a_declared_check_or_the_reader():
    from excel_eval.checks import ALL_CHECKS
    from excel_eval.reports.verify import RULES as REPORT_RULES
    from excel_eval.rules import ALL_RULES

    declared = [r for c in ALL_CHECKS for r in c.rules] + [r for r in ALL_RULES if set(r.raised_in) <= READ_SIDE]
    declared += [r for r in REPORT_RULES if set(r.raised_in) <= REPORT_SIDE]
    declared += [r for r in ALL_RULES if set(r.raised_in) == {"reports/__init__.py"}]
    assert set(declared) == set(ALL_RULES), {r.code for r in set(ALL_RULES) - set(declared)}
    assert len({c.name for c in ALL_CHECKS}) == len(ALL_CHECKS)
    assert all(c.rules for c in ALL_CHECKS)


def test_each_rule_says_truly_where_it_is_raised():
    """`Rule.raised_in` names exactly the modules that refer to the rule (to raise it, or to hand
    it to a helper that does): a rule moved or raised somewhere new says so on the rule."""
    import excel_eval.rules as rules

    names = {n for n in dir(rules) if isinstance(getattr(rules, n), rules.Rule)}
    where: dict[str, set[str]] = {n: set() for n in names}
    for rel, tree in modules():
        if rel.as_posix() == "rules.py":
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and getattr(node.value, "id", "") == "rules" and node.attr in names:
                where[node.attr].add(rel.as_posix())
    wrong = {n: (getattr(rules, n).raised_in, sorted(w)) for n, w in where.items()
             if set(getattr(rules, n).raised_in) != w}
    assert not wrong, wrong


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


# --- the layers -----------------------------------------------------------------------------------

# What each layer is, and what it may import besides itself. The order above says "not upward";
# this says more: the core never reads a file, writers never read a workbook again, and front ends
# reach the work only through the processing step (step.py, voice.py).
LAYERS = {
    "base": {"_version", "vocab", "errors", "text", "keys", "layout", "families", "parse", "model", "targets", "findings", "rules",
             "files", "naming"},
    "read": {"ooxml", "package", "triage", "recalc", "forms", "reader"},
    "core": {"schemes", "scoring", "result", "checks"},
    "reports": {"reports"},  # the unit's 自评报告: read (its own reader) and checked (its own rules)
    "pipeline": {"pipeline"},
    "writers": {"privacy", "report_text", "review", "writer"},
    "step": {"fixing", "step", "voice", "isolation"},
    "front": {"samples", "runner", "batch", "gui", "cli", "entry", "__main__"},
}
MAY_IMPORT = {
    "base": {"base"},
    "read": {"base"},
    "core": {"base"},
    "reports": {"base", "read", "core"},
    "pipeline": {"base", "read", "core", "reports"},
    "writers": {"base", "core"},
    "step": {"base", "core", "pipeline", "writers", "reports"},
    "front": {"base", "step"},
}
# Each exception, and why it is one.
ALLOWED = {
    ("result", "triage"): "a Result names its Source (the file or bytes read)",
    ("step", "triage"): "the step makes the Source of what it is given",
    ("writer", "ooxml"): "the marked copy is the input's own package, copied part by part",
    ("writer", "package"): "…the package as it was read (corrected in memory where its counts lied)",
    ("batch", "review"): "the bureau's review views are the batch's own output",
    ("batch", "writer.summary"): "the batch summary workbook is the batch's own output",
    ("gui", "review"): "a folder's summary on the page is the batch summary",
    ("gui", "writer.summary"): "…written by the batch's summary writer",
    ("gui", "triage"): "an upload is refused at the reader's own size limit before it is saved",
    ("cli", "writer.template"): "`excel-eval template` writes the blank template",
    ("samples", "writer.template"): "the bundled samples are filled-in templates",
    ("cli", "schemes"): "`--scheme` errors are caught by their class",
}
HEAVY = {"xlsxwriter", "python_calamine", "pandas", "starlette", "uvicorn", "openpyxl", "formulas", "PIL", "jinja2",
         "rich", "msoffcrypto"}
NO_HEAVY = {"base", "core"}


def layer_of(unit_name: str) -> str:
    return next(layer for layer, units in LAYERS.items() if unit_name in units)


def imports(rel, tree):
    """(line, dotted target inside the package or top-level library) of every import."""
    skip = type_checking_blocks(tree)
    depth = len(rel.parts) - 1
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                yield node.lineno, node.module or ""
                continue
            base = list(rel.parts[:depth - (node.level - 1)])
            target = base + (node.module.split(".") if node.module else [])
            names = [a.name for a in node.names] if not target else [".".join(target)]
            for name in names:
                yield node.lineno, "excel_eval." + name
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name


def layer_violations(rel, tree) -> list[str]:
    here = unit(rel)
    if here == "__init__":  # the public API names everything, lazily
        return []
    wrong = []
    for line, target in imports(rel, tree):
        parts = target.split(".")
        if parts[0] != "excel_eval":
            if parts[0] in HEAVY and layer_of(here) in NO_HEAVY:
                wrong.append(f"{rel}:{line} imports {parts[0]}")
            continue
        if len(parts) < 2 or parts[1] == "__init__":
            continue
        there, dotted = parts[1], ".".join(parts[1:3])
        if there == here or there not in ORDER:
            continue
        if layer_of(there) in MAY_IMPORT[layer_of(here)] | {layer_of(here)}:
            continue
        if (here, there) in ALLOWED or (here, dotted) in ALLOWED:
            continue
        wrong.append(f"{rel}:{line} imports {dotted} ({layer_of(here)} → {layer_of(there)})")
    return wrong


def test_every_module_has_its_layer():
    assert set().union(*LAYERS.values()) == set(ORDER) - {"__init__"}


def test_each_layer_imports_only_what_it_may():
    wrong = [w for rel, tree in modules() for w in layer_violations(rel, tree)]
    assert not wrong, wrong


@pytest.mark.parametrize("rel, source", [
    ("scoring.py", "from .reader import read_projects"),  # the core reading a file
    ("checks/budget.py", "import xlsxwriter"),  # the core writing
    ("batch.py", "from .pipeline import evaluate_all"),  # a front end around the step
    ("gui/workspace.py", "from ..writer import write_outputs"),
])
def test_the_layer_guard_can_fail(rel, source):
    from pathlib import PurePosixPath

    assert layer_violations(PurePosixPath(rel), ast.parse(source))


def test_the_summary_writer_loads_no_reader_checks_or_formula_engine():
    import subprocess
    import sys

    code = ("import sys, excel_eval.writer.summary, excel_eval.result; "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith(('excel_eval', 'formulas', 'python_calamine')))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert not {m for m in loaded if m.startswith(("excel_eval.reader", "excel_eval.checks", "excel_eval.recalc",
                                                   "excel_eval.pipeline", "formulas", "python_calamine"))}, loaded


# --- the model's names ----------------------------------------------------------------------------

def test_a_key_the_model_does_not_have_is_an_error_at_once():
    from excel_eval.keys import Key
    from excel_eval.model import Cell, Columns, Info, Loc, Row, Table

    row = Row(3, {Key.EXECUTED: Cell(5.0, Loc("预算", 3, 2))})
    assert row.num(Key.EXECUTED) == 5.0 and row.num("executed") == 5.0  # a member is its string
    table = Table("预算", 0, {Key.EXECUTED: 2}, [row])
    for wrong in (lambda: row.num("exectued"), lambda: row.text("exectued"), lambda: table.loc(3, "exectued"),
                  lambda: Info("项目信息").text("projcet"), lambda: Columns.of_rows("预算", {Key.EXECUTED: 2}, [row]).numbers("x")):
        with pytest.raises(KeyError):
            wrong()


def test_kinds_are_compared_as_members_never_as_strings():
    """`t.kind is TargetKind.NUMBER`, not `t.kind == "number"`: a mistyped word cannot be False in silence."""
    def strings(node):
        items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
        return any(isinstance(n, ast.Constant) and isinstance(n.value, str) for n in items)

    found = []
    for rel, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(isinstance(s, ast.Attribute) and s.attr == "kind" for s in sides) and any(strings(s) for s in sides):
                    found.append(f"{rel}:{node.lineno}")
    assert not found, found
