#!/usr/bin/env python3
"""Make the Word, Excel and web-page fixtures in testdata/office/ from text samples.

Each text sample (tab-separated table rows, one paragraph per line) is written as a flat
OpenDocument file, and LibreOffice (headless) saves it as .docx, .xlsx, .xls and .html, so
the fixtures are what real office software writes: numbering.xml, merged cells, number
formats, hidden rows. The test `tests/formats.rs` checks that each gives the same findings
as its text original.

  - Numbered headings (一、 （一） 1.) become automatic outline numbering when the numbers
    run in order, so the numbers exist only in numbering.xml; otherwise they stay literal.
  - An empty first cell under a filled one in a table is merged with it (vMerge in Word,
    a merged region in Excel), as real forms print it.
  - Numbers in spreadsheets are typed cells with a display format that prints them as the
    text does (12.60 is 12.6 formatted 0.00; 98.44% is 0.9844 formatted 0.00%).
  - `@hidden-row` adds a hidden row and a hidden sheet that would break sums if they were
    read, and writes every number as a formula (read as its cached result).
  - `@split-table` splits each form's indicator table over two pages as Word does: two
    tables, a page break between, the header repeated.
  - A GBK web page (the kind government sites publish) is written by this script itself.
  - `@from-text` variants are the text sample opened as it is in LibreOffice (Writer: one
    paragraph per line, tabs inside; Calc: tab-separated import) and saved, as a user who
    pastes or opens extracted text would.

Usage: scripts/office-fixtures.py [FORMAT...]   (only those formats, e.g. `pdf`; needs soffice: apt-get install libreoffice-writer
libreoffice-calc). The output is committed; tests do not need LibreOffice.
"""

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "testdata", "office")

# (sample, formats). Forms go to spreadsheets too; reports only to documents and pages.
SAMPLES = [
    ("clean/self-evaluation-forms.txt", ["docx", "xlsx", "html", "xls", "pdf"]),
    ("faulty/SUM004-fund-total.txt", ["docx", "xlsx", "html", "pdf"]),
    ("faulty/SUM002-form-total.txt", ["docx", "xlsx", "html", "pdf"]),
    ("faulty/RATE004-execution-score.txt", ["docx", "xlsx", "html", "pdf"]),
    ("faulty/TARGET003-no-deviation-reason.txt", ["docx", "xlsx", "html", "pdf"]),
    ("faulty/CODE001-duplicate-code.txt", ["docx", "html", "pdf"]),
    ("faulty/XREF001-abstract-budget.txt", ["docx", "html", "pdf"]),
    ("clean/district-report.txt", ["docx", "html", "pdf"]),
    ("faulty/STRUCT001-numbering-gap.txt", ["docx"]),
]

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" '
)

CN = "一二三四五六七八九十"
H1 = re.compile(r"^([一二三四五六七八九十]+)、\s*(.+)$")
H2 = re.compile(r"^（([一二三四五六七八九十]+)）\s*(.+)$")


def cn_value(s):
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + CN.index(s[1]) + 1
    if len(s) == 2 and s.endswith("十"):
        return (CN.index(s[0]) + 1) * 10
    return CN.index(s) + 1 if len(s) == 1 else None


def is_title(rest):
    return len(rest) <= 30 and not re.search(r"[。；;，,]", rest)


def parse(text):
    """Blocks of a text sample: ('p', text), ('h', level, number, title), ('t', rows)."""
    lines = text.split("\n")
    blocks, i = [], 0
    while i < len(lines):
        line = lines[i].rstrip("\r")
        if "\t" in line and line.strip():
            rows = []
            while i < len(lines):
                l = lines[i].rstrip("\r")
                if "\t" in l and l.strip():
                    rows.append(l.split("\t"))
                    i += 1
                elif not l.strip():
                    j = i
                    while j < len(lines) and not lines[j].strip():
                        j += 1
                    if j - i <= 2 and j < len(lines) and "\t" in lines[j]:
                        rows.append(None)  # a page break inside the table
                        i = j
                    else:
                        break
                else:
                    break
            blocks.append(("t", rows))
            continue
        s = line.strip()
        i += 1
        if not s:
            continue
        if s.startswith("#"):
            s = s.lstrip("#").strip()
        m1, m2 = H1.match(s), H2.match(s)
        if m1 and is_title(m1.group(2)):
            blocks.append(("h", 1, cn_value(m1.group(1)), m1.group(2), s))
        elif m2 and is_title(m2.group(2)):
            blocks.append(("h", 2, cn_value(m2.group(1)), m2.group(2), s))
        else:
            blocks.append(("p", s))
    return blocks


