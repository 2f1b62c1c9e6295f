#!/usr/bin/env python3
"""xlsx_read.py FILE - an XLSX workbook as text, read with zipfile and XML
only: for each sheet "== NAME", then one line per cell, "A1<TAB>n<TAB>VALUE
<TAB>FORMAT" for a number (its number format code) or "A1<TAB>s<TAB>TEXT"
for a string. Exits 1 when the file is no workbook."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

try:
    z = zipfile.ZipFile(sys.argv[1])
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
except (zipfile.BadZipFile, KeyError, ET.ParseError, OSError) as e:
    print(f"not a workbook: {e}", file=sys.stderr)
    sys.exit(1)
target = {r.get("Id"): r.get("Target") for r in rels}
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
        shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
styles = ET.fromstring(z.read("xl/styles.xml"))
codes = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter("{%s}numFmt" % NS["m"])}
codes.setdefault(0, "General")
xfs = [int(x.get("numFmtId", 0)) for x in styles.find("m:cellXfs", NS)]
for sheet in wb.find("m:sheets", NS):
    print("==", sheet.get("name"))
    ws = ET.fromstring(z.read("xl/" + target[sheet.get(REL)]))
    for c in ws.iter("{%s}c" % NS["m"]):
        v = c.find("m:v", NS)
        if v is None:
            continue
        if c.get("t") == "s":
            print(f"{c.get('r')}\ts\t{shared[int(v.text)]}")
        else:
            fmt = codes.get(xfs[int(c.get('s', 0))], "?")
            print(f"{c.get('r')}\tn\t{v.text}\t{fmt}")
