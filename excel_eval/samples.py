"""The sample workbooks, as data: three carry the numbers of the 2022 self-evaluation reports,
including the reports' own mistakes; one (示例_无错误) is clean. `python samples/build.py`
regenerates samples/; `excel-eval demo` writes one into a folder and runs it.
samples/README.md says which numbers are the reports' and which are constructed.
"""

from __future__ import annotations

from pathlib import Path

from .families import BUDGET_COLUMNS, INDICATOR_COLUMNS
from .layout import label_key
from .model import col_index
from .writer.template import Content, Question, SurveyContent, write_template

FILES = {
    "000": "000_残疾人基层组织建设补助经费.xlsx",
    "001": "001_残疾人基层组织建设及服务经费.xlsx",
    "003": "003_职业技能培训及就业服务.xlsx",
    "demo": "示例_无错误.xlsx",
}


def pct(*values):
    """Percentages as the report prints them (`90.35%`), stored as numbers in percent cells."""
    return tuple(round(float(v[:-1]) / 100, 6) if isinstance(v, str) else v for v in values)


def ind(l1, l2, l3, l4, weight, score, target=None, actual=None, kind=None, basis=None, deviation=None):
    return {"level1": l1, "level2": l2, "level3": l3, "level4": l4, "type": kind, "target": target,
            "actual": actual, "weight": weight, "score": score, "basis": basis, "deviation": deviation}


def common(lost: dict[str, float], execution: tuple[str, str] = ("100%", "100%"),
           arrival: tuple[str, str] = ("100%", "100%"), execution_weight: int = 4) -> list[dict]:
    """The 13 common indicators of 项目决策 and 项目管理 (constructed), minus `lost` points."""
    rows = [
        ("A项目决策", "项目立项", "立项依据", "立项依据充分性", 4, "定性", "充分", "充分"),
        ("A项目决策", "项目立项", "立项程序", "立项程序规范性", 3, "定性", "规范", "规范"),
        ("A项目决策", "绩效目标", "目标设置", "绩效目标合理性", 3, "定性", "合理", "合理"),
        ("A项目决策", "绩效目标", "目标细化", "绩效指标明确性", 3, "定性", "明确", "明确"),
        ("A项目决策", "资金投入", "预算编制", "预算编制科学性", 4, "定性", "科学", "科学"),
        ("A项目决策", "资金投入", "资金分配", "资金分配合理性", 3, "定性", "合理", "合理"),
        ("B项目管理", "投入管理", "资金到位", "资金到位率", 4, "定量", ">=" + arrival[0], arrival[1]),
        ("B项目管理", "投入管理", "预算执行", "预算执行率", execution_weight, "定量", ">=" + execution[0], execution[1]),
        ("B项目管理", "财务管理", "财务制度", "管理制度健全性", 6 - execution_weight, "定性", "健全", "健全"),
        ("B项目管理", "财务管理", "资金使用", "资金使用合规性", 3, "定性", "合规", "合规"),
        ("B项目管理", "项目实施", "组织实施", "组织机构健全性", 2, "定性", "健全", "健全"),
        ("B项目管理", "项目实施", "组织实施", "制度执行有效性", 3, "定性", "有效", "有效"),
        ("B项目管理", "项目实施", "质量管理", "项目质量可控性", 2, "定性", "可控", "可控"),
    ]
    out = []
    for l1, l2, l3, l4, w, kind, target, actual in rows:
        score = round(w - lost.get(l4, 0), 2)
        out.append(ind(l1, l2, l3, l4, w, score, target.replace(">=", "≥"), actual, kind,
                       deviation="见报告正文" if score < w else None))
    return out


