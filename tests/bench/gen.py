#!/usr/bin/env python3
"""gen.py DIR [MODULES] [CORRIDORS]: writes a synthetic content root for `make bench`.

Deterministic: the same arguments give the same files. The shape is what a
regional office keeps (docs/performance.md): four languages with fallbacks,
two audiences, two sectors; shared topics (about a tenth of the modules) with
a base in every language, a women's append, sector and destination variants;
the rest corridor topics written for one corridor each. Bodies use the
corridor's facts, so resolution and substitution do the work real content
asks of them."""
import os
import sys

out = sys.argv[1]
nmod = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
ncor = int(sys.argv[3]) if len(sys.argv) > 3 else 30
ORIG = ["KG", "KZ", "TJ", "UZ", "AM"]
DEST = ["RU", "KZ", "KR", "GB", "TR", "DE"]
STAGES = ["PEO", "PDO", "PAO", "PRO"]
LANGS = ["en", "ru", "ky", "uz"]


def write(rel, text):
    path = os.path.join(out, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


write("safar.yaml", "languages: [en, ru, ky, uz]\n"
      "fallback: { ky: [ru, en], uz: [ru, en], ru: [en] }\n"
      "audiences: [general, women]\nsectors: [construction, agriculture]\n"
      "required: { PDO: [topic-1-0] }\n")
cids = []
for i in range(ncor):
    o, d = ORIG[i % len(ORIG)], DEST[i % len(DEST)]
    cid = f"c{i:03d}-{o.lower()}-{d.lower()}"
    cids.append(cid)
    write(f"corridors/{cid}.yaml",
          f"id: {cid}\norigin: {o}\ndestination: {d}\n"
          f"title: {{ en: \"Corridor {i}\", ru: \"Коридор {i}\" }}\n"
          "languages: [en, ru, ky, uz]\nsectors: [construction, agriculture]\n"
          "audiences: [general, women]\n"
          "facts:\n"
          f"  hotline: {{ en: \"the hotline {i}\", ru: \"горячая линия {i}\" }}\n"
          f"  embassy: \"+7 495 {i:03d} 00 00\"\n"
          f"  minwage: {{ en: \"{20000 + i} a month\", ru: \"{20000 + i} в месяц\" }}\n"
          "contacts:\n  - { name: Origin office, side: origin, url: \"https://example.org\" }\n"
          "  - { name: Destination office, side: destination, url: \"https://example.org\" }\n")

TEXT = {
    "en": ("Read the **contract** before you sign it, and keep a copy. Ask {{hotline}} "
           "when something is unclear; see [the official site](https://example.org). "
           "The minimum wage is {{minwage}}; the embassy answers at {{embassy}}. "),
    "ru": ("Прочитайте **договор** до подписания и сохраните копию. Звоните: {{hotline}}, "
           "если что-то непонятно; см. [официальный сайт](https://example.org). "
           "Минимальная оплата: {{minwage}}; посольство: {{embassy}}. "),
}
TEXT["ky"] = TEXT["ru"].replace("договор", "келишим")
TEXT["uz"] = TEXT["en"].replace("contract", "shartnoma")


def module(rel, tid, stage, lang, when, merge, order):
    para = TEXT[lang]
    body = "## Before you go\n\n" + para * 4 + \
        "\n\n- Keep your passport\n- Keep a copy of the contract\n- Save {{hotline}}\n\n" + \
        "## On arrival\n\n" + para * 3 + "\n"
    fm = [f"id: {tid}", f"stage: {stage}", f"title: Topic {tid} ({lang})", f"lang: {lang}"]
    if when:
        fm.append(f"when: {when}")
    if merge:
        fm.append(f"merge: {merge}")
    fm += [f"order: {order}", "minutes: 10", "review_by: 2099-01-01", "status: reviewed",
           "reviewed: {on: 2026-01-01, by: bench}",
           "sources: [\"synthetic\"]", "sms: \"Keep your passport. Call {{hotline}}.\"",
           "checklist: [\"Keep your passport\", \"Save {{hotline}}\"]"]
    write(rel, "---\n" + "\n".join(fm) + "\n---\n" + body)


# Shared topics: ten modules each (a base in every language, a women's
# append in en and ru, construction in en and ru, an agriculture append, a
# destination variant).
nshared = max(4, nmod // 10 // 10)
n = 0
for t in range(nshared):
    stage = STAGES[t % 4]
    tid = f"topic-{t % 4}-{t // 4}"
    d = DEST[t % len(DEST)]
    variants = [("general", None, None, lang) for lang in LANGS] + [
        ("women", "{ audience: women }", "append", "en"),
        ("women", "{ audience: women }", "append", "ru"),
        ("construction", "{ sector: construction }", None, "en"),
        ("construction", "{ sector: construction }", None, "ru"),
        ("agriculture", "{ sector: agriculture }", "append", "en"),
        (f"dest-{d.lower()}", f"{{ destination: {d} }}", None, "en")]
    for scope, when, merge, lang in variants:
        if n == nmod:
            break
        module(f"content/{stage.lower()}/{tid}/{scope}.{lang}.md", tid, stage, lang, when,
               merge, t)
        n += 1

# Corridor topics, corridor by corridor: a base in en, ru and ky and a
# women's append in en.
t = 0
while n < nmod:
    cid = cids[t % ncor]
    stage = STAGES[(t // ncor) % 4]
    tid = f"local-{t // ncor}"
    when = f"{{ corridor: {cid} }}"
    for scope, w, merge, lang in [("base", when, None, "en"), ("base", when, None, "ru"),
                                  ("base", when, None, "ky"),
                                  ("women", f"{{ corridor: {cid}, audience: women }}",
                                   "append", "en")]:
        if n == nmod:
            break
        module(f"content/{stage.lower()}/{tid}/{cid}-{scope}.{lang}.md", tid, stage, lang, w,
               merge, 100 + t // ncor)
        n += 1
    t += 1
