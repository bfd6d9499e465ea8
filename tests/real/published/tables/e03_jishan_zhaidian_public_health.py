"""稷山县翟店镇卫生院 2021年度 国家基本公共卫生服务 — national-form, 山西. 25 数量 indicators scored to one decimal:
five rounded up in the unit's favour (0-36月龄中医药 770 of 1228 scored 1.8 of 2, the rule gives 1.25), 居民健康档案
37442 of 38508 given full marks, three actuals 4.7 to 25 times their targets; the 年度资金总额 line gives 全年预算数 0
against 207.4538 executed yet types 执行率 100% and 10 points; the stored page stops in 质量指标."""

SOURCE = {
    "title": "基本公共卫生服务项目支出绩效自评表.xlsx (稷山县项目支出绩效自评表 (2021年度))",
    "url": "https://keke.chddh.cn/archives/p4q58rogpx4emom7ewb9.html",
    "unit": "稷山县翟店镇卫生院（主管部门：稷山县卫生健康和体育局）",
    "province": "山西",
    "year": 2021,
    "complete": False,
    "note": ("Same mirror host and same flattening as a01 (the xlsx read column by column: labels and values out of "
             "order); the grid is rebuilt in a01's 9-column national layout. Budget: the 年初预算数 column holds one '0' "
             "(年度资金总额); the row values then read 0 | 207.4538 | 10 | 100% | 10 (全年预算数 | 全年执行数 | 分值 | 执行率 "
             "| 得分) and, for 其中:当年财政拨款, 207.4538 | — | 100% | — — one amount for two columns: it is put under "
             "全年执行数 as in the total line, 全年预算数 left empty (it may instead be the 全年预算数). One stray '—' is "
             "stored near the 一级指标 header; 上年结转资金/其他资金 are left empty. 年度总体目标 reads '国家基本公共卫生服务' "
             "for both 预期目标 and 实际完成情况. Indicators: the stored order is 指标1 and 指标2 with their names, then the "
             "targets of 指标3-5 (不少于6种, 116次, 6次), the name of 指标5 (举办健康教育知识讲座) and the values of 指标1-5 "
             "(37442人 3 3, 14种 1 1, 28种 1 1, 150次 1 1, 150次 1 1): 指标3 and 指标4 are stored without names (kept as "
             "'指标3:' / '指标4:'), and values are matched to 指标1-5 in stored order. 指标6-25 are stored name by name. "
             "The 一级/二级 labels of the block (产出指标, 数量指标) and the '绩效指标' side label are not on the stored "
             "page (merged cells whose text falls past the cut); 产出指标 and 数量指标 are put back as merged labels "
             "(their printed wording, e.g. '(50分)', is unknown), the side label left empty. The '偏差原因分析及改进措施' "
             "header is not stored either (column I empty). The page stops at '质量指标 指标1:提升国家基本': that row "
             "is dropped, and the rest of 产出/效益/满意度 and the 总分 are missing. '新生入访视数' and the units '例' are "
             "as stored."),
}
FAMILY = "national-form"