def numbering_runs_in_order(blocks):
    counters = [0, 0]
    for b in blocks:
        if b[0] != "h":
            continue
        level, value = b[1], b[2]
        if value != counters[level - 1] + 1:
            return False
        counters[level - 1] = value
        if level == 1:
            counters[1] = 0
    return any(b[0] == "h" for b in blocks)


def merged_grid(rows):
    """Rows padded to one width, with (rowspan, covered) for a merged first column."""
    real = [r for r in rows if r is not None]
    width = max(len(r) for r in real)
    grid = [[c.strip() for c in r] + [""] * (width - len(r)) for r in real]
    spans = [[1] * width for _ in grid]
    covered = [[False] * width for _ in grid]
    origin = None
    for r, row in enumerate(grid):
        if row[0]:
            origin = r
        elif origin is not None and len(row) > 1 and row[1]:
            spans[origin][0] += 1
            covered[r][0] = True
        else:
            origin = None
    return grid, spans, covered


NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?%?$|^-?\d+(\.\d+)?%?$")


def cell_value(text):
    """A typed cell for a number as the text prints it: (value, decimals, percent, thousands)."""
    if not NUMBER.match(text) or (len(text) > 1 and text.startswith("0") and not text.startswith("0.")):
        return None
    percent = text.endswith("%")
    body = text.rstrip("%").replace(",", "")
    decimals = len(body.split(".")[1]) if "." in body else 0
    value = float(body) / (100 if percent else 1)
    return value, decimals, percent, "," in text


def with_revisions(doc):
    """Track changes in a flat ODT: 30 in the budget sentence becomes an insertion beside a
    deleted 35 (the accepted text is the original), and a comment on the evaluation scope."""
    info = ("<office:change-info><dc:creator>评价组</dc:creator>"
            "<dc:date>2023-03-01T10:00:00</dc:date></office:change-info>")
    regions = ('<text:tracked-changes text:track-changes="true">'
               f'<text:changed-region text:id="ct1"><text:insertion>{info}</text:insertion></text:changed-region>'
               f'<text:changed-region text:id="ct2"><text:deletion>{info}<text:p>35</text:p></text:deletion></text:changed-region>'
               "</text:tracked-changes>")
    doc = doc.replace("<office:text>", "<office:text>" + regions, 1)
    doc = doc.replace("年初预算30万元", '年初预算<text:change text:change-id="ct2"/>'
                      '<text:change-start text:change-id="ct1"/>30<text:change-end text:change-id="ct1"/>万元', 1)
    doc = doc.replace("<text:p>评价对象", "<text:p><office:annotation><dc:creator>复核人</dc:creator>"
                      "<text:p>范围是否包括设备采购？</text:p></office:annotation>评价对象", 1)
    return doc


def split_at_page(rows):
    """A table split over two pages as Word writes it: two tables, a page break between, the
    indicator header repeated on the second page."""
    real = [r for r in rows if r is not None]
    header = next((i for i, r in enumerate(real) if r and r[0].strip().startswith("一级")), None)
    if header is None or header + 3 >= len(real):
        return [rows]
    width = max(len(r) for r in real)
    pad = lambda r: r + [""] * (width - len(r))
    return [[pad(r) for r in real[:header + 3]], [pad(real[header])] + [pad(r) for r in real[header + 3:]]]


def display_width(text):
    """Printed width in Chinese characters: a Latin letter or digit is about half of one."""
    return sum(1 if ord(c) >= 0x2E80 else 0.55 for c in text)


