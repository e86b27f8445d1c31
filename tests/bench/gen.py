#!/usr/bin/env python3
"""gen.py DIR [MODULES] [CORRIDORS]: writes a synthetic content root for `make bench`.

Deterministic: the same arguments give the same files. Topics get a general
base in en and ru, destination variants, women's appends and sector modules,
so resolution does the work real content asks of it."""
import os
import sys

out = sys.argv[1]
nmod = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
ncor = int(sys.argv[3]) if len(sys.argv) > 3 else 30
ORIG = ["KG", "KZ", "TJ", "UZ", "AM"]
DEST = ["RU", "KZ", "KR", "GB", "TR", "DE"]
STAGES = ["PEO", "PDO", "PAO", "PRO"]


def write(rel, text):
    path = os.path.join(out, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


write("safar.yaml", "languages: [en, ru, ky]\nfallback: { ky: [ru, en], ru: [en] }\n"
      "audiences: [general, women]\nsectors: [construction, agriculture]\n"
      "required: { PDO: [topic-1-0] }\n")
for i in range(ncor):
    o, d = ORIG[i % len(ORIG)], DEST[i % len(DEST)]
    cid = f"c{i:02d}-{o.lower()}-{d.lower()}"
    write(f"corridors/{cid}.yaml",
          f"id: {cid}\norigin: {o}\ndestination: {d}\n"
          f"title: {{ en: \"Corridor {i}\", ru: \"Коридор {i}\" }}\n"
          "languages: [en, ru, ky]\nsectors: [construction, agriculture]\n"
          "audiences: [general, women]\n"
          "facts:\n  hotline: { en: \"the hotline\", ru: \"горячая линия\" }\n"
          "contacts:\n  - { name: Origin office, side: origin, url: \"https://example.org\" }\n"
          "  - { name: Destination office, side: destination, url: \"https://example.org\" }\n")

PARA = ("Read the **contract** before you sign it, and keep a copy. Ask {{hotline}} "
        "when something is unclear; see [the official site](https://example.org). ")
RU = ("Прочитайте **договор** до подписания и сохраните копию. Звоните: {{hotline}}, "
      "если что-то непонятно; см. [официальный сайт](https://example.org). ")


def module(rel, tid, stage, lang, when, merge, order):
    body = "## Before you go\n\n" + (PARA if lang == "en" else RU) * 4 + \
        "\n\n- Keep your passport\n- Keep a copy of the contract\n- Save the numbers\n\n" + \
        "## On arrival\n\n" + (PARA if lang == "en" else RU) * 3 + "\n"
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


# Ten modules per topic: general en/ru, three destination variants in en and
# ru, a women's append in en and ru, and a construction module.
kinds = [("general", None, None, "en"), ("general", None, None, "ru")]
n = 0
t = 0
while n < nmod:
    stage = STAGES[t % 4]
    tid = f"topic-{t % 4}-{t // 4}"
    dests = [DEST[(t + k) % len(DEST)] for k in range(3)]
    variants = [("general", None, None, "en"), ("general", None, None, "ru"),
                ("women", "{ audience: women }", "append", "en"),
                ("women", "{ audience: women }", "append", "ru"),
                ("construction", "{ sector: construction }", None, "en")]
    for d in dests:
        for lang in ("en", "ru"):
            variants.append((f"dest-{d.lower()}", f"{{ destination: {d} }}", None, lang))
    for scope, when, merge, lang in variants[:10]:
        if n == nmod:
            break
        module(f"content/{stage.lower()}/{tid}/{scope}.{lang}.md", tid, stage, lang, when,
               merge, t)
        n += 1
    t += 1
