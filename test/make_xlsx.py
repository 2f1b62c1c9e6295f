#!/usr/bin/env python3
"""make_xlsx.py OUTDIR - write the Talportal fixtures for test/xlsx_test.sh.

One table of synthetic figures (never real data) written four ways: the
Talportal's CSV download (Latin-1, ';', decimal comma, NA for missing) and
Excel exports as the Talportal makes them (sheet "Som tabel", two header
rows, missing values written as 0, a footer "Kilde: Ankestyrelsen ( 2023 )"),
in both header orders and with the XML's variants: shared strings with
rich-text runs, inline strings, merged group headers and ids, percentages
as fractions in a % format, formulas with their cached values. Also the
broken archives the importer must refuse. Only the standard library:
zipfile and XML written as text. The archives are the same byte for byte
every time (fixed times): test/data/import/talportal_excel.xlsx (the import
golden's fixture) is this script's measure_on_top.xlsx.
"""
import os
import struct
import sys
import zipfile
from xml.sax.saxutils import escape

MEASURES = [
    "Realitetsbehandlede sager i alt",
    "Stadfæstede sager",
    "Ændrede/ophævede sager",
    "Hjemviste sager",
    "Omgørelsesprocent",
]
PERIODS = ["2022", "2023"]
IDS = ["Kommune", "Lovgivning", "Sagsemne"]
SEL = "Serviceloven"
P41 = "§ 41 Merudgifter ved forsørgelse af børn"
P42 = "§ 42 Tabt arbejdsfortjeneste"
P100 = "§ 100 Merudgifter for voksne"


