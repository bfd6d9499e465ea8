"""广水市交通运输局 2021年度 乡村道路建设养护项目 — other (湖北县级 绩效目标自评表: 项目决策 2分 / 项目管理 13分 / 项目绩效 85分, columns 分值·自评分·复核分·评价标准及依据). A new layout: two score tables on one form, 自评总分 95 printed in the header, 项目资金 split by source (中央/省、地/本级/其他) with 合计/执行数/执行率."""

SOURCE = {
    "title": "广水市交通运输局2021年度乡村道路项目自评表.pdf",
    "url": "https://pdf.wenkuvip.com/archives/bqg98jldqkx8g2xm7pe6.html",
    "unit": "广水市交通运输局",
    "province": "湖北",
    "year": 2021,
    "complete": False,
    "note": ("PDF mirror; the text is extracted in column order and rebuilt here. PDF line-wrap spaces are removed "
             "('2022 年 8 月 10' + '日' → '2022年8月10日', '300 公里' → '300公里', '2 分' → '2分'). Tick marks of 项目属性 "
             "are not stored. 项目资金: the stored numbers are 309 (three times) and '100 %': 309 is placed under "
             "合计 and 执行数 and 100% under 执行率; the third 309 belongs to one of the four source columns "
             "(中央/省、地/本级/其他) and cannot be placed, so those four cells are left empty. 自评总分 '95' is put in "
             "its own cell beside the label. The second table's leftmost column carries the weight label "
             "'项目绩效85分' (as '项目决策2分' in the first table). The stored page stops inside 质量指标 12分: its two "
             "三级 names are on the page but their values, and everything after (rest of 产出 40分, 效益, 满意度), are not."),
}
FAMILY = "other:湖北县级 财政预算支出项目绩效目标自评表 — 项目决策/项目管理 (分值·自评分·复核分·评价标准及依据) + 项目绩效 (一级/二级/三级, 年初指标值·年终完成值·自评分·复核分·评价标准)"

SHEETS = [
    ("Sheet1", [
        ["广水市财政预算支出项目绩效目标自评表", None, None, None, None, None, None, None, None],
        ["填报日期:2022年8月10日", None, None, None, "自评总分:", 95.0, "单位领导审签:", None, None],
        ["项目名称", "乡村道路建设养护项目", None, None, "项目主管单位", "广水市交通运输局", None, None, None],
        ["项目实施单位", "广水市交通运输局", None, None, "项目负责人", "孙章勇", None, None, None],
        ["项目属性", "1、常年性 2、延续性□ 3、一次性□ 4、新增性□", None, None, None, None, None, None, None],
        ["项目资金", "来源", "中央(万元)", "省、地(万元)", "本级(万元)", "其他(万元)", "合计(万元)", "执行数(万元)", "执行率"],
        [None, None, None, None, None, None, 309.0, 309.0, 1.0],
        ["项目年度目标", "1.完成乡村道路建设养护里程300公里;\n2.\n3.", None, None, None, None, None, None, None],
        ["项目权重", "评价内容", "分值", "自评分", "复核分", "评价标准及依据", None, None, None],
        ["项目决策2分", "决策依据", 2.0, 2.0, None, "有项目年度工作计划或有上级文件或审批报告计2分,没有不得分。", None, None, None],
        ["项目管理13分", "财务制度", 3.0, 3.0, None, "1、单位财务管理制度1分;2、项目管理制度1分;3、有制度执行佐证资料1分。没有不得分。", None, None, None],
        [None, "组织机构", 2.0, 2.0, None, "有明确的绩效管理机构或专人负责2分。没有不得分", None, None, None],
        [None, "运行监管", 4.0, 4.0, None, "1、运行监管记录3分;2、填报《项目支出绩效监控表》1分。没有不得分。", None, None, None],
        [None, "目标申报", 4.0, 4.0, None, "1、项目绩效目标全申报的1分,缺一项扣0.5分,扣完为止;2、绩效目标规范1分,不规范扣0.5分;3、按时申报绩效目标计2分,逾期扣1分。", None, None, None],
        ["项目年度目标1:乡村道路建设养护项目", None, None, None, None, None, None, None, None],
        [None, "一级指标", "二级指标", "指标名称(三级指标)", "年初指标值", "年终完成值", "自评分", "复核分", "评价标准"],
        ["项目绩效85分", "产出指标40分", "数量指标15分", "乡村道路建设养护里程", "300公里", "300公里", 15.0, None, "1、提供三级指标完成程度的佐证资料;2、三级指标分值按三级指标个数平均确定(15分÷三级指标个数),四舍五入保留整数。"],
        [None, None, "质量指标12分", "农村公路建设验收合格率", None, None, None, None, None],
        [None, None, None, "农村公路养护验收合格率", None, None, None, None, None],
    ], ["A1:I1", "A2:D2", "G2:I2", "B3:D3", "F3:I3", "B4:D4", "F4:I4", "B5:I5", "A6:A7", "B6:B7",
        "B8:I8", "F9:I9", "F10:I10", "F11:I11", "F12:I12", "F13:I13", "F14:I14", "A11:A14", "A15:I15",
        "A17:A19", "B17:B19", "C18:C19"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "乡村道路建设养护项目",
    "budget": 309.0,
    "executed": 309.0,
    "execution_rate": 1.0,
    "budget_points": None,
    "budget_score": None,
    "weights": 100.0,
    "typed_total": 95.0,
    "total": None,
    "grade": None,
    "why": "stored page stops inside 质量指标 12分 of 产出指标 40分; the rest of 项目绩效 85分 (values and scores) is missing",
    "contradictions": [
        {"cell": "F2", "severity": "错误", "what": "as the page is stored (cut inside 质量指标): 自评总分 95 against at most 30 visible scored points (决策 2 + 管理 13 + 产出 15)"},
    ],
    "hand": ("No budget line with points (the money block has no 分值). 项目决策: 决策依据 2/2. 项目管理: 3+2+4+4 = 13/13 "
             "(qualitative, kept). 项目绩效: 乡村道路建设养护里程 300公里/300公里 → 15/15. Visible 2 + 13 + 15 = 30 of "
             "30 scored points; the other 70 of the 85 项目绩效 points (质量指标 12分 onward) have no visible score, so no total. Declared 2 + 13 + 85 = 100; "
             "自评总分 95 means 5 points were docked somewhere in the unseen rows."),
}]
