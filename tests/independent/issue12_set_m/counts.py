#!/usr/bin/env python3
"""Print label counts of nlu.json and vignettes.json (Markdown), for README.md."""
import json, collections, os
here = os.path.dirname(os.path.abspath(__file__))
n = json.load(open(os.path.join(here, 'nlu.json'))); v = json.load(open(os.path.join(here, 'vignettes.json')))
print("### NLU: %d cases\n\nIntents:\n" % len(n))
for k, c in collections.Counter(c['intent'] for c in n).most_common(): print(f"- {k}: {c}")
print("\nEntities (entity=value: total, of which negated / family):\n")
tot = collections.Counter(); neg = collections.Counter(); fam = collections.Counter()
for c in n:
    for e in c['entities']:
        k = e['entity'] + '=' + (e['value'] if e['entity'] != 'size' else '(any)')
        tot[k] += 1
        neg[k] += e.get('role') == 'negated'; fam[k] += e.get('role') == 'family'
for k in sorted(tot): print(f"- {k}: {tot[k]} ({neg[k]} / {fam[k]})")
print("\nRoles: " + ", ".join(f"{k} {c}" for k, c in collections.Counter(e.get('role', 'none') for c in n for e in c['entities']).items()))
print("\n### Vignettes: %d\n\nTriage:\n" % len(v))
for k, c in collections.Counter(x['triage'] for x in v).most_common(): print(f"- {k}: {c}")
print("\ncauses_top3_any (vignettes naming the id):\n")
for k, c in collections.Counter(c for x in v for c in x['causes_top3_any']).most_common(): print(f"- {k}: {c}")
print(f"- empty list (not scored for cause_hit): {sum(1 for x in v if not x['causes_top3_any'])}")
print("\nMessages per vignette: " + ", ".join(f"{k}: {c}" for k, c in sorted(collections.Counter(len(x['messages']) for x in v).items())))