def rate(cases, upheld):
    """the reversal rate as a decimal text with ten decimals, or None"""
    if not cases:
        return None
    scaled = (cases - upheld) * 10**12 // cases  # percent with ten decimals
    text = "%d.%010d" % (scaled // 10**10, scaled % 10**10)
    return Num(text.rstrip("0").rstrip("."))


class Num(str):
    """a number kept as its decimal text"""


def fig(cases, upheld, changed, remanded):
    return [cases, upheld, changed, remanded, rate(cases, upheld)]


NA = [None] * 5
# (kommune, lovgivning, sagsemne) -> {period: the five measures}
TABLE = {
    ("Århus", SEL, "I alt"): {"2022": fig(182, 110, 22, 50), "2023": fig(150, 99, 16, 35)},
    ("Århus", SEL, P41): {"2022": fig(40, 20, 6, 14), "2023": fig(31, 19, 0, 12)},
    ("Århus", SEL, P42): {"2022": fig(20, 12, 0, 8), "2023": NA},
    ("Ålborg", SEL, "I alt"): {"2022": fig(116, 74, 12, 30), "2023": fig(101, 70, 9, 22)},
    ("Ålborg", SEL, P100): {"2022": fig(9, 5, 1, 3), "2023": fig(12, 8, 2, 2)},
    ("Ærø", SEL, "I alt"): {"2022": NA, "2023": fig(7, 4, 1, 2)},
    ("Hele landet", SEL, "I alt"): {"2022": fig(8631, 5394, 777, 2460),
                                    "2023": fig(8200, 5200, 700, 2300)},
}


def csv_number(v):
    return "NA" if v is None else str(v).replace(".", ",")


def write_csv(path):
    head = IDS + ["periode"] + MEASURES
    lines = [";".join('"%s"' % h for h in head)]
    for (kommune, law, topic), periods in TABLE.items():
        for period in PERIODS:
            values = [csv_number(v) for v in periods[period]]
            values = ['"NA"' if v == "NA" else v for v in values]
            lines.append(";".join(['"%s"' % kommune, '"%s"' % law, '"%s"' % topic, period]
                                  + values))
    with open(path, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("latin-1"))


# ---- the XLSX writer ------------------------------------------------------------------

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def col_name(c):
    s = ""
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


class Cell:
    """a value with how it is written"""

    def __init__(self, value, formula=None, percent=False, rich=False):
        self.value, self.formula, self.percent, self.rich = value, formula, percent, rich


def shift(text, places):
    """a decimal text divided by 10**places, as a text (no float on the way)"""
    whole, _, frac = text.partition(".")
    digits = whole.rjust(places + 1, "0") + frac
    point = len(digits) - len(frac) - places
    out = digits[:point].lstrip("0") or "0"
    rest = digits[point:].rstrip("0")
    return out + ("." + rest if rest else "")


def workbook(path, grid, merges=(), inline=False, sheet_name="Som tabel", extra_sheet=None):
    """grid: {(row, col): str | int | Cell}; inline: strings inline, else shared"""
    strings, index = [], {}
    rows = {}
    for (r, c), v in sorted(grid.items()):
        cell = v if isinstance(v, Cell) else Cell(v)
        ref = "%s%d" % (col_name(c), r)
        val = cell.value
        if isinstance(val, str) and not isinstance(val, Num):
            if inline:
                xml = '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(val))
            else:
                key = (val, cell.rich)
                if key not in index:
                    index[key] = len(strings)
                    strings.append(key)
                xml = '<c r="%s" t="s"><v>%d</v></c>' % (ref, index[key])
        else:
            text = shift(str(val), 2) if cell.percent else str(val)
            style = ' s="1"' if cell.percent else ""
            f = "<f>%s</f>" % cell.formula if cell.formula else ""
            xml = '<c r="%s"%s>%s<v>%s</v></c>' % (ref, style, f, text)
        rows.setdefault(r, []).append(xml)
    sheet = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s %s>'
             '<dimension ref="A1"/><sheetData>' % (NS, RNS)]
    for r in sorted(rows):
        sheet.append('<row r="%d">%s</row>' % (r, "".join(rows[r])))
    sheet.append("</sheetData>")
    if merges:
        sheet.append('<mergeCells count="%d">%s</mergeCells>' % (
            len(merges), "".join('<mergeCell ref="%s"/>' % m for m in merges)))
    sheet.append("</worksheet>")
    sst = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<sst %s count="%d" uniqueCount="%d">' % (NS, len(strings), len(strings))]
    for text, rich in strings:
        if rich and " " in text:  # two runs, and a phonetic reading that is no text
            a, b = text.split(" ", 1)
            sst.append('<si><r><rPr><b/></rPr><t xml:space="preserve">%s </t></r>'
                       '<r><t>%s</t></r><rPh sb="0" eb="1"><t>XX</t></rPh></si>'
                       % (escape(a), escape(b)))
        else:
            sst.append("<si><t>%s</t></si>" % escape(text))
    sst.append("</sst>")
    sheets = [(sheet_name, "".join(sheet))]
    if extra_sheet:
        sheets.insert(0, extra_sheet)
    write_parts(path, sheets, "".join(sst))


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet %s>'
          '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%%"/></numFmts>'
          '<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
          '</cellXfs></styleSheet>' % NS)


def write_parts(path, sheets, sst):
    wb = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook %s %s><sheets>'
          % (NS, RNS)]
    rels = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
            'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    parts = {}
    for i, (name, xml) in enumerate(sheets, 1):
        wb.append('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(name), i, i))
        rels.append('<Relationship Id="rId%d" Type="%sworksheet" Target="worksheets/sheet%d.xml"/>'
                    % (i, base, i))
        parts["xl/worksheets/sheet%d.xml" % i] = xml
    n = len(sheets)
    rels.append('<Relationship Id="rId%d" Type="%ssharedStrings" Target="sharedStrings.xml"/>'
                % (n + 1, base))
    rels.append('<Relationship Id="rId%d" Type="%sstyles" Target="/xl/styles.xml"/>'
                % (n + 2, base))
    rels.append("</Relationships>")
    wb.append("</sheets></workbook>")
    parts["xl/workbook.xml"] = "".join(wb)
    parts["xl/_rels/workbook.xml.rels"] = "".join(rels)
    parts["xl/sharedStrings.xml"] = sst
    parts["xl/styles.xml"] = STYLES
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Types '
        'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ["[Content_Types].xml"] + sorted(k for k in parts if k != "[Content_Types].xml"):
            # a fixed time: the same fixture byte for byte every time
            info = zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name].encode("utf-8"))


