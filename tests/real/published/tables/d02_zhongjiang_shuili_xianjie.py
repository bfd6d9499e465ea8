"""中江县水利局 2022年度 小型水库水标尺制作安装 (衔接资金) — other, 四川. Indicators carry 100 points on their own
(70/20/10) on top of a 10-point budget line, so the declared 分值 add to 110 while 总分 says 100/100; most
实际值 just repeat the target with its "≥"."""

SOURCE = {
    "title": "附件:2022年财政衔接资金实施项目绩效自评表 (中江县水利局) — 绩效目标自评表(2022年度)",
    "url": "https://chacewang.com/newsdetail/news242266.html",
    "unit": "中江县水利局",
    "province": "四川",
    "year": 2022,
    "complete": True,
    "note": (
        "Stored as flattened text with no cell separators at all, on a page announcing that 中江县2022年衔接资金实施项目 "
        "绩效目标自评 was done (意见收集人 罗娟, dated 2022年12月30日). Cells were split by the header order: "
        "资金情况 row 年度资金总额: '202010100.00%10' = 20 | 20 | 10 | 100.00% | 10; 其中:本年财政拨款 '2020' = 20 | 20. "
        "The two 年度总体目标 texts run together; I split them where the wording restarts "
        "('…夯实基础,' | '对项目区农业用水计量,…'). 经济效益指标 is printed with no indicator (an empty row). "
        "A lone '……' follows the satisfaction row; I put it in the 三级指标 column of its own row. "
        "'总分100100' is placed as 分值 total (E) and 得分 total (H). The 注: paragraph under the table stops "
        "mid-sentence ('3.定量指标若为正向') and is dropped; it says 一级指标分值统一设置为 产出指标50分、效益指标30分、"
        "满意度指标10分、预算资金执行率10分 — the unit used 70/20/10 instead. Row/column layout (label spans) is my "
        "rebuild of the usual Sichuan 衔接资金 form; brackets and colons are as stored (half-width)."
    ),
}
FAMILY = "other:衔接资金绩效目标自评表 — 资金情况 全年预算数(A)/全年执行数(B)/分值/执行率(B/A)/得分; 分值 column before 年度指标值/全年实际值"

SHEETS = [
    ("Sheet1", [
        ["绩效目标自评表(2022年度)", None, None, None, None, None, None, None, None],
        ["项目名称", "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装", None, None, None, "项目负责人及电话", None, "谢凯13990260322(办公)", None],
        ["主管部门", "中江县水利局", None, None, None, "实施单位", None, "中江县水利局", None],
        ["资金情况(万元)", None, None, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", None],
        [None, "年度资金总额:", None, 20.0, 20.0, 10.0, 1.0, 10.0, None],
        [None, "其中:本年财政拨款", None, 20.0, 20.0, None, None, None, None],
        [None, "其他资金", None, None, None, None, None, None, None],
        ["年度总体目标", "年初设定目标", None, None, None, "年度总体目标完成情况综述", None, None, None],
        [None, "对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,", None, None, None,
         "对项目区农业用水计量,为项目区农业生产夯实基础,", None, None, None],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分", "未完成原因及拟采取的改进措施"],
        [None, "产出指标(70分)", "数量指标", "安装坡面水标尺", 10.0, "≥266米", "≥266米", 10.0, None],
        [None, None, None, "水标尺宽度", 10.0, "≥50厘米", "≥50厘米", 10.0, None],
        [None, None, "质量指标", "项目(工程)验收合格率", 20.0, "100%", "100%", 20.0, None],
        [None, None, "时效指标", "及时(按期)开工率", 10.0, "≥90%", "≥90%", 10.0, None],
        [None, None, None, "及时(按期)完工率", 10.0, "≥90%", "≥90%", 10.0, None],
        [None, None, "成本指标", "项目计划总投资", 10.0, "20万元", "20万元", 10.0, None],
        [None, "效益指标(20分)", "经济效益指标", None, None, None, None, None, None],
        [None, None, "社会效益指标", "受益脱贫(含监测对象)户人口数", 10.0, "≥1000人", "≥1000人", 10.0, None],
        [None, None, None, "群众生产生活条件改善状况", 10.0, "显著提升", "显著提升", 10.0, None],
        [None, "满意度指标(10分)", "服务对象满意度指标", "受益脱贫(含监测对象)户满意度", 10.0, "≥95%", "≥95%", 10.0, None],
        [None, None, None, "……", None, None, None, None, None],
        ["总分", None, None, None, 100.0, None, None, 100.0, None],
    ], [
        "A1:I1", "B2:E2", "F2:G2", "H2:I2", "B3:E3", "F3:G3", "H3:I3",
        "A4:A7", "B4:C4", "B5:C5", "B6:C6", "B7:C7",
        "A8:A9", "B8:E8", "F8:I8", "B9:E9", "F9:I9",
        "A10:A21", "B11:B16", "C11:C12", "C14:C15", "B17:B19", "C18:C19", "B20:B21",
        "A22:D22",
    ]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装",
    "budget": 20.0,
    "executed": 20.0,
    "execution_rate": 1.0,
    "budget_points": 10.0,
    "budget_score": 10.0,
    "weights": 110.0,
    "typed_total": 100.0,
    "total": 110.0,
    "grade": None,
    "why": "",
    "contradictions": [
        {"cell": "E22", "severity": "错误",
         "what": "总分 分值 typed 100, but the form declares 110: budget 分值 10 (F5) + indicators 70 + 20 + 10"},
        {"cell": "H22", "severity": "错误",
         "what": "总分 得分 typed 100, but the typed scores add to 110 (budget 10 + 产出 70 + 效益 20 + 满意度 10); "
                 "the 100 counts the indicators only"},
        {"cell": "B11", "severity": "提示",
         "what": "产出指标(70分)/效益指标(20分) differ from the form's own note (产出50、效益30、满意度10、执行率10 = 100); "
                 "each label does match the sum of its rows"},
        {"cell": "G11", "severity": "提示", "what": "全年实际值 '≥266米' repeats the target with its ≥ sign, not a measured value"},
        {"cell": "G12", "severity": "提示", "what": "全年实际值 '≥50厘米' repeats the target, not a measured value"},
        {"cell": "G14", "severity": "提示", "what": "全年实际值 '≥90%' repeats the target, not a measured rate"},
        {"cell": "G15", "severity": "提示", "what": "全年实际值 '≥90%' repeats the target, not a measured rate"},
        {"cell": "G18", "severity": "提示", "what": "全年实际值 '≥1000人' repeats the target, not a count"},
        {"cell": "G20", "severity": "提示", "what": "全年实际值 '≥95%' repeats the target, not a measured satisfaction rate"},
    ],
    "hand": "执行率 20/20 = 100% (typed 100.00%) → budget 10 × 1 = 10 (typed 10). Indicators, reading each '≥X' actual as X: "
            "266/266, 50/50, 100%/100%, 90/90, 90/90, 20万元 = 20万元 → full 10+10+20+10+10+10 = 70; 1000/1000 → 10; "
            "显著提升 (qualitative) → typed 10; 95/95 → 10. Total 10 + 70 + 20 + 10 = 110.00. Declared 分值 110 ≠ 100 → "
            "no grade. Typed 总分 100/100 leaves the budget line out.",
}]
