#!/usr/bin/env python3
"""test/fetch/server.py MODE PORTFILE LOGFILE - a stand-in for Statistikbanken's
API on 127.0.0.1, in the documented forms: GET /v1/tableinfo/TABLE (JSON) and
POST /v1/data (JSON in, CSV out). It listens on a free port, writes the port
to PORTFILE, logs each request body to LOGFILE, and stops by itself after 60
seconds.

The figures it serves are SYNTHETIC (a formula of code, law, decision and
year): for testing the fetch command only, never real data.

Modes:
  normal     ANKEAST1 has no municipality variable (fetch must pass it by);
             ANKEAST2 has OMRÅDE, LOVGRUNDLAG, AFGØRELSE, Tid
  odd        ANKEAST1 with other ids and English texts ("751 Aarhus",
             "Upheld"), a time variable not called Tid, and an eliminable
             extra variable that must not be asked for
  http500    the data request answers HTTP 500
  truncated  the data answer is cut short of its Content-Length
  hang       the data request never answers
  oversized  the data answer is 3 MiB
  notcsv     the data answer is an HTML page
  badjson    the table information is not JSON
"""
import csv
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MODE, PORTFILE, LOGFILE = sys.argv[1], sys.argv[2], sys.argv[3]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

def municipalities(english):
    rows = []
    with open(os.path.join(ROOT, "datasets", "municipalities.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = int(r["code"])
            if code == 0:
                rows.append(("000", "All Denmark" if english else "Hele landet"))
            else:
                rows.append((r["code"], f"{code} {r['name']}" if english else r["name"]))
    return rows

LAWS = [("SEL", "Serviceloven"), ("SEL41", "§ 41 Merudgifter ved forsørgelse af børn"),
        ("SEL96", "§ 96 Borgerstyret personlig assistance"),
        ("BL86", "Barnets lov § 86 Merudgifter"), ("AKT", "Lov om aktiv socialpolitik")]
DECISIONS_DA = [("1", "Stadfæstelse"), ("2", "Hjemvisning"), ("3", "Ændring/ophævelse"),
                ("4", "Afvisning/henvisning")]
DECISIONS_EN = [("1", "Upheld"), ("2", "Remitted"), ("3", "Changed/repealed"),
                ("4", "Rejected")]
YEARS = [("2021", "2021"), ("2022", "2022"), ("2023", "2023"), ("2024", "2024")]

def var(vid, text, values, time_=False, elimination=False):
    return {"id": vid, "text": text, "elimination": elimination, "time": time_,
            "values": [{"id": i, "text": t} for i, t in values]}

def tables():
    if MODE == "odd":
        return {"ANKEAST1": [
            var("KOMK", "municipality", municipalities(True)),
            var("KØN", "sex", [("M", "Men"), ("K", "Women")], elimination=True),
            var("LOVGRL", "legal basis", LAWS),
            var("AFGTYP", "type of decision", DECISIONS_EN),
            var("PERIODE", "time", YEARS, time_=True)]}
    return {"ANKEAST1": [var("LOVGRUNDLAG", "lovgrundlag", LAWS),
                         var("AFGØRELSE", "afgørelse", DECISIONS_DA),
                         var("Tid", "tid", YEARS, time_=True)],
            "ANKEAST2": [var("OMRÅDE", "område", municipalities(False)),
                         var("LOVGRUNDLAG", "lovgrundlag", LAWS),
                         var("AFGØRELSE", "afgørelse", DECISIONS_DA),
                         var("Tid", "tid", YEARS, time_=True)]}

def value(codes):
    """A synthetic count from the value ids, with one suppressed cell."""
    if codes == ["101", "SEL96", "3", "2021"]:
        return ".."
    n = 0
    for c in codes:
        for ch in c:
            n = n * 31 + ord(ch)
    return str(n % 37 + 1)

def data_csv(req):
    variables = tables().get(req.get("table"))
    if variables is None:
        return None
    asked = {v["code"]: v["values"] for v in req.get("variables", [])}
    used = []
    for v in variables:
        if v["id"] not in asked:
            if not v["elimination"]:
                return None
            continue
        vals = v["values"] if asked[v["id"]] == ["*"] else [x for x in v["values"] if x["id"] in asked[v["id"]]]
        used.append((v["id"], vals))
    lines = [";".join([u[0].upper() for u in used] + ["INDHOLD"])]
    def walk(i, ids, texts):
        if i == len(used):
            lines.append(";".join(texts + [value(ids)]))
            return
        for x in used[i][1]:
            walk(i + 1, ids + [x["id"]], texts + [x["text"]])
    walk(0, [], [])
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, ctype, length=None):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def do_GET(self):
        name = self.path.split("?")[0].rsplit("/", 1)[-1]
        if MODE == "badjson":
            return self.send(200, b'{"id": "ANKEAST1", "variables": [\n  {"id": oops}]}', "application/json")
        variables = tables().get(name)
        if variables is None:
            return self.send(404, json.dumps({"errorTypeCode": "TABLE_NOT_FOUND",
                                              "message": "Tabellen findes ikke"}).encode(), "application/json")
        body = {"id": name, "text": "Ankestyrelsens afgørelser (syntetisk testtabel)",
                "unit": "antal", "variables": variables}
        self.send(200, json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json")

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        with open(LOGFILE, "ab") as log:
            log.write(raw + b"\n")
        try:
            req = json.loads(raw)
        except ValueError:
            return self.send(400, b'{"message": "not JSON"}', "application/json")
        if MODE == "http500":
            return self.send(500, json.dumps({"message": "Intern fejl"}).encode(), "application/json")
        if MODE == "hang":
            time.sleep(30)
            return
        if MODE == "notcsv":
            return self.send(200, b"<html><body>Vedligeholdelse</body></html>", "text/html")
        if MODE == "oversized":
            return self.send(200, b"x" * (3 << 20), "text/csv")
        if req.get("format") != "CSV":
            return self.send(400, b'{"message": "format"}', "application/json")
        body = data_csv(req)
        if body is None:
            return self.send(400, json.dumps({"message": "Ugyldig forespørgsel"}).encode(), "application/json")
        if MODE == "truncated":
            self.close_connection = True
            return self.send(200, body[: len(body) // 2], "text/csv", length=len(body))
        self.send(200, body, "text/csv; charset=UTF-8")

def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    with open(PORTFILE + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(PORTFILE + ".tmp", PORTFILE)
    threading.Timer(60, server.shutdown).start()
    server.serve_forever()

if __name__ == "__main__":
    main()