N = None
_IND = [  # 三级指标, 年度指标值, 实际完成值, 分值, 得分
    ("指标1:居民健康档案", "38508人", "37442人", 3.0, 3.0),
    ("指标2:发放健康教育资料", "不少于12种", "14种", 1.0, 1.0),
    ("指标3:", "不少于6种", "28种", 1.0, 1.0),
    ("指标4:", "116次", "150次", 1.0, 1.0),
    ("指标5:举办健康教育知识讲座", "6次", "150次", 1.0, 1.0),
    ("指标6:举办健康教育宣传咨询活动", "12次", "96次", 1.0, 1.0),
    ("指标7:建立预防接种证", "221人", "221人", 2.0, 2.0),
    ("指标8:适龄儿童疫苗接种率", "100.00%", "97.30%", 2.0, 1.9),
    ("指标9:0-6岁儿童健康管理数", "2089人", "2089人", 2.0, 2.0),
    ("指标10:0-6岁儿童眼保健操覆盖数", "2089人", "2089人", 2.0, 2.0),
    ("指标11:新生入访视数", "214人", "214人", 2.0, 2.0),
    ("指标12:孕产妇7天访视数", "214人", "203人", 2.0, 1.8),
    ("指标13:孕产妇42天访视数", "214人", "203人", 2.0, 1.8),
    ("指标14:早孕建册数", "120人", "69人", 2.0, 1.0),
    ("指标15:老年人体检数", "5662人", "4044人", 2.0, 1.4),
    ("指标16:高血压规范管理数", "3807人", "3224人", 2.0, 1.9),
    ("指标17:高血压随访控制数", "3807人", "3220人", 2.0, 1.8),
    ("指标18:糖尿病规范管理数", "863人", "695人", 2.0, 1.8),
    ("指标19:糖尿病随访控制数", "863人", "683人", 2.0, 1.7),
    ("指标20:严重精神障碍患者管理数", "212人", "209人", 2.0, 1.8),
    ("指标21:肺结核健康规范管理数", "8例", "8例", 2.0, 2.0),
    ("指标22:老年人中医药规范管理数", "5662人", "4044人", 2.0, 1.4),
    ("指标23:0-36月龄中医药规范管理数", "1228人", "770人", 2.0, 1.8),
    ("指标24:传染病及突发公共卫生事件报告数", "14例", "14例", 2.0, 2.0),
    ("指标25:家庭医生签约率", "24694人", "22584人", 2.0, 1.7),
]

