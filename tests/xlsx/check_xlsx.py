# check_xlsx.py OUT LATE SOFFICE WORK: asserts the exact contents of the fixture build's workbooks and session pages.
"""Reads what safar wrote with readers that share no code with it.

openpyxl checks the structure (sheets, cells, formulas as text, validations,
frozen panes, merges). LibreOffice, forced to recalculate, is the engine that
proves the formulas compute the right scores: answers are typed in with
openpyxl (which keeps formulas but drops cached results), then every sheet is
exported to CSV and compared cell by cell.
"""
import csv
import os
import re
import subprocess
import sys

import openpyxl

OUT, LATE, SOFFICE, WORK = sys.argv[1:5]
ED = "kg-ru/%s/all/general"
failures = []


def check(what, got, want):
    if got != want:
        failures.append("%s:\n  got  %r\n  want %r" % (what, got, want))


def rows(ws, first=1, last=None):
    """Cell values, row by row, trailing Nones of each row kept (exact width)."""
    last = last or ws.max_row
    return [[c.value for c in r] for r in ws.iter_rows(min_row=first, max_row=last)]


def validations(ws):
    return sorted((dv.type, dv.formula1, dv.formula2, str(dv.sqref))
                  for dv in ws.data_validations.dataValidation)


# --- the files ---------------------------------------------------------------

def tree(root):
    out = []
    for d, _, files in os.walk(root):
        out += [os.path.relpath(os.path.join(d, f), root) for f in files]
    return sorted(out)


pack = ["agenda.html", "handout.html", "tracking.xlsx", "trainer.html"]
want = [".safar-editions", ".safar-manifest", "index.html"]
for lang in ("en", "ru"):
    want.append(ED % lang + "/checklist.xlsx")
    for stage in ("PDO", "PEO"):
        want += ["%s/session-%s/%s" % (ED % lang, stage, f) for f in pack]
check("files of the build (no temporary left behind)", tree(OUT), sorted(want))
check("files of the --stage PDO --lang en build", tree(LATE),
      sorted([".safar-editions", ".safar-manifest", "index.html"] + ["%s/session-PDO/%s" % (ED % "en", f) for f in pack]))

# --- checklist.xlsx ----------------------------------------------------------

CHECK_EN = ["Read the contract before you sign", "Save HOTLINE-EN in your phone",
            "Keep a copy of the contract at home", "Copy your passport"]
# ru: the Russian contract module, then documents in its English fallback.
CHECK_RU = ["Прочитайте договор до подписи", "Сохраните HOTLINE-RU", "Copy your passport"]

def check_lists(f, wb, yes, no):
    """The drop-downs' yes / no: cells of a hidden last sheet, by name."""
    ws = wb["Lists"]
    check(f + " Lists sheet", (wb.sheetnames[-1], ws.sheet_state, rows(ws)), ("Lists", "hidden", [[yes], [no]]))
    names = {d.name: d.attr_text for d in wb.defined_names.definedName}
    check(f + " yes / no names", names, {"SafarYes": "'Lists'!$A$1", "SafarYesNo": "'Lists'!$A$1:$A$2"})


for lang, sheet, head, items, yes, no in (
        ("en", "Before you leave", ["Item", "Done", "Date", "Notes"], CHECK_EN, "Yes", "No"),
        ("ru", "Перед отъездом", ["Пункт", "Сделано", "Дата", "Заметки"], CHECK_RU, "Да", "Нет")):
    f = "%s/%s/checklist.xlsx" % (OUT, ED % lang)
    wb = openpyxl.load_workbook(f)
    check(f + " sheets (PEO has no items, so no sheet)", wb.sheetnames, [sheet, "Lists"])
    ws = wb[sheet]
    check(f + " cells", rows(ws), [head] + [[i, None, None, None] for i in items])
    check(f + " frozen", ws.freeze_panes, "A2")
    check(f + " validation", validations(ws),
          [("list", "SafarYesNo", None, "B2:B%d" % (len(items) + 1))])
    check_lists(f, wb, yes, no)

# --- tracking.xlsx: structure ------------------------------------------------

N = 25


def name_formula(att, p):
    return "=IF('%s'!$B$%d=\"\",\"\",'%s'!$B$%d)" % (att, p + 1, att, p + 1)


