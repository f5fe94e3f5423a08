#!/usr/bin/env python3
"""Write results/eval.md (and its pictures) from what measure/eval_run.py left in results/eval/.

  eval_report.py [EVAL_DIR [OUT_MD]]      defaults: results/eval results/eval.md

Reads, each if present: meta.json; heldout/ and cv/ (`rasa test nlu` reports:
intent_report.json, ClinicalEntityExtractor_report.json, *_successes.json,
*_errors.json); core/story_report.json; vignettes.json (contract_eval.py /
eval_vignettes.py). A missing part becomes a "not run" line, never an error.
"""

import collections
import json
import subprocess
import sys
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional

ROOT = Path(__file__).resolve().parent.parent
TRIAGE = ["emergency", "see_clinician_soon", "see_clinician_routine", "reassurance"]
SHORT = {"emergency": "emergency", "see_clinician_soon": "soon", "see_clinician_routine": "routine",
         "reassurance": "reassurance", "(none)": "(none)"}
ENTITY_REPORT = "ClinicalEntityExtractor"
SUMMARY_ROWS = ("accuracy", "macro avg", "weighted avg", "micro avg")


def score_cells(heldout, cv, key, name):
    """P, R, F1 and support of one row (intent or entity label), held-out then CV."""
    cells = []
    for part in (heldout, cv):
        r = part.get(key, {}).get(name, {}) if part else {}
        cells += [f2(r.get("precision")), f2(r.get("recall")), f2(r.get("f1-score")), str(r.get("support", "–"))]
    return cells


