#!/usr/bin/env python3
"""Black-box NLU cases and vignettes through the HTTP surface (CONTRACT.md).

The project's own runner, used by `make eval` when ../shared/eval/contract_eval.py
is not there (a clone on its own). Same protocol and metrics as that script:

- NLU: POST /model/parse for each case of nlu.json; intent accuracy; micro F1 over
  (entity, value, role) tuples (values lower-cased; a size counts as (size, *, role));
  negation_acc over gold entities with a role.
- Vignettes: every message POSTed to /webhooks/rest/webhook under a fresh sender;
  then "no" while the tracker shows an active form (at most 6 times); then the
  slots `triage_level` and `likely_causes` are read. Under-triage: predicted less
  urgent than gold (a missing level counts, unless gold is reassurance).

  eval_vignettes.py --cases tests/vignettes --start --json OUT   (servers on 5105/5155/8180)
  eval_vignettes.py --cases DIR --url http://127.0.0.1:5005 --token T

Writes the same JSON shape as contract_eval.py; the last stdout line is
`intent_acc=.. entity_f1=.. negation_acc=.. triage_acc=.. under_triage=N emergency_recall=.. cause_hit=..`.
"""

import argparse
import collections
import json
import secrets
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TRIAGE_RANK = {"reassurance": 0, "see_clinician_routine": 1, "see_clinician_soon": 2, "emergency": 3}
ROLES = {"negated", "family"}
MAX_AUTO_NO = 6


class Client:
    def __init__(self, base: str, token: str, timeout: float = 30):
        self.base, self.token, self.timeout = base.rstrip("/"), token, timeout
        self.opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def call(self, method, path, body=None, auth=False):
        if auth:
            path += ("&" if "?" in path else "?") + "token=" + urllib.parse.quote(self.token, safe="")
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with self.opener.open(request, timeout=self.timeout) as response:
            return json.loads(response.read().decode("utf-8") or "null")

    def parse(self, text):
        return self.call("POST", "/model/parse", {"text": text}, auth=True)

    def say(self, sender, text):
        return self.call("POST", "/webhooks/rest/webhook", {"sender": sender, "message": text})

    def tracker(self, sender):
        return self.call("GET", "/conversations/%s/tracker" % urllib.parse.quote(sender, safe=""), auth=True)


def _value(entity, value):
    if entity == "size":
        return "*"
    if not isinstance(value, str):
        value = json.dumps(value, sort_keys=True) if value is not None else ""
    return value.strip().lower()


def gold_tuples(entities):
    return [(e["entity"], _value(e["entity"], e.get("value")), e.get("role") or None) for e in entities]


def pred_tuples(entities):
    seen, out = set(), []
    for e in entities or []:
        if not isinstance(e, dict) or "entity" not in e:
            continue
        t = (str(e["entity"]), _value(str(e["entity"]), e.get("value")), e.get("role") or None)
        if (t, e.get("start"), e.get("end")) not in seen:
            seen.add((t, e.get("start"), e.get("end")))
            out.append(t)
    return out


def _fmt(t):
    return "%s=%s%s" % (t[0], t[1], "/" + t[2] if t[2] else "")


def ratio(a, b):
    return a / b if b else None