LABELS = {
    "en": dict(att="Attendance", prog="Checklist progress", quiz="Quiz", part="Participant",
               present="Present", notes="Notes", done="Done", yes="Yes", no="No",
               pre="Before the session", post="After the session", score="Score",
               answer="Answer", question="Question", gain="Average gain"),
    "ru": dict(att="Посещаемость", prog="Выполнение списка дел", quiz="Тест", part="Участник",
               present="Присутствует", notes="Заметки", done="Сделано", yes="Да", no="Нет",
               pre="До занятия", post="После занятия", score="Баллы",
               answer="Ответ", question="Вопрос", gain="Средний рост баллов"),
}
# Per language: the PDO questions in stage order: (question, options, right option number).
QUIZ = {
    "en": [("Must you read the contract?", ["No", "Yes"], 2),
           ("Who pays the recruitment fee?", ["You", "The employer", "Nobody knows"], 2),
           ("Where do you keep a copy?", ["At home", "Nowhere", "With the recruiter", "In the bin"], 1),
           ("What do you copy?", ["Your passport", "Nothing"], 1)],
    "ru": [("Нужно ли читать договор?", ["Нет", "Да"], 2),
           ("Кто платит сбор?", ["Вы", "Работодатель", "Никто"], 2),
           ("What do you copy?", ["Your passport", "Nothing"], 1)],
}
ITEMS = {"en": CHECK_EN, "ru": CHECK_RU}


