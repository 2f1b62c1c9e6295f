#!/usr/bin/env python3
"""test/fetch/server.py MODE PORTFILE LOGFILE - a stand-in for Statistikbanken's
API on 127.0.0.1, in the documented forms: the table list (GET or POST
/v1/tables, JSON), GET /v1/tableinfo/TABLE (JSON) and POST /v1/data (JSON in,
CSV out), errors as HTTP 400 with {"errorTypeCode", "message"}. It listens on
a free port, writes the port to PORTFILE, logs each request (path and body) to
LOGFILE, and stops by itself after 60 seconds.

test/fetch/server.py expect MODE YEAR CODE AREA prints the figures fetch should
import for one municipality: "cases,upheld,remanded,changed".

The figures it serves are SYNTHETIC (a formula of code, law, decision and
year; a law's own row is the sum of its paragraphs plus a remainder): for
testing the fetch command only, never real data.

Modes:
  normal     the table list has ANKEAST1 and ANKEAST2, inactive (listed only
             with includeInactive), beside other tables; ANKEAST1 has no
             municipality variable (fetch must pass it by); ANKEAST2 has
             OMRÅDE, LOVGRUNDLAG, AFGØRELSE, Tid
  odd        ANKEAST1 with other ids and English texts ("751 Aarhus",
             "Upheld"), a time variable not called Tid, and an eliminable
             extra variable that must not be asked for
  notables   the table list has no appeals table
  hosted     /v1 lists no appeals table; the hosted databank /v1/s16 lists
             KLAGE1, found by its text ("Ankestyrelsen ... klagesager")
  laws       KLAGE1: numbered laws ("1 Serviceloven", "1.3 Øvrige bestemmelser
             i serviceloven", "6 Barnets lov", "6.1 Merudgifter - § 86"),
             totals named "<variable> i alt"; in 101 København the paragraphs
             exceed the law's own row
  codevalue  the same table, every value written "code text" (CodeAndValue)
  lawsfirst  the same table with the law variable first and each law's
             paragraphs listed before the law: the answer has thousands of
             rows of "6.1 ..." before the first "6 Barnets lov"
  limit      the laws table, and the data request is refused with
             REQUEST-LIMIT above CELL_LIMIT cells (environment, default 20000)
  http400    the data request answers HTTP 400 with a JSON error
  http500    the data request answers HTTP 500
  truncated  the data answer is cut short of its Content-Length
  hang       the data request never answers
  oversized  the data answer is 3 MiB
  notcsv     the data answer is an HTML page
  badjson    the table information is not JSON
  slow       every answer comes after 1.5 seconds (the whole fetch takes over
             4 s: --timeout bounds it, not each request)
  nul        the data answer has a NUL byte in one line
  hugejson   the table information is 20 MiB of JSON
"""
import csv
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODE = sys.argv[1] if len(sys.argv) > 1 else "normal"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CELL_LIMIT = int(os.environ.get("CELL_LIMIT", "20000"))
LAW_MODES = ("laws", "codevalue", "limit", "lawsfirst")


