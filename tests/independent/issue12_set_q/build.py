#!/usr/bin/env python3
"""Builds nlu.json and vignettes.json from the batch files nlu_b*.py / vig_b*.py."""
import glob, json, importlib.util, os
HERE = os.path.dirname(os.path.abspath(__file__))

def parse_ents(s):
    out = []
    for part in [p.strip() for p in s.split(";") if p.strip()]:
        k, v = part.split("=", 1)
        role = None
        if "|" in v:
            v, role = v.split("|", 1)
        e = {"entity": k.strip(), "value": v.strip()}
        if role:
            e["role"] = role.strip()
        out.append(e)
    return out

def load(pattern):
    rows = []
    for f in sorted(glob.glob(os.path.join(HERE, pattern))):
        spec = importlib.util.spec_from_file_location(os.path.basename(f)[:-3], f)
        m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
        rows += m.CASES
    return rows

nlu = []
for cat, text, intent, ents in load("nlu_b*.py"):
    nlu.append({"text": text, "intent": intent, "entities": parse_ents(ents), "category": cat})
texts = [c["text"] for c in nlu]
assert len(texts) == len(set(texts)), [t for t in texts if texts.count(t) > 1]
vigs = []
for v in load("vig_b*.py"):
    vigs.append(v)
json.dump(nlu, open(os.path.join(HERE, "nlu.json"), "w"), indent=1, ensure_ascii=False)
json.dump(vigs, open(os.path.join(HERE, "vignettes.json"), "w"), indent=1, ensure_ascii=False)
print(len(nlu), "nlu;", len(vigs), "vignettes")
