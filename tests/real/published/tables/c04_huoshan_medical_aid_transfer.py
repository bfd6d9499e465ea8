"""霍山县医疗保障局 2024年度 医疗救助补助资金 — transfer, 安徽. 转移支付项目绩效目标自评表 without 分值/得分; amounts typed with '万' inside a (万元) block, a 0 ÷ 0 line printed 100%; page stops at the 2nd indicator."""

SOURCE = {
    "title": "医疗救助补助资金转移支付项目绩效目标自评表",
    "url": "https://www.ahhuoshan.gov.cn/public/6596221/37950404.html",
    "unit": "霍山县医疗保障局（表内只写“医疗保障局”）",
    "province": "安徽省",
    "year": 2024,
    "complete": False,
    "note": ("Stored as a pipe-separated HTML table. The page stops at '质量指标 | 医疗救助合规率 | 100' (value cut), so "
             "that row was dropped; all later indicators are missing. Budget amounts are typed as text with a '万' "
             "suffix ('3359.62万') although the block header already says (万元); kept as text. 中央/地方主管部门 and "
             "资金使用单位 all read just '医疗保障局'. The 总体目标 texts sit under 总体目标 / 全年实际完成情况 (A merged). "
             "Row 1 and 2 of the stored table carry trailing empty cells; the grid is 8 columns wide as stored."),
}
FAMILY = "transfer"

SHEETS = [
    ("Sheet1", [
        ["医疗救助补助资金转移支付项目绩效目标自评表", None, None, None, None, None, None, None],
        ["(2024年度)", None, None, None, None, None, None, None],
        ["转移支付(项目)名称", "医疗救助补助资金", None, None, None, None, None, None],
        ["中央主管部门", "医疗保障局", None, None, None, None, None, None],
        ["地方主管部门", "医疗保障局", "资金使用单位", "医疗保障局", None, None, None, None],
        ["资金投入情况(万元)", "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A×100%)", None, None, None, None],
        ["年度资金总额:", "3359.62万", "3359.62万", 1.0, None, None, None, None],
        ["其中:中央财政资金", "829.3万", "829.3万", 1.0, None, None, None, None],
        ["彩票公益金用于医疗救助", 0.0, 0.0, 1.0, None, None, None, None],
        ["地方资金", "2530.32万", "2530.32万", 1.0, None, None, None, None],
        ["其他资金", None, None, None, None, None, None, None],
        ["资金管理情况", "情况说明", "存在问题和改进措施", None, None, None, None, None],
        ["分配科学性", "资金分配科学", "暂无", None, None, None, None, None],
        ["下达及时性", "资金下达及时", "暂无", None, None, None, None, None],
        ["拨付合规性", "资金拨付合规", "暂无", None, None, None, None, None],
        ["使用规范性", "资金使用规范", "暂无", None, None, None, None, None],
        ["执行准确性", "资金执行准确", "暂无", None, None, None, None, None],
        ["预算绩效管理情况", "资金预算绩效管理科学", "暂无", None, None, None, None, None],
        ["支出责任履行情况", "资金支出责任履行到位", "暂无", None, None, None, None, None],
        ["总体目标完成情况", "总体目标", "全年实际完成情况", None, None, None, None, None],
        [None, "通过医疗救助的实施将改善困难群众就医待遇,推进防范和化解因病致贫返贫长效机制的建立健全,项目完成后,将强化基本医疗保险、大病保险、医疗救助综合保障水平,更好的确保困难群众不因罹患重特大疾病影响基本生活。",
         "2024年度医疗救助惠及11万人次,完成了预期目标,强化了基本医疗保险、大病保险、医疗救助综合保障水平,更好的确保困难群众不因罹患重特大疾病影响基本生活。", None, None, None, None, None],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施", None],
        [None, "产出指标", "数量指标", "享受医疗救助人次", "≥50000人次", 110406.0, None, None],
    ], ["A1:H1", "A2:H2", "B3:H3", "B4:H4", "A20:A21", "A22:A23"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "医疗救助补助资金",
    "budget": 3359.62,
    "executed": 3359.62,
    "execution_rate": 1.0,
    "budget_points": None,
    "budget_score": None,
    "weights": None,
    "typed_total": None,
    "total": None,
    "grade": None,
    "why": "no points",
    "contradictions": [
        {"cell": "D9", "severity": "提示", "what": "彩票公益金用于医疗救助: budget 0 and executed 0, yet 预算执行率 printed 100% (0 ÷ 0 is undefined)"},
        {"cell": "B7", "severity": "提示", "what": "amounts typed as text with a '万' suffix ('3359.62万') inside a block already headed (万元); value read as 3359.62"},
    ],
    "hand": ("Budget 3359.62 (from '3359.62万'), executed 3359.62, rate 1.0 = typed 100%. 其中 lines: 829.3 + 0 + 2530.32 = "
             "3359.62 = total, both columns. Indicator 享受医疗救助人次 ≥50000, actual 110406 (met; agrees with '惠及11万人次'). "
             "No 分值/得分 and no 总分: total None."),
}]
