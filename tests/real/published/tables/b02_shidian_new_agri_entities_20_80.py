"""施甸县农业农村局 2019年新型农业经营主体扶持项目 — municipal-20-80, 云南. No 分值 column: the unit scored every indicator as B/A × an unprinted weight without capping (产值 31.9, 增收 10.5, 满意度 11.1), and its 总分 71.7 stands only because of that; 执行率 printed '0.1' for 94/650 = 14.46%."""

SOURCE = {
    "title": "项目支出绩效自评表（2019年新型农业经营主体扶持项目）",
    "url": "https://shidian.gov.cn/info/4312/182383.htm",
    "unit": "施甸县农业农村局",
    "province": "云南",
    "year": None,
    "complete": False,
    "note": ("Government page (施甸县农业农村局, 绩效评价, published 2022-08-03) holding the table as an HTML table. "
             "Same publishing unit as a02 (another project, another page): kept because it is the one table found "
             "with typed 得分 and no 分值 column. The form prints no 年度; it was filled 2022-07-05 (year left None). "
             "The stored page stops inside the last row, '改进措施及结果应用方案' ('…规范业务管'): that row is dropped. "
             "The check marks are stored as the Wingdings glyph 'þ' and kept so; stored spaces inside labels "
             "('扶持发展新型农业经营主体 (个)', '年度绩效目标1 (80分)') are kept. 预算执行情况(万元)(20分) and 年度财政资金总额 "
             "are laid out as label cells spanning two columns; 年度绩效目标1 (80分) as a full-width row (its own HTML row)."),
}
FAMILY = "municipal-20-80"

SHEETS = [
    ("Sheet1", [
        ["项目支出绩效自评表", None, None, None, None, None],
        ["单位名称:施甸县农业农村局", None, None, "填报日期:2022年7月5日", None, None],
        ["项目名称", "2019年新型农业经营主体扶持项目", None, None, None, None],
        ["主管部门", "施甸县人民政府", None, "项目实施单位", "施甸县农业农村局", None],
        ["项目类别", "1、部门预算项目 □ 2、上级专项 þ", None, None, None, None],
        ["项目属性", "1、持续性项目 □ 2、新增性项目þ", None, None, None, None],
        ["预算执行情况(万元)(20分)", None, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分 (20分*执行率)"],
        ["年度财政资金总额", None, 650.0, 94.0, 0.1, 2.9],
        ["年度绩效目标1 (80分)", None, None, None, None, None],
        ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        ["产出指标", "数量指标", "扶持发展新型农业经营主体 (个)", 15.0, 6.0, 8.0],
        [None, "数量指标", "带动贫困户(人)", 11442.0, 4164.0, 7.3],
        ["效益指标", "经济效益指标", "新型经营主体实现产值(%)", 8000.0, 12767.36, 31.9],
        [None, "经济效益指标", "新型经营主体助农增收 (元)", 1980.0, 2074.0, 10.5],
        ["满意度指标", "服务对象满意度指标", "满意度(%)", 90.0, 100.0, 11.1],
        ["总分", None, None, None, None, 71.7],
        ["偏差大或 目标未完成 原因分析", "一是相关台账不健全,部分新型农业经营主体提供带动建档立卡户发展的相关支撑材料不足,与扶持奖补要求和标准有差距;二是新型农业经营主体自身发展状况欠佳,带动建档立卡户发展的能力有限;三是项目执行先建后补,有的经营主体没有带动建档立卡户,或建设内容与项目扶持奖补不符,不具备扶持奖补条件,经现场核实综合评价后据实补贴,资金结余,没有100%执行完毕。", None, None, None, None],
    ], ["A1:F1", "A2:C2", "D2:F2", "B3:F3", "B4:C4", "E4:F4", "B5:F5", "B6:F6", "A7:B7", "A8:B8",
        "A9:F9", "A11:A12", "A13:A14", "A16:E16", "B17:F17"]),
]

EXPECTED = [{
    "sheet": "Sheet1",
    "project": "2019年新型农业经营主体扶持项目",
    "budget": 650.0,
    "executed": 94.0,
    "execution_rate": 0.14461538461538462,
    "budget_points": 20.0,
    "budget_score": 2.8923076923076922,
    "weights": 100.0,
    "typed_total": 71.7,
    "total": 58.17,
    "grade": "差",
    "why": "",
    "contradictions": [
        {"cell": "E8", "severity": "提示", "what": "执行率 printed 0.1; 94 ÷ 650 = 14.46% (display rounding to one decimal; the 得分 2.9 was computed from 14.46%)"},
        {"cell": "F13", "severity": "错误", "what": "得分 31.9 = 20 × 12767.36/8000 uncapped: above its implied 20 points and above any share of the 80-point section that fits the other scores"},
        {"cell": "F14", "severity": "警告", "what": "得分 10.5 = 10 × 2074/1980 uncapped: above its implied 10 points"},
        {"cell": "F15", "severity": "警告", "what": "得分 11.1 = 10 × 100/90 uncapped: above its implied 10 points"},
        {"cell": "C13", "severity": "提示", "what": "unit '(%)' on 新型经营主体实现产值, but target 8000 and actual 12767.36 read as money (万元), not a percentage"},
        {"cell": "F16", "severity": "警告", "what": "总分 71.7 = 2.9 + 8.0 + 7.3 + 31.9 + 10.5 + 11.1 (it adds up) but rests on three uncapped scores; capped it is 58.17"},
    ],
    "hand": ("Budget 94/650 = 14.4615% → 20 × 0.144615 = 2.8923. No 分值 column; the unit's own B/A×w arithmetic "
             "gives the weights: 8.0 = w×6/15 → 20; 7.3 = w×4164/11442 → 20.06 ≈ 20; 31.9 = w×12767.36/8000 → 19.99 ≈ 20; "
             "10.5 = w×2074/1980 → 10.02 ≈ 10; 11.1 = w×100/90 → 9.99 ≈ 10; 20+20+20+10+10 = 80 = the section label. "
             "Capped: 8.0 + 7.2784 (20×4164/11442) + 20 + 10 + 10 = 55.2784. Total 2.8923 + 55.2784 = 58.1708 → 58.17, 差. "
             "Weights declared: 20 (budget) + 80 (年度绩效目标) = 100."),
}]
