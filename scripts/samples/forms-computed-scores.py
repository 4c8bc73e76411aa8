#!/usr/bin/env python3
"""Writes testdata/clean/forms-computed-scores.txt and the faulty samples made from it
(one changed figure each). Run from the repository root: python3 scripts/samples/forms-computed-scores.py testdata"""
import os, sys
out = sys.argv[1]

def fund(budget, spent, weight, rate, score, parts=None, extra_rows=True):
    rows = ["项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
            f"\t年度资金总额\t{budget}\t{budget}\t{spent}\t{weight}\t{rate}\t{score}"]
    if parts is None:
        parts = (budget, budget, spent, rate)
    b0, b1, s, r = parts
    rows.append(f"\t其中：当年财政拨款\t{b0}\t{b1}\t{s}\t—\t{r}\t—")
    if extra_rows:
        rows.append("\t上年结转资金\t\t\t\t—\t—\t—")
        rows.append("\t其他资金\t\t\t\t—\t—\t—")
    return rows

HEADER = "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施"

def indicators(scale=1):
    # 90 points (or 70 for a 20-point execution score and 10 more below)
    return [
        "产出指标\t数量指标\t服务场次\t≥40场\t44场\t30\t30\t",
        "\t质量指标\t活动合格率\t≥95%\t97%\t20\t20\t",
        "效益指标\t社会效益指标\t受益人次\t≥6000人次\t6300人次\t20\t20\t",
        "满意度指标\t服务对象满意度指标\t参与者满意度\t≥90%\t94%\t20\t20\t",
    ]

def form(name, year, fund_rows, ind_rows, total_full, total_score, grade="优", title=True):
    lines = []
    if title:
        lines += [f"{year}年度项目支出绩效自评表", ""]
    lines.append(f"项目名称\t\t{name}")
    lines += fund_rows
    lines.append(HEADER)
    lines += ind_rows
    lines.append(f"总分\t\t\t\t\t{total_full}\t{total_score}\t")
    lines.append(f"评分等级\t{grade}")
    return "\n".join(lines) + "\n\n\n"

def twenty_point_indicators():
    return [
        "产出指标\t数量指标\t服务场次\t≥40场\t44场\t30\t30\t",
        "\t质量指标\t活动合格率\t≥95%\t97%\t20\t20\t",
        "效益指标\t社会效益指标\t受益人次\t≥6000人次\t6300人次\t20\t20\t",
        "满意度指标\t服务对象满意度指标\t参与者满意度\t≥90%\t94%\t10\t10\t",
    ]

forms = {}
forms["A"] = (fund("45.60", "44.63", "10", "97.87%", "9.79"), indicators(), "100", "99.79")
forms["B"] = (fund("52.80", "45.52", "10", "86.21%", "8.62"), indicators(), "100", "98.62")
forms["C"] = (fund("186.5520", "20", "20", "10.72%", "2.14"), twenty_point_indicators(), "100", "82.14", "良")
forms["D"] = (fund("56.4", "56.4", "10", "100%", "10"), indicators(), "100", "100")
forms["E"] = (fund("3260.18", "2630.45", "10", "80.68%", "8.07"), indicators(), "100", "98.07")
forms["G"] = (fund("75", "74.968", "10", "100%", "10"), indicators(), "100", "100")
names = {"A": "社区图书角建设", "B": "老年助餐服务", "C": "乡村道路亮化", "D": "社区健身步道维护", "E": "河道保洁", "G": "农村饮水安全巡检"}

def render(forms):
    text = ""
    for k, v in forms.items():
        grade = v[4] if len(v) > 4 else "优"
        text += form(names[k], 2023, v[0], v[1], v[2], v[3], grade)
    # F: a form whose execution score is a row of the indicator table.
    rows = indicators() + ["预算执行率\t\t\t100%\t100%\t10\t10\t"]
    text += "2023年度项目支出绩效自评表\n\n项目名称\t\t社区微型消防站运行\n" + HEADER + "\n" + "\n".join(rows) + "\n总分\t\t\t\t\t100\t100\t\n评分等级\t优\n"
    return text

clean = render(forms)
open(os.path.join(out, "clean/forms-computed-scores.txt"), "w").write(clean)

def variant(fname, changes, f_rows=None):
    fs = dict(forms)
    fs.update(changes)
    t = render(fs) if f_rows is None else render(fs).replace(*f_rows)
    assert t != clean, fname
    open(os.path.join(out, "faulty", fname), "w").write(t)

variant("RATE004-whole-point-truncated.txt", {"A": (fund("45.60", "44.63", "10", "97.87%", "9"), indicators(), "100", "99")})
variant("RATE004-whole-point-rounded.txt", {"B": (fund("52.80", "45.52", "10", "86.21%", "9"), indicators(), "100", "99")})
variant("RATE004-rate-rounded-twice.txt", {"C": (fund("186.5520", "20", "20", "10.72%", "2.15"), twenty_point_indicators(), "100", "82.15", "良")})
variant("RATE004-equal-amounts.txt", {"D": (fund("56.4", "56.4", "10", "100%", "9"), indicators(), "100", "99")})
variant("RATE001+RATE004-wrong-rate-hides-score.txt", {"E": (fund("3260.18", "2630.45", "10", "100%", "10", parts=("3260.18", "3260.18", "2630.45", "80.68%")), indicators(), "100", "100")})
variant("SUM004-zero-total-blank-parts.txt", {"G": (fund("0", "0", "10", "0", "0", parts=("75", "75", "74.968", "—")), indicators(), "100", "90")})
variant("RATE004-execution-row.txt", {}, ("预算执行率\t\t\t100%\t100%\t10\t10\t\n总分\t\t\t\t\t100\t100", "预算执行率\t\t\t100%\t100%\t10\t9\t\n总分\t\t\t\t\t100\t99"))
