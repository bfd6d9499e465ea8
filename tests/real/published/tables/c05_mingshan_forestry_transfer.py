"""雅安市名山区林业局 2024年度 林业草原改革发展资金 — other:四川转移支付绩效评价表 (行次/列次, 统筹整合资金, 到位/执行两率, 佐证材料), 四川. No 分值/得分; 58.33% executed; 资金分解下达进度 says '及时' while its own 存在问题 says '下达滞后'."""

SOURCE = {
    "title": "雅安市名山区林业局2024年度林业草原改革发展资金绩效评价表",
    "url": "https://www.qianlima.com/bid-510642257.html",
    "unit": "雅安市名山区林业局",
    "province": "四川省",
    "year": 2024,
    "complete": False,
    "note": ("Stored on a tender-information aggregator which masks parts of the text with '****' (the unit name in "
             "the table heading shows as '****2024年度…'; the page title gives 雅安市名山区林业局). Flattened text, "
             "cells separated by spaces/line breaks; grid rebuilt from the 行次/列次 numbering: 列次 0 = 行次, 1-7 = "
             "A, B, C, D, D/C, E, E/C, then 佐证材料 split into 所需材料 / 上传端口. Column B (统筹整合资金数) is blank "
             "on both money rows (the stored line break after the first 52.800000 marks the empty cell). The page "
             "stops inside row 11 (使用规范性 / 资金使用规范性, text cut at '规范使'), which was dropped; the rest of "
             "资金管理情况, any 绩效指标 block and signatures are missing. In the 资金管理情况 part the columns are "
             "re-used: A = 一级项目, B = 行次, C = 二级项目, D-F = 情况说明/存在问题/改进措施 (列次 8-10). Cell line "
             "breaks in the header kept as '\\n'. '支信资金' is printed so (for 支付资金)."),
}
FAMILY = "other:四川转移支付绩效评价表 — 行次/列次; 全年预算数(A)/统筹整合资金数(B)/扣除统筹整合资金后预算金额(C)/全年到位资金(D)/预算到位(D/C)/全年执行资金(E)/预算执行(E/C)/佐证材料; no 分值/得分"

SHEETS = [
    ("Sheet1", [
        ["****2024年度林业草原改革发展资金绩效评价表", None, None, None, None, None, None, None, None, None, None],
        ["年度:2024年", None, None, None, None, None, None, None, None, None, None],
        ["资金投入情况\n(万元)", "行次", "全年预算数\n(A)", "统筹整合资金数\n(B)", "扣除统筹整合资金后预算金额\n(C)",
         "全年到位资金\n(D)", "预算到位\n(D/C×100%)", "全年执行资金\n(E)", "预算执行\n(E/C×100%)", "佐证材料", None],
        ["列次", 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, "所需材料", "上传端口"],
        ["年度资金总额(万元):", 1.0, 52.8, None, 52.8, 52.8, 1.0, 30.8, 0.5833, None, None],
        ["其中:中央财政资金(万元)", 2.0, 52.8, None, 52.8, 52.8, 1.0, 30.8, 0.5833, "预算下达文件、资金到位及支出凭证", None],
        ["地方财政资金(万元)", 3.0, None, None, None, None, None, None, None, None, None],
        ["其他资金(万元,自有资金、社会资本、以前年度结转结余资金等)", 4.0, None, None, None, None, None, None, None, None, None],
        ["资金管理情况", None, None, "情况说明", "存在问题", "改进措施", None, None, None, None, None],
        ["列次", None, None, 8.0, 9.0, 10.0, None, None, None, None, None],
        ["分配科学性", 5.0, "资金分配规范性", "严格按照转移支付管理制度以及资金管理办法规定分配资金", None, None, None, None, None, None, None],
        [None, 6.0, "资金分配合理性", "严格按照转移支付管理制度以及资金管理办法规定的范围和标准合理分配资金", None, None, None, None, None, None, None],
        ["下达及时性", 7.0, "资金分解下达进度", "及时分解下达",
         "2024年中央财政林草专项资金预算(第三批)于2025年2月26日省级下达资金文件,下达滞后",
         "积极对接市级部门,建议省级部门及时下达资金。", None, None, None, None, None],
        [None, 8.0, "资金到位率", "资金已到位", None, None, None, None, None, None, None],
        ["拨付合规性", 9.0, "资金拨付合规性", "严格按照国库集中支付制度有关规定支信资金,确保资金拨付合规", None, None, None, None, None, None, None],
        [None, 10.0, "资金项目支付进度", "严格按照项目合同约定支付进度支付资金", "项目支付进度缓慢", "加强与财政沟通,加快资金支付", None, None, None, None, None],
    ], ["A1:K1", "A2:K2", "J3:K3", "A9:C9", "A11:A12", "A13:A14", "A15:A16"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "林业草原改革发展资金",
    "budget": 52.8,
    "executed": 30.8,
    "execution_rate": 0.5833333333333334,
    "budget_points": None,
    "budget_score": None,
    "weights": None,
    "typed_total": None,
    "total": None,
    "grade": None,
    "why": "no points",
    "contradictions": [
        {"cell": "D13", "severity": "警告", "what": "资金分解下达进度 described as '及时分解下达' while the 存在问题 cell of the same row says the 2024 funds were issued by the province on 2025-02-26, '下达滞后'"},
        {"cell": "D15", "severity": "提示", "what": "typo '支信资金' for 支付资金"},
    ],
    "hand": ("C = A − B = 52.8 − (blank) = 52.8; D/C = 52.8/52.8 = 100% (typed 100.00%); E/C = 30.8/52.8 = 0.583333 "
             "(typed 58.33%, agrees). 其中:中央 52.8 = total; 地方/其他 blank. No 分值/得分, no 总分: total None."),
}]

# Reviewed against the brief's own rules: the table has no 项目名称 cell; its title names the fund, which the tool does not take as the project's name.
EXPECTED[0]['project'] = None
