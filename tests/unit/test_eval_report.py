"""measure/eval_report.py, piece by piece, on a small `make eval` output written here (no servers, no Rasa).

Each section of results/eval.md is a function of the run's raw reports (`Inputs`); these tests give
them a run with one of everything (an intent error, an entity error, a failed story, an under-triaged
vignette, a missed cause, a black-box NLU miss) and check what each section says about it.
"""

import json
from pathlib import Path

import pytest

from measure import eval_report
from measure.eval_report import Inputs

SCORES = {"precision": 1.0, "recall": 0.5, "f1-score": 0.67, "support": 2}


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    """An eval directory as `make eval` writes it, small."""
    root = tmp_path_factory.mktemp("eval")
    cases = root / "cases"
    write(cases / "vignettes.json", [{"id": "v2", "note": "a hydatid cyst with pain"}])
    write(root / "meta.json", {
        "date": "2026-12-01", "machine": {"cores": 2, "cpu": "cpu", "memory_gb": 24, "python": "3.10.13"},
        "steps": {"heldout": {"training_fraction": 0.8, "seed": 7, "train_examples": 80, "test_examples": 20,
                              "wall_seconds": 5},
                  "cv": {"folds": 3, "examples": 100, "seed": 7, "wall_seconds": 9},
                  "vignettes": {"runner": "contract_eval.py", "ok": False, "error": "the bot did not start",
                                "wall_seconds": 1}}})
    heldout = root / "heldout"
    write(heldout / "intent_report.json", {"greet": SCORES, "inform": SCORES, "accuracy": 0.9,
                                           "macro avg": SCORES, "weighted avg": SCORES})
    write(heldout / "ClinicalEntityExtractor_report.json", {"imaging": SCORES, "micro avg": SCORES})
    write(heldout / "ClinicalEntityExtractor_successes.json", [
        {"text": "my ct", "entities": [{"entity": "imaging", "value": "ct"}],
         "predicted_entities": [{"entity": "imaging", "value": "ct", "start": 3, "end": 5}]}])
    write(heldout / "ClinicalEntityExtractor_errors.json", [
        {"text": "no fever", "entities": [{"entity": "symptom", "value": "fever", "role": "negated"}],
         "predicted_entities": [{"entity": "symptom", "value": "fever", "start": 3, "end": 8}]}])
    write(heldout / "intent_errors.json", [{"text": "hi | there", "intent": "greet",
                                            "intent_prediction": {"name": "thank", "confidence": 0.4}}])
    write(root / "core" / "story_report.json", {"conversation_accuracy": {"correct": 46, "total": 47},
                                                "accuracy": 0.99, "micro avg": {"support": 343}})
    write(root / "core" / "failed_test_stories.yml", "- story: a digression too many\n  steps: []\n")
    write(root / "vignettes.json", {
        "summary_line": "intent_acc=0.50 triage_acc=0.50", "meta": {"cases": str(cases)},
        "dialogue": {
            "metrics": {"vignettes": 2, "triage_acc": 0.5, "under_triage": 1, "over_triage": 0,
                        "emergency_recall": 1.0, "emergency_total": 1, "cause_hit": 0.5, "cause_total": 2,
                        "confusion": {"emergency": {"emergency": 1}, "see_clinician_soon": {"reassurance": 1}}},
            "vignettes": [
                {"id": "v1", "gold_triage": "emergency", "pred_triage": "emergency", "triage_ok": True,
                 "likely_causes": ["hepatic_metastases"], "causes_top3_any": ["hepatic_metastases"],
                 "cause_hit": True, "turns": []},
                {"id": "v2", "gold_triage": "see_clinician_soon", "pred_triage": "reassurance", "triage_ok": False,
                 "under_triage": True, "likely_causes": ["granulomatous_infection"],
                 "causes_top3_any": ["hydatid_cyst"], "cause_hit": False,
                 "turns": [{"user": "cyst and pain", "bot": ["⚠️ Please see a doctor soon."]}]}]},
        "nlu": {"metrics": {"cases": 2, "intent_acc": 0.5, "entity_f1": 1.0, "negation_hit": 1, "negation_total": 1,
                            "per_intent": {"inform": {"n": 1, "correct": 1}, "ask_what_is": {"n": 1, "correct": 0}}},
                "cases": [{"text": "no TB", "gold_intent": "inform", "pred_intent": "inform", "intent_ok": True,
                           "gold_entities": [["condition", "tuberculosis", "negated"]],
                           "pred_entities": [["condition", "tuberculosis", "negated"]]},
                          {"text": "what is it", "gold_intent": "ask_what_is", "pred_intent": "inform",
                           "intent_ok": False, "entities_missing": ["finding=calcification"],
                           "gold_entities": [], "pred_entities": []}]}})
    return root


