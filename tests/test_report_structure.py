"""The report draft has the seed reports' structure, from 摘要 to the signature, every figure in it
is the model's, and names and numbers are written as people write them — on every sample, the
standard template's and the published 自评表 alike (the docx read back with python-docx)."""

import re
from pathlib import Path

import pytest

from conftest import SAMPLES
from excel_eval import evaluate_all
from excel_eval.report_text import as_written, is_pointer, plain_name, report_title
from excel_eval.vocab import UNKNOWN_SCORE
from excel_eval.writer.report import write_report

STANDARD = sorted(p.name for p in SAMPLES.glob("*.xlsx"))
FORMS = sorted(f"自评表/{p.name}" for p in (SAMPLES / "自评表").glob("*.xlsx"))

# The headings of the three 2022 seed reports (昆明市残疾人联合会, 综合服务中心), in their order:
# the 摘要 page, then the body. (The seeds number the third level `1、` and `1.` alike.)
ABSTRACT = ["摘  要", "一、项目概况", "（一）项目立项背景及目的", "（二）预算收支总额、预算执行情况", "二、评价结论",
            "三、经验、问题和建议", "（一）主要经验及做法", "（二）存在的问题", "（三）改进措施及建议"]
BODY = ["一、项目基本情况", "（一）项目概况", "1、立项背景及目的", "2、项目实施情况", "3、资金来源及使用情况",
        "4、组织及管理情况", "（二）绩效目标", "1、总目标", "2、年度目标",
        "二、绩效评价工作开展情况", "（一）绩效评价的目的", "（二）绩效评价工作方案制定过程", "（三）绩效评价原则、评价方法",
        "（四）绩效评价实施过程", "（五）本次绩效评价的局限性",
        "三、评价结论和绩效分析", "（一）评价结论", "1、评价结果", "2、主要绩效", "（二）具体绩效分析",
        "四、成本效益分析", "五、主要经验及做法、存在的问题和建议", "（一）主要经验及做法", "（二）存在的问题",
        "（三）改进措施及建议"]


@pytest.fixture(scope="module")
def drafts(tmp_path_factory):
    import docx

    out = tmp_path_factory.mktemp("drafts")
    done = {}
    for name in STANDARD + FORMS:
        result = evaluate_all(SAMPLES / name)[0]
        d = docx.Document(str(write_report(result, out / f"{Path(name).stem}.docx")))
        # (each paragraph's style id, as the writer named it: Heading1, Signature, …)
        done[name] = (result, [(p._element.style or "Normal", p.text) for p in d.paragraphs])
    return done


def headings(paragraphs, styles=("AbstractTitle", "AbstractHeading", "Title", "Heading1", "Heading2", "Heading3")):
    return [text for style, text in paragraphs if style in styles]


def body_text(paragraphs) -> str:
    """The prose after the 摘要, before the appendix tables (their cells are not paragraphs)."""
    return "\n".join(text for _, text in paragraphs)


@pytest.mark.parametrize("name", STANDARD + FORMS)
def test_the_headings_are_the_seeds(drafts, name):
    result, paragraphs = drafts[name]
    found = headings(paragraphs)
    title = found.index(report_title(result))
    assert found[:title] == ABSTRACT
    body = [h for h in found[title + 1:] if not re.match(r"^\d、.*（满分", h)]  # the sections of 具体绩效分析
    assert [h for h in body if h in BODY] == BODY and set(BODY) <= set(body)
    assert found[-1].startswith("附表") or "六、其他需要说明的问题" in found
    texts = [t for _, t in paragraphs]
    opening = next(t for t in texts if t.startswith("根据"))
    assert opening.endswith("现将评价情况报告如下。") and texts.index(opening) < texts.index("一、项目基本情况")
    where = [k for k, (s, _) in enumerate(paragraphs) if s in ("Signature", "SignatureDate")]
    signature = [texts[k] for k in where]
    assert len(signature) == 2 and signature[0] == plain_name(result.info("unit") or result.info("department"))
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日|【请填写：报告日期.*】", signature[1])
    assert texts.index("相关附件") < where[0] < where[1] < texts.index("附表1  项目支出绩效指标体系及评分表")