def municipalities(english, total=False):
    rows = []
    with open(os.path.join(ROOT, "datasets", "municipalities.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = int(r["code"])
            if code == 0:
                rows.append(("000", "All Denmark" if english else "Hele landet"))
            else:
                rows.append((r["code"], f"{code} {r['name']}" if english else r["name"]))
    if total:
        rows.append(("TOT", "Kommuner i alt"))
    return rows


LAWS = [("SEL", "Serviceloven"), ("SEL41", "§ 41 Merudgifter ved forsørgelse af børn"),
        ("SEL96", "§ 96 Borgerstyret personlig assistance"),
        ("BL86", "Barnets lov § 86 Merudgifter"), ("AKT", "Lov om aktiv socialpolitik")]
# numbered: a paragraph belongs to the law its number's prefix names
LAWS_NUMBERED = [("TOT", "Lovgrundlag i alt"), ("1", "1 Serviceloven"),
                 ("1.1", "1.1 Børn med handicap - merudgifter - § 41"),
                 ("1.2", "1.2 Voksne - borgerstyret personlig assistance - § 96"),
                 ("1.3", "1.3 Øvrige bestemmelser i serviceloven"),
                 ("6", "6 Barnets lov"), ("6.1", "6.1 Merudgifter - § 86"),
                 ("6.2", "6.2 Tabt arbejdsfortjeneste - § 87"),
                 ("7", "7 Lov om aktiv socialpolitik")]
PARENT = {"SEL": ["SEL41", "SEL96"], "1": ["1.1", "1.2", "1.3"], "6": ["6.1", "6.2"]}
DECISIONS_DA = [("1", "Stadfæstelse"), ("2", "Hjemvisning"), ("3", "Ændring/ophævelse"),
                ("4", "Afvisning/henvisning")]
DECISIONS_EN = [("1", "Upheld"), ("2", "Remitted"), ("3", "Changed/repealed"),
                ("4", "Rejected")]
YEARS = [("2021", "2021"), ("2022", "2022"), ("2023", "2023"), ("2024", "2024")]


def var(vid, text, values, time_=False, elimination=False):
    return {"id": vid, "text": text, "elimination": elimination, "time": time_,
            "values": [{"id": i, "text": t} for i, t in values]}


def tables(prefix):
    """The tables served under /v1/PREFIX (prefix "" for /v1 itself)."""
    if MODE == "odd":
        return {"ANKEAST1": [
            var("KOMK", "municipality", municipalities(True)),
            var("KØN", "sex", [("M", "Men"), ("K", "Women")], elimination=True),
            var("LOVGRL", "legal basis", LAWS),
            var("AFGTYP", "type of decision", DECISIONS_EN),
            var("PERIODE", "time", YEARS, time_=True)]}
    if MODE in LAW_MODES or MODE == "hosted":
        if MODE == "hosted" and prefix != "s16":
            return {}
        if MODE == "lawsfirst":
            order = ["TOT", "1.1", "1.2", "1.3", "1", "6.1", "6.2", "6", "7"]
            laws = sorted(LAWS_NUMBERED, key=lambda v: order.index(v[0]))
            return {"KLAGE1": [var("LOVGRUNDLAG", "lovgrundlag", laws),
                               var("KOMK", "område", municipalities(False, total=True)),
                               var("AFGTYP", "afgørelsestype",
                                   DECISIONS_DA + [("TOT", "Afgørelsestype i alt")]),
                               var("Tid", "tid", YEARS, time_=True)]}
        return {"KLAGE1": [var("KOMK", "område", municipalities(False, total=True)),
                           var("LOVGRUNDLAG", "lovgrundlag", LAWS_NUMBERED),
                           var("AFGTYP", "afgørelsestype",
                               DECISIONS_DA + [("TOT", "Afgørelsestype i alt")]),
                           var("Tid", "tid", YEARS, time_=True)]}
    if MODE == "notables":
        return {}
    return {"ANKEAST1": [var("LOVGRUNDLAG", "lovgrundlag", LAWS),
                         var("AFGØRELSE", "afgørelse", DECISIONS_DA),
                         var("Tid", "tid", YEARS, time_=True)],
            "ANKEAST2": [var("OMRÅDE", "område", municipalities(False)),
                         var("LOVGRUNDLAG", "lovgrundlag", LAWS),
                         var("AFGØRELSE", "afgørelse", DECISIONS_DA),
                         var("Tid", "tid", YEARS, time_=True)]}


def table_list(prefix, inactive):
    """The table list: some unrelated tables, and the appeals tables
    (inactive ones only when asked for)."""
    out = [{"id": "FOLK1A", "text": "Befolkningen den 1. i kvartalet", "unit": "antal",
            "active": True, "variables": ["område", "køn", "alder", "tid"]},
           {"id": "STRAF11", "text": "Afgørelser efter overtrædelsens art", "unit": "antal",
            "active": True, "variables": ["overtrædelsens art", "afgørelsestype", "tid"]}]
    for tid, variables in tables(prefix).items():
        text = ("Ankestyrelsens afgørelser i klagesager efter kommune, lovgrundlag og "
                "afgørelsestype (syntetisk)" if tid.startswith("KLAGE")
                else "Afgørelser (syntetisk testtabel)")
        active = tid.startswith("KLAGE")
        if active or inactive:
            out.append({"id": tid, "text": text, "unit": "antal", "active": active,
                        "variables": [v["text"] for v in variables]})
    return out


def leaf_value(codes):
    """A synthetic count from the value ids, with one suppressed cell."""
    if codes == ["101", "SEL96", "3", "2021"]:
        return ".."
    n = 0
    for c in codes:
        for ch in c:
            n = n * 31 + ord(ch)
    return n % 37 + 1


def number(codes, law_at, dec_at, muni_at):
    """The count for the ids: a law's own row is the sum of its paragraphs
    plus a remainder (in 101 less, so the parts exceed it); totals sum."""
    law, dec = codes[law_at], codes[dec_at]
    if dec == "TOT":
        return sum(number(codes[:dec_at] + [d] + codes[dec_at + 1:], law_at, dec_at, muni_at)
                   for d, _ in DECISIONS_DA)
    if law == "TOT":
        return sum(number(codes[:law_at] + [lw] + codes[law_at + 1:], law_at, dec_at, muni_at)
                   for lw in ("1", "6", "7"))
    if muni_at is not None and codes[muni_at] == "TOT":
        return sum(number(codes[:muni_at] + [m] + codes[muni_at + 1:], law_at, dec_at, muni_at)
                   for m, _ in municipalities(False) if m != "000")
    if law in PARENT:
        parts = 0
        for child in PARENT[law]:
            v = leaf_value(codes[:law_at] + [child] + codes[law_at + 1:])
            parts += 7 if v == ".." else v
        rest = 5 if muni_at is None or codes[muni_at] != "101" else -3
        return parts + rest
    v = leaf_value(codes)
    return 7 if v == ".." else v


def value(variables, ids):
    """The count for ids in the variables' order; the same whatever that
    order (municipality, law, decision, the rest)."""
    names = [v["id"] for v in variables]
    first = [i for i, n in enumerate(names) if n in ("OMRÅDE", "KOMK")]
    first += [i for i, n in enumerate(names) if n.startswith("LOV")]
    first += [i for i, n in enumerate(names) if n.startswith("AFG")]
    order = first + [i for i in range(len(names)) if i not in first]
    ids = [ids[i] for i in order]
    muni_at = 0 if any(n in ("OMRÅDE", "KOMK") for n in names) else None
    law_at = 1 if muni_at == 0 else 0
    if ids == ["101", "SEL96", "3", "2021"]:
        return ".."
    return str(number(ids, law_at, law_at + 1, muni_at))


def data_csv(prefix, req):
    variables = tables(prefix).get(req.get("table"))
    if variables is None:
        return None, None
    asked = {v["code"]: v["values"] for v in req.get("variables", [])}
    used = []
    for v in variables:
        if v["id"] not in asked:
            if not v["elimination"]:
                return None, None
            continue
        vals = v["values"] if asked[v["id"]] == ["*"] else [x for x in v["values"] if x["id"] in asked[v["id"]]]
        used.append((v["id"], vals))
    rows = 1
    for u in used:
        rows *= len(u[1])
    cells = rows * (len(used) + 1)
    if MODE == "limit" and cells > CELL_LIMIT:
        return None, cells
    code_value = MODE == "codevalue" or req.get("valuePresentation") == "CodeAndValue"
    shown_vars = [v for v in variables if v["id"] in asked]
    lines = [";".join([u[0].upper() for u in used] + ["INDHOLD"])]
    def shown(x):
        return f"{x['id']} {x['text']}" if code_value else x["text"]
    def walk(i, ids, texts):
        if i == len(used):
            lines.append(";".join(texts + [value(shown_vars, ids)]))
            return
        for x in used[i][1]:
            walk(i + 1, ids + [x["id"]], texts + [shown(x)])
    walk(0, [], [])
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"), cells


def split_path(path):
    """/v1/s16/tableinfo/X -> ("s16", ["tableinfo", "X"])"""
    parts = [p for p in path.split("?")[0].split("/") if p]
    if parts and parts[0] == "v1":
        parts = parts[1:]
    prefix = ""
    if parts and len(parts[0]) >= 2 and parts[0][0] == "s" and parts[0][1:].isdigit():
        prefix, parts = parts[0], parts[1:]
    return prefix, parts


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def log(self, body):
        with open(LOGFILE, "ab") as log:
            log.write(self.command.encode() + b" " + self.path.encode() + b" " + body + b"\n")

    def send(self, status, body, ctype, length=None):
        if MODE == "slow":
            time.sleep(1.5)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def error(self, code, message, status=400):
        body = json.dumps({"errorTypeCode": code, "message": message}, ensure_ascii=False)
        self.send(status, body.encode("utf-8"), "application/json")

    def tables_answer(self, prefix, params):
        inactive = str(params.get("includeInactive", "")).lower() == "true"
        body = json.dumps(table_list(prefix, inactive), ensure_ascii=False).encode("utf-8")
        self.send(200, body, "application/json; charset=utf-8")

    def do_GET(self):
        self.log(b"")
        prefix, parts = split_path(self.path)
        query = dict(p.split("=", 1) for p in self.path.partition("?")[2].split("&") if "=" in p)
        if parts[:1] == ["tables"]:
            return self.tables_answer(prefix, query)
        name = parts[-1] if parts else ""
        if MODE == "badjson":
            return self.send(200, b'{"id": "ANKEAST1", "variables": [\n  {"id": oops}]}', "application/json")
        if MODE == "hugejson":
            filler = [{"id": str(i), "text": "x" * 100} for i in range(20 * 1024 * 1024 // 120)]
            body = {"id": name, "text": "stor", "variables": [
                {"id": "OMRÅDE", "text": "område", "values": filler}]}
            return self.send(200, json.dumps(body).encode("utf-8"), "application/json")
        variables = tables(prefix).get(name)
        if variables is None:
            return self.error("TABLE-NOTFOUND", "Tabellen findes ikke", 404)
        body = {"id": name, "text": "Ankestyrelsens afgørelser (syntetisk testtabel)",
                "unit": "antal", "variables": variables}
        self.send(200, json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        self.log(raw)
        prefix, parts = split_path(self.path)
        try:
            req = json.loads(raw)
        except ValueError:
            return self.error("INVALID-JSON", "not JSON")
        if parts[:1] == ["tables"]:
            return self.tables_answer(prefix, req)
        if MODE == "http400":
            return self.error("EXTRACT-NOTALLOWED", "Udtræk er ikke tilladt for denne tabel")
        if MODE == "http500":
            return self.error("INTERNAL", "Intern fejl", 500)
        if MODE == "hang":
            time.sleep(30)
            return
        if MODE == "notcsv":
            return self.send(200, b"<html><body>Vedligeholdelse</body></html>", "text/html")
        if MODE == "oversized":
            return self.send(200, b"x" * (3 << 20), "text/csv")
        if req.get("format") != "CSV":
            return self.error("FORMAT", "format")
        body, cells = data_csv(prefix, req)
        if body is None and cells is not None:
            return self.error("REQUEST-LIMIT",
                              f"Forespørgslen giver {cells} celler; grænsen er {CELL_LIMIT}")
        if body is None:
            return self.error("EXTRACT-INVALID", "Ugyldig forespørgsel")
        if MODE == "nul":
            lines = body.split(b"\r\n")
            lines[5] = lines[5][:3] + b"\x00" + lines[5][3:]
            body = b"\r\n".join(lines)
        if MODE == "truncated":
            self.close_connection = True
            return self.send(200, body[: len(body) // 2], "text/csv", length=len(body))
        self.send(200, body, "text/csv; charset=UTF-8")


# what the area rules (datasets/areas.csv) take from the numbered laws table
AREA_LAWS = {"generelt": lambda y: ["1"],
             "boernehandicap": lambda y: ["1.1"] + (["6.1", "6.2"] if y >= 2024 else []),
             "voksenhandicap": lambda y: ["1.2"]}


def expect(year, code, area):
    variables = tables("s16")["KLAGE1"]
    fig = []
    for dec in ("1", "2", "3"):
        fig.append(sum(int(value(variables, [code, law, dec, str(year)]))
                       for law in AREA_LAWS[area](year)))
    print(f"{sum(fig)},{fig[0]},{fig[1]},{fig[2]}")


def main():
    global LOGFILE, MODE
    if MODE == "expect":
        MODE = sys.argv[2]
        return expect(int(sys.argv[3]), sys.argv[4], sys.argv[5])
    portfile, LOGFILE = sys.argv[2], sys.argv[3]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(portfile + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    threading.Timer(60, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
