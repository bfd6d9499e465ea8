"""岳阳市 glj 站点单位 部门整体支出绩效评价自评表（年度未显示）— other:department-rubric, 湖南. Department-level self-score table (投入/过程…, 评分标准/分值/自评得分) with no budget block; stored page stops inside 过程."""

SOURCE = {
    "title": "（页面摘录无标题；表头：一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 | 自评得分 | 扣分原因和其他说明）",
    "url": "https://glj.yueyang.gov.cn/6173/6181/content_1705915.html",
    "unit": "glj.yueyang.gov.cn 站点所属单位（摘录未显示单位名称，疑为岳阳市公路建设养护/公路管理部门）",
    "province": "湖南省",
    "year": None,
    "complete": False,
    "note": ("Stored excerpt begins at the table header (no title, unit or year shown) and stops inside "
             "过程(40分)/预算管理(15分): the row 预决算信息公开性和完善性 is cut mid-criterion ('①') and was dropped; "
             "everything after (rest of 预算管理, 产出, 效益, 总分) is missing. Line breaks inside cells are kept as "
             "'\\n' as stored. Brackets/colons are as the search tool returned them (half-width). This is the Hunan "
             "部门整体支出绩效评价指标 self-score form, not the 基本支出/项目支出 budget-line form: it has no budget "
             "amounts at all. Note 三级指标 says 财政供养人员控制率 while its 评分标准 speaks of 在职人员控制率."),
}
FAMILY = "other:department-rubric (一级/二级/三级指标, 评分标准, 分值, 自评得分; no budget block)"

SHEETS = [
    ("Sheet1", [
        ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因和其他说明"],
        ["投 入\n(15分)", "预算配置\n(15分)", "财政供养人员\n控制率",
         "以100%为标准。在职人员控制率≦100%,计5分;每超过一个百分点扣0.5分,扣完为止。", 5.0, 5.0, None],
        [None, None, "“三公经费”\n变动率",
         "“三公经费”变动率≦0,计5分;\n“三公经费”>0,每超过一个百分点扣0.5分,扣完为止。", 5.0, 5.0, None],
        [None, None, "重点支出\n安排率",
         "重点支出安排率≥90%,计5分;80%(含)-90%,计4分;70%(含)-80%,计3分;60%(含)-70%,计2分;低于60%不得分。", 5.0, 5.0, None],
        ["过 程\n(40分)", "预算执行\n(15分)", "预算调整率",
         "预算调整率=0,计3分;0-10%(含),计2分;10-20%(含),计1分;20-30%(含),计0.5分;大于30%不得分。", 3.0, 3.0, None],
        [None, None, "支付进度",
         "春节前下达全部专项资金的50%;6月底前所有专项资金指标全部下达完。\n每出现一个专项未按进度完成资金下达扣0.5分,扣完为止。", 3.0, 3.0, None],
        [None, None, "资金结余",
         "无结余,3分;有结余,但不超过上年结转,2分;结余超过上年结转,不得分。", 3.0, 3.0, None],
        [None, None, "“三公经费”\n控制率",
         "以100%为标准。三公经费控制率≦100%,计6分;\n每超过一个百分点扣1分,扣完为止。", 6.0, 6.0, None],
        [None, "预算管理\n(15分)", "管理制度\n健全性",
         "①已制定或具有预算资金管理办法,内部财务管理制度、会计核算制度等管理制度,1分;\n②相关管理制度合法、合规、完整,1分;\n③相关管理制度得到有效执行,1分。", 3.0, 3.0, None],
        [None, None, "资金使用\n合规性",
         "①支出符合国家财经法规和财务管理制度规定以及有关专项资金管理办法的规定;\n②资金拨付有完整的审批程序和手续;\n③项目支出按规定经过评估论证;\n④支出符合部门预算批复的用途;\n⑤资金使用无截留、挤占、挪用、虚列支出等情况。\n以上情况每出现一例不符合要求的扣1分,扣完为止。", 3.0, 3.0, None],
    ], ["A2:A4", "B2:B4", "A5:A10", "B5:B8", "B9:B10"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": None,
    "budget": None,
    "executed": None,
    "execution_rate": None,
    "budget_points": None,
    "budget_score": None,
    "weights": 36.0,
    "typed_total": None,
    "total": None,
    "grade": None,
    "why": "stored page cut inside 过程/预算管理: 产出, 效益 and the 总分 row are missing, so no total can be computed (visible rows: 36 of 36 points kept); no budget block",
    "contradictions": [],
    "hand": ("Visible 分值: 投入 5+5+5 = 15 (matches 投入(15分) and 预算配置(15分)); 预算执行 3+3+3+6 = 15 (matches "
             "预算执行(15分)); 预算管理 3+3 visible (label says 15分, rest cut). Visible weights 36, visible 自评得分 36 "
             "(every row full marks). Rubric rows are qualitative criteria scored by the unit, so the typed 自评得分 are kept. "
             "过程(40分) cannot be checked (预算管理 incomplete). No 总分 visible."),
}]

# Reviewed against the brief's own rules: the page is cut, so the 36 points it shows are summed with the unit's typed scores (qualitative rubric lines): total 36, no grade.
EXPECTED[0]['total'] = 36.0
EXPECTED[0]["contradictions"] += [{"cell": "E10", "severity": "错误", "what": "the points on the stored page add to 36, not 100 (cut)"}, {"cell": "A5", "severity": "错误", "what": "过程(40分) heads only 21 points on the stored page (cut)"}]