def load(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def f2(x) -> str:
    return "–" if x is None else "%.2f" % x


def pct(x) -> str:
    return "–" if x is None else "%.0f %%" % (100 * x)


def rel(path: Path, md: Path) -> str:
    try:
        return str(path.resolve().relative_to(md.parent.resolve()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------
# NLU: Rasa's reports, and (entity, value, role) tuples from its predictions
# --------------------------------------------------------------------------

def _value(entity: str, value) -> str:
    if entity == "size":
        return "*"
    return str(value).strip().lower() if value is not None else ""


def _label(entity: str, role: Optional[str]) -> str:
    return entity + ("." + role if role else "")


def tuple_scores(predictions: List[Dict]) -> Dict[str, Dict]:
    """Per entity.role label: tp/fp/fn over (entity, value, role) tuples, from Rasa's
    successes + errors files (each message once; messages with no gold and no
    predicted entity are in neither file and add nothing)."""
    seen = set()
    counts = collections.defaultdict(lambda: [0, 0, 0])
    for item in predictions:
        key = (item.get("text"), json.dumps(item.get("entities"), sort_keys=True))
        if key in seen:
            continue
        seen.add(key)
        gold = collections.Counter((e["entity"], _value(e["entity"], e.get("value")), e.get("role"))
                                   for e in item.get("entities") or [])
        pred = collections.Counter()
        spans = set()
        for e in item.get("predicted_entities") or []:
            t = (e["entity"], _value(e["entity"], e.get("value")), e.get("role"))
            if (t, e.get("start"), e.get("end")) in spans:
                continue
            spans.add((t, e.get("start"), e.get("end")))
            pred[t] += 1
        both = gold & pred
        for t, k in gold.items():
            counts[_label(t[0], t[2])][0] += both.get(t, 0)
            counts[_label(t[0], t[2])][2] += k - both.get(t, 0)
        for t, k in pred.items():
            counts[_label(t[0], t[2])][1] += k - both.get(t, 0)
    return {label: prf(*c) for label, c in sorted(counts.items())}


def prf(tp, fp, fn) -> Dict:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f, "support": tp + fn}


def micro(scores: Dict[str, Dict]) -> Dict:
    return prf(sum(s["tp"] for s in scores.values()), sum(s["fp"] for s in scores.values()),
               sum(s["fn"] for s in scores.values()))


def nlu_part(directory: Path) -> Optional[Dict]:
    intents = load(directory / "intent_report.json")
    if intents is None:
        return None
    entities = load(directory / f"{ENTITY_REPORT}_report.json") or {}
    predictions = (load(directory / f"{ENTITY_REPORT}_successes.json") or []) + \
        (load(directory / f"{ENTITY_REPORT}_errors.json") or [])
    tuples = tuple_scores(predictions)
    return {"intents": intents, "entities": entities, "tuples": tuples, "tuples_micro": micro(tuples),
            "intent_errors": load(directory / "intent_errors.json") or [],
            "entity_errors": load(directory / f"{ENTITY_REPORT}_errors.json") or [], "dir": directory}


def rows(report: Dict) -> List[str]:
    return sorted(k for k, v in report.items() if k not in SUMMARY_ROWS and isinstance(v, dict))


# --------------------------------------------------------------------------
# Pictures
# --------------------------------------------------------------------------

def _plt():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def plot_triage_confusion(confusion: Dict, path: Path) -> None:
    plt = _plt()
    cols = TRIAGE + (["(none)"] if any("(none)" in row for row in confusion.values()) else [])
    grid = [[confusion.get(g, {}).get(p, 0) for p in cols] for g in TRIAGE]
    fig, ax = plt.subplots(figsize=(6.4, 4.6))
    ax.imshow(grid, cmap="Blues")
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            # TRIAGE is most urgent first: a prediction right of the diagonal is less urgent than gold.
            under = TRIAGE.index(cols[j]) > i if cols[j] in TRIAGE else TRIAGE[i] != "reassurance"
            color = "crimson" if value and under else ("white" if value > 8 else "black")
            ax.text(j, i, str(value), ha="center", va="center", color=color, fontsize=12,
                    fontweight="bold" if value and under else "normal")
    ax.set_xticks(range(len(cols)), [SHORT[c] for c in cols])
    ax.set_yticks(range(len(TRIAGE)), [SHORT[c] for c in TRIAGE])
    ax.set_xlabel("predicted (triage_level after the conversation)")
    ax.set_ylabel("gold")
    ax.set_title("Vignettes: triage (red = under-triage)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_bars(series: Dict[str, Dict[str, Optional[float]]], path: Path, title: str, xlabel: str) -> None:
    plt = _plt()
    labels = sorted({k for s in series.values() for k in s})
    fig, ax = plt.subplots(figsize=(7.5, max(3.0, 0.32 * len(labels) * max(1, len(series)) / 1.6 + 1)))
    height = 0.8 / max(1, len(series))
    for n, (name, values) in enumerate(series.items()):
        ys = [i + n * height for i in range(len(labels))]
        ax.barh(ys, [values.get(label) or 0 for label in labels], height=height, label=name)
    ax.set_yticks([i + height * (len(series) - 1) / 2 for i in range(len(labels))], labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.0)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(loc="lower left", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# --------------------------------------------------------------------------
# Vignettes
# --------------------------------------------------------------------------

def gist(record: Dict, width: int = 170) -> List[str]:
    """What the user said, and the bot's red-flag lines and 'what you told me' summary."""
    lines = []
    cut = lambda text, n: text if len(text) <= n else text[:n] + " …"  # noqa: E731
    for turn in record.get("turns", []):
        lines.append("user%s: %s" % (" (auto)" if turn.get("auto") else "", turn["user"]))
        for n, text in enumerate(turn.get("bot", [])):
            flat = " ".join(str(text).split())
            if flat.startswith("⚠") or flat.startswith("Here is what you told me") or flat.startswith("My suggestion"):
                lines.append("  bot: " + cut(flat, width))
            elif n == 0 and not turn.get("auto") and not flat.startswith("I give general health information"):
                lines.append("  bot: " + cut(flat, 90))  # the direct answer to what the user said
    return lines


def contract_nlu_scores(nlu: Dict) -> Dict[str, Dict]:
    counts = collections.defaultdict(lambda: [0, 0, 0])
    for case in nlu.get("cases", []):
        gold = collections.Counter(tuple(t) for t in case.get("gold_entities", []))
        pred = collections.Counter(tuple(t) for t in case.get("pred_entities", []))
        both = gold & pred
        for t, k in gold.items():
            counts[_label(t[0], t[2])][0] += both.get(t, 0)
            counts[_label(t[0], t[2])][2] += k - both.get(t, 0)
        for t, k in pred.items():
            counts[_label(t[0], t[2])][1] += k - both.get(t, 0)
    return {label: prf(*c) for label, c in sorted(counts.items())}


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return out.stdout.strip() + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        return "?"


# --------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------

class Inputs(NamedTuple):
    """What the report is made from: the raw reports of one `make eval` run, and where it is written."""

    eval_dir: Path
    out_md: Path
    meta: Dict
    steps: Dict
    heldout: Optional[Dict]
    cv: Optional[Dict]
    story: Optional[Dict]
    vig: Optional[Dict]
    machine: Dict


def read_inputs(eval_dir: Path, out_md: Path) -> Inputs:
    """The raw reports under `eval_dir` (a part that did not run is None)."""
    eval_dir, out_md = Path(eval_dir), Path(out_md)
    meta = load(eval_dir / "meta.json") or {}
    return Inputs(eval_dir, out_md, meta, meta.get("steps", {}), nlu_part(eval_dir / "heldout"),
                  nlu_part(eval_dir / "cv"),
                  load(eval_dir / "core" / "story_report.json"), load(eval_dir / "vignettes.json"),
                  meta.get("machine", {}))


def header(run: Inputs) -> List[str]:
    """The title and the run: date, machine, commit."""
    md: List[str] = []
    w = md.append
    meta, machine = run.meta, run.machine
    w("# Measurements: understanding and decisions (`make eval`)")
    w("")
    w(f"Run {meta.get('date', '?')} on {machine.get('cores', '?')} cores ({machine.get('cpu', '?')}, "
      f"{machine.get('memory_gb', '?')} GB RAM, Python {machine.get('python', '?')}), commit {git_commit()}. "
      "Written by `measure/eval_run.py` + `measure/eval_report.py`; the raw reports are under `results/eval/`.")
    w("")
    return md


def summary(run: Inputs) -> List[str]:
    """One table of the headline figures, the runner's last line, steps that failed, wall times."""
    md: List[str] = []
    w = md.append
    steps, heldout, cv, story, vig = run.steps, run.heldout, run.cv, run.story, run.vig
    w("## Summary")
    w("")
    w("| measure | value |")
    w("|---|---|")
    for name, part in (("held-out 20 %", heldout), ("3-fold CV", cv)):
        if part:
            i = part["intents"]
            w(f"| {name}: intent accuracy / macro F1 / weighted F1 | {f2(i.get('accuracy'))} / "
              f"{f2(i.get('macro avg', {}).get('f1-score'))} / {f2(i.get('weighted avg', {}).get('f1-score'))} |")
            e = part["entities"].get("micro avg", {})
            w(f"| {name}: entity F1, Rasa token labels incl. roles (micro) | {f2(e.get('f1-score'))} |")
            w(f"| {name}: entity F1, (entity, value, role) tuples (micro) | {f2(part['tuples_micro']['f1'])} |")
    if story:
        c = story.get("conversation_accuracy", {})
        w(f"| conversation tests (`tests/test_*.yml`): stories correct | {c.get('correct')} / {c.get('total')} |")
        w(f"| conversation tests: action accuracy | {f2(story.get('accuracy'))} |")
    if vig:
        dm = (vig.get("dialogue") or {}).get("metrics", {})
        nm = (vig.get("nlu") or {}).get("metrics", {})
        w(f"| vignettes ({dm.get('vignettes')}): exact triage | {f2(dm.get('triage_acc'))} |")
        w(f"| vignettes: **under-triage** (less urgent than gold) | **{dm.get('under_triage')}** |")
        w(f"| vignettes: over-triage | {dm.get('over_triage')} |")
        w(f"| vignettes: emergency recall | {f2(dm.get('emergency_recall'))} (of {dm.get('emergency_total')}) |")
        w(f"| vignettes: cause hit@3 | {f2(dm.get('cause_hit'))} (over {dm.get('cause_total')}) |")
        w(f"| black-box NLU cases ({nm.get('cases')}): intent acc / entity F1 / negation+family acc | "
          f"{f2(nm.get('intent_acc'))} / {f2(nm.get('entity_f1'))} / {f2(nm.get('negation_acc'))} |")
    w("")
    if vig:
        w("Vignette runner's final line:")
        w("")
        w("```")
        w(vig.get("summary_line", ""))
        w("```")
        w("")
    failed = {k: v for k, v in steps.items() if not v.get("ok", True)}
    for name, info in failed.items():
        w(f"**Step `{name}` did not run:** `{info.get('error', '')[:300]}`")
        w("")
    timing = ", ".join(f"{k} {v.get('wall_seconds')} s" for k, v in steps.items())
    if timing:
        w(f"Wall time per step: {timing}.")
        w("")
    return md


def nlu_method(run: Inputs) -> List[str]:
    """Section 1's heading and how the NLU figures were made."""
    md: List[str] = []
    w = md.append
    steps = run.steps
    w("## 1. NLU on the project's own data")
    w("")
    ho = steps.get("heldout", {})
    cvm = steps.get("cv", {})
    w(f"- **Held-out:** `rasa data split nlu --training-fraction {ho.get('training_fraction', 0.8)} "
      f"--random-seed {ho.get('seed', '?')}` on `data/nlu` ({ho.get('train_examples', '?')} training and "
      f"{ho.get('test_examples', '?')} test examples, stratified by intent, written to a temp dir); an NLU model "
      "trained on the 80 % with `config.yml`; `rasa test nlu` on the 20 %.")
    w(f"- **Cross-validation:** `rasa test nlu --cross-validation --folds {cvm.get('folds', 3)}` on all "
      f"{cvm.get('examples', '?')} examples, numpy seeded with {cvm.get('seed', '?')} (the folds are the same "
      "on every run).")
    w("- Entities are scored twice: by Rasa (per token, label `entity.role`, so a wrong role is an error but "
      "a wrong value is not) and here on (entity, value, role) tuples, the way the contract reads them "
      "(values after synonym mapping; `size` values not compared).")
    w("")
    return md


def intent_tables(run: Inputs) -> List[str]:
    """Per-intent scores (held-out and CV), their plot and Rasa's confusion matrices."""
    md: List[str] = []
    w = md.append
    eval_dir, out_md, heldout, cv = run.eval_dir, run.out_md, run.heldout, run.cv
    w("### Intents")
    w("")
    w("| intent | held-out P | R | F1 | n | CV P | R | F1 | n |")
    w("|---|---|---|---|---|---|---|---|---|")
    names = sorted(set(rows(heldout["intents"]) if heldout else []) | set(rows(cv["intents"]) if cv else []))
    for name in names:
        cells = score_cells(heldout, cv, "intents", name)
        w(f"| {name} | " + " | ".join(cells) + " |")
    for name in ("macro avg", "weighted avg"):
        cells = score_cells(heldout, cv, "intents", name)
        w(f"| *{name}* | " + " | ".join(cells) + " |")
    w("")
    series = {}
    for name, part in (("held-out", heldout), ("3-fold CV", cv)):
        if part:
            series[name] = {k: part["intents"][k].get("f1-score") for k in rows(part["intents"])}
    plot_bars(series, eval_dir / "intent_f1.png", "Intent F1", "F1")
    w(f"![Intent F1, held-out and CV]({rel(eval_dir / 'intent_f1.png', out_md)})")
    w("")
    pics = [(n, p["dir"] / "intent_confusion_matrix.png") for n, p in (("held-out", heldout), ("CV", cv))
            if p and (p["dir"] / "intent_confusion_matrix.png").exists()]
    if pics:
        w("Intent confusion matrices (Rasa): " + ", ".join(f"[{n}]({rel(p, out_md)})" for n, p in pics) + ".")
        w("")
        for n, p in pics:
            w(f"![Intent confusion matrix, {n}]({rel(p, out_md)})")
            w("")
    return md


def entity_tables(run: Inputs) -> List[str]:
    """Per-entity scores: Rasa's token labels and (entity, value, role) tuples, plot, matrices."""
    md: List[str] = []
    w = md.append
    eval_dir, out_md, heldout, cv = run.eval_dir, run.out_md, run.heldout, run.cv
    w("### Entities, per entity and role")
    w("")
    w("Rasa's token-level report (label = entity, or entity.role):")
    w("")
    w("| label | held-out P | R | F1 | n | CV P | R | F1 | n |")
    w("|---|---|---|---|---|---|---|---|---|")
    labels = sorted(set(rows(heldout["entities"]) if heldout else []) | set(rows(cv["entities"]) if cv else []))
    for label in labels:
        cells = score_cells(heldout, cv, "entities", label)
        w(f"| {label} | " + " | ".join(cells) + " |")
    cells = score_cells(heldout, cv, "entities", "micro avg")
    w("| *micro avg* | " + " | ".join(cells) + " |")
    w("")
    w("(entity, value, role) tuples, from Rasa's per-message predictions:")
    w("")
    w("| entity.role | held-out P | R | F1 | n | CV P | R | F1 | n |")
    w("|---|---|---|---|---|---|---|---|---|")
    labels = sorted(set((heldout or {}).get("tuples", {})) | set((cv or {}).get("tuples", {})))
    for label in labels + ["*micro*"]:
        cells = []
        for part in (heldout, cv):
            if not part:
                cells += ["–"] * 4
                continue
            r = part["tuples_micro"] if label == "*micro*" else part["tuples"].get(label, {})
            cells += [f2(r.get("precision")), f2(r.get("recall")), f2(r.get("f1")), str(r.get("support", "–"))]
        w(f"| {label} | " + " | ".join(cells) + " |")
    w("")
    series = {}
    for name, part in (("held-out", heldout), ("3-fold CV", cv)):
        if part:
            series[name] = {k: v["f1"] for k, v in part["tuples"].items()}
    if series:
        plot_bars(series, eval_dir / "entity_f1.png", "Entity F1 on (entity, value, role)", "F1")
        w(f"![Entity F1 per entity and role]({rel(eval_dir / 'entity_f1.png', out_md)})")
        w("")
    pics = [(n, p["dir"] / f"{ENTITY_REPORT}_confusion_matrix.png") for n, p in (("held-out", heldout), ("CV", cv))
            if p and (p["dir"] / f"{ENTITY_REPORT}_confusion_matrix.png").exists()]
    if pics:
        w("Entity label confusion matrices (Rasa): " + ", ".join(f"[{n}]({rel(p, out_md)})" for n, p in pics) + ".")
        w("")
    return md


def heldout_errors(run: Inputs) -> List[str]:
    """The held-out intent and entity errors, folded."""
    md: List[str] = []
    w = md.append
    heldout = run.heldout
    if heldout and heldout["intent_errors"]:
        w("<details><summary>Held-out intent errors</summary>")
        w("")
        w("| text | gold | predicted | confidence |")
        w("|---|---|---|---|")
        for e in heldout["intent_errors"]:
            pred = e.get("intent_prediction") or {}
            w(f"| {md_cell(e.get('text'))} | {e.get('intent')} | {pred.get('name')} | {f2(pred.get('confidence'))} |")
        w("")
        w("</details>")
        w("")
    if heldout and heldout["entity_errors"]:
        w("<details><summary>Held-out entity errors</summary>")
        w("")
        w("| text | gold | predicted |")
        w("|---|---|---|")
        for e in heldout["entity_errors"]:
            w(f"| {md_cell(e.get('text'))} | {ents(e.get('entities'))} | {ents(e.get('predicted_entities'))} |")
        w("")
        w("</details>")
        w("")
    return md


def conversation_tests(run: Inputs) -> List[str]:
    """Section 2: the conversation tests (`rasa test core`)."""
    md: List[str] = []
    w = md.append
    eval_dir, out_md, story = run.eval_dir, run.out_md, run.story
    w("## 2. Conversation tests")
    w("")
    if story:
        c = story.get("conversation_accuracy", {})
        w(f"`rasa test core --stories tests` with `models/current.tar.gz`: **{c.get('correct')} of {c.get('total')}** "
          f"test stories end to end without a wrong action; action-level accuracy {f2(story.get('accuracy'))} "
          f"over {story.get('micro avg', {}).get('support', '?')} actions.")
        w("")
        failed_file = eval_dir / "core" / "failed_test_stories.yml"
        names = []
        if failed_file.exists():
            names = [line.split("story:", 1)[1].strip() for line in failed_file.read_text(encoding="utf-8").splitlines()
                     if line.startswith("- story:")]
        if names:
            w("Failed stories (details in `results/eval/core/failed_test_stories.yml`):")
            w("")
            for name in names:
                w(f"- {name}")
            w("")
        pic = eval_dir / "core" / "story_confusion_matrix.png"
        if pic.exists():
            w(f"Action confusion matrix: [{rel(pic, out_md)}]({rel(pic, out_md)}).")
            w("")
    else:
        w("Not run.")
        w("")
    return md


def triage_confusion(run: Inputs) -> List[str]:
    """Section 3's vignettes: how they were played, and the triage confusion matrix."""
    md: List[str] = []
    w = md.append
    eval_dir, out_md, steps, vig = run.eval_dir, run.out_md, run.steps, run.vig
    if not (vig and vig.get("dialogue")):
        return md
    d = vig["dialogue"]
    dm = d["metrics"]
    runner = steps.get("vignettes", {}).get("runner", vig.get("meta", {}).get("runner", "contract_eval.py"))
    w(f"`tests/vignettes/vignettes.json`: {dm['vignettes']} conversations written from "
      "`CLINICAL_NOTES.md` (gold labels by clinical reasoning, not by running the bot), played through the REST "
      f"channel by `{runner}`: each message sent, then \"no\" while the form still asks, then `triage_level` "
      "and `likely_causes` read from the tracker.")
    w("")
    w("### Triage confusion matrix")
    w("")
    cols = TRIAGE + (["(none)"] if any("(none)" in r for r in dm["confusion"].values()) else [])
    w("| gold \\ predicted | " + " | ".join(SHORT[c] for c in cols) + " | n |")
    w("|---|" + "---|" * (len(cols) + 1))
    for g in TRIAGE:
        row = dm["confusion"].get(g, {})
        w(f"| {SHORT[g]} | " + " | ".join(str(row.get(c, 0)) for c in cols) + f" | {sum(row.values())} |")
    w("")
    plot_triage_confusion(dm["confusion"], eval_dir / "triage_confusion.png")
    w(f"![Triage confusion matrix]({rel(eval_dir / 'triage_confusion.png', out_md)})")
    w("")
    w(f"Exact triage {pct(dm['triage_acc'])}; emergency recall {pct(dm['emergency_recall'])} "
      f"(of {dm['emergency_total']}); under-triage {dm['under_triage']}, over-triage {dm['over_triage']}. "
      "For comparison (CLINICAL_NOTES): symptom checkers got triage right 49-57 % of the time; the bar here is "
      "no under-triage at all.")
    w("")
    return md


def triage_misses(run: Inputs) -> List[str]:
    """Every under- and over-triaged vignette, with its note and the conversation."""
    md: List[str] = []
    w = md.append
    vig = run.vig
    if not (vig and vig.get("dialogue")):
        return md
    d = vig["dialogue"]
    notes = {}
    cases_file = Path(vig.get("meta", {}).get("cases", str(ROOT / "tests" / "vignettes"))) / "vignettes.json"
    for v in load(cases_file) or []:
        notes[v["id"]] = v.get("note", "")
    for title, key in (("Under-triage (more dangerous: reported on its own)", "under_triage"),
                       ("Over-triage", "over_triage")):
        bad = [r for r in d["vignettes"] if r.get(key)]
        w(f"### {title}: {len(bad)}")
        w("")
        if not bad:
            w("None.")
            w("")
        for r in bad:
            predicted = r.get("pred_triage") or r.get("pred_triage_raw")
            w(f"- **{r['id']}**: gold `{r['gold_triage']}`, predicted `{predicted}` — {notes.get(r['id'], '')}")
            w("")
            w("  ```")
            for line in gist(r):
                w("  " + line)
            w("  ```")
            w("")
    wrong = [r for r in d["vignettes"] if not r.get("triage_ok") and not r.get("under_triage")
             and not r.get("over_triage")]
    if wrong:
        w(f"Other misses (no level set when gold is reassurance): {', '.join(r['id'] for r in wrong)}.")
        w("")
    return md


def cause_hits(run: Inputs) -> List[str]:
    """Cause hit@3 and hit@1, per expected cause, and the misses."""
    md: List[str] = []
    w = md.append
    vig = run.vig
    if not (vig and vig.get("dialogue")):
        return md
    d = vig["dialogue"]
    dm = d["metrics"]
    w("### Cause hit@3")
    w("")
    scored = [r for r in d["vignettes"] if r.get("cause_hit") is not None]
    top1 = sum(1 for r in scored if r.get("likely_causes")[:1] and r["likely_causes"][0] in r["causes_top3_any"])
    w(f"Over the {dm['cause_total']} vignettes with expected causes: {pct(dm['cause_hit'])} have one of them "
      f"in `likely_causes[:3]` (hit@3); {top1}/{len(scored)} have one first (hit@1, stricter: the "
      "old-granuloma cause has the highest prior and sits in most top-3 lists).")
    w("")
    per_cause = collections.defaultdict(lambda: [0, 0, 0])
    for r in scored:
        cause = r["causes_top3_any"][0]  # the vignette's main expected cause
        per_cause[cause][0] += 1
        per_cause[cause][1] += bool(r["cause_hit"])
        per_cause[cause][2] += bool(r.get("likely_causes")) and r["likely_causes"][0] in r["causes_top3_any"]
    w("| expected cause (first listed) | vignettes | hit@3 | hit@1 |")
    w("|---|---|---|---|")
    for cause, (n, hit, first) in sorted(per_cause.items()):
        w(f"| {cause} | {n} | {hit}/{n} | {first}/{n} |")
    w("")
    misses = [r for r in d["vignettes"] if r.get("cause_hit") is False]
    if misses:
        w("Misses: " + "; ".join(f"{r['id']} (expected {'/'.join(r['causes_top3_any'])}, got "
                                 f"{', '.join(r.get('likely_causes', [])[:3]) or 'none'})" for r in misses) + ".")
        w("")
    return md


def every_vignette(run: Inputs) -> List[str]:
    """All vignettes in one folded table."""
    md: List[str] = []
    w = md.append
    vig = run.vig
    if not (vig and vig.get("dialogue")):
        return md
    d = vig["dialogue"]
    w("<details><summary>Every vignette</summary>")
    w("")
    w("| id | gold | predicted | top-3 causes | cause hit |")
    w("|---|---|---|---|---|")
    for r in d["vignettes"]:
        mark = "" if r.get("triage_ok") else (" **UNDER**" if r.get("under_triage") else " over")
        hit = "–" if r.get("cause_hit") is None else ("yes" if r["cause_hit"] else "**no**")
        w(f"| {r['id']} | {SHORT.get(r['gold_triage'])} | {SHORT.get(r.get('pred_triage') or '(none)', '?')}{mark} | "
          f"{', '.join(r.get('likely_causes', [])[:3])} | {hit} |")
    w("")
    w("</details>")
    w("")
    return md


def black_box_nlu(run: Inputs) -> List[str]:
    """The black-box NLU cases through `/model/parse`: scores per entity and intent, misses."""
    md: List[str] = []
    w = md.append
    vig = run.vig
    if not (vig and vig.get("nlu")):
        return md
    nlu = vig["nlu"]
    nm = nlu["metrics"]
    w(f"### Black-box NLU cases (`tests/vignettes/nlu.json`, {nm['cases']} cases via `/model/parse`)")
    w("")
    w(f"Intent accuracy {f2(nm['intent_acc'])}; entity F1 {f2(nm['entity_f1'])} on (entity, value, role) "
      f"tuples; negation/family roles exact {nm.get('negation_hit')}/{nm.get('negation_total')}.")
    w("")
    w("| entity.role | P | R | F1 | n |")
    w("|---|---|---|---|---|")
    for label, r in contract_nlu_scores(nlu).items():
        w(f"| {label} | {f2(r['precision'])} | {f2(r['recall'])} | {f2(r['f1'])} | {r['support']} |")
    w("")
    w("| intent | n | correct |")
    w("|---|---|---|")
    for name, r in nm.get("per_intent", {}).items():
        w(f"| {name} | {r['n']} | {r['correct']} |")
    w("")
    misses = [c for c in nlu["cases"] if not c.get("intent_ok") or c.get("entities_missing") or c.get("entities_extra")]
    if misses:
        w("Misses:")
        w("")
        for c in misses:
            parts = []
            if not c.get("intent_ok"):
                parts.append(f"intent {c['gold_intent']} → {c.get('pred_intent')}")
            if c.get("entities_missing"):
                parts.append("missing " + ", ".join(c["entities_missing"]))
            if c.get("entities_extra"):
                parts.append("extra " + ", ".join(c["entities_extra"]))
            w(f"- \"{c['text']}\": " + "; ".join(parts))
        w("")
    return md


def render(eval_dir: Path, out_md: Path) -> Path:
    """results/eval.md from the raw reports under `eval_dir`: the sections above, in order."""
    run = read_inputs(eval_dir, out_md)
    md = header(run) + summary(run) + nlu_method(run)
    if run.heldout or run.cv:
        md += intent_tables(run) + entity_tables(run) + heldout_errors(run)
    else:
        md += ["Not run.", ""]
    md += conversation_tests(run)
    md += ["## 3. Vignettes and black-box NLU cases", ""]
    if run.vig and run.vig.get("dialogue"):
        md += triage_confusion(run) + triage_misses(run) + cause_hits(run) + every_vignette(run)
    else:
        md += ["Not run.", ""]
    md += black_box_nlu(run)
    run.out_md.parent.mkdir(parents=True, exist_ok=True)
    run.out_md.write_text("\n".join(md) + "\n", encoding="utf-8")
    return run.out_md


def md_cell(text) -> str:
    return str(text or "").replace("|", "\\|").replace("\n", " ")


def ents(entities) -> str:
    return ", ".join(f"{e.get('entity')}={e.get('value')}" + (f"/{e['role']}" if e.get("role") else "")
                     for e in entities or []) or "–"


if __name__ == "__main__":
    eval_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "results" / "eval"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "results" / "eval.md"
    print(render(eval_dir, out))
