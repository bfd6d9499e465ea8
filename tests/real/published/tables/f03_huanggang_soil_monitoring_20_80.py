"""黄冈市水土保持与农田水利科研所 2020年度 水土保持监测 — municipal-20-80 (two target blocks, 40 + 40), 湖北. No 分值
column; 年度绩效目标1(40分) scores 10 + 10 + 19.6: the satisfaction line (98% against 98%, met) is given 19.6 = 20 × 98%
instead of its 20, so the typed 总分 99.6 adds up but should be 100; 效益指标 lines carry no indicator."""

SOURCE = {
    "title": "2020年度水土保持监测项目绩效自评表",
    "url": None,
    "unit": "黄冈市水土保持与农田水利科研所（主管部门：黄冈市水利和湖泊局）",
    "province": "湖北",
    "year": 2020,
    "complete": True,
    "note": (
        "The store keeps this table with no address: a document-sharing page ('下载本文档 … 文档简介') whose preview text "
        "is the form flattened with no cell separators, in traditional characters (a mirror's conversion). Cells are "
        "converted back to simplified characters (a mechanical undoing, as in d06: 項目 → 项目, 績效 → 绩效, 滿意度 → 满意度) "
        "and split by the printed header order: 预算数(A) 执行数(B) 执行率(B/A) 得分(20分*执行率) → '1010100%20' = 10 | 10 | "
        "100% | 20. The check boxes of 项目类别/项目属性/项目类型 are not stored (the options are kept as text, unmarked). "
        "年度绩效目标1(40分): 产出指标 质量指标 监测数据必须合格 100% 100% 10; 进度指标 取得2018-2022监测资料 100% 100% 10 (the "
        "name runs across the preview's line break: '取得2018-2022' | '监测资料', joined); then '效益指标' with nothing after it, "
        "then 满意度指标 服务对象满意度指标 整编资料审核 98% 98% 19.6. 年度绩效目标2(40分): 产出指标 质量指标 监测数据资料整编 "
        "100% 100% 20; 进度指标 完成年度资料上报 100% 100% 20; 效益指标 社会效益指标 (empty); 满意度指标 服务对象满意度指标 "
        "(empty). 总分 99.6; 偏差大或目标未完成原因分析 and 改进措施及结果应用方案 printed empty. The 备注 under the table is cut "
        "('预算数为调整后财政资金…') and dropped. Same printed form as b01/b06 (鄂 20/80), with two target blocks."
    ),
}
FAMILY = "municipal-20-80"

N = None
SHEETS = [
    ("Sheet1", [
        ["2020年度水土保持监测项目绩效自评表", N, N, N, N, N, N],
        ["单位名称:黄冈市水土保持与农田水利科研所", N, N, N, "填报日期:2021年3月10日", N, N],
        ["项目名称", "水土保持监测", N, N, N, N, N],
        ["主管部门", "黄冈市水利和湖泊局", N, "项目实施单位", "本单位", N, N],
        ["项目类别", "1、上级专项 2、本级专项", N, N, N, N, N],
        ["项目属性", "1、持续性项目 2、新增性项目", N, N, N, N, N],
        ["项目类型", "1、常年性项目 2、延续性项目 3、一次性项目", N, N, N, N, N],
        ["预算执行情况(万元)(20分)", N, N, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
        [N, "年度财政资金总额", N, 10.0, 10.0, "100%", 20.0],
        ["年度绩效目标1(40分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [N, "产出指标", "质量指标", "监测数据必须合格", "100%", "100%", 10.0],
        [N, N, "进度指标", "取得2018-2022监测资料", "100%", "100%", 10.0],
        [N, "效益指标", N, N, N, N, N],
        [N, "满意度指标", "服务对象满意度指标", "整编资料审核", "98%", "98%", 19.6],
        ["年度绩效目标2(40分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [N, "产出指标", "质量指标", "监测数据资料整编", "100%", "100%", 20.0],
        [N, N, "进度指标", "完成年度资料上报", "100%", "100%", 20.0],
        [N, "效益指标", "社会效益指标", N, N, N, N],
        [N, "满意度指标", "服务对象满意度指标", N, N, N, N],
        ["总分", N, N, N, N, N, 99.6],
        ["偏差大或目标未完成原因分析", N, N, N, N, N, N],
        ["改进措施及结果应用方案", N, N, N, N, N, N],
    ], ["A1:G1", "A2:D2", "E2:G2", "B3:G3", "B4:C4", "E4:G4", "B5:G5", "B6:G6", "B7:G7",
        "A8:A9", "B8:C8", "B9:C9", "A10:A14", "B11:B12", "A15:A19", "B16:B17", "A20:F20", "B21:G21", "B22:G22"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "水土保持监测",
    "budget": 10.0,
    "executed": 10.0,
    "execution_rate": 1.0,
    "budget_points": 20.0,
    "budget_score": 20.0,
    "weights": 100.0,
    "typed_total": 99.6,
    "total": 100.0,
    "grade": "优",
    "why": "",
    "contradictions": [
        {"cell": "G14", "severity": "警告",
         "what": "整编资料审核 98% against 98% (met), yet 19.6 of its implied 20: the unit multiplied the weight by the "
                 "actual rate (20 × 98%) instead of by actual/target (98/98 = 1)"},
        {"cell": "G20", "severity": "提示",
         "what": "总分 99.6 = 20 + 10 + 10 + 19.6 + 20 + 20 (it adds up) but carries the 0.4 wrongly deducted at G14; by the rule 100"},
        {"cell": "B13", "severity": "提示", "what": "效益指标 under 年度绩效目标1 has no indicator (empty line)"},
        {"cell": "C18", "severity": "提示", "what": "效益指标/满意度指标 under 年度绩效目标2 have no indicators (empty lines)"},
    ],
    "hand": ("Budget 10/10 = 100% → 20 × 1 = 20 (typed 20). No 分值 column; the weights follow from the block labels and the "
             "full scores: 目标1 (40分): 10 + 10 + w = 40 → w = 20 for 整编资料审核; 目标2 (40分): 20 + 20 = 40. 目标1: 100%/100% "
             "→ 10; 100%/100% → 10; 98%/98% → 20 (typed 19.6). 目标2: 100%/100% → 20; 100%/100% → 20. Total 20 + 40 + 40 = "
             "100.00 → 优. Declared 20 + 40 + 40 = 100. Typed scores add to 99.6 = typed 总分."),
}]