def report_000() -> Content:
    counts = [(20, 6, 0, 0, 0), (20, 6, 0, 0, 0), (16, 8, 2, 0, 0), (19, 6, 1, 0, 0), (23, 2, 1, 0, 0)]
    ratios = [(0.77, 0.23, 0, 0, 0), (0.77, 0.23, 0, 0, 0), (0.62, 0.31, 0.08, 0, 0), (0.73, 0.23, 0.04, 0, 0),
              (0.88, 0.08, 0.04, 0, 0)]
    scores = [(15.38, 4.15, 0, 0, 0), (15.38, 4.15, 0, 0, 0), (12.31, 5.54, 1.23, 0, 0), (14.62, 4.15, 0.62, 0, 0),
              (17.69, 1.38, 0.62, 0, 0)]
    q_scores = [19.54, 19.54, 19.08, 19.38, 19.69]
    texts = ["1.您对该项目2022年工作的总体评价是：", "2.您认为该项目在资金下达时效性方面做得如何：",
             "3.您认为该项目在专职委员补助覆盖率，应补尽补方面做得如何：",
             "4.您认为该项目在基层单位做好台账管理，专职委员补助信息完整、准确方面做得如何：",
             "5.您认为该项目在做好补助资金专款专用，无挪用、超范围、超标准使用方面做得如何："]
    survey = SurveyContent(
        title="昆明市残联2022年残疾人基层组织建设（对下）补助经费支出社会公众满意度调查问卷",
        questions=[Question(t, 20, c, r, s, qs) for t, c, r, s, qs in zip(texts, counts, ratios, scores, q_scores)],
        total=Question("合计", None, (98, 28, 4, 0, 0), (0.75, 0.22, 0.03, 0, 0), None, 97.23),
        total_score_merged=97.23,
        notes=["注：1、为做好财政资金绩效评价，了解社会公众对残疾人基层组织建设（对下）补助经费项目的满意度，"
               "请各县区配合将本问卷进行随机发放，并收集3-5份调查问卷。2、本次问卷调查采取不记名的方式进行。",
               "20分/题"],
    )
    counties = [("东川区", 118, 28.9), ("石林县", 98, 24.0), ("宜良县", 139, 34.03), ("呈贡区", 67, 16.4),
                ("晋宁区", 136, 33.3), ("禄劝县", 197, 48.23), ("富民县", 80, 19.59), ("寻甸县", 186, 45.54),
                ("安宁市", 95, 23.26), ("嵩明县", 115, 28.16), ("阳宗海", 21, 5.14)]
    c = "C项目绩效"
    perf = [
        ind(c, "项目产出", "数量指标", "专职委员补助发放人数", 6, 6, "1237人", "1252人", "定量"),
        ind(c, "项目产出", "数量指标", "培训人次", 2, 2, "≥1237人次", "1252人次", "定量"),
        ind(c, "项目产出", "数量指标", "补助县区数", 3, 3, "11个", "11个", "定量"),
        ind(c, "项目产出", "质量指标", "补助金发放覆盖率", 5, 5, "≥95%", "100%", "定量"),
        ind(c, "项目产出", "质量指标", "补助金发放率", 5, 5, "≥98%", "100%", "定量"),
        ind(c, "项目产出", "质量指标", "培训合格率", 4, 4, "≥85%", "100%", "定量"),
        ind(c, "项目产出", "质量指标", "台账信息完整率", 2, 2, "≥95%", "100%", "定量"),
        ind(c, "项目产出", "质量指标", "补助对象信息准确率", 2, 2, "≥95%", "100%", "定量"),
        ind(c, "项目产出", "时效指标", "补助资金下达及时性", 3, 3, "2022年12月31日前", "2022年10月31日", "定量"),
        ind(c, "项目产出", "时效指标", "培训完成及时性", 2, 2, "2022年12月31日前", "2022年11月30日", "定量"),
        ind(c, "项目产出", "成本指标", "补助资金支出", 3, 3, "≤306.55万元", "306.55万元", "定量"),
        ind(c, "项目产出", "成本指标", "人均补助标准执行", 2, 2, "按标准执行", "按标准执行", "定性"),
        ind(c, "项目效益", "社会效益指标", "基层残疾人工作能力认可度", 4, 3, "明显提高", "有效提升", "定性",
            deviation="专职委员业务水平仍有待提高"),
        ind(c, "项目效益", "社会效益指标", "残疾人合法权益维护", 3, 3, "有效维护", "有效维护", "定性"),
        ind(c, "项目效益", "社会效益指标", "服务残疾人“最后一公里”问题解决", 2, 2, "有效提升", "达成", "定性"),
        ind(c, "项目效益", "可持续影响指标", "专职委员队伍稳定性", 3, 2, "逐步改善", "部分达成", "定性",
            deviation="部分县区待遇偏低，队伍稳定性受影响"),
        ind(c, "项目效益", "可持续影响指标", "基层组织长效机制", 2, 2, "逐步完善", "达成", "定性"),
        ind(c, "满意度", "服务对象满意度", "服务对象对基层残疾人工作者的满意度", 7, 7, "≥90%", "97.23%", "定量"),
    ]
    return Content(
        info={"project": "2022年残疾人基层组织建设补助经费", "department": "昆明市残疾人联合会",
              "unit": "昆明市残疾人联合会组联处", "year": 2022, "scheme": "四级指标",
              "weight_A": 1, "weight_B": 0.9, "weight_C": 0.8, "weight_D": 0.5, "weight_E": 0,
              "surveys_issued": 26, "surveys_valid": 26, "report_total": 96, "report_grade": "优",
              "report_execution": 1.0, "report_satisfaction": 97.23, "report_indicator_count": 31},
        budget=[{"seq": 1, "item": "残疾人基层组织建设市级补助经费（对下）", "source": "当年财政拨款",
                 "initial": 306.55, "budget": 306.55, "received": 306.55, "executed": 306.55, "balance": 0,
                 "note": "昆财社〔2022〕31号，全部为对下资金"}],
        allocation=[{"seq": i, "name": f"{n}残联", "region": n, "quantity": q, "amount": a, "paid": a}
                    for i, (n, q, a) in enumerate(counties, 1)],
        indicators=common({"制度执行有效性": 1, "项目质量可控性": 1}) + perf,
        surveys=[survey],
        summary=[{"section": "A项目决策", "weight": 20, "score": 20, "deduction": 0, "rate": 1.0, "text_score": 20},
                 {"section": "B项目管理", "weight": 20, "score": 18, "deduction": 2, "rate": 0.9, "text_score": 18},
                 {"section": "C项目绩效", "weight": 60, "score": 59, "deduction": 2, "rate": 0.9667, "text_score": 58}],
        summary_total={"weight": 100, "score": 96, "deduction": 4, "rate": 0.96},
    )


