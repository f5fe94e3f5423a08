import json, os, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
from nlu_cases import NLU
from vignette_cases import V
out = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
nlu = []
for text, intent, ents in NLU:
    el = []
    for e in ents:
        d = {"entity": e[0], "value": e[1]}
        if len(e) > 2: d["role"] = e[2]
        el.append(d)
    nlu.append({"text": text, "intent": intent, "entities": el})
texts = [c["text"].lower() for c in nlu]
assert len(texts) == len(set(texts)), "duplicate NLU text"
vig = [{"id": i, "messages": m, "triage": t, "causes_top3_any": c, "note": n} for i, m, t, c, n in V]
ids = [v["id"] for v in vig]; assert len(ids) == len(set(ids))
json.dump(nlu, open(os.path.join(out, "nlu.json"), "w"), indent=1, ensure_ascii=False)
json.dump(vig, open(os.path.join(out, "vignettes.json"), "w"), indent=1, ensure_ascii=False)
print(len(nlu), "nlu;", len(vig), "vignettes")
print("intents", collections.Counter(c["intent"] for c in nlu).most_common())
print("triage", collections.Counter(v["triage"] for v in vig).most_common())
print("causes", collections.Counter(x for v in vig for x in v["causes_top3_any"] or ["(none)"]).most_common())
print("entities", collections.Counter(e["entity"] for c in nlu for e in c["entities"]).most_common())
print("roles", collections.Counter(e.get("role","-") for c in nlu for e in c["entities"]).most_common())