SHEETS = [
    ("Sheet1", [
        ["稷山县项目支出绩效自评表", N, N, N, N, N, N, N, N],
        ["(2021年度)", N, N, N, N, N, N, N, N],
        ["项目名称", "国家基本公共卫生服务", N, N, N, N, N, N, N],
        ["主管部门", "稷山县卫生健康和体育局", N, N, "实施单位", "稷山县翟店镇卫生院", N, N, N],
        ["项目资金(万元)", N, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", N],
        [N, "年度资金总额", 0.0, 0.0, 207.4538, 10.0, 1.0, 10.0, N],
        [N, "其中:当年财政拨款", N, N, 207.4538, "—", 1.0, "—", N],
        [N, "上年结转资金", N, N, N, N, N, N, N],
        [N, "其他资金", N, N, N, N, N, N, N],
        ["年度总体目标", "预期目标", N, N, N, "实际完成情况", N, N, N],
        [N, "国家基本公共卫生服务", N, N, N, "国家基本公共卫生服务", N, N, N],
        [N, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", N],
    ] + [[N, "产出指标" if i == 0 else N, "数量指标" if i == 0 else N, name, target, actual, w, s, N]
         for i, (name, target, actual, w, s) in enumerate(_IND)],
     ["A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A5:A9", "H5:I5", "H6:I6", "H7:I7", "H8:I8", "H9:I9",
      "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11", "B13:B37", "C13:C37"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "国家基本公共卫生服务",
    "budget": 0.0,
    "executed": 207.4538,
    "execution_rate": None,
    "budget_points": 10.0,
    "budget_score": None,
    "weights": 56.0,  # budget 10 + the 46 points of 指标1-25; the rest of the form is past the cut
    "typed_total": None,
    "total": None,
    "grade": None,
    "why": ("the 年度资金总额 line gives 全年预算数 0 against 207.4538 executed, so the execution rate and the budget's "
            "10 points cannot be worked out; and the stored page stops in 质量指标 (points on it add to 56)"),
    "contradictions": [
        {"cell": "G6", "severity": "错误", "what": "执行率 typed 100%, but 全年预算数 is 0 against 全年执行数 207.4538: no rate follows"},
        {"cell": "H6", "severity": "警告", "what": "budget 得分 typed 10 rests on that 100%; nothing on the form supports it"},
        {"cell": "H13", "severity": "错误", "what": "居民健康档案 37442 of 38508 (97.2%) missed its target, yet full 3 (the rule gives 2.92)"},
        {"cell": "F15", "severity": "警告", "what": "28种 against 不少于6种: 4.7 times the target, not explained"},
        {"cell": "F17", "severity": "警告", "what": "150次 against 6次: 25 times the target, not explained"},
        {"cell": "F18", "severity": "警告", "what": "96次 against 12次: 8 times the target, not explained"},
        {"cell": "H28", "severity": "警告", "what": "高血压规范管理 3224 of 3807 gives 1.69; typed 1.9 (in the unit's favour)"},
        {"cell": "H29", "severity": "警告", "what": "高血压随访控制 3220 of 3807 gives 1.69; typed 1.8 (in the unit's favour)"},
        {"cell": "H30", "severity": "警告", "what": "糖尿病规范管理 695 of 863 gives 1.61; typed 1.8 (in the unit's favour)"},
        {"cell": "H31", "severity": "警告", "what": "糖尿病随访控制 683 of 863 gives 1.58; typed 1.7 (in the unit's favour)"},
        {"cell": "H35", "severity": "警告", "what": "0-36月龄中医药 770 of 1228 gives 1.25; typed 1.8 (in the unit's favour)"},
        {"cell": "G37", "severity": "错误", "what": "as the page is stored: the points add to 56 (budget 10 + 46), not 100"},
        {"cell": "H20", "severity": "提示", "what": "接种率 97.30% of 100% gives 1.95; typed 1.9 (rounded down)"},
        {"cell": "H24", "severity": "提示", "what": "7天访视 203 of 214 gives 1.90; typed 1.8 (against the unit)"},
        {"cell": "H25", "severity": "提示", "what": "42天访视 203 of 214 gives 1.90; typed 1.8 (against the unit)"},
        {"cell": "H26", "severity": "提示", "what": "早孕建册 69 of 120 gives 1.15; typed 1 (against the unit)"},
        {"cell": "H27", "severity": "提示", "what": "老年人体检 4044 of 5662 gives 1.43; typed 1.4 (rounding)"},
        {"cell": "H32", "severity": "提示", "what": "严重精神障碍 209 of 212 gives 1.97; typed 1.8 (against the unit)"},
        {"cell": "H34", "severity": "提示", "what": "老年人中医药 4044 of 5662 gives 1.43; typed 1.4 (rounding)"},
        {"cell": "H37", "severity": "提示", "what": "家庭医生签约率 22584 of 24694 gives 1.83; typed 1.7 (against the unit)"},
        {"cell": "D37", "severity": "提示", "what": "a 签约率 (rate) measured in 人 (counts), no rate stated"},
    ],
    "hand": ("Budget: 全年预算数 0, 全年执行数 207.4538 → rate undefined (typed 100%, 10). Indicators (points × min(1, B/A)): "
             "1: 3 × 37442/38508 = 2.9170; 2-6: 14≥12, 28≥6, 150≥116, 150≥6, 96≥12 → 1 each = 5; 7: 2; 8: 2 × 0.973 = "
             "1.9460; 9-11: 2 each = 6; 12, 13: 2 × 203/214 = 1.8972 each; 14: 2 × 69/120 = 1.15; 15: 2 × 4044/5662 = "
             "1.4285; 16: 2 × 3224/3807 = 1.6937; 17: 2 × 3220/3807 = 1.6916; 18: 2 × 695/863 = 1.6107; 19: 2 × 683/863 "
             "= 1.5829; 20: 2 × 209/212 = 1.9717; 21: 2; 22: 1.4285; 23: 2 × 770/1228 = 1.2541; 24: 2; 25: 2 × 22584/24694 "
             "= 1.8291. Indicator sum 41.30 of 46 (typed 41.8). Points on the page 10 + 3 + 5 × 1 + 19 × 2 = 56."),
}]