def report_001() -> Content:
    c = "C项目绩效"
    perf = [
        ind(c, "项目产出", "数量指标", "五个专门协会举办活动及相关会议次数", 4, 3, "≥8次", "6次", "定量",
            deviation="受疫情影响活动开展较少"),
        ind(c, "项目产出", "数量指标", "基层残疾人工作者和残疾人专职委员培训期数", 3, 3, "5期", "5期", "定量"),
        ind(c, "项目产出", "数量指标", "培训人次", 3, 3, "≥470人次", "470人次", "定量"),
        ind(c, "项目产出", "数量指标", "第三代残疾人证（智能化）制卡数量", 4, 4, "50000张", "50000张", "定量"),
        ind(c, "项目产出", "数量指标", "残疾人工作者手语培训期数", 2, 2, "2期", "2期", "定量"),
        ind(c, "项目产出", "数量指标", "外出学习交流无障碍环境规范化建设和动态更新人数", 2, 2, "10", "20", "定量"),
        ind(c, "项目产出", "数量指标", "残疾评定培训", 2, 2, "1期", "1期", "定量"),
        ind(c, "项目产出", "质量指标", "培训合格率", 3, 3, "≥85%", "100%", "定量"),
        ind(c, "项目产出", "质量指标", "五个专门协会举办活动完成率", 3, 3, "≥98%", "100%", "定量"),
        ind(c, "项目产出", "质量指标", "第三代残疾人证（智能化）制卡数成功率", 3, 3, "≥95%", "100%", "定量"),
        ind(c, "项目产出", "时效指标", "项目完成及时性", 3, 3, "2022年12月31日前", "2022年12月20日", "定量"),
        ind(c, "项目产出", "成本指标", "项目成本控制", 3, 3, "≤76.1万元", "44.39万元", "定量"),
        ind(c, "项目效益", "社会效益指标", "接受培训人员业务能力和服务能力", 4, 4, "明显提高", "明显提高", "定性"),
        ind(c, "项目效益", "社会效益指标", "专门协会活动满足残疾人生活所需", 4, 4, "有效提升", "有效提升", "定性"),
        ind(c, "项目效益", "可持续影响指标", "提高残疾人融入社会生活能力", 4, 3, "逐步改善", "部分达成", "定性",
            deviation="受疫情影响，协会活动开展较少"),
        ind(c, "项目效益", "可持续影响指标", "信访维权工作长效机制", 2, 2, "逐步完善", "达成", "定性"),
        ind(c, "满意度", "服务对象满意度", "参加协会活动残疾人满意度", 3, 3, "≥80\t%", "90%", "定量"),
        ind(c, "满意度", "服务对象满意度", "接受法律援助服务的残疾人满意度", 2, 2, "≥85%", "90%", "定量"),
        ind(c, "满意度", "服务对象满意度", "贫困智力、精神和重度残疾人残疾评定补贴满意度", 2, 2, "≥85%", "90%", "定量"),
        ind(c, "满意度", "服务对象满意度", "培训满意度", 4, 4, "≥85%", "90%", "定量"),
    ]
    return Content(
        info={"project": "2022年残疾人基层组织建设及服务经费", "department": "昆明市残疾人联合会",
              "unit": "昆明市残疾人联合会", "year": "2022年", "scheme": "四级指标",
              "report_total": 95.8, "report_grade": "优", "report_execution": "58.33%",
              "report_indicator_count": 33},
        budget=[
            {"seq": 1, "item": "五个专门协会活动", "budget": 10, "received": 10, "executed": 0.8, "balance": 9.2},
            {"seq": 2, "item": "基层残疾人工作者培训", "budget": 8, "received": 8, "executed": 1.23, "balance": 6.77},
            {"seq": 3, "item": "第三代残疾人证（预制卡）采购", "budget": 51.7, "received": 51.7, "executed": 41.36,
             "balance": 10.34, "note": "正文另一处写“5万张，支付采购经费51.7万元”"},
            {"seq": 4, "item": "常年法律顾问服务", "budget": 5, "received": 5, "executed": 1, "balance": 4},
            {"seq": 5, "item": "信访维权工作", "budget": 1.4, "received": 1.4, "executed": 0, "balance": 1.4},
        ],
        # B项目管理 18.8 = 20 − 0.83 (预算执行率 2 × 58.33%) − 0.37 (制度执行有效性).
        indicators=common({"资金分配合理性": 1, "预算执行率": 0.83, "制度执行有效性": 0.37},
                          execution=("100%", "58.33%"), execution_weight=2) + perf,
        summary=[{"section": "A项目决策", "weight": 20, "score": 19, "deduction": 1, "rate": 0.95, "text_score": 19},
                 {"section": "B项目管理", "weight": 20, "score": 18.8, "deduction": 1.2, "rate": 0.94, "text_score": 19.9},
                 {"section": "C项目绩效", "weight": 60, "score": 58, "deduction": 2, "rate": 0.9667, "text_score": 54}],
        summary_total={"weight": 100, "score": 95.8},
    )