def zero(v):
    """the export writes a missing value as 0"""
    return 0 if v is None else v


def footer(grid, row):
    grid[(row, 1)] = "Kilde: Ankestyrelsen ( 2023 )"


def measure_on_top(path, inline=False, percent=False, with_law=True, fill_right=False, **sheet):
    """row 1: a measure merged over its periods; row 2: Kommune, Lovgivning,
    Sagsemne, then the periods"""
    ids = IDS if with_law else ["Kommune", "Sagsemne"]
    grid, merges = {}, []
    for i, name in enumerate(ids, 1):
        grid[(2, i)] = name
    col = len(ids) + 1
    for m, measure in enumerate(MEASURES):
        grid[(1, col)] = Cell(measure, rich=(m == 3))
        if not fill_right:
            merges.append("%s1:%s1" % (col_name(col), col_name(col + len(PERIODS) - 1)))
        for p, period in enumerate(PERIODS):
            grid[(2, col + p)] = int(period)
        col += len(PERIODS)
    row = 3
    for (kommune, law, topic), periods in TABLE.items():
        ids_here = [kommune, law, topic] if with_law else [kommune, topic]
        for i, v in enumerate(ids_here, 1):
            grid[(row, i)] = v
        col = len(ids) + 1
        for m in range(len(MEASURES)):
            for p, period in enumerate(PERIODS):
                v = zero(periods[period][m])
                grid[(row, col + p)] = Cell(v, percent=percent and m == 4)
            col += len(PERIODS)
        row += 1
    footer(grid, row + 2)
    workbook(path, grid, merges, inline=inline, **sheet)


def period_on_top(path, inline=True):
    """row 1: a period merged over its measures; Kommune merged down its rows
    and left blank below; the cases as a formula with its cached value"""
    grid, merges = {}, ["A1:A2", "B1:B2", "C1:C2"]
    for i, name in enumerate(IDS, 1):
        grid[(1, i)] = name
    col = 4
    for period in PERIODS:
        grid[(1, col)] = period  # a text, as a period label may be
        merges.append("%s1:%s1" % (col_name(col), col_name(col + len(MEASURES) - 1)))
        for m, measure in enumerate(MEASURES):
            grid[(2, col + m)] = measure
        col += len(MEASURES)
    row, last_kommune, first_row = 3, None, 3
    for (kommune, law, topic), periods in TABLE.items():
        if kommune != last_kommune:
            if last_kommune and row - 1 > first_row:
                merges.append("A%d:A%d" % (first_row, row - 1))
            grid[(row, 1)] = kommune
            last_kommune, first_row = kommune, row
        grid[(row, 2)] = law
        grid[(row, 3)] = topic
        col = 4
        for period in PERIODS:
            values = [zero(v) for v in periods[period]]
            for m, v in enumerate(values):
                if m == 0:  # cases = upheld + changed + remanded, cached
                    refs = [col_name(col + k) + str(row) for k in (1, 2, 3)]
                    grid[(row, col)] = Cell(v, formula="+".join(refs), percent=False)
                else:
                    grid[(row, col + m)] = Cell(v, percent=(m == 4))
            col += len(MEASURES)
        row += 1
    grid[(row, 1)] = ""  # nothing: a blank row
    footer(grid, row + 1)
    workbook(path, {k: v for k, v in grid.items() if v != ""}, merges, inline=inline)


