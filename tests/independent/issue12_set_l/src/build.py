import json, os, sys, collections
sys.path.insert(0, os.path.dirname(__file__))
from nlu_src import NLU
from vignettes_src import ALL
out = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
nlu = []
seen = set()
for text, intent, ents, tags in NLU:
    assert text not in seen, text; seen.add(text)
    es = []
    for e in ents:
        d = {"entity": e[0], "value": e[1]}
        if len(e) > 2: d["role"] = e[2]
        if e[0] == "size": assert e[1] in text, (e, text)
        es.append(d)
    nlu.append({"text": text, "intent": intent, "entities": es, "tags": tags})
vig = []
ids = set()
for vid, msgs, tri, causes, note, tags in ALL:
    assert vid not in ids, vid; ids.add(vid)
    vig.append({"id": vid, "messages": msgs, "triage": tri, "causes_top3_any": causes, "note": note, "tags": tags})
json.dump(nlu, open(os.path.join(out, "nlu.json"), "w"), indent=1, ensure_ascii=False)
json.dump(vig, open(os.path.join(out, "vignettes.json"), "w"), indent=1, ensure_ascii=False)
# counts
c = collections.Counter(v["triage"] for v in vig); print("vignettes", len(vig), dict(c))
print("nlu", len(nlu), dict(collections.Counter(n["intent"] for n in nlu)))
ent = collections.Counter((e["entity"]) for n in nlu for e in n["entities"]); print("entities", dict(ent))
val = collections.Counter((e["entity"], e["value"]) for n in nlu for e in n["entities"] if e["entity"]!="size"); print("values", sorted(val.items()))
role = collections.Counter(e.get("role","none") for n in nlu for e in n["entities"]); print("roles", dict(role))
print("nlu tags", dict(collections.Counter(t for n in nlu for t in n["tags"])))
print("vig tags", dict(collections.Counter(t for v in vig for t in v["tags"])))
print("causes", dict(collections.Counter(x for v in vig for x in v["causes_top3_any"])), "empty", sum(1 for v in vig if not v["causes_top3_any"]))