# The narrative of report 003 as its authors wrote it (abridged to its first sentences).
NARRATIVE_003 = {
    "overview": "就业是最大的民生，也是经济发展最基本的支撑。2022年昆明市继续开展残疾人职业技能培训及就业服务工作，"
                "积极推动就业服务工作稳步开展，促进昆明市残疾人就业。\n"
                "2022年开展残疾人就业服务机构工作人员业务能力提升培训1期，开展残疾人职业技能培训4期，举办第六届昆明市"
                "残疾人职业技能竞赛，参加第七届云南省残疾人职业技能竞赛。",
    "goals": "做好2022年的残疾人职业技能培训及就业服务工作，提高残疾人自身素质，让渴望就业的残疾人具有一技之长，"
             "进一步促进残疾人平等就业、稳定就业。",
    "experience": "1.建立了“党政同责、一岗双责、齐抓共管”的工作体系。\n2.各部门/各县区给予配合与支持。\n"
                  "3.探索资金管理、绩效管理与业务管理相结合的机制。",
    "problems": "预算申报准确性不足：项目市级财政资金拨款与实际支出差距较大。",
    "suggestions": "1.定期或者不定期查看各县（市）区残疾人职业技能培训和就业服务工作的发展情况。\n"
                   "2.提高项目绩效目标的申报水平，对项目绩效目标申报进一步细化、量化。\n"
                   "3.项目执行过程中，定期对项目的实施进度、目标实现情况、资金使用情况等进行监督管理。",
    # v1.1's fields for the report's other parts, as the same report words them
    "grounds": "中共昆明市委 昆明市人民政府《关于全面实施预算绩效管理的实施意见》（昆发〔2019〕12号）、"
               "《昆明市本级部门预算绩效自评管理暂行办法》（昆财绩〔2018〕60号）",
    "team": "成立绩效评价工作领导小组，由综合服务中心主任任组长，各相关处室人员参与",
    "purpose": "全面了解项目管理过程是否规范、产出目标是否完成以及效果目标是否实现等方面的内容，总结经验，查找不足，"
               "为项目在以后年度的开展提供可行性参考建议。",
    "limits": "本次评价存在一定的局限性，一是收集到相关证据不全面、质量不高；二是因时间限制，评价小组没有重新收集数据，"
              "而是利用相关处室收集的数据。",
    "results": "项目完成全年预定的绩效目标，残疾人职业技能培训及就业服务工作的开展促进和引导了残疾人就业，"
               "同时提升了残疾人的社会生活技能，为更多的残疾人提供发展机会。",
    "report_date": "2023年5月17日",
}