def col(i):
    """0-based column index to its letters."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def check_attendance(f, ws, L):
    check(f + " attendance title", ws.title, L["att"])
    check(f + " attendance cells", rows(ws),
          [["#", L["part"], L["present"], L["notes"]]] + [[p, None, None, None] for p in range(1, N + 1)])
    check(f + " attendance frozen", ws.freeze_panes, "A2")
    check(f + " attendance validation", validations(ws), [("list", "SafarYesNo", None, "C2:C26")])
    check(f + " attendance widths", [round(ws.column_dimensions[c].width) for c in "ABCD"],
          [6, 31, 13, 41])


def check_progress(f, ws, L, items):
    last = col(1 + len(items))
    count = col(2 + len(items))
    check(f + " progress title", ws.title, L["prog"])
    want = [["#", L["part"]] + items + [L["done"]]]
    for p in range(1, N + 1):
        want.append([p, name_formula(L["att"], p)] + [None] * len(items)
                    + ['=SUMPRODUCT(--(C%d:%s%d=SafarYes))' % (p + 1, last, p + 1)])
    check(f + " progress cells", rows(ws), want)
    check(f + " progress frozen", ws.freeze_panes, "C2")
    check(f + " progress validation", validations(ws), [("list", "SafarYesNo", None, "C2:%s26" % last)])
    check(f + " progress widths", round(ws.column_dimensions["C"].width), 19)


def check_quiz(f, ws, L, quiz):
    n = len(quiz)
    check(f + " quiz title", ws.title, L["quiz"])
    pre0, post0, spre = 2, 2 + n, 2 + 2 * n
    width = spre + 2
    r1 = [None] * width
    r1[pre0], r1[post0], r1[spre] = L["pre"], L["post"], L["score"]
    heads = ["%s %d" % (L["question"], q + 1) for q in range(n)]
    r2 = ["#", L["part"]] + heads + heads + [L["pre"], L["post"]]
    key = [None, L["answer"]] + [q[2] for q in quiz] * 2 + [None, None]
    want = [r1, r2, key]
    a, b = col(pre0), col(post0 - 1)
    c, d = col(post0), col(spre - 1)
    for p in range(1, N + 1):
        r = p + 3
        want.append([p, name_formula(L["att"], p)] + [None] * (2 * n) + [
            '=IF(COUNT(%s%d:%s%d)=0,"",SUMPRODUCT(--(%s%d:%s%d=%s$3:%s$3)))' % (a, r, b, r, a, r, b, r, a, b),
            '=IF(COUNT(%s%d:%s%d)=0,"",SUMPRODUCT(--(%s%d:%s%d=%s$3:%s$3)))' % (c, r, d, r, c, r, d, r, c, d)])
    want.append([None] * width)
    sp, sq = col(spre), col(spre + 1)
    both = '%s4:%s28,">=0",%s4:%s28,">=0"' % (sp, sp, sq, sq)
    gain = '=IF(COUNTIFS(%s)=0,"",AVERAGEIFS(%s4:%s28,%s)-AVERAGEIFS(%s4:%s28,%s))' % (
        both, sq, sq, both, sp, sp, both)
    want.append([None, L["gain"], gain] + [None] * (width - 3))
    want.append([None] * width)
    for i, (q, opts, _) in enumerate(quiz):
        want.append([i + 1, q] + [None] * (width - 2))
        for k, o in enumerate(opts):
            want.append([None, "%d. %s" % (k + 1, o)] + [None] * (width - 2))
    check(f + " quiz cells", rows(ws), want)
    check(f + " quiz frozen", ws.freeze_panes, "C4")
    check(f + " quiz merges", sorted(str(m) for m in ws.merged_cells.ranges),
          sorted(["%s1:%s1" % (a, b), "%s1:%s1" % (c, d), "%s1:%s1" % (sp, sq)]))
    dv = []
    for i, (_, opts, _) in enumerate(quiz):
        for start in (pre0, post0):
            dv.append(("whole", "1", str(len(opts)), "%s4:%s28" % (col(start + i), col(start + i))))
    check(f + " quiz validation (option numbers)", validations(ws), sorted(dv))
    check(f + " quiz print titles", ws.print_title_rows, "$1:$3")


for lang in ("en", "ru"):
    L = LABELS[lang]
    f = "%s/%s/session-PDO/tracking.xlsx" % (OUT, ED % lang)
    wb = openpyxl.load_workbook(f)
    check(f + " sheets", wb.sheetnames, [L["att"], L["prog"], L["quiz"], "Lists"])
    check_lists(f, wb, L["yes"], L["no"])
    check_attendance(f, wb[L["att"]], L)
    check_progress(f, wb[L["prog"]], L, ITEMS[lang])
    check_quiz(f, wb[L["quiz"]], L, QUIZ[lang])
    # PEO: no checklist and no quiz, so attendance alone.
    f = "%s/%s/session-PEO/tracking.xlsx" % (OUT, ED % lang)
    wb = openpyxl.load_workbook(f)
    check(f + " sheets", wb.sheetnames, [L["att"], "Lists"])
    check_attendance(f, wb[L["att"]], L)

# --- tracking.xlsx: the formulas, computed by LibreOffice ----------------------

os.makedirs(WORK, exist_ok=True)
profile = os.path.join(WORK, "profile")
os.makedirs(os.path.join(profile, "user"), exist_ok=True)
# libxlsxwriter's file says it comes from Excel, so LibreOffice would trust
# cached results; recalculating always makes LibreOffice the engine under test.
with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as x:
    x.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
            'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
            '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
            '<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n'
            '<item oor:path="/org.openoffice.Office.Calc/Formula/Load">'
            '<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n'
            '</oor:items>\n')
plain = os.path.join(WORK, "plain-profile")  # LibreOffice's defaults: what a trainer sees


def to_csv(path, prof, outdir):
    """Every sheet of path as CSV (UTF-8, values not as shown), by sheet name."""
    os.makedirs(outdir, exist_ok=True)
    r = subprocess.run([SOFFICE, "-env:UserInstallation=file://" + os.path.abspath(prof),
                        "--headless", "--norestore", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                        "--outdir", outdir, path], capture_output=True, text=True, timeout=300)
    base = os.path.splitext(os.path.basename(path))[0]
    out = {}
    for name in os.listdir(outdir):
        if name.startswith(base + "-") and name.endswith(".csv"):
            with open(os.path.join(outdir, name), encoding="utf-8", newline="") as fh:
                out[name[len(base) + 1:-4]] = list(csv.reader(fh))
    if not out:
        failures.append("LibreOffice converted nothing from %s: %s %s" % (path, r.stdout, r.stderr))
    return out


def cell(sheet, ref):
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    c = 0
    for ch in m.group(1):
        c = c * 26 + ord(ch) - 64
    r = int(m.group(2))
    return sheet[r - 1][c - 1] if r <= len(sheet) and c <= len(sheet[r - 1]) else ""


# The filled-in sessions. Answers are option numbers; key en: 2 2 1 1, ru: 2 2 1.
FILL = {
    "en": dict(
        names={1: "Aida", 2: "Bakyt"},
        present={1: "Yes", 2: "No"},
        ticks={1: ["Yes", "Yes", "No", "Yes"], 2: ["No", "No", "No", "No"], 3: [None, "Yes", None, None]},
        pre={1: [2, 1, 1, 2],      # 2 right
             2: [1, 1, 2, 2],      # 0
             3: [2, 2, 1, 1],      # 4, then left: no post
             5: [2, None, None, None],  # 1 (blanks are wrong, not missing)
             6: [1, 2, 1, 2]},     # 2
        post={1: [2, 2, 1, 1],     # 4
              2: [2, 2, 2, 1],     # 3
              4: [2, 2, 1, 1],     # 4, came late: no pre
              5: [2, 2, 1, 1],     # 4
              6: [2, 2, 1, 1]},    # 4
        # Pairs 1, 2, 5, 6: after (4+3+4+4)/4 = 3.75, before (2+0+1+2)/4 = 1.25.
        # (Everyone's averages would give 3.8 - 1.8 = 2: the pairing matters.)
        scores={1: ("2", "4"), 2: ("0", "3"), 3: ("4", ""), 4: ("", "4"), 5: ("1", "4"), 6: ("2", "4")},
        counts={1: "3", 2: "0", 3: "1"},
        gain="2.5"),
    "ru": dict(
        names={2: "Гульнара"},
        present={2: "Да"},
        ticks={1: ["Да", "Нет", "Да"], 2: ["Да", "Да", "Да"]},
        pre={1: [1, 2, 1], 2: [2, 1, 2]},      # 2, 1
        post={1: [2, 2, 1], 2: [2, 2, 2]},     # 3, 2
        scores={1: ("2", "3"), 2: ("1", "2")},
        counts={1: "2", 2: "3"},
        gain="1"),
}

for lang in ("en", "ru"):
    L, F, quiz = LABELS[lang], FILL[lang], QUIZ[lang]
    n, ni = len(quiz), len(ITEMS[lang])
    src = "%s/%s/session-PDO/tracking.xlsx" % (OUT, ED % lang)

    # As delivered, in LibreOffice's default settings: blanks and zeros, no
    # stale cached 0 where a blank belongs.
    got = to_csv(src, plain, os.path.join(WORK, "plain-" + lang))
    if got:
        q, pr = got.get(L["quiz"], []), got.get(L["prog"], [])
        sp, sq = col(2 + 2 * n), col(3 + 2 * n)
        check(src + " as delivered: scores", [(cell(q, "%s%d" % (sp, p + 3)), cell(q, "%s%d" % (sq, p + 3)))
                                              for p in range(1, N + 1)], [("", "")] * N)
        check(src + " as delivered: gain", cell(q, "C30"), "")
        check(src + " as delivered: names", [cell(q, "B%d" % (p + 3)) for p in range(1, N + 1)], [""] * N)
        check(src + " as delivered: counts", [cell(pr, "%s%d" % (col(2 + ni), p + 1)) for p in range(1, N + 1)],
              ["0"] * N)

    wb = openpyxl.load_workbook(src)
    for p, v in F["names"].items():
        wb[L["att"]].cell(p + 1, 2).value = v
    for p, v in F["present"].items():
        wb[L["att"]].cell(p + 1, 3).value = v
    for p, ticks in F["ticks"].items():
        for i, v in enumerate(ticks):
            wb[L["prog"]].cell(p + 1, 3 + i).value = v
    for block, start in (("pre", 3), ("post", 3 + n)):
        for p, answers in F[block].items():
            for i, v in enumerate(answers):
                wb[L["quiz"]].cell(p + 3, start + i).value = v
    filled = os.path.join(WORK, "filled-%s.xlsx" % lang)
    wb.save(filled)

    got = to_csv(filled, profile, os.path.join(WORK, "csv-" + lang))
    if not got:
        continue
    q, pr = got.get(L["quiz"], []), got.get(L["prog"], [])
    sp, sq = col(2 + 2 * n), col(3 + 2 * n)
    check(filled + " scores (LibreOffice)",
          [(cell(q, "%s%d" % (sp, p + 3)), cell(q, "%s%d" % (sq, p + 3))) for p in range(1, N + 1)],
          [F["scores"].get(p, ("", "")) for p in range(1, N + 1)])
    check(filled + " average gain (LibreOffice)", cell(q, "C30"), F["gain"])
    check(filled + " names on the quiz sheet (LibreOffice)",
          [cell(q, "B%d" % (p + 3)) for p in range(1, N + 1)],
          [F["names"].get(p, "") for p in range(1, N + 1)])
    check(filled + " names on the progress sheet (LibreOffice)",
          [cell(pr, "B%d" % (p + 1)) for p in range(1, N + 1)],
          [F["names"].get(p, "") for p in range(1, N + 1)])
    check(filled + " yes counts (LibreOffice)",
          [cell(pr, "%s%d" % (col(2 + ni), p + 1)) for p in range(1, N + 1)],
          [F["counts"].get(p, "0") for p in range(1, N + 1)])
    check(filled + " key row (LibreOffice)", q[2][2:2 + 2 * n], [str(x[2]) for x in quiz] * 2)

# --- the session pages ---------------------------------------------------------

ROW = re.compile(r'<tr(?: class="break")?><td>(\d\d:\d\d)</td><td[^>]*>(.*?)</td><td[^>]*>(\d*)</td></tr>')


def agenda(path):
    with open(path, encoding="utf-8") as fh:
        return ROW.findall(fh.read())


def page(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


# en PDO: contract 40 + an appended part with no minutes (10) = 50; documents
# 30; money 25: 105 minutes since the start, so a break before the last topic
# (minutes 0: counts 10), and none at the end.
check("agenda en PDO", agenda("%s/%s/session-PDO/agenda.html" % (OUT, ED % "en")), [
    ("09:00", "Your contract", "50"), ("09:50", "Documents", "30"), ("10:20", "Money", "25"),
    ("10:45", "Break", "15"), ("11:00", "Your first day", "10"), ("11:10", "End", "")])
check("agenda ru PDO", agenda("%s/%s/session-PDO/agenda.html" % (OUT, ED % "ru")), [
    ("09:00", "Ваш договор", "45"), ("09:45", "Documents", "30"), ("10:15", "Money", "25"),
    ("10:40", "Перерыв", "15"), ("10:55", "Your first day", "10"), ("11:05", "Конец", "")])
check("agenda en PEO", agenda("%s/%s/session-PEO/agenda.html" % (OUT, ED % "en")), [
    ("09:00", "Deciding to go", "20"), ("09:20", "End", "")])
check("agenda en PDO --start 13:30", agenda("%s/%s/session-PDO/agenda.html" % (LATE, ED % "en")), [
    ("13:30", "Your contract", "50"), ("14:20", "Documents", "30"), ("14:50", "Money", "25"),
    ("15:15", "Break", "15"), ("15:30", "Your first day", "10"), ("15:40", "End", "")])

for lang in ("en", "ru"):
    for name in pack:
        if name.endswith(".html"):
            path = "%s/%s/session-PDO/%s" % (OUT, ED % lang, name)
            text = page(path)
            check(path + " lang", '<html lang="%s">' % lang in text, True)
            check(path + " ends", text.endswith("</body>\n</html>\n"), True)
            check(path + " fallback topics marked",
                  bool(re.search(r'<(?!html)\w+[^>]* lang="en"', text)), lang == "ru")
ru_agenda = page("%s/%s/session-PDO/agenda.html" % (OUT, ED % "ru"))
check("agenda ru labels", all(s in ru_agenda for s in ("<th>Время</th>", "<th>Содержание</th>", "<th>мин</th>")),
      True)
trainer = page("%s/%s/session-PDO/trainer.html" % (OUT, ED % "en"))
for want in ("<p>Start with a story &lt;b&gt;not&lt;/b&gt; markup &amp; keep it short. "
             "Second line of the same paragraph.</p>\n<p>A new paragraph; fees are 0.</p>\n",
             "<h3>Key points</h3>\n<ul>\n<li>Read the contract before you sign</li>\n"
             "<li>Save HOTLINE-EN in your phone</li>\n<li>Keep a copy of the contract at home</li>\n</ul>\n",
             '<p class="sms">Sign nothing you cannot read. Call HOTLINE-EN.</p>',
             "<p><strong>Question 3.</strong> Where do you keep a copy?</p>\n<ol>\n"
             '<li class="answer">At home ✓ (Answer)</li>\n<li>Nowhere</li>\n',
             "<p><strong>Question 4.</strong> What do you copy?</p>"):
    check("trainer.html holds %r" % want[:40], want in trainer, True)
handout = page("%s/%s/session-PDO/handout.html" % (OUT, ED % "en"))
# The handout is a handout (docs/outputs.md): the stage's key messages (each
# topic with its SMS), its checklist and its contacts; no bodies, no sources.
check("handout: sections", re.findall(r"<h[12]>(.*?)</h[12]>", handout),
      ["Handout: Before you leave", "Key points", "Checklist", "Where to get help"])
check("handout: key points", re.findall(r'<div class="key"><h3>(.*?)</h3>', handout),
      ["Your contract", "Documents", "Money", "Your first day"])
check("handout: the contract's key message", "<p>Sign nothing you cannot read. Call HOTLINE-EN.</p>" in handout, True)
check("handout: checklist", re.findall(r'<li><span class="box"></span>(.*?)</li>', handout),
      ["Read the contract before you sign", "Save HOTLINE-EN in your phone",
       "Keep a copy of the contract at home", "Copy your passport"])
check("handout: no sources", re.findall(r'<li id="src-\d+">', handout), [])

for f in failures:
    print("FAIL: " + f)
sys.exit(1 if failures else 0)
