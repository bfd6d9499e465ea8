"""西部(重庆)科学城 融媒体中心 2021年度 部门整体绩效自评表 — department (重庆: 指标名称 | 计量单位 | 指标性质 | 年初/调整指标值
| 全年完成值 | 得分系数(%) | 指标权重(分) | 指标得分(分) | 是否核心指标), 重庆. 自评总分 97.6 at the head; every indicator
on the page gets its full weight at 得分系数 100%, including 政府采购执行率 72.74% against 100%; two rows have no
target and no actual; the preview is OCR text (budget amounts lost, some targets garbled) and stops at '公共服务'."""

SOURCE = {
    "title": "部门整体绩效自评表",
    "url": "https://m.yzwku.com/doc/98587.html",
    "unit": "西部(重庆)科学城 融媒体中心（表内主管部门一栏未存；名称取自绩效目标的文字）",
    "province": "重庆",
    "year": 2021,
    "complete": False,
    "note": (
        "Stored copy is a document-sharing site's preview of '部门整体绩效自评表.docx' (4 pages): OCR text with no cell "
        "separators, in three numbered chunks. The grid is rebuilt from the printed headers. Head: 主管部门 (value not "
        "stored) | 财政处室 (value not stored) | 自评总分(分) 97.6; 部门联系人 曾雪莲 | 联系电话 (blank). Budget header "
        "部门预算执行情况(万元) | 资金 | 年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率(%) | 执行率权重 | 执行率得分(分) "
        "(OCR: '相)预资5年初预算数全年(If整)预算数…'); its data are only 'O76%107.6' = (an 'O', read as an OCR artifact "
        "and dropped) | 76% | 10 | 7.6: the three amounts are not in the stored text and are left empty. 当年绩效目标: "
        "年初绩效目标 '无' | 全年(调整)绩效目标 and 全年目标实际完成情况 texts (OCR '/' between words kept as stored). "
        "Indicator header 指标名称 | 计量单位 | 指标性质 | 年初指标值 | 调整指标值 | 全年完成值 (OCR '年成值全完值', restored) | "
        "得分系数(%) | 指标权重(分) | 指标得分(分) | 是否核心指标, with the side label 绩效指标 (printed mid-block by the OCR, "
        "a merged cell). Each row's numbers are split by position: three percentages = 年初 | 全年完成 | 得分系数 (调整指标值 "
        "empty on every row), then 权重 and 得分 ('22' = 2 | 2, '1010' = 10 | 10), then 是/否. Two rows ('“三公经费变动率', "
        "'“三公经费控制率', with the OCR's stray opening quote kept) carry only the unit %, 系数 100%, 2 | 2: no target, no "
        "actual. 指标性质 is stored only on three rows: '定量指标' twice and '性标定指' (a wrapped '定性/指标' cell read "
        "column-wise; restored as 定性指标). OCR damage kept as stored, not guessed: 党性教育培训次数 target '26次' (possibly "
        "'≥6次' misread), 组织宣传活动次数 '到0次', 制作宣传品数量 '第O份', and the 计量单位 of 播发稿件数量 'tot扁' (篇). The "
        "preview stops at '公共服务' after 业务保障能力提升: the remaining indicators (20 of 100 points, by the weights) are "
        "missing."
    ),
}
FAMILY = "department"