def report_003() -> Content:
    rows = [
        ("1.培训前培训单位是否对培训工作进行过宣传和动员？", (103, 9, 0, 2, 0), ("90.35%", "7.89%", "0.00%", "0.00%", None), "98%",
         (9.04, 0.63, 0.00, 0.00, 0.00), 9.67),
        ("2.培训单位是否按课程表安排教学工作？", (94, 0, 19, 1, 0), ("82.46%", "0.00%", "16.67%", "16.67%", "0.00%"), "116%",
         (8.25, 0.00, 1.00, 0.33, 0.00), 9.58),
        ("3.培训教材或材料的适用情况怎样？", (98, 13, 3, 0, 0), ("85.96%", "11.40%", "2.63%", "0.00%", "0.00%"), "100%",
         (8.60, 0.91, 0.16, 0.00, 0.00), 9.67),
        ("4.培训单位是否免费发放与培训相关的教材或材料", (114, 0, 0, 0, 0), ("100.00%", "0.00%", "0.00%", "0.00%", "0.00%"),
         "100%", (10.00, 0.00, 0.00, 0.00, 0.00), 10.00),
        ("5.授课教师是否与课程表安排相符？", (108, 5, 1, 0, 0), ("94.74%", "4.39%", "0.88%", "0.88%", "0.00%"), "101%",
         (9.47, 0.35, 0.05, 0.02, 0.00), 9.89),
        ("6.教学内容是否与课程表安排一致？", (99, 0, 15, 0, 0), ("86.84%", "0.00%", "13.16%", "13.16%", "0.00%"), "113%",
         (8.68, 0.00, 0.79, 0.26, 0.00), 9.74),
        ("7.培训课程是否安排实作训练？", (114, 0, 0, 0, 0), ("100.00%", "0.00%", "0.00%", "0.00%", "0.00%"), "100%",
         (10.00, 0.00, 0.00, 0.00, 0.00), 10.00),
        ("8.培训课程是否切合实际、便于应用？", (100, 14, 0, 0, 0), ("87.72%", "12.28%", "0.00%", "0.00%", "0.00%"), "100%",
         (8.77, 0.98, 0.00, 0.00, 0.00), 9.75),
        ("9.认为培训单位的培训质量如何？", (96, 16, 2, 0, 0), ("84.21%", "14.04%", "1.75%", "1.75%", "0.00%"), "102%",
         (8.42, 1.12, 0.11, 0.04, 0.00), 9.68),
        ("10.认为培训单位在培训期间的管理工作水平如何？", (89, 22, 2, 1, 0), ("78.07%", "19.30%", "1.75%", "1.75%", "0.00%"),
         "101%", (7.81, 1.54, 0.11, 0.04, 0.00), 9.49),
    ]
    survey = SurveyContent(
        title="昆明市残疾人综合服务中心2022年残疾人职业技能培训及就业服务项目社会公众满意度调查问卷统计表",
        questions=[Question(t, 10, c, pct(*r), s, qs, 114, pct(rs)[0], "分数") for t, c, r, rs, s, qs in rows],
        total=Question("合计", None, (1015, 79, 42, 0, 0), pct("89.35%", "6.95%", "3.70%", "0.00%", "0.00%"),
                       (89.04, 5.54, 2.21, 0.68, 0.00), 97.47, 1136, 1.0, "分数"),
        notes=["最终得分：97.47（报告原表“最终得分 权重 97.47”）"],
    )
    c = "C项目绩效"
    perf = [
        ind(c, "项目产出", "数量指标", "举办残疾人职业技能培训期数", 3, 3, "不少于3期", "4期", "定量"),
        ind(c, "项目产出", "数量指标", "参加残疾人职业技能培训的残疾人数", 3, 3, "不少于60人次", "114人", "定量"),
        ind(c, "项目产出", "数量指标", "举办残疾人职业技能竞赛期数", 3, 3, "不少于1期", "1期", "定量"),
        ind(c, "项目产出", "数量指标", "参加昆明市残疾人职业技能竞赛人数", 3, 3, "不少于50人", "52人", "定量"),
        ind(c, "项目产出", "数量指标", "就业服务机构工作人员培训期数", 2, 2, "1期", "1期", "定量"),
        ind(c, "项目产出", "数量指标", "参加省级残疾人职业技能竞赛", 2, 2, "1期", "1期", "定量"),
        ind(c, "项目产出", "质量指标", "培训档案完整率", 1, 1, "≥95%", "100%", "定量"),
        ind(c, "项目产出", "质量指标", "残疾人职业技能培训合格率", 3, 3, "不少于90%", "100%", "定量"),
        ind(c, "项目产出", "质量指标", "竞赛组织规范性", 2, 0.8, "规范", "未达成", "定性",
            deviation="竞赛报名组织时间偏紧"),
        ind(c, "项目产出", "时效指标", "完成残疾人职业技能培训时间", 3, 3, "2022年11月30日前", "2022年8月21日", "定量"),
        ind(c, "项目产出", "时效指标", "完成残疾人职业技能竞赛时间", 3, 3, "2022年11月30日前", "2022年7月2日", "定量"),
        ind(c, "项目产出", "成本指标", "残疾人职业技能培训成本", 3, 3, "不多于64.53万元", "63.6万元", "定量"),
        ind(c, "项目产出", "成本指标", "残疾人职业技能竞赛成本", 3, 3, "不多于26万元", "17.477354万元", "定量"),
        ind(c, "项目效益", "社会效益指标", "新增就业人数", 5, 5, "不低于10人", "21人", "定量"),
        ind(c, "项目效益", "社会效益指标", "残疾人职业技能水平和就业能力", 4, 2.4, "明显提高", "部分达成", "定性",
            deviation="部分学员结业后未能就业"),
        ind(c, "项目效益", "社会效益指标", "残疾人社会生活融入", 3, 1.8, "逐步改善", "部分达成", "定性",
            deviation="融入情况缺少跟踪数据"),
        ind(c, "项目效益", "可持续影响指标", "培训就业长效机制", 3, 1.8, "逐步完善", "部分达成", "定性",
            deviation="尚未形成培训与就业衔接的长效机制"),
        ind(c, "项目效益", "可持续影响指标", "就业服务机构服务能力", 2, 1.2, "有效提升", "部分达成", "定性",
            deviation="服务机构人员培训仅开展1期"),
        ind(c, "项目效益", "可持续影响指标", "培训需求调研", 1, 0, "达成", "未达成", "定性",
            deviation="未开展培训需求调研"),
        ind(c, "满意度", "服务对象满意度", "参加培训学员的满意度", 8, 8, "不低于90%", "97.47%", "定量"),
    ]
    return Content(
        info={"project": "2022年残疾人职业技能培训及就业服务经费", "department": "昆明市残疾人联合会",
              "unit": "昆明市残疾人综合服务中心", "year": 2022, "scheme": "四级指标",
              "surveys_issued": 114, "surveys_valid": 114, "report_total": 92, "report_grade": "优",
              "report_execution": 0.8428, "report_satisfaction": 97.47, "report_indicator_count": 33,
              **NARRATIVE_003},
        budget=[
            {"seq": 1, "item": "对各就业服务项目和企业的慰问、指导、检查", "budget": 1.56, "received": 1.56,
             "executed": 0, "balance": 1.56, "note": "该项目使用办公经费，未使用此项目经费。"},
            {"seq": 2, "item": "残疾人就业服务机构工作人员培训", "budget": 5.271, "received": 5.271,
             "executed": 0.9735, "balance": 4.2975},
            {"seq": 3, "item": "残疾人职业技能培训", "budget": 64.53, "received": 64.53, "executed": 63.6,
             "balance": 0.93, "note": "通过公开招标，结余经费0.93万元。"},
            {"seq": 4, "item": "开展市级竞赛项目选拔工作和参加省级竞赛", "budget": 26, "received": 26,
             "executed": 17.477354, "balance": 8.522646},
        ],
        budget_total={"budget": 97.361, "received": 97.361, "executed": 82.050854, "balance": 15.310146},
        # B项目管理 19 = 20 − 0.63 (预算执行率 4 × 84.27%) − 0.37 (项目质量可控性).
        indicators=common({"预算执行率": 0.63, "项目质量可控性": 0.37}, execution=("100%", "84.27%")) + perf,
        surveys=[survey],
        summary=[{"section": "A项目决策", "weight": 20, "score": 20, "text_score": 20},
                 {"section": "B项目管理", "weight": 20, "score": 19, "text_score": 19},
                 {"section": "C项目绩效", "weight": 60, "score": 53, "text_score": 53}],
        summary_total={"weight": 100, "score": 92},
    )


