"""Scoring schemes: TOML files, read once into `Scheme` objects that scoring is given.

The built-in schemes sit beside this file; a custom one is any TOML file of the same form. A run
takes the built-in ones from `builtin.py`, what the TOML parser makes of their files (written by
`builtin_source`; a test says when a file and it disagree), so that no run pays for loading the
parser unless a custom scheme is given.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import Refusal
from ..layout import SCHEMES, section_name
from ..model import Model
from ..text import os_reason

BUILTIN_SCHEMES = SCHEMES  # 四级指标 / 自评表, as the 评分体系 row of 项目信息 names them
FOUR_LEVEL, SELF_EVAL_FORM = BUILTIN_SCHEMES
SCHEMES_DIR = Path(__file__).parent
# ASCII file names: a console whose locale is C cannot open a file named in Chinese.
SCHEME_FILES = {FOUR_LEVEL: "four_level.toml", SELF_EVAL_FORM: "self_eval_form.toml"}


class SchemeError(Refusal):
    """A scheme file that cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class Scheme:
    """A scoring scheme as its TOML file declares it: sections and their points, the rules, the grades."""

    name: str
    description: str
    sections: tuple[tuple[str, float], ...]
    option_weights: tuple[float, ...]
    reverse_formula: str  # linear | ratio
    over_performance: float
    execution_rule: str  # linear | tiers
    execution_tiers: tuple[tuple[float, float], ...]
    qualitative: dict[str, tuple[float, float]]
    grades: tuple[tuple[float, str], ...]

    def grade(self, total: float) -> str:
        for minimum, grade in self.grades:
            if total >= minimum:
                return grade
        return self.grades[-1][1]

    def section_weight(self, name: str) -> float | None:
        return dict(self.sections).get(name)

    @property
    def section_names(self) -> frozenset[str]:
        return frozenset(name for name, _ in self.sections)


def load_scheme(source: str | os.PathLike | Scheme) -> Scheme:
    """A scheme by built-in name (四级指标 / 自评表), from a TOML file, or one already loaded."""
    if isinstance(source, Scheme):
        return source
    if str(source) in BUILTIN_SCHEMES:
        return builtin_scheme(str(source))
    path = Path(source)
    if not path.suffix and len(path.parts) == 1 and not path.exists():  # `--scheme 五级`: meant a name
        raise SchemeError(unknown_scheme(str(source)))
    where = f"评分体系文件 {source}"
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise SchemeError(f"无法读取{where}：{os_reason(exc)}；{builtin_list()}") from exc
    except UnicodeDecodeError as exc:
        raise SchemeError(f"无法读取{where}：不是 UTF-8 编码的文本") from exc
    return _parse(text, where)


@functools.cache
def builtin_scheme(name: str) -> Scheme:
    """A built-in scheme, made from its file's content (builtin.py) the first time it is asked for."""
    from .builtin import FILES

    return _checked(FILES[SCHEME_FILES[name]], f"内置评分体系“{name}”")


def builtin_source() -> str:
    """builtin.py as the built-in TOML files make it: each file's content as the TOML parser reads it."""
    import pprint
    import tomllib

    files = {file: tomllib.loads((SCHEMES_DIR / file).read_text("utf-8")) for file in SCHEME_FILES.values()}
    return ('"""The built-in schemes\' files as the TOML parser reads them: written by `builtin_source()` from the\n'
            '.toml files beside this one (edit those, then write this anew; a test says when they disagree)."""\n\n'
            f"FILES = {pprint.pformat(files, width=110, sort_dicts=False)}\n")


def unknown_scheme(name: str) -> str:
    """What to say of a scheme name that is neither built in nor a file: the built-in ones, and the nearest."""
    import difflib

    close = difflib.get_close_matches(name, BUILTIN_SCHEMES, n=1, cutoff=0.5)
    meant = f"您是不是要用“{close[0]}”？" if close else ""
    return (f"没有名为“{name}”的评分体系。{meant}{builtin_list()}；"
            f"也可以给出自定义评分体系的 TOML 文件（格式见 excel_eval/schemes/{SCHEME_FILES[FOUR_LEVEL]}）")


def builtin_list() -> str:
    """`内置评分体系：四级指标（项目决策20 / …）、自评表（…）`, from the built-in files themselves."""
    return "内置评分体系：" + "、".join(f"{n}（{builtin_scheme(n).description}）" for n in BUILTIN_SCHEMES)


def pick_scheme(model: Model) -> Scheme:
    """The 评分体系 row of 项目信息 if it names a built-in scheme, else by the 一级指标 names."""
    if model.family.scheme:  # a published 自评表 is scored by its family's rules, whatever its 一级指标 say
        return builtin_scheme(model.family.scheme)
    named = model.info.text("scheme") if model.info else ""
    if named in BUILTIN_SCHEMES:
        return builtin_scheme(named)
    names = {section_name(r.text("level1")) for r in (model.indicators.rows if model.indicators else [])}
    form = builtin_scheme(SELF_EVAL_FORM)
    return form if names & form.section_names else builtin_scheme(FOUR_LEVEL)


def _parse(text: str, where: str) -> Scheme:
    import tomllib  # (only for a custom scheme's file)

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SchemeError(f"{where}格式有误：{exc}") from exc
    return _checked(data, where)


def _checked(data: dict, where: str) -> Scheme:
    """The scheme a file's content declares, or what is wrong with it."""
    try:
        return _scheme(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise SchemeError(f"{where}内容有误：{exc}") from exc


def _scheme(d: dict) -> Scheme:
    def need(key: str, table: dict = d) -> object:
        if key not in table:
            raise KeyError(f"缺少“{key}”")
        return table[key]

    weights = tuple(float(x) for x in need("option_weights"))
    if len(weights) != 5 or not all(0 <= x <= 1 for x in weights):
        raise ValueError("option_weights 须为 5 个 0～1 之间的数")
    reverse = str(d.get("reverse_formula", "linear"))
    execution = d.get("execution", {})
    rule = str(execution.get("rule", "linear"))
    if reverse not in ("linear", "ratio"):
        raise ValueError("reverse_formula 须为 linear 或 ratio")
    if rule not in ("linear", "tiers"):
        raise ValueError("execution.rule 须为 linear 或 tiers")
    sections = tuple((str(need("name", s)), float(need("weight", s))) for s in need("sections"))
    grades = tuple(sorted(((float(need("min", g)), str(need("grade", g))) for g in need("grades")), reverse=True))
    if not sections or not grades:
        raise ValueError("sections 和 grades 不能为空")
    return Scheme(
        name=str(need("name")), description=str(d.get("description", "")), sections=sections,
        option_weights=weights, reverse_formula=reverse,
        over_performance=float(d.get("over_performance", 1.3)), execution_rule=rule,
        execution_tiers=tuple(sorted(((float(a), float(b)) for a, b in execution.get("tiers", [])), reverse=True)),
        qualitative={str(k): (float(v[0]), float(v[1])) for k, v in d.get("qualitative", {}).items()},
        grades=grades,
    )