@pytest.mark.parametrize("name", STANDARD + FORMS)
def test_every_figure_of_the_analysis_is_the_models(drafts, name):
    result, paragraphs = drafts[name]
    s = result.scores
    texts = [t for _, t in paragraphs]
    conclusions = [t for t in texts if t.startswith(("通过对", "部分指标", "本表没有"))]
    assert len(conclusions) == 2 and conclusions[0] == conclusions[1]  # the 摘要's is the body's
    if s.total is not None:
        assert f"最终自评得分{s.total:.2f}分，评定等级为{result.grade_label}。" in conclusions[0]
    for n, x in enumerate(s.sections, start=1):
        score = UNKNOWN_SCORE if x.score is None else f"{x.score:.2f}分"
        assert f"{n}、{x.name}（满分{x.weight:g}分，评价得分{score}）" in texts
    # a paragraph per 二级指标: the points and the score of its indicators, as the model has them
    groups: dict[tuple, list] = {}
    for ind in s.indicators:
        groups.setdefault((ind.section, ind.row.text("level2") or ind.row.text("level3") or ind.section), []).append(ind)
    analysed = [t for s_, t in paragraphs if s_ == "Normal" and t.startswith("年度指标值：")]
    assert len(analysed) == len(groups)
    for paragraph, items in zip(analysed, groups.values()):
        known = [i.score for i in items if i.weight is not None]
        score = UNKNOWN_SCORE if None in known else f"{sum(i.score or 0 for i in items):.2f}分"
        assert f"本项分值{sum(i.weight or 0 for i in items):g}分，评价得分{score}" in paragraph
        for ind in items:
            assert ind.name in paragraph
            lost = None if ind.score is None else (ind.weight or 0) - ind.score
            if lost and lost > 0.005:
                assert f"{ind.name}扣{lost:.2f}分，偏差原因：" in paragraph
    assert sum(t.startswith("【请填写：对“") for t in texts) == len(groups)  # a blank for the officer's analysis each
    structure = next(t for t in texts if t.startswith("本项目支出绩效评价设立"))
    assert f"等{len(s.sections)}项构成" in structure and f"指标{len(s.indicators)}项，满分{s.weight:g}分。" in structure


@pytest.mark.parametrize("name", FORMS)
def test_names_and_numbers_are_written_as_people_write_them(drafts, name):
    result, paragraphs = drafts[name]
    text = body_text(paragraphs)
    assert "项目项目" not in text
    for key in ("project", "unit", "department"):
        typed = result.info(key)
        code = typed[:len(typed) - len(plain_name(typed))].strip(" -－_")
        if code:
            assert code not in text, (key, code)  # the name people say, in prose ...
            assert result.as_dict()[key] == typed  # ... and the name as typed in the JSON
    assert "设立三级评价指标体系" in text and "四级" not in text  # the levels the form has
    if result.total_score is not None:
        assert "个三级指标进行评价、打分" in text
    assert not re.search(r"(值|完成：|；)—", text)  # a missing value is 未填写, never a dash after its label
    assert ">=" not in text and "<=" not in text and "百分比" not in text


def test_what_each_form_sample_had_wrong_is_written_right(drafts):
    _, tangxi = drafts["自评表/011_棠溪镇委托业务项目.xlsx"]
    text = body_text(tangxi)
    assert "委托业务项目绩效自评报告" in text and "219001" not in text
    assert "基建工程委托业务项目数量50个" in text  # the unit of ≥50个 kept on the actual typed as 50
    assert "委托业务报告合格率≥100%" in text  # typed ≥100百分比
    _, putuo = drafts["自评表/010_普陀体育中心结算费用.xlsx"]
    assert "场馆开放满意度≥90%" in body_text(putuo)  # typed >=90%
    _, qingshen = drafts["自评表/012_青神县工资性支出.xlsx"]
    text = body_text(qingshen)
    assert "工资性支出项目绩效自评报告" in text and "51000021R000000019951" not in text
    assert "实际完成值未填写" in text and "发放(缴纳)覆盖率未填写" in text


def test_a_pointer_is_not_copied_as_a_reason(drafts):
    result, paragraphs = drafts["000_残疾人基层组织建设补助经费.xlsx"]
    typed = [i.row.text("deviation") for i in result.scores.indicators]
    assert "见报告正文" in typed  # what the workbook says ...
    assert "见报告正文" not in body_text(paragraphs)  # ... is not the report's reason: a blank asks for one
    assert "项目质量可控性扣1.00分，偏差原因：【请填写：偏差原因】" in body_text(paragraphs)


def test_the_wording_helpers():
    assert plain_name("219001-池州市贵池区棠溪镇人民政府") == "池州市贵池区棠溪镇人民政府"
    assert plain_name("51000021R000000019951-工资性支出") == "工资性支出"
    assert plain_name("2022-2023年度校舍维修") == "2022-2023年度校舍维修"  # years are no code
    assert plain_name("G20-5工程") == "G20-5工程"
    assert as_written(">=90%") == "≥90%" and as_written("≥100百分比") == "≥100%" and as_written("<=5天") == "≤5天"
    assert is_pointer("见报告正文") and is_pointer("详见附件1。") and not is_pointer("疫情影响，活动延期")