def demo() -> Content:
    """A clean workbook: every number agrees with every other."""
    c = "C项目绩效"
    perf = [
        ind(c, "项目产出", "数量指标", "补助发放人数", 10, 10, "≥500人", "512人", "定量"),
        ind(c, "项目产出", "数量指标", "举办培训期数", 6, 6, "4期", "4期", "定量"),
        ind(c, "项目产出", "质量指标", "补助金发放率", 8, 8, "≥98%", "100%", "定量"),
        ind(c, "项目产出", "质量指标", "培训合格率", 6, 6, "≥90%", "96%", "定量"),
        ind(c, "项目产出", "时效指标", "补助资金下达时间", 5, 5, "2022年9月30日前", "2022年8月31日", "定量"),
        ind(c, "项目产出", "成本指标", "培训成本", 5, 5, "≤30万元", "28.6万元", "定量"),
        ind(c, "项目效益", "社会效益指标", "受助对象生活质量", 8, 7, "明显提高", "达成", "定性",
            deviation="部分偏远乡镇发放时间偏晚，下年度提前下达"),
        ind(c, "项目效益", "可持续影响指标", "长效管理机制", 6, 6, "逐步完善", "达成", "定性"),
        ind(c, "满意度", "服务对象满意度", "服务对象满意度", 6, 6, "≥90%", "94.6%", "定量"),
    ]
    q = [("1.您对项目总体工作是否满意？", (40, 8, 2, 0, 0)), ("2.您对补助发放的及时性是否满意？", (38, 10, 2, 0, 0)),
         ("3.您对培训内容是否满意？", (35, 12, 3, 0, 0)), ("4.您对工作人员服务态度是否满意？", (42, 6, 2, 0, 0))]
    return Content(
        info={"project": "2022年残疾人生活补助及技能培训经费", "department": "示例市残疾人联合会",
              "unit": "示例市残疾人联合会办公室", "year": 2022, "scheme": "四级指标",
              "surveys_issued": 50, "surveys_valid": 50},
        budget=[
            {"seq": 1, "item": "残疾人生活补助", "source": "当年财政拨款", "initial": 70, "budget": 70, "received": 70,
             "executed": 69.5, "balance": 0.5},
            {"seq": 2, "item": "残疾人职业技能培训", "source": "当年财政拨款", "initial": 30, "budget": 30,
             "received": 30, "executed": 28.6, "balance": 1.4},
        ],
        allocation=[
            {"seq": 1, "name": "甲县残联", "region": "甲县", "quantity": 260, "standard": 0.135, "amount": 35.1,
             "paid": 35.1},
            {"seq": 2, "name": "乙县残联", "region": "乙县", "quantity": 252, "standard": 0.135, "amount": 34.02,
             "paid": 34.02},
            {"seq": 3, "name": "示例市职业技能培训中心", "region": "市本级", "quantity": 1, "standard": 30.88,
             "amount": 30.88, "paid": 28.6, "note": "按培训实际支出拨付"},
        ],
        indicators=common({"预算执行率": 0.08}, execution=("100%", "98.1%")) + perf,
        surveys=[SurveyContent(title="示例市残疾人生活补助及技能培训经费满意度调查问卷统计表",
                               questions=[Question(t, 25, c) for t, c in q])],
    )


BUILDERS = {"000": report_000, "001": report_001, "003": report_003, "demo": demo}


# --- published 项目支出绩效自评表, transcribed cell by cell (samples/README.md says from where) -------

FORM_DIR = "自评表"  # a folder of their own: the template samples stay a batch of four
FORM_FILES = {
    "putuo": f"{FORM_DIR}/010_普陀体育中心结算费用.xlsx",
    "tangxi": f"{FORM_DIR}/011_棠溪镇委托业务项目.xlsx",
    "qingshen": f"{FORM_DIR}/012_青神县工资性支出.xlsx",
}

# A form sheet: its rows (None for an empty cell) and its merged ranges as "A1:J1".
FormSheet = tuple[str, list[list], list[str]]
DASH = "—"