def evaluate_nlu(client, cases):
    records, tp, fp, fn, correct, neg_total, neg_hit, errors = [], 0, 0, 0, 0, 0, 0, 0
    per_intent = collections.defaultdict(lambda: [0, 0])
    per_entity = collections.defaultdict(lambda: [0, 0, 0])
    for case in cases:
        gold = gold_tuples(case.get("entities", []))
        record = {"text": case["text"], "gold_intent": case["intent"], "gold_entities": [list(t) for t in gold],
                  "error": None}
        try:
            out = client.parse(case["text"])
            intent, pred = (out.get("intent") or {}).get("name"), pred_tuples(out.get("entities"))
        except (OSError, urllib.error.URLError, ValueError) as exc:
            intent, pred, record["error"] = None, [], str(exc)
            errors += 1
        record.update({"pred_intent": intent, "pred_entities": [list(t) for t in pred],
                       "intent_ok": intent == case["intent"]})
        correct += record["intent_ok"]
        per_intent[case["intent"]][0] += 1
        per_intent[case["intent"]][1] += record["intent_ok"]
        g, p = collections.Counter(gold), collections.Counter(pred)
        both = g & p
        tp += sum(both.values())
        fp += sum((p - g).values())
        fn += sum((g - p).values())
        for t, k in g.items():
            per_entity[t[0]][0] += both.get(t, 0)
            per_entity[t[0]][2] += k - both.get(t, 0)
            if t[2] in ROLES:
                neg_total += k
                neg_hit += min(k, p.get(t, 0))
        for t, k in p.items():
            per_entity[t[0]][1] += k - both.get(t, 0)
        record["entities_missing"] = sorted(_fmt(t) for t in (g - p).elements())
        record["entities_extra"] = sorted(_fmt(t) for t in (p - g).elements())
        records.append(record)
    return {"cases": records, "metrics": {
        "cases": len(cases), "errors": errors, "intent_acc": ratio(correct, len(cases)),
        "entity_tp": tp, "entity_fp": fp, "entity_fn": fn,
        "entity_precision": ratio(tp, tp + fp), "entity_recall": ratio(tp, tp + fn),
        "entity_f1": ratio(2 * tp, 2 * tp + fp + fn),
        "negation_total": neg_total, "negation_hit": neg_hit, "negation_acc": ratio(neg_hit, neg_total),
        "per_intent": {k: {"n": v[0], "correct": v[1], "acc": ratio(v[1], v[0])} for k,
                       v in sorted(per_intent.items())},
        "per_entity": {k: {"tp": v[0], "fp": v[1], "fn": v[2]} for k, v in sorted(per_entity.items())},
    }}


def _texts(replies):
    out = []
    for message in replies or []:
        if isinstance(message, dict):
            text = message.get("text") or ""
            if message.get("buttons"):
                text += " [buttons: %s]" % " | ".join(str(b.get("title", "")) for b in message["buttons"])
            if text:
                out.append(text)
    return out


def _causes(value):
    if isinstance(value, str):
        return [p.strip() for p in value.split(",") if p.strip()]
    return [str(x.get("id") if isinstance(x, dict) else x) for x in value or []]


def run_vignette(client, vignette):
    sender = "veval-%s-%s" % (vignette["id"], secrets.token_hex(4))
    record = {"id": vignette["id"], "sender": sender, "gold_triage": vignette["triage"],
              "causes_top3_any": vignette.get("causes_top3_any", []), "turns": [], "auto_no": 0,
              "form_still_active": False, "error": None, "pred_triage_raw": None, "likely_causes": []}
    active = lambda tr: bool(((tr or {}).get("active_loop") or {}).get("name"))  # noqa: E731
    try:
        for text in vignette["messages"]:
            record["turns"].append({"user": text, "bot": _texts(client.say(sender, text))})
        tracker = client.tracker(sender)
        while active(tracker) and record["auto_no"] < MAX_AUTO_NO:
            record["turns"].append({"user": "no", "bot": _texts(client.say(sender, "no")), "auto": True})
            record["auto_no"] += 1
            tracker = client.tracker(sender)
        record["form_still_active"] = active(tracker)
        slots = tracker.get("slots") or {}
        record["pred_triage_raw"] = slots.get("triage_level")
        record["likely_causes"] = _causes(slots.get("likely_causes"))
    except (OSError, urllib.error.URLError, ValueError, AttributeError) as exc:
        record["error"] = str(exc)
    return record


