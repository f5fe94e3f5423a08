import json
from collections import Counter
N=json.load(open('/tmp/set_k/nlu.json')); V=json.load(open('/tmp/set_k/vignettes.json'))
print("nlu", len(N)); print("vignettes", len(V))
print("triage", Counter(v['triage'] for v in V))
print("causes", Counter(c for v in V for c in v['causes_top3_any']), "empty:", sum(not v['causes_top3_any'] for v in V))
print("intent", Counter(x['intent'] for x in N))
print("entity", Counter(e['entity'] for x in N for e in x['entities']))
print("role", Counter(e.get('role','none') for x in N for e in x['entities']))
print("values", sorted(Counter((e['entity'],e['value'] if e['entity']!='size' else '*',e.get('role','-')) for x in N for e in x['entities']).items()))
print("msgs/vignette", Counter(len(v['messages']) for v in V))