N = None
SHEETS = [
    ("Sheet1", [
        ["部门整体绩效自评表", N, N, N, N, N, N, N, N, N, N],
        ["主管部门", N, N, N, "财政处室", N, N, N, "自评总分(分)", 97.6, N],
        ["部门联系人", "曾雪莲", N, N, "联系电话", N, N, N, N, N, N],
        ["部门预算执行情况(万元)", "资金", "年初预算数", "全年(调整)预算数", "全年执行数", "执行率(%)", "执行率权重", "执行率得分(分)", N, N, N],
        [N, N, N, N, N, "76%", 10.0, 7.6, N, N, N],
        ["当年绩效目标", "年初绩效目标", N, N, "全年(调整)绩效目标", N, N, "全年目标实际完成情况", N, N, N],
        [N, "无", N, N,
         "通过整合各级各类媒体、户外广告载体、宣传宣讲活动等,为建设成渝地区双城经济圈和西部(重庆)重庆科学城营造良好氛围。"
         "保障融媒体中心正常人事基础/日常运转,有效承担西部(重庆)科学城新闻宣传管理,思想文化领域建设等工作。", N, N,
         "中心2021年较好地完成了履职任务,有效开展了西部(重庆)科学城新闻宣传管理/思想文化领域建设等工作,"
         "为建设成渝地区双城经济圈和西部(重庆)重庆科学城营造了良好氛围。", N, N, N],
        ["绩效指标", "指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数(%)", "指标权重(分)", "指标得分(分)", "是否核心指标"],
        [N, "财政供养人员控制率", "%", "定量指标", "100%", N, "92%", "100%", 2.0, 2.0, "否"],
        [N, "“三公经费变动率", "%", N, N, N, N, "100%", 2.0, 2.0, "否"],
        [N, "基础信息完善", "%", N, "100%", N, "100%", "100%", 1.0, 1.0, "否"],
        [N, "预算完成率", "%", N, "70%", N, "76%", "100%", 2.0, 2.0, "是"],
        [N, "预算调整率", "%", N, "3%", N, 0.0, "100%", 2.0, 2.0, "否"],
        [N, "结转结余率", "%", N, "2%", N, 0.0, "100%", 2.0, 2.0, "是"],
        [N, "公用经费控制率", "%", N, "100%", N, "97%", "100%", 2.0, 2.0, "是"],
        [N, "“三公经费控制率", "%", N, N, N, N, "100%", 2.0, 2.0, "否"],
        [N, "政府采购执行率", "%", N, "100%", N, "72.74%", "100%", 2.0, 2.0, "是"],
        [N, "管理制度健全性", N, "定性指标", "高", N, "高", "100%", 3.0, 3.0, "否"],
        [N, "资金使用合规性", N, N, "好", N, "好", "100%", 5.0, 5.0, "否"],
        [N, "预决算信息公开性", N, N, "高", N, "高", "100%", 1.0, 1.0, "否"],
        [N, "资产管理安全", N, N, "好", N, "好", "100%", 2.0, 2.0, "否"],
        [N, "固定资产利用率", "%", "定量指标", "90%", N, "100%", "100%", 2.0, 2.0, "否"],
        [N, "党性教育培训次数", "次", N, "26次", N, "12次", "100%", 5.0, 5.0, "是"],
        [N, "组织宣传活动次数", "次", N, "到0次", N, "43次", "100%", 10.0, 10.0, "是"],
        [N, "制作宣传品数量", "份", N, "第O份", N, "20份", "100%", 5.0, 5.0, "否"],
        [N, "播发稿件数量", "tot扁", N, "2200篇", N, "2859篇", "100%", 10.0, 10.0, "是"],
        [N, "业务保障能力提升", "%", N, "90%", N, "95%", "100%", 10.0, 10.0, "否"],
    ], ["A1:K1", "B2:D2", "F2:H2", "J2:K2", "C3:D3", "F3:K3", "A4:A5", "H4:K4", "H5:K5",
        "A6:A7", "B6:D6", "E6:G6", "H6:K6", "B7:D7", "E7:G7", "H7:K7", "A8:A27"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "budget": None,          # the amounts are not in the stored text; only 执行率 76% and its score
    "executed": None,
    "execution_rate": None,
    "budget_points": 10.0,
    "budget_score": 7.6,
    "weights": 80.0,         # 执行率权重 10 + indicators 70 visible; the rows after 业务保障能力提升 are cut
    "typed_total": 97.6,
    "total": 74.36,
    "grade": None,
    "why": "the stored copy stops at '公共服务': the visible weights add to 80, so no grade",
    "contradictions": [
        {"cell": "J17", "severity": "警告",
         "what": "政府采购执行率 72.74% against 100%: not met, yet 得分系数 100% and the full 2 (rule: 2 × 72.74% = 1.45)"},
        {"cell": "J10", "severity": "警告",
         "what": "“三公经费变动率: no 年初指标值 and no 全年完成值, yet 2 of 2 at 系数 100% (likewise J16, 三公经费控制率)"},
        {"cell": "J16", "severity": "警告", "what": "“三公经费控制率: no target and no actual, yet 2 of 2"},
        {"cell": "J23", "severity": "提示",
         "what": "党性教育培训次数 12次 against '26次' as stored: 46%, yet the full 5 — but '26次' may be the OCR of '≥6次' "
                 "(then met); not certain from the stored text"},
        {"cell": "E24", "severity": "提示", "what": "组织宣传活动次数 target '到0次' is OCR damage; the target is unreadable"},
        {"cell": "E25", "severity": "提示", "what": "制作宣传品数量 target '第O份' is OCR damage; the target is unreadable"},
        {"cell": "B7", "severity": "提示", "what": "年初绩效目标 '无' while a 全年(调整)绩效目标 is stated"},
        {"cell": "J2", "severity": "提示",
         "what": "as stored: 自评总分 97.6 against typed scores of 77.6 on the page (7.6 + 70); the 20 missing points are on the "
                 "cut part, so the total cannot be checked (97.6 = every cut row at full marks)"},
        {"cell": "F5", "severity": "提示", "what": "执行率 76% with no amounts stored; 执行率得分 7.6 = 10 × 76% agrees"},
        {"cell": "I27", "severity": "错误",
         "what": "as the page is stored (cut at '公共服务'): weights add to 80 (10 + 70), not 100, so no grade"},
    ],
    "hand": ("Budget: 执行率 76% (amounts not stored) → 10 × 0.76 = 7.6 (typed 7.6). Indicators (得分 = 权重 × rule ratio): "
             "财政供养人员控制率 92% under a 100% ceiling → 2; 三公经费变动率 no values → keep typed 2; 基础信息完善 100/100 → 1; "
             "预算完成率 76% ≥ 70% → 2; 预算调整率 0 ≤ 3% → 2; 结转结余率 0 ≤ 2% → 2; 公用经费控制率 97% ≤ 100% → 2; "
             "三公经费控制率 no values → keep 2; 政府采购执行率 72.74/100 → 2 × 0.7274 = 1.4548; 管理制度健全性 高/高 → 3; "
             "资金使用合规性 好/好 → 5; 预决算信息公开性 高/高 → 1; 资产管理安全 好/好 → 2; 固定资产利用率 100% ≥ 90% → 2; "
             "党性教育培训次数 12/26 as stored → 5 × 0.461538 = 2.3077; 组织宣传活动次数 target unreadable → keep 10; "
             "制作宣传品数量 target unreadable → keep 5; 播发稿件数量 2859 ≥ 2200 → 10; 业务保障能力提升 95% ≥ 90% → 10. "
             "Indicators 66.7625 of 70; total 7.6 + 66.7625 = 74.3625 → 74.36 of 80 visible points (if '26次' is really "
             "'≥6次', 5 instead of 2.3077: 77.05). Typed scores on the page add to 77.6; 自评总分 97.6."),
}]