def form_putuo() -> list[FormSheet]:
    """上海市普陀区体育事业管理中心 2022 (national form, 元): the typed 执行率 86.19% for 86.18%."""
    rows = [
        ["财政项目支出绩效自评表"] + [None] * 9,
        ["（2022 年度）"] + [None] * 9,
        ["项目名称", None, None, "普陀体育中心与委托运营方结算费用"] + [None] * 6,
        ["主管部门", None, None, "上海市普陀区体育局", None, None, "实施单位", "上海市普陀区体育事业管理中心", None, None],
        ["项目资金（元）", None, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None],
        [None, "年度资金总额", None, 250000.0, 250000.0, 215457.6, 10.0, 0.8619, 8.62, None],
        [None, "其中：当年财政拨款", None, 250000.0, 250000.0, 215457.6, DASH, None, DASH, None],
        [None, "上年结转资金", None, 0.0, 0.0, None, DASH, None, DASH, None],
        [None, "其他资金", None, 0.0, 0.0, None, DASH, None, DASH, None],
        ["年度总体目标", "预期目标", None, None, None, None, "实际完成情况", None, None, None],
        [None, None, None, None, None, None, "已完成普陀体育中心与委托运营方费用结算。", None, None, None],
        ["绩效指标", "一级指标", "二级指标", "三级指标", None, "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [None, "产出指标", "数量指标", "与委托运营方结算完成率", None, "=100%", "100%", 10.0, 10.0, None],
        [None, None, "质量指标", "合同结算条款完成率", None, "=100%", "100%", 20.0, 20.0, None],
        [None, None, "时效指标", "费用结算及时性", None, "及时", "及时", 20.0, 20.0, None],
        [None, "效益指标", "社会效益指标", "与委托运营方合同完成率", None, "=100%", "100%", 30.0, 30.0, None],
        [None, "满意度指标", "服务对象满意度指标", "场馆开放满意度", None, ">=90%", "100%", 10.0, 10.0, None],
        ["总分", None, None, None, None, None, None, 100.0, 98.62, None],
    ]
    merges = ["A1:J1", "A2:J2", "A3:C3", "D3:J3", "A4:C4", "D4:F4", "H4:J4", "A5:C5", "A6:A9", "B6:C6", "B7:C7",
              "B8:C8", "B9:C9", "A10:A11", "B10:F10", "G10:J10", "B11:F11", "G11:J11", "A12:A17", "D12:E12",
              "B13:B15", "D13:E13", "D14:E14", "D15:E15", "D16:E16", "D17:E17", "A18:G18"]
    return [("普陀体育中心结算费用", rows, merges)]


def form_tangxi() -> list[FormSheet]:
    """池州市贵池区棠溪镇人民政府 2022 委托业务项目 (national form, 万元): the 年度资金总额 line left
    at 0 while 本年财政拨款 holds the money; `≥100百分比`; 达成预期指标 as 实际完成值."""
    rows = [
        ["项目支出绩效自评表"] + [None] * 9,
        ["（2022年度）"] + [None] * 9,
        ["项目名称", None, None, "委托业务项目"] + [None] * 6,
        ["主管部门", None, None, "219-池州市贵池区棠溪镇人民政府", None, None, "实施单位", "219001-池州市贵池区棠溪镇人民政府",
         None, None],
        ["项目资金\n（万元）", None, None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None],
        [None, "年度资金总额：", None, 0.0, 0.0, 0.0, 10.0, 0.0, 0.0, None],
        [None, "其中：本年财政拨款", None, 90.0, 89.974, 89.974, None, None, None, None],
        [None, "上年结转资金", None, None, None, None, None, None, None, None],
        [None, "其他资金", None, None, None, None, None, None, None, None],
        ["年度总体目标", "预期目标", None, None, None, None, "实际完成情况", None, None, None],
        [None, "本项目共申请预算资金90万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；"
               "30万元用于基建工程项目设计、规划、测绘。", None, None, None, None,
         "本项目共完成预算资金89.97万元。其中：30万元用于基建工程项目预算编制；30万元用于基建工程项目审计；"
         "29.99万元用于基建工程项目设计、规划、测绘。", None, None, None],
        ["绩效指标", "一级指标", "二级指标", "三级指标", None, "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [None, "产出指标(50分)", "数量指标", "基建工程委托业务项目数量", None, "≥50个", 50.0, 8.0, 8.0, None],
        [None, None, "质量指标", "委托业务报告合格率", None, "≥100百分比", 100.0, 8.0, 8.0, None],
        [None, None, None, "经费支出合规性", None, "严格执行相关制度规定", "达成预期指标", 8.0, 8.0, None],
        [None, None, "时效指标", "提交报告及时性", None, "在项目计划完成时间内完成", "达成预期指标", 8.0, 8.0, None],
        [None, None, "成本指标", "项目总成本", None, "≤90万元", 90.0, 8.0, 8.0, None],
        [None, None, None, "单项业务成本", None, "符合相关规定", "达成预期指标", 10.0, 10.0, None],
        [None, "效益指标(30分)", "社会效益指标", "对维护基建市场公平的影响程度", None, "效果明显", "达成预期指标", 10.0, 10.0, None],
        [None, None, "生态效益指标", "对控制基建项目成本影响程度", None, "效果明显", "达成预期指标", 10.0, 10.0, None],
        [None, None, "可持续影响指标", "对推动基建项目“四项制度”健全和落实的持续性影响", None, "效果明显", "达成预期指标", 10.0,
         10.0, None],
        [None, None, "经济效益指标", None, None, None, None, None, None, None],
        # The stored copy of the published table ends at “公众满”: this row is completed (samples/README.md).
        [None, "满意度指标(10分)", "满意度指标", "公众满意度", None, "较满意", "达成预期指标", 10.0, 10.0, None],
    ]
    merges = ["A1:J1", "A2:J2", "A3:C3", "D3:J3", "A4:C4", "D4:F4", "H4:J4", "A5:C5", "A6:A9", "B6:C6", "B7:C7",
              "B8:C8", "B9:C9", "A10:A11", "B10:F10", "G10:J10", "B11:F11", "G11:J11", "A12:A23", "D12:E12",
              "B13:B18", "C14:C15", "C17:C18", "B19:B22"] + [f"D{r}:E{r}" for r in range(13, 24)]
    return [("委托业务项目", rows, merges)]


def form_qingshen() -> list[FormSheet]:
    """青神县发展和改革局 2023 工资性支出 (一体化 export): published unfinished — 完成值 and 得分
    blank, the form's instructions left where the text belongs."""
    note = ("1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因(100字以内)；2.年中发生预算调整的（追加或调减），"
            "应单独说明理由；3.其他资金包括：社会投入资金、银行贷款。")
    rows = [
        ["报表编号：510000_0013zp"] + [None] * 10,
        ["部门预算项目支出绩效自评表(2023年度)"] + [None] * 10,
        ["项目名称", "51000021R000000019951-工资性支出"] + [None] * 9,
        ["主管部门", "青神县发展和改革局本级", None, None, None, "实施单位\n(盖章)", "青神县发展和改革局", None, None, None, None],
        ["项目基本情况", "1.项目年度目标完成情况", None, "项目年度目标", None, None, None, "年度目标完成情况", None, None, None],
        [None, None, None, "严格执行相关政策，保障工资及时、足额发放或社保及时、足额缴纳，预算编制科学合理，减少结余资金。",
         None, None, None, "对照年度目标，说明相关任务目标的完成情况(100字以内)", None, None, None],
        [None, "2.项目实施内容及过程概述", None, None, None, None, None, None, None, None, None],
        ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因",
         None, None],
        [None, "总额", 238.93, 251.89, 251.89, 1.0, 10.0, None, note, None, None],
        [None, "其中:财政资金", 238.93, 251.89, 251.89, 1.0, "/", "/", None, None, None],
        [None, "财政专户管理资金", 0.0, 0.0, 0.0, 0.0, "/", "/", None, None, None],
        [None, "单位资金", 0.0, 0.0, 0.0, 0.0, "/", "/", None, None, None],
        [None, "其他资金", None, None, None, None, "/", "/", None, None, None],
        ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
        [None, "产出指标", "数量指标", "发放(缴纳)覆盖率", "=", 100.0, "%", None, 60.0, None, None],
        [None, "效益指标", "社会效益指标", "足额保障率(参保率)", "=", 100.0, "%", None, 30.0, None, None],
        ["合计", None, None, None, None, None, None, None, 100.0, None, None],
        ["评价结论", "结合自评情况，说明项目自评总分，说明项目实施取得的成效或成果。(200字以内)"] + [None] * 9,
        ["存在问题", "结合自评情况，分析存在的问题及原因。(200字以内)"] + [None] * 9,
        ["改进措施", "针对项目自评中发现的问题，提出下一步改进完善的意见及有关政策性建议。(200字以内)"] + [None] * 9,
        ["项目负责人：", None, None, None, None, "财务负责人：", None, None, None, None, None],
    ]
    merges = ["A1:K1", "A2:K2", "B3:K3", "B4:E4", "G4:K4", "A5:A7", "B5:C6", "D5:G5", "H5:K5", "D6:G6", "H6:K6",
              "B7:C7", "D7:K7", "A8:A13", "I8:K8", "I9:K13", "A14:A16", "A17:H17", "J17:K17", "B18:K18", "B19:K19",
              "B20:K20", "A21:E21", "F21:K21"]
    return [("工资性支出", rows, merges)]


FORM_BUILDERS = {"putuo": form_putuo, "tangxi": form_tangxi, "qingshen": form_qingshen}


def write_form(path: Path, sheets: list[FormSheet]) -> Path:
    """A 自评表 workbook as units file it: one sheet per project, merged labels, thin borders."""
    import xlsxwriter

    from .files import write_atomic

    def write(tmp: Path) -> None:
        book = xlsxwriter.Workbook(str(tmp))
        text = book.add_format({"border": 1, "text_wrap": True, "valign": "vcenter", "font_name": "宋体", "font_size": 10})
        money = book.add_format({"border": 1, "num_format": "#,##0.00##", "valign": "vcenter", "font_size": 10})
        rate = book.add_format({"border": 1, "num_format": "0.00%", "valign": "vcenter", "font_size": 10})
        title = book.add_format({"bold": True, "font_size": 14, "align": "center", "valign": "vcenter"})
        for name, rows, merges in sheets:
            ws = book.add_worksheet(name)
            ws.set_paper(9)  # A4 landscape, one page wide, as units print it
            ws.set_landscape()
            ws.fit_to_pages(1, 0)
            ws.set_column(0, 0, 12)
            ws.set_column(1, 10, 13)
            for r, values in enumerate(rows):  # room for the long texts (目标, 说明)
                longest = max((len(v) for v in values if isinstance(v, str)), default=0)
                if longest > 24 or any(isinstance(v, str) and "\n" in v for v in values):
                    ws.set_row(r, 15 * min(6, 2 + longest // 24))
            # 执行率 columns are percentages down to the 绩效指标 header, where the columns change meaning
            rate_cols = {c for r in rows for c, v in enumerate(r) if label_key(v) in RATE_LABELS}
            rate_rows = next((r for r, values in enumerate(rows) if any(label_key(v) in LEVEL_LABELS for v in values)),
                             len(rows))
            merged_at = {}
            for m in merges:
                first, last = m.split(":")
                (r0, c0), (r1, c1) = _rc(first), _rc(last)
                merged_at[(r0, c0)] = (r1, c1)
            covered = {(r, c) for (r0, c0), (r1, c1) in merged_at.items()
                       for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0)}
            for r, values in enumerate(rows):
                for c, v in enumerate(values):
                    if (r, c) in covered:
                        continue
                    fmt = title if r < 2 and c == 0 else \
                        rate if isinstance(v, float) and c in rate_cols and r < rate_rows else \
                        money if isinstance(v, float) else text
                    if (r, c) in merged_at:
                        ws.merge_range(r, c, *merged_at[(r, c)], v if v is not None else "", fmt)
                    elif v is None:
                        ws.write_blank(r, c, None, text)
                    elif isinstance(v, str):  # `=100%` is what was typed, not a formula
                        ws.write_string(r, c, v, fmt)
                    else:
                        ws.write_number(r, c, v, fmt)
        book.close()

    return write_atomic(path, write)


RATE_LABELS = {label_key(n) for c in BUDGET_COLUMNS if c.key == "rate" for n in c.names}
LEVEL_LABELS = {label_key(n) for c in INDICATOR_COLUMNS if c.key == "level3" for n in c.names}


def _rc(ref: str) -> tuple[int, int]:
    """`B7` → (6, 1), 0-based."""
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters):]) - 1, col_index(letters) - 1


def build(out: Path) -> list[Path]:
    (out / FORM_DIR).mkdir(exist_ok=True)
    return [write_sample(key, out) for key in BUILDERS] + [write_form(out / FORM_FILES[k], FORM_BUILDERS[k]())
                                                          for k in FORM_BUILDERS]


def write_sample(key: str, out: Path) -> Path:
    return write_template(out / FILES[key], BUILDERS[key]())


def write_demo_form(out: Path) -> Path:
    """The 自评表 sample `excel-eval demo` shows: 棠溪镇's, with its total line left at 0."""
    return write_form(out / Path(FORM_FILES["tangxi"]).name, FORM_BUILDERS["tangxi"]())