# The print layout of the PDF fixtures: an A4 landscape page with a page number in the footer,
# tables in 9 pt with padded, ruled cells whose text is centred vertically (as Word forms set
# them, so a merged cell's label is printed on its middle line), columns as wide as their text
# needs up to 14 characters, and a table's first row repeated on every page it runs over.
PRINT_STYLES = """<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.5cm" fo:margin-bottom="1cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:footer-style><style:header-footer-properties fo:min-height="0.8cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>
<style:style style:name="PB" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.85cm" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
<style:style style:name="Cell9" style:family="paragraph"><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<style:style style:name="Foot" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<style:style style:name="Ruled" style:family="table-cell"><style:table-cell-properties fo:padding-left="0.15cm" fo:padding-right="0.15cm" fo:padding-top="0.05cm" fo:padding-bottom="0.05cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/></style:style>
{columns}
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer><text:p text:style-name="Foot">— <text:page-number text:select-page="current"/> —</text:p></style:footer></style:master-page>
</office:master-styles>"""

PAGE_WIDTH_CM = 25.7


def column_widths(grid, page_width=None):
    """Columns as wide as their text needs up to 14 characters; when the page is too narrow for
    that, every column keeps room for 4 characters (a score such as 9.91 never wraps) and the
    long ones share what is left."""
    page_width = page_width or PAGE_WIDTH_CM
    char_cm, pad_cm = 0.32, 0.35
    need = [max(2.0, min(14.0, max(display_width(r[c]) for r in grid))) for c in range(len(grid[0]))]
    floor = [min(n, 4.0) * char_cm + pad_cm for n in need]
    full = [n * char_cm + pad_cm for n in need]
    if sum(full) <= page_width:
        return [page_width * f / sum(full) for f in full]
    extra = [f - m for f, m in zip(full, floor)]
    share = (page_width - sum(floor)) / sum(extra)
    return [m + e * share for m, e in zip(floor, extra)]


# The portrait variant: A4 upright, cells in 10.5 pt aligned to their top (as many Word forms set
# them), so that wrapped cells run downwards from the row's first line.
PORTRAIT_WIDTH_CM = 17.0


def portrait(styles):
    return (styles
            .replace('fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape"',
                     'fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait"')
            .replace('"Cell9" style:family="paragraph"><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/>',
                     '"Cell9" style:family="paragraph"><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>')
            .replace('style:vertical-align="middle"', 'style:vertical-align="top"'))


