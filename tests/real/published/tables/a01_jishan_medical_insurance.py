"""稷山县医疗保障局 2020年度 建档立卡个人缴费县级配套资金 — national-form, 山西. 指标1: labels kept; typed 总分 94 but the typed scores add to 93, and met targets still lose points."""

SOURCE = {
    "title": "建档立卡个人缴费县级配套绩效自评表.xlsx",
    "url": "https://keke.chddh.cn/archives/bqg98jldqdz7y2xm7pe6.html",
    "unit": "稷山县医疗保险服务中心（主管部门：稷山县医疗保障局）",
    "province": "山西",
    "year": 2020,
    "complete": True,
    "note": ("The stored page is the text of the xlsx, flattened column by column (labels and values out of order); "
             "the grid is rebuilt from the printed national form. The 年度资金总额 line carries only two amounts "
             "(65.66, 65.07) for the three columns 年初预算数/全年预算数/全年执行数: 65.66 is put under 全年预算数 "
             "(the 99% rate is 65.07 ÷ 65.66) and 年初预算数 left empty — it may instead have been typed under "
             "年初预算数. Punctuation is as the store gives it (half-width colons and brackets). The 二级指标 of the "
             "效益 row is stored as just '社会效益' (no '指标'). The form is titled '稷山县项目支出绩效自评表'."),
}
FAMILY = "national-form"

SHEETS = [
    ("Sheet1", [
        ["稷山县项目支出绩效自评表", None, None, None, None, None, None, None, None],
        ["(2020年度)", None, None, None, None, None, None, None, None],
        ["项目名称", "建档立卡个人缴费县级配套资金", None, None, None, None, None, None, None],
        ["主管部门", "稷山县医疗保障局", None, None, "实施单位", "稷山县医疗保险服务中心", None, None, None],
        ["项目资金(万元)", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None],
        [None, "年度资金总额", None, 65.66, 65.07, 10.0, 0.99, 9.0, None],
        [None, "其中:当年财政拨款", None, 65.66, 65.07, "—", 0.99, "—", None],
        [None, "上年结转资金", None, None, None, "—", None, "—", None],
        [None, "其他资金", None, None, None, "—", None, "—", None],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况", None, None, None],
        [None, "提高医疗保障水平,推进因病致贫问题的根本性解决", None, None, None,
         "提高医疗保障水平,推进了因病致贫问题的基本性解决", None, None, None],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [None, "产出指标(50分)", "数量指标", "指标1:全县参合人数", 8755.0, 8676.0, 15.0, 13.0,
         "建档立卡中有新增死亡人员,导致有偏差"],
        [None, None, "质量指标", "指标1:资金是否全部纳入医保统筹", "100%", "100%", 15.0, 15.0, None],
        [None, None, "时效指标", "指标1:资金是否全部及时纳入", "100%", "100%", 10.0, 10.0, None],
        [None, None, "成本指标", "指标1:配套资金每人每年", "75元", "75元", 10.0, 10.0, None],
        [None, "效益指标(30分)", "社会效益", "指标1:是否解决建档立卡人员看病难贵问题", "95%", "95%", 30.0, 27.0, None],
        [None, "满意度指标(10分)", "服务对象满意度指标", "指标1:是否满意", "95%", "95%", 10.0, 9.0, None],
        ["总分", None, None, None, None, None, 100.0, 94.0, None],
    ], ["A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A5:A9", "H5:I5", "H6:I6", "H7:I7", "H8:I8", "H9:I9",
        "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11", "A12:A18", "B13:B16", "A19:F19"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "建档立卡个人缴费县级配套资金",
    "budget": 65.66,
    "executed": 65.07,
    "execution_rate": 0.9910143161742309,
    "budget_points": 10.0,
    "budget_score": 9.910143161742308,
    "weights": 100.0,
    "typed_total": 94.0,
    "total": 99.77,
    "grade": "优",
    "why": "",
    "contradictions": [
        {"cell": "G6", "severity": "提示", "what": "执行率 typed 99%; 65.07 ÷ 65.66 = 99.10% (rounding)"},
        {"cell": "H6", "severity": "提示", "what": "budget 得分 typed 9; 10 × 99.10% = 9.91 (rounded down, against the unit)"},
        {"cell": "H13", "severity": "警告", "what": "参合人数 8676 of 8755 (99.1%) gives 14.86 of 15; typed 13 deducts far more than the shortfall"},
        {"cell": "H17", "severity": "警告", "what": "实际完成值 95% equals 年度指标值 95%, yet 27 of 30"},
        {"cell": "H18", "severity": "警告", "what": "实际完成值 95% equals 年度指标值 95%, yet 9 of 10"},
        {"cell": "H19", "severity": "错误", "what": "总分 typed 94; the typed scores add to 93 (9+13+15+10+10+27+9)"},
    ],
    "hand": ("rate 65.07/65.66 = 0.991014 → budget 9.9101 of 10; 参合人数 8676/8755 × 15 = 14.8646; "
             "纳入医保统筹 100%/100% → 15; 及时纳入 100%/100% → 10; 每人每年 75元 = 75元 → 10; "
             "看病难贵 95%/95% → 30; 满意 95%/95% → 10; sum 9.9101+14.8646+15+10+10+30+10 = 99.77; "
             "weights 10+15+15+10+10+30+10 = 100; section labels 50/30/10 match (15+15+10+10, 30, 10)."),
}]