def not_a_workbook(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a workbook\n")


def truncated(src, path):
    with open(src, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[: len(data) // 2])


def bomb(src, path):
    """the sheet's entry says it inflates to 3 GiB (the central directory's
    uncompressed size patched): refused before a byte is inflated"""
    with open(src, "rb") as f:
        data = bytearray(f.read())
    name = b"xl/worksheets/sheet1.xml"
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46: at + 46 + name_len]) == name:
            struct.pack_into("<I", data, at + 24, 3 << 30)
        at = data.find(b"PK\x01\x02", at + 4)
    with open(path, "wb") as f:
        f.write(data)


def rewrite(src, path, part, change):
    """a copy of the archive src with one part changed"""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info.filename, change(data) if info.filename == part else data)


def lying(src, path):
    """the sheet's entry says 100 bytes (local and central headers) but
    inflates to its whole size: stopped at the 101st byte"""
    with open(src, "rb") as f:
        data = bytearray(f.read())
    name = b"xl/worksheets/sheet1.xml"
    for magic, size_at, len_at, name_at in ((b"PK\x01\x02", 24, 28, 46),
                                            (b"PK\x03\x04", 22, 26, 30)):
        at = data.find(magic)
        while at >= 0:
            name_len = struct.unpack_from("<H", data, at + len_at)[0]
            if bytes(data[at + name_at: at + name_at + name_len]) == name:
                struct.pack_into("<I", data, at + size_at, 100)
            at = data.find(magic, at + 4)
    with open(path, "wb") as f:
        f.write(data)


def bad_cell(path):
    """a text where a count belongs, in D5"""
    grid = {}
    for i, name in enumerate(IDS, 1):
        grid[(2, i)] = name
    grid[(1, 4)] = "Realitetsbehandlede sager i alt"
    grid[(1, 5)] = "Hjemviste sager"
    grid[(2, 4)] = 2022
    grid[(2, 5)] = 2022
    for row, (kommune, cases) in enumerate([("Århus", 40), ("Ålborg", 30), ("Ærø", "mange")], 3):
        grid[(row, 1)] = kommune
        grid[(row, 2)] = SEL
        grid[(row, 3)] = "I alt"
        grid[(row, 4)] = cases
        grid[(row, 5)] = 7
    workbook(path, grid, merges=[], inline=True)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    j = lambda name: os.path.join(out, name)
    write_csv(j("talportal.csv"))
    measure_on_top(j("measure_on_top.xlsx"))
    measure_on_top(j("measure_on_top_inline.xlsx"), inline=True, percent=True, fill_right=True)
    period_on_top(j("period_on_top.xlsx"))
    period_on_top(j("period_on_top_shared.xlsx"), inline=False)
    measure_on_top(j("no_law.xlsx"), with_law=False)
    cover = ('<?xml version="1.0" encoding="UTF-8"?><worksheet %s><sheetData><row r="1">'
             '<c r="A1" t="inlineStr"><is><t>Forside</t></is></c></row></sheetData>'
             '</worksheet>' % NS)
    measure_on_top(j("second_sheet.xlsx"), extra_sheet=("Forside", cover))
    measure_on_top(j("renamed.xlsx"), sheet_name="Ark1")
    not_a_workbook(j("not_a_workbook.zip"))
    truncated(j("measure_on_top.xlsx"), j("truncated.xlsx"))
    bomb(j("measure_on_top.xlsx"), j("bomb.xlsx"))
    lying(j("measure_on_top.xlsx"), j("lying.xlsx"))
    sheet = "xl/worksheets/sheet1.xml"
    rewrite(j("measure_on_top.xlsx"), j("malformed.xlsx"), sheet,
            lambda d: d.replace(b"</row>", b"</rowx>", 1))
    rewrite(j("measure_on_top.xlsx"), j("entities.xlsx"), sheet,  # a billion laughs, small
            lambda d: d.replace(b"<worksheet", b'<!DOCTYPE w [<!ENTITY a "aaaaaaaa">'
                                b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet', 1))
    bad_cell(j("bad_cell.xlsx"))
    with open(j("old.xls"), "wb") as f:
        f.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)


if __name__ == "__main__":
    main()