def fodt(blocks, auto, split=False, printed=False, restyle=None, page_width=PAGE_WIDTH_CM):
    """The document as flat ODF; `printed` sets the print layout, which `restyle` (a function
    of PRINT_STYLES) varies, on a page whose text is `page_width` wide."""
    out = [f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
           'office:mimetype="application/vnd.oasis.opendocument.text">']
    fmt1 = 'style:num-format="一, 二, 三, ..." style:num-suffix="、"' if auto else 'style:num-format=""'
    fmt2 = ('style:num-format="一, 二, 三, ..." style:num-prefix="（" style:num-suffix="）" '
            'text:display-levels="1"') if auto else 'style:num-format=""'
    out.append(f"""<office:styles>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"/>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"/>
<text:outline-style style:name="Outline">
<text:outline-level-style text:level="1" {fmt1}/>
<text:outline-level-style text:level="2" {fmt2}/>
</text:outline-style>
</office:styles>""")
    tables = [b for b in blocks if b[0] not in ("p", "h")]
    if printed:
        columns = []
        for t, b in enumerate(tables):
            for c, w in enumerate(column_widths(merged_grid(b[1])[0], page_width)):
                columns.append(f'<style:style style:name="T{t}C{c}" style:family="table-column">'
                               f'<style:table-column-properties style:column-width="{w:.2f}cm"/></style:style>')
            columns.append(f'<style:style style:name="T{t}" style:family="table"><style:table-properties '
                           f'style:width="{page_width}cm" table:align="margins"/></style:style>')
        styles = restyle(PRINT_STYLES) if restyle else PRINT_STYLES
        out.append(styles.replace("{columns}", "\n".join(columns)))
    else:
        out.append("""<office:automatic-styles>
<style:style style:name="PB" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
</office:automatic-styles>""")
    out.append("<office:body><office:text>")
    body = ' text:style-name="Body"' if printed else ""
    cell_p = ' text:style-name="Cell9"' if printed else ""
    table_no = 0
    for b in blocks:
        if b[0] == "p":
            out.append(f"<text:p{body}>{html.escape(b[1])}</text:p>")
        elif b[0] == "h":
            title = b[3] if auto else b[4]
            out.append(f'<text:h text:style-name="Heading_20_{b[1]}" text:outline-level="{b[1]}">'
                       f"{html.escape(title)}</text:h>")
        else:
            parts = split_at_page(b[1]) if split else [b[1]]
            for k, rows in enumerate(parts):
                if k > 0:
                    out.append('<text:p text:style-name="PB"/>')
                grid, spans, covered = merged_grid(rows)
                width = len(grid[0])
                if printed:
                    out.append(f'<table:table table:style-name="T{table_no}">')
                    out.extend(f'<table:table-column table:style-name="T{table_no}C{c}"/>' for c in range(width))
                else:
                    out.append(f'<table:table><table:table-column table:number-columns-repeated="{width}"/>')
                # A heading row (text only) is repeated on every page the table runs over.
                heading = printed and not any(cell_value(c) for c in grid[0])
                for r, row in enumerate(grid):
                    if heading and r == 0:
                        out.append("<table:table-header-rows>")
                    out.append("<table:table-row>")
                    for c, cell in enumerate(row):
                        if covered[r][c]:
                            out.append("<table:covered-table-cell/>")
                            continue
                        span = f' table:number-rows-spanned="{spans[r][c]}"' if spans[r][c] > 1 else ""
                        style = ' table:style-name="Ruled"' if printed else ""
                        out.append(f'<table:table-cell{style} office:value-type="string"{span}>'
                                   f"<text:p{cell_p}>{html.escape(cell)}</text:p></table:table-cell>")
                    out.append("</table:table-row>")
                    if heading and r == 0:
                        out.append("</table:table-header-rows>")
                out.append("</table:table>")
            table_no += 1
    out.append("</office:text></office:body></office:document>")
    return "\n".join(out)