def evaluate_dialogue(client, vignettes):
    records = []
    confusion = collections.defaultdict(collections.Counter)
    under = over = exact = em_total = em_hit = cause_total = cause_hit = errors = 0
    for vignette in vignettes:
        record = run_vignette(client, vignette)
        gold, raw = vignette["triage"], record["pred_triage_raw"]
        pred = raw if record["error"] is None and raw in TRIAGE_RANK else None
        record["pred_triage"] = pred
        record["triage_ok"] = pred == gold
        record["under_triage"] = (gold != "reassurance") if pred is None else TRIAGE_RANK[pred] < TRIAGE_RANK[gold]
        record["over_triage"] = pred is not None and TRIAGE_RANK[pred] > TRIAGE_RANK[gold]
        exact += record["triage_ok"]
        under += record["under_triage"]
        over += record["over_triage"]
        errors += record["error"] is not None
        if gold == "emergency":
            em_total += 1
            em_hit += pred == "emergency"
        wanted = vignette.get("causes_top3_any") or []
        record["cause_hit"] = None
        if wanted:
            cause_total += 1
            record["cause_hit"] = any(c in record["likely_causes"][:3] for c in wanted)
            cause_hit += record["cause_hit"]
        confusion[gold][pred or "(none)"] += 1
        records.append(record)
        flag = "ok" if record["triage_ok"] else ("UNDER" if record["under_triage"] else "over")
        print("vignette %-5s %-36s gold=%-21s pred=%s" % (flag, vignette["id"], gold, pred), file=sys.stderr)
    n = len(vignettes)
    return {"vignettes": records, "metrics": {
        "vignettes": n, "errors": errors, "triage_acc": ratio(exact, n), "under_triage": under,
        "over_triage": over, "emergency_total": em_total, "emergency_recall": ratio(em_hit, em_total),
        "cause_total": cause_total, "cause_hit": ratio(cause_hit, cause_total),
        "confusion": {g: dict(c) for g, c in confusion.items()},
    }}


def summary_line(nlu, dialogue):
    f = lambda x: "nan" if x is None else "%.2f" % x  # noqa: E731
    n, d = (nlu or {}).get("metrics", {}), (dialogue or {}).get("metrics", {})
    return ("intent_acc=%s entity_f1=%s negation_acc=%s triage_acc=%s under_triage=%s emergency_recall=%s "
            "cause_hit=%s" % (f(n.get("intent_acc")), f(n.get("entity_f1")), f(n.get("negation_acc")),
                              f(d.get("triage_acc")), d.get("under_triage", "nan"), f(d.get("emergency_recall")),
                              f(d.get("cause_hit"))))


def evaluate(client, cases_dir: Path, limit=None):
    nlu_cases = json.loads((cases_dir / "nlu.json").read_text(encoding="utf-8"))
    vignettes = json.loads((cases_dir / "vignettes.json").read_text(encoding="utf-8"))
    if limit:
        nlu_cases, vignettes = nlu_cases[:limit], vignettes[:limit]
    nlu = evaluate_nlu(client, nlu_cases)
    dialogue = evaluate_dialogue(client, vignettes)
    return {"meta": {"rasa_url": client.base, "cases": str(cases_dir), "runner": "measure/eval_vignettes.py",
                     "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")},
            "nlu": nlu, "dialogue": dialogue, "summary_line": summary_line(nlu, dialogue)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default=str(ROOT / "tests" / "vignettes"))
    parser.add_argument("--start", action="store_true", help="start the servers (server/launcher.py) on 5105/5155/8180")
    parser.add_argument("--url", default="http://127.0.0.1:5105")
    parser.add_argument("--token", default="contract-eval")
    parser.add_argument("--json", metavar="OUT")
    parser.add_argument("--limit", type=int, help="only the first N cases of each file")
    args = parser.parse_args(argv)
    servers = None
    if args.start:
        from tests.support.servers import TOKEN, Servers

        servers = Servers(5105, 5155, 8180, {"REST_TRUST_SENDER_IDS": "1"}).start()  # own sender ids (README)
        args.url, args.token = servers.base, TOKEN
    try:
        result = evaluate(Client(args.url, args.token), Path(args.cases), args.limit)
    except (OSError, urllib.error.URLError) as exc:
        print(f"FAIL: bot not reachable at {args.url}: {exc}")
        return 1
    finally:
        if servers:
            servers.stop()
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    print(result["summary_line"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
