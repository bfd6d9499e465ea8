"""学院路街道城市运行服务中心 2016年度 自管道路清扫保洁外包工作经费 — other, 北京. Executed 154.74 of 310.2 (49.88%),
typed 50% and a budget score of 5; a 得分计算方法 column sits beside 得分; the stored preview stops after the first indicator."""

SOURCE = {
    "title": "项目支出绩效自评表.doc",
    "url": "https://www.wenku365.com/s-60761775.html",
    "unit": "北京市海淀区学院路街道城市运行服务中心",
    "province": "北京",
    "year": 2016,
    "complete": False,
    "note": (
        "A document-sharing preview (天天文库) of a 2-page .doc, flattened without cell separators and chopped into "
        "numbered chunks ('1、', '2、', '3、' are the site's chunk markers, not table text; they were removed — the "
        "'2、' falls inside the word 科学管理 and the '3、' inside the first indicator's numbers). Number runs split by "
        "header order and arithmetic: '310.2154.741050%5' = 310.2 | 154.74 | 10 | 50% | 5 (154.74/310.2 = 49.88% "
        "fits the typed 50%); first indicator '12.5' '12.5' '12.5' … '12.5' read as 分值 | 年度指标值(A) | 全年实际值(B) "
        "| … | 得分 — the only split that leaves no stray digit, but it is my reading. '产出指标(50分)' is printed after "
        "that row (the merged 一级 cell's text lands mid-block in the extraction); I put it on the first 产出 row. "
        "The preview ends at '产出指标(50分)质量指标是否达到国' — that row is cut mid-word and dropped; all further "
        "indicators, 总分 and notes are missing. No 预期目标/实际完成情况 sub-headers appear under 年度总体目标, so none "
        "are invented; the two texts are split where the 实际完成 wording starts ('按照年初设定目标,…'). "
        "'实施单位:' may be typed as one cell with its value; I split label and value."
    ),
}
FAMILY = "other:北京2016 项目支出绩效自评表 — 年初预算数(A)/全年执行数(B)/分值(10分)/执行率(B/A)/得分/得分计算方法; 指标 分值 before 年度指标值(A)/全年实际值(B), 得分计算方法 before 得分"

SHEETS = [
    ("Sheet1", [
        ["项目支出绩效自评表(2016年度)", None, None, None, None, None, None, None, None, None],
        ["项目名称", "【体制】自管道路清扫保洁外包工作经费", None, None, None, None, None, None, None, None],
        ["主管部门及代码", "北京市海淀区人民政府学院路街道办事处", None, None, None, "实施单位:", "北京市海淀区学院路街道城市运行服务中心", None, None, None],
        ["项目资金(万元)", None, None, None, "年初预算数(A)", "全年执行数(B)", "分值(10分)", "执行率(B/A)", "得分", "得分计算方法"],
        [None, "年度资金总额:", None, None, 310.2, 154.74, 10.0, 0.5, 5.0, "执行率*该指标分值,最高不得超过分值上限。"],
        [None, "其中:本年一般公共预算拨款", None, None, 310.2, 154.74, None, None, None, None],
        [None, "其他资金", None, None, None, None, None, None, None, None],
        ["年度总体目标",
         "通过规范地区自管道路清扫保洁外包工作经费工作专项资金的使用,明确专项资金使用目的,实现科学管理,充分发挥项目资金在地区自管小区、小广告、三级以下道路、无主垃圾渣土清运及重大活动环境卫生保障工作中的作用,将自管道路保洁进行外包,更好的服务于本地区政治、经济、文化等各项事业的发展",
         None, None, None,
         "按照年初设定目标,将辖区20条城市道路清扫保洁、4处居民生活区小广场清扫保洁业务通过公开招投标方式进行了外包,通过地区自管道路清扫保洁外包项目的实施,使地区环境卫生及社区环境更加优美,为建设全国文明城区及建设美丽学院路做出了贡献",
         None, None, None, None],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值(A)", "全年实际值(B)", "得分计算方法", "得分", "未完成原因分析"],
        [None, "产出指标(50分)", "数量指标", "是否完成绩效目标申报表中申报的数量", 12.5, 12.5, 12.5,
         "完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。", 12.5, None],
    ], [
        "A1:J1", "B2:J2", "B3:E3", "G3:J3",
        "A4:A7", "B4:D4", "B5:D5", "B6:D6", "B7:D7", "J5:J7",
        "B8:E8", "F8:J8",
        "A9:A10",
    ]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "【体制】自管道路清扫保洁外包工作经费",
    "budget": 310.2,
    "executed": 154.74,
    "execution_rate": 0.4988394584139266,
    "budget_points": 10.0,
    "budget_score": 4.988394584139266,
    "weights": 22.5,  # only the budget line (10) and the first indicator (12.5) survive; label 产出指标(50分)
    "typed_total": None,
    "total": 17.488395,  # the page as stored: 22.5 points (4.99 + 12.5), so the total stands ungraded
    "grade": None,
    "why": "the stored preview stops after the first indicator row; the other indicators and the 总分 are missing",
    "contradictions": [
        {"cell": "B10", "severity": "错误", "what": "as the page is stored (cut after the first indicator): 产出指标(50分) holds 12.5 points"},
        {"cell": "E10", "severity": "错误", "what": "as the page is stored: points add to 22.5, not 100, so no grade"},
        {"cell": "H5", "severity": "提示", "what": "执行率 typed 50%; 154.74 ÷ 310.2 = 49.88% (rounded to a whole percent)"},
        {"cell": "I5", "severity": "提示", "what": "budget 得分 typed 5; 10 × 49.88% = 4.99 (computed from the rounded rate)"},
        {"cell": "F10", "severity": "提示",
         "what": "年度指标值(A) and 全年实际值(B) are both 12.5, the indicator's own 分值 — points typed where a target and an actual belong"},
    ],
    "hand": "执行率 = 154.74 / 310.2 = 0.498839 → budget score 10 × 0.498839 = 4.988. Typed 50% / 5 are roundings. "
            "First indicator: A = 12.5, B = 12.5 → B/A = 1 → 12.5 (typed 12.5). Everything after it is cut, so no total; "
            "visible so far 4.99 + 12.5 = 17.49 of 22.5 declared points.",
}]