def fods(blocks, hidden_row, one_sheet=False, formulas=False, hidden_sheet=False):
    """A workbook: a new sheet for each form (a title after a table starts the next one), or
    every form on one sheet under a title merged across the form's width."""
    sheets, current, seen_table = [], [], False
    for b in blocks:
        if b[0] != "t" and seen_table and not one_sheet:
            sheets.append(current)
            current, seen_table = [], False
        current.append(b)
        seen_table |= b[0] == "t"
    if current:
        sheets.append(current)
    styles = {}

    def style_for(decimals, percent, thousands):
        key = (decimals, percent, thousands)
        if key not in styles:
            styles[key] = len(styles) + 1
        return f"ce{styles[key]}"

    body = []
    for n, sheet in enumerate(sheets):
        body.append(f'<table:table table:name="自评表{n + 1}">')
        rows = []
        for b in sheet:
            if b[0] in ("p", "h"):
                rows.append(([b[1] if b[0] == "p" else b[4]], None, None, False))
                continue
            grid, spans, covered = merged_grid(b[1])
            page_breaks = [i for i, r in enumerate([r for r in b[1]]) if r is None]
            k = 0
            for r, row in enumerate(grid):
                # A blank row where the text had a page break.
                while page_breaks and page_breaks[0] <= r + k and b[1][r + k] is None:
                    rows.append(([], None, None, False))
                    page_breaks.pop(0)
                    k += 1
                rows.append((row, spans[r], covered[r], False))
                if hidden_row and r == 4:
                    rows.append((["（隐藏行）备注", "", "999.00", "999.00", "999.00"], None, None, True))
                    hidden_row = False
        width = max(len(r[0]) for r in rows) or 1
        body.append(f'<table:table-column table:number-columns-repeated="{width}"/>')
        for cells, sp, cov, hidden in rows:
            vis = ' table:visibility="collapse"' if hidden else ""
            body.append(f"<table:table-row{vis}>")
            if one_sheet and len(cells) == 1:
                body.append(f'<table:table-cell office:value-type="string" '
                            f'table:number-columns-spanned="{width}"><text:p>{html.escape(cells[0])}'
                            f"</text:p></table:table-cell>")
                body.append("<table:covered-table-cell/>" * (width - 1))
                body.append("</table:table-row>")
                continue
            for c, cell in enumerate(cells):
                if cov and cov[c]:
                    body.append("<table:covered-table-cell/>")
                    continue
                span = f' table:number-rows-spanned="{sp[c]}"' if sp and sp[c] > 1 else ""
                typed = cell_value(cell)
                if typed:
                    value, dec, pct, th = typed
                    kind = "percentage" if pct else "float"
                    formula = (f' table:formula="of:=ROUND({value!r};{dec + (2 if pct else 0)})"'
                               if formulas else "")
                    body.append(f'<table:table-cell table:style-name="{style_for(dec, pct, th)}" '
                                f'office:value-type="{kind}" office:value="{value!r}"{formula}{span}>'
                                f"<text:p>{html.escape(cell)}</text:p></table:table-cell>")
                elif cell:
                    body.append(f'<table:table-cell office:value-type="string"{span}>'
                                f"<text:p>{html.escape(cell)}</text:p></table:table-cell>")
                else:
                    body.append(f"<table:table-cell{span}/>")
            body.append("</table:table-row>")
        body.append("</table:table>")
    if hidden_sheet:
        # A sheet nobody sees, holding a sum that does not add up.
        body.append('<table:table table:name="草稿" table:style-name="hidden">'
                    '<table:table-column table:number-columns-repeated="3"/>'
                    + "".join(f"<table:table-row><table:table-cell office:value-type=\"string\"><text:p>{a}</text:p></table:table-cell>"
                              f"<table:table-cell office:value-type=\"float\" office:value=\"{v}\"><text:p>{v}</text:p></table:table-cell></table:table-row>"
                              for a, v in [("项目", "金额"), ("办公设备", "10"), ("培训", "20"), ("合计", "40")])
                    + "</table:table>")
    data_styles, cell_styles = [], []
    for (dec, pct, th), n in styles.items():
        grouping = ' number:grouping="true"' if th else ""
        inner = f'<number:number number:decimal-places="{dec}" number:min-decimal-places="{dec}" number:min-integer-digits="1"{grouping}/>'
        if pct:
            data_styles.append(f'<number:percentage-style style:name="N{n}">{inner}<number:text>%</number:text></number:percentage-style>')
        else:
            data_styles.append(f'<number:number-style style:name="N{n}">{inner}</number:number-style>')
        cell_styles.append(f'<style:style style:name="ce{n}" style:family="table-cell" style:data-style-name="N{n}"/>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.2" '
            'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
            f"<office:automatic-styles>{''.join(data_styles)}{''.join(cell_styles)}"
            '<style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"/></style:style>'
            "</office:automatic-styles>"
            f"<office:body><office:spreadsheet>{''.join(body)}</office:spreadsheet></office:body></office:document>")


def gbk_page(blocks, title):
    """A government-site page: GBK, a layout table around the content, &nbsp; in empty cells,
    <br> inside cells, rowspan on merged first cells."""
    out = ['<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">',
           '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
           f"<title>{html.escape(title)}</title><script>var a = '<table>';</script></head><body>",
           '<table width="100%"><tr><td class="nav">您现在的位置：首页 &gt; 政务公开 &gt; 绩效信息</td></tr>',
           '<tr><td class="content">']
    for b in blocks:
        if b[0] == "p":
            out.append(f"<p>{html.escape(b[1])}</p>")
        elif b[0] == "h":
            out.append(f"<h{b[1] + 1}>{html.escape(b[4])}</h{b[1] + 1}>")
        else:
            grid, spans, covered = merged_grid(b[1])
            out.append('<table border="1" cellspacing="0">')
            for r, row in enumerate(grid):
                out.append("<tr>")
                for c, cell in enumerate(row):
                    if covered[r][c]:
                        continue
                    span = f' rowspan="{spans[r][c]}"' if spans[r][c] > 1 else ""
                    text = html.escape(cell) if cell else "&nbsp;"
                    # Long cells wrap with <br> as editors type them.
                    if len(cell) > 24 and "，" in cell:
                        text = html.escape(cell).replace("，", "，<br>", 1)
                        text = text.replace("，<br>", "，<br>\n")
                    out.append(f"<td{span}>{text}</td>")
                out.append("</tr>")
            out.append("</table>")
    out.append("</td></tr></table></body></html>")
    return "\n".join(out).encode("gbk")