@pytest.fixture(scope="module")
def inputs(run) -> Inputs:
    return eval_report.read_inputs(run, run / "eval.md")


def test_missing_parts_are_none(tmp_path):
    empty = eval_report.read_inputs(tmp_path, tmp_path / "eval.md")
    assert (empty.heldout, empty.cv, empty.story, empty.vig, empty.steps) == (None, None, None, None, {})


def test_summary_names_the_headline_figures_and_the_failed_step(inputs):
    text = "\n".join(eval_report.summary(inputs))
    assert "| held-out 20 %: intent accuracy / macro F1 / weighted F1 | 0.90 / 0.67 / 0.67 |" in text
    assert "| conversation tests (`tests/test_*.yml`): stories correct | 46 / 47 |" in text
    assert "| vignettes: **under-triage** (less urgent than gold) | **1** |" in text
    assert "**Step `vignettes` did not run:** `the bot did not start`" in text
    assert "Wall time per step: heldout 5 s, cv 9 s, vignettes 1 s." in text


def test_nlu_method_says_how_the_split_was_made(inputs):
    text = "\n".join(eval_report.nlu_method(inputs))
    assert "--training-fraction 0.8 --random-seed 7" in text and "(80 training and 20 test examples" in text


def test_intent_and_entity_tables(inputs):
    intents = eval_report.intent_tables(inputs)
    assert "| greet | 1.00 | 0.50 | 0.67 | 2 | – | – | – | – |" in intents  # no CV reports in this run
    assert any(line.startswith("![Intent F1") for line in intents)
    entities = "\n".join(eval_report.entity_tables(inputs))
    assert "| imaging | 1.00 | 1.00 | 1.00 | 1 |" in entities  # (entity, value, role) tuples
    assert "| symptom | 0.00 | – | 0.00 | 0 |" in entities and "| symptom.negated | – | 0.00 | 0.00 | 1 |" in entities


def test_heldout_errors_are_folded_and_escaped(inputs):
    text = "\n".join(eval_report.heldout_errors(inputs))
    assert "<summary>Held-out intent errors</summary>" in text
    assert "| hi \\| there | greet | thank | 0.40 |" in text
    assert "<summary>Held-out entity errors</summary>" in text


def test_conversation_tests_list_the_failed_story(inputs):
    text = "\n".join(eval_report.conversation_tests(inputs))
    assert "**46 of 47**" in text and "- a digression too many" in text


def test_vignette_sections(inputs):
    confusion = eval_report.triage_confusion(inputs)
    assert "| soon | 0 | 0 | 0 | 1 | 1 |" in confusion
    misses = "\n".join(eval_report.triage_misses(inputs))
    assert "### Under-triage (more dangerous: reported on its own): 1" in misses
    assert "- **v2**: gold `see_clinician_soon`, predicted `reassurance` — a hydatid cyst with pain" in misses
    assert "bot: ⚠️ Please see a doctor soon." in misses and "### Over-triage: 0" in misses
    causes = "\n".join(eval_report.cause_hits(inputs))
    assert "| hydatid_cyst | 1 | 0/1 | 0/1 |" in causes
    assert "v2 (expected hydatid_cyst, got granulomatous_infection)" in causes
    table = eval_report.every_vignette(inputs)
    assert "| v2 | soon | reassurance **UNDER** | granulomatous_infection | **no** |" in table


def test_black_box_nlu(inputs):
    text = "\n".join(eval_report.black_box_nlu(inputs))
    assert "| condition.negated | 1.00 | 1.00 | 1.00 | 1 |" in text
    assert '- "what is it": intent ask_what_is → inform; missing finding=calcification' in text


def test_render_puts_the_sections_in_order(run, tmp_path):
    report = eval_report.render(run, tmp_path / "eval.md").read_text(encoding="utf-8")
    headings = [line for line in report.splitlines() if line.startswith("## ")]
    assert headings == ["## Summary", "## 1. NLU on the project's own data", "## 2. Conversation tests",
                        "## 3. Vignettes and black-box NLU cases"]
    assert "Not run." not in report
    empty = tmp_path / "empty"
    empty.mkdir()
    assert eval_report.render(empty, tmp_path / "empty.md").read_text(encoding="utf-8").count("Not run.") == 3
