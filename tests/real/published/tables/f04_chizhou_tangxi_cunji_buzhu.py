"""棠溪镇人民政府 2022年度 村级补助及运转经费 — national-form, 安徽. A sibling of d04 (same unit, same upload series):
the 年度资金总额 line is again 0 | 0 | 0 with 执行率 0 and 得分 0 while 其中:本年财政拨款 carries 202.64 | 132.912 |
132.912; the 预期目标's five parts add to 174万 (1,740,000元), not the 2,026,400元 it states; the copy stops in 效益指标."""

SOURCE = {
    "title": "附件: 项目支出绩效自评表 (2022年度) — 村级补助及运转经费",
    "url": "http://www.anthempetcare.com/upload_cz/download?id=502367&siteId=2",
    "unit": "池州市贵池区棠溪镇人民政府",
    "province": "安徽",
    "year": 2022,
    "complete": False,
    "note": (
        "Stored copy of an uploaded .docx attachment on the same mirror host as d04 (id=502367; d04 is id=502364, "
        "another project of the same 镇), with the same document metadata at the top and the form flattened with spaces "
        "between cells. Numbers fall under the header order: 年度资金总额: 0 0 0 10 0 0 = 年初预算数 | 全年预算数 | "
        "全年执行数 | 分值 | 执行率 | 得分; 其中:本年财政拨款 202.64 132.912 132.912 = 年初 | 全年预算 | 全年执行. 上年结转资金 "
        "and 其他资金 empty. The 预期目标 text ends with a long run of dots ('.. ....…'), kept as two dots and a few; the "
        "space inside '村民监督委员会 工资' is as stored (both texts). The copy ends at '可持续影响' after the 社会效益指标 row: "
        "that row is cut (no indicator, values or points stored) and dropped, with the 满意度指标(10分) block and 总分. "
        "Label spans are my rebuild of the 财预〔2020〕10号 layout in 9 columns (as d04)."
    ),
}
FAMILY = "national-form"

N = None
SHEETS = [
    ("Sheet1", [
        ["项目支出绩效自评表", N, N, N, N, N, N, N, N],
        ["(2022年度)", N, N, N, N, N, N, N, N],
        ["项目名称", "村级补助及运转经费", N, N, N, N, N, N, N],
        ["主管部门", "219-池州市贵池区棠溪镇人民政府", N, N, "实施单位", "219001-池州市贵池区棠溪镇人民政府", N, N, N],
        ["项目资金 (万元)", N, N, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [N, "年度资金总额:", N, 0.0, 0.0, 0.0, 10.0, 0.0, 0.0],
        [N, "其中:本年财政拨款", N, 202.64, 132.912, 132.912, N, N, N],
        [N, "上年结转资金", N, N, N, N, N, N, N],
        [N, "其他资金", N, N, N, N, N, N, N],
        ["年度总体目标", "预期目标", N, N, N, "实际完成情况", N, N, N],
        [N, "本项目共申请预算资金2026400元,其中村级组织运转400000元,村民组长,党小组长基本报酬252000元,村民监督委员会 "
            "工资28000元,村级事务补助960000元,村级工作目标奖励100000元。 .. ............", N, N, N,
         "本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村民组长,党小组长基本报酬152000元,村民监督委员会 "
         "工资28000元,村级事务补助660000元,村级工作目标奖励50000元。", N, N, N],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [N, "产出指标(50分)", "数量指标", "补助村(社区)数量", "=8个", 8.0, 8.0, 8.0, N],
        [N, N, N, "保障村干部人数", "=42个", 42.0, 8.0, 8.0, N],
        [N, N, "质量指标", "补助资格合规性", "合规", "达成预期指标", 8.0, 8.0, N],
        [N, N, N, "经费审批流程规范性", "严格执行相关制度规定", "达成预期指标", 8.0, 8.0, N],
        [N, N, "时效指标", "补助经费到位及时性", "及时", "达成预期指标", 8.0, 8.0, N],
        [N, N, "成本指标", "项目总成本", "≤202.6万元", 132.9, 10.0, 10.0, N],
        [N, "效益指标(30分)", "经济效益指标", "对保障村(社区)两委机构正常运行的影响程度", "效果明显", "达成预期指标", 10.0, 10.0, N],
        [N, N, "社会效益指标", "提高村(社区)干部工作积极性的影响程度", "效果明显", "达成预期指标", 10.0, 10.0, N],
    ], [
        "A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4",
        "A5:A9", "B5:C5", "B6:C6", "B7:C7", "B8:C8", "B9:C9",
        "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11",
        "A12:A20", "B13:B18", "C13:C14", "C15:C16", "B19:B20",
    ]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "村级补助及运转经费",
    "budget": 132.912,    # the total line is 0, so the 其中:本年财政拨款 line carries the money
    "executed": 132.912,
    "execution_rate": 1.0,
    "budget_points": 10.0,
    "budget_score": 10.0,
    "weights": 80.0,      # budget 10 + 产出 50 + 效益 20 visible; the 可持续影响 row and 满意度指标(10分) are cut
    "typed_total": None,
    "total": 80.0,
    "grade": None,
    "why": "the stored copy stops after the 社会效益指标 row: the visible 分值 add to 80, so no grade",
    "contradictions": [
        {"cell": "D6", "severity": "错误", "what": "年度资金总额 年初预算数 0, but 其中:本年财政拨款 is 202.64"},
        {"cell": "E6", "severity": "错误", "what": "年度资金总额 全年预算数 0, but 其中:本年财政拨款 is 132.912"},
        {"cell": "F6", "severity": "错误", "what": "年度资金总额 全年执行数 0, but 其中:本年财政拨款 is 132.912"},
        {"cell": "H6", "severity": "错误", "what": "执行率 typed 0; 132.912 ÷ 132.912 = 100%"},
        {"cell": "I6", "severity": "错误", "what": "budget 得分 typed 0; 10 × 100% = 10"},
        {"cell": "E7", "severity": "提示",
         "what": "全年预算数 132.912 is 69.728 below 年初 202.64 (cut by a third mid-year) with no word of why; against 年初 "
                 "the execution would be 65.6%"},
        {"cell": "B11", "severity": "提示",
         "what": "预期目标 states 2,026,400元 but its five parts add to 1,740,000元 (400000 + 252000 + 28000 + 960000 + "
                 "100000); the 实际完成情况 parts do add to 1,329,120.67元"},
        {"cell": "B19", "severity": "错误",
         "what": "as the page is stored (cut after 社会效益指标): 效益指标(30分) has 10 + 10 = 20 under it (added after the run: "
                 "docs/forms.md asks cut tables to expect I017 as well as I001, which I had left out)"},
        {"cell": "G20", "severity": "错误",
         "what": "as the page is stored (cut in 效益指标): 分值 add to 80 (10 + 50 + 20), not 100, so no grade"},
    ],
    "hand": ("Total line 0/0/0, so use 其中: 132.912 / 132.912 = 100% → budget 10 (typed 0). 产出: 8 = 8 → 8; 42 = 42 → 8; "
             "合规 / 规范性 / 及时 qualitative, 达成预期指标 → 8 each; 项目总成本 ≤202.6, actual 132.9 → 10 (label 50分 = "
             "8×5 + 10 ✓). 效益: two 效果明显/达成预期指标 → 10 each (20 of the label's 30 visible). Visible sum 10 + 50 + 20 = "
             "80.00 of 80 visible points; no 总分 stored."),
}]