FROM_TEXT = [
    "clean/self-evaluation-forms.txt",
    "clean/district-report.txt",
    "faulty/SUM004-fund-total.txt",
    "faulty/XREF001-abstract-budget.txt",
]


def convert_text(src, fmt, outdir):
    """Open a UTF-8 text file in Writer or Calc, as it is, and save it."""
    if fmt == "docx":
        args = ["--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx:MS Word 2007 XML"]
    else:
        args = ["--infilter=Text - txt - csv (StarCalc):9,,76,1", "--convert-to",
                "xlsx:Calc MS Excel 2007 XML"]
    subprocess.run(["soffice", "--headless", *args, "--outdir", outdir, src], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def convert(src, fmt, outdir):
    filters = {
        "docx": "docx:MS Word 2007 XML",
        "xlsx": "xlsx:Calc MS Excel 2007 XML",
        "xls": "xls:MS Excel 97",
        "html": "html:HTML (StarWriter)",
        "pdf": "pdf:writer_pdf_Export",
    }
    subprocess.run(["soffice", "--headless", "--convert-to", filters[fmt], "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def png(width, height, pixel):
    """A greyscale PNG whose pixel (x, y) is pixel(x, y) (0 black .. 255 white)."""
    import struct
    import zlib

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\0" + bytes(pixel(x, y) for x in range(width)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def scanned_fodt():
    """A page that is only a picture, as a scanner makes it: grey lines where text would be."""
    import base64
    picture = png(400, 160, lambda x, y: 40 if (y // 8) % 3 == 1 and 20 <= x < 380 - (y * 7) % 90 else 255)
    data = base64.b64encode(picture).decode()
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} '
            'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
            'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
            'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
            '<office:body><office:text><text:p><draw:frame draw:name="scan" text:anchor-type="as-char" '
            'svg:width="16cm" svg:height="6.4cm"><draw:image><office:binary-data>'
            f'{data}</office:binary-data></draw:image></draw:frame></text:p></office:text></office:body>'
            '</office:document>')


def pdf_special(tmp):
    """PDFs a supervisor receives that cannot be read — a scan with no text layer, and a file
    locked with an open password — go to tests/data/ (not testdata/, whose files are all
    checked by the README's main command); PDFs printed with other settings (`@portrait`,
    `@noborder`, `@tight`) go to testdata/office/."""
    out = os.path.join(ROOT, "tests", "data")
    os.makedirs(out, exist_ok=True)
    scan = os.path.join(tmp, "scanned.fodt")
    with open(scan, "w", encoding="utf-8") as f:
        f.write(scanned_fodt())
    convert(scan, "pdf", tmp)
    shutil.copy(os.path.join(tmp, "scanned.pdf"), os.path.join(out, "scanned.pdf"))
    with open(os.path.join(ROOT, "testdata", "faulty/SUM004-fund-total.txt"), encoding="utf-8") as f:
        blocks = parse(f.read())
    locked = os.path.join(tmp, "locked", "encrypted.fodt")
    os.makedirs(os.path.dirname(locked), exist_ok=True)
    with open(locked, "w", encoding="utf-8") as f:
        f.write(fodt(blocks, False, printed=True))
    options = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
               '"DocumentOpenPassword":{"type":"string","value":"jxlint"}}')
    subprocess.run(["soffice", "--headless", "--convert-to", options, "--outdir", os.path.dirname(locked), locked],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.copy(os.path.join(os.path.dirname(locked), "encrypted.pdf"), os.path.join(out, "encrypted.pdf"))
    # The Word fixtures printed as they are (Word's default table: no padding, cells touching,
    # paragraphs as close as rows): tests/data/from-docx/, held to finding nothing their text
    # originals do not.
    from_docx = os.path.join(out, "from-docx")
    os.makedirs(from_docx, exist_ok=True)
    for docx in sorted(f for f in os.listdir(OUT) if f.endswith(".docx") and "@" not in f and "STRUCT007" not in f):
        shutil.copy(os.path.join(OUT, docx), os.path.join(tmp, docx))
        convert(os.path.join(tmp, docx), "pdf", from_docx)
    # Other print settings forms are seen in, as `@name` variants in testdata/office/: upright
    # pages with top-aligned cells; no borders and 12 pt cells; 8 pt cells with tight padding
    # aligned to their bottom.
    cell9 = ('"Cell9" style:family="paragraph"><style:text-properties fo:font-size="9pt" '
             'style:font-size-asian="9pt"/>')
    forms = ["clean/self-evaluation-forms.txt", "faulty/SUM002-form-total.txt"]
    variants = [
        ("portrait", forms + ["faulty/TARGET003-no-deviation-reason.txt", "clean/district-report.txt"],
         portrait, PORTRAIT_WIDTH_CM),
        ("noborder", forms + ["faulty/SUM004-fund-total.txt"],
         lambda st: st.replace('fo:border="0.5pt solid #000000"', 'fo:border="none"')
                      .replace(cell9, cell9.replace("9pt", "12pt")),
         PAGE_WIDTH_CM),
        ("tight", forms + ["faulty/SUM004-fund-total.txt"],
         lambda st: st.replace('fo:padding-left="0.15cm" fo:padding-right="0.15cm" '
                               'fo:padding-top="0.05cm" fo:padding-bottom="0.05cm"',
                               'fo:padding-left="0.05cm" fo:padding-right="0.05cm" '
                               'fo:padding-top="0.02cm" fo:padding-bottom="0.02cm"')
                      .replace(cell9, cell9.replace("9pt", "8pt"))
                      .replace('style:vertical-align="middle"', 'style:vertical-align="bottom"'),
         PAGE_WIDTH_CM),
    ]
    for name, samples, restyle, page_width in variants:
        assert restyle(PRINT_STYLES) != PRINT_STYLES, name
        for sample in samples:
            with open(os.path.join(ROOT, "testdata", sample), encoding="utf-8") as f:
                blocks = parse(f.read())
            stem = os.path.splitext(os.path.basename(sample))[0] + "@" + name
            path = os.path.join(tmp, name, stem + ".fodt")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(fodt(blocks, numbering_runs_in_order(blocks), printed=True,
                             restyle=restyle, page_width=page_width))
            convert(path, "pdf", os.path.dirname(path))
            shutil.copy(os.path.join(os.path.dirname(path), stem + ".pdf"), os.path.join(OUT, stem + ".pdf"))


def main():
    if not shutil.which("soffice"):
        sys.exit("soffice not found: apt-get install libreoffice-writer libreoffice-calc")
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])
    with tempfile.TemporaryDirectory() as tmp:
        for sample, formats in SAMPLES:
            formats = [f for f in formats if not only or f in only]
            with open(os.path.join(ROOT, "testdata", sample), encoding="utf-8") as f:
                blocks = parse(f.read())
            stem = os.path.splitext(os.path.basename(sample))[0]
            auto = numbering_runs_in_order(blocks)
            doc = os.path.join(tmp, stem + ".fodt")
            with open(doc, "w", encoding="utf-8") as f:
                f.write(fodt(blocks, auto))
            for fmt in formats:
                if fmt in ("docx", "html"):
                    convert(doc, fmt, tmp)
                    shutil.copy(os.path.join(tmp, f"{stem}.{fmt}"), os.path.join(OUT, f"{stem}.{fmt}"))
            if "pdf" in formats:
                printed = os.path.join(tmp, "print", stem + ".fodt")
                os.makedirs(os.path.dirname(printed), exist_ok=True)
                with open(printed, "w", encoding="utf-8") as f:
                    f.write(fodt(blocks, auto, printed=True))
                convert(printed, "pdf", os.path.dirname(printed))
                shutil.copy(os.path.join(os.path.dirname(printed), f"{stem}.pdf"), os.path.join(OUT, f"{stem}.pdf"))
            for fmt in formats:
                if fmt in ("xlsx", "xls"):
                    book = os.path.join(tmp, stem + ".fods")
                    with open(book, "w", encoding="utf-8") as f:
                        f.write(fods(blocks, hidden_row=False))
                    convert(book, fmt, tmp)
                    shutil.copy(os.path.join(tmp, f"{stem}.{fmt}"), os.path.join(OUT, f"{stem}.{fmt}"))
            print(stem, "auto numbering" if auto else "literal numbers", formats)
        if not only or "pdf" in only:
            pdf_special(tmp)
        if only:
            return
        # Variants.
        with open(os.path.join(ROOT, "testdata", "clean/self-evaluation-forms.txt"), encoding="utf-8") as f:
            forms = parse(f.read())
        book = os.path.join(tmp, "self-evaluation-forms@hidden-row.fods")
        with open(book, "w", encoding="utf-8") as f:
            f.write(fods(forms, hidden_row=True, formulas=True, hidden_sheet=True))
        convert(book, "xlsx", tmp)
        shutil.copy(os.path.join(tmp, "self-evaluation-forms@hidden-row.xlsx"),
                    os.path.join(OUT, "self-evaluation-forms@hidden-row.xlsx"))
        for sample in ["clean/self-evaluation-forms.txt", "faulty/SUM002-form-total.txt"]:
            with open(os.path.join(ROOT, "testdata", sample), encoding="utf-8") as f:
                blocks = parse(f.read())
            stem = os.path.splitext(os.path.basename(sample))[0] + "@one-sheet"
            book = os.path.join(tmp, stem + ".fods")
            with open(book, "w", encoding="utf-8") as f:
                f.write(fods(blocks, hidden_row=False, one_sheet=True))
            convert(book, "xlsx", tmp)
            shutil.copy(os.path.join(tmp, stem + ".xlsx"), os.path.join(OUT, stem + ".xlsx"))
        with open(os.path.join(ROOT, "testdata", "clean/district-report.txt"), encoding="utf-8") as f:
            report = parse(f.read())
        doc = os.path.join(tmp, "district-report@revisions.fodt")
        with open(doc, "w", encoding="utf-8") as f:
            f.write(with_revisions(fodt(report, numbering_runs_in_order(report))))
        convert(doc, "docx", tmp)
        shutil.copy(os.path.join(tmp, "district-report@revisions.docx"),
                    os.path.join(OUT, "STRUCT007-tracked-changes.docx"))
        for sample in ["faulty/SUM002-form-total.txt", "clean/self-evaluation-forms.txt"]:
            with open(os.path.join(ROOT, "testdata", sample), encoding="utf-8") as f:
                blocks = parse(f.read())
            stem = os.path.splitext(os.path.basename(sample))[0] + "@split-table"
            doc = os.path.join(tmp, stem + ".fodt")
            with open(doc, "w", encoding="utf-8") as f:
                f.write(fodt(blocks, False, split=True))
            convert(doc, "docx", tmp)
            shutil.copy(os.path.join(tmp, stem + ".docx"), os.path.join(OUT, stem + ".docx"))
        for sample in FROM_TEXT:
            stem = os.path.splitext(os.path.basename(sample))[0] + "@from-text"
            src = os.path.join(tmp, stem + ".txt")
            shutil.copy(os.path.join(ROOT, "testdata", sample), src)
            for fmt in ("docx", "xlsx"):
                convert_text(src, fmt, tmp)
                shutil.copy(os.path.join(tmp, f"{stem}.{fmt}"), os.path.join(OUT, f"{stem}.{fmt}"))
        for sample in ["faulty/SUM004-fund-total.txt", "clean/self-evaluation-forms.txt"]:
            with open(os.path.join(ROOT, "testdata", sample), encoding="utf-8") as f:
                blocks = parse(f.read())
            stem = os.path.splitext(os.path.basename(sample))[0]
            with open(os.path.join(OUT, f"{stem}@gbk-page.html"), "wb") as f:
                f.write(gbk_page(blocks, stem))


if __name__ == "__main__":
    main()
