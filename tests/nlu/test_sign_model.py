"""The learned second opinion on warning signs (assistant/nlp/sign_model.py).

Its worth is measured the only honest way the banks allow: trained on the
banks written before bank U and judged on U and later. By itself it only ever
adds a question, never an alert; where the concept lists read an alert it all
but rules out, it turns that alert into a question (`doubt`).
"""

import collections
import json

import pytest

from assistant import knowledge
from assistant.nlp import pipeline, sign_model, signs

KB = knowledge.default()
LEARNED = KB.signs["learned"]


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build(KB)


def _banks():
    """Every bank in the order written: bank_a ... bank_z, bank_aa, ..."""
    return sorted((p.stem for p in sign_model.BANKS.glob("bank_*.json")), key=lambda n: (len(n), n))


def test_trained_on_the_banks_written_so_far():
    """Each bank joins `train` once its first run is on record; the next one
    written measures the model (the split below measures it here)."""
    assert LEARNED["train"] == _banks()[:len(LEARNED["train"])]
    assert "bank_t" in LEARNED["train"]


@pytest.fixture(scope="module")
def earlier():
    """The model as it would have been before bank U: trained on A-T only."""
    names = _banks()
    texts, labels = sign_model.examples(names[:names.index("bank_u")], sign_model.FLAG_TO_SIGN.values())
    return sign_model.SignModel(LEARNED["threshold"]).fit(texts, labels)


def _later_banks():
    names = _banks()
    for name in names[names.index("bank_u"):]:
        yield name, json.loads(sign_model.bank_paths([name])[0].read_text(encoding="utf-8"))


def test_it_finds_signs_on_banks_it_never_saw(earlier):
    """Trained on A-T, judged on U and later: the share of signs it would ask
    about (p >= threshold for the right sign) and the share of near-misses it
    would add a question to. Measured 2026-12-03 on U-AB: see the assertion."""
    signs = sign_model.FLAG_TO_SIGN
    found = total = asked = near = 0
    for _, cases in _later_banks():
        for case in cases:
            guess = earlier.guess(case["text"])
            if case["flag"] in signs:
                total += 1
                found += bool(guess) and guess[0] == signs[case["flag"]]
            elif case["flag"] is None:
                near += 1
                asked += bool(guess)
    assert found / total >= 0.93, found / total
    assert asked / near <= 0.12, asked / near


def test_its_doubt_turns_first_run_false_alarms_into_questions(nlp, earlier):
    """The false alarms each bank's first live run made (tests/data/
    first_run_false_alarms.json, with the sign it alerted), banks U-AB: the
    model trained before them gives that sign under `doubt` in 35 of 77, so
    the lists' alert would have become a question a "no" answers. The cost,
    on the same banks' signs the lists answered at once: none of 1039 becomes
    a question (one of 1409 with banks AD-AF) (at 0.15 it was one, plus two overdoses: hence 0.1 and
    `never_doubted`)."""
    from pathlib import Path

    record = json.loads((Path(__file__).resolve().parents[1] / "data" / "first_run_false_alarms.json")
                        .read_text(encoding="utf-8"))["banks"]
    doubt, never = LEARNED["doubt"], set(LEARNED["never_doubted"])
    reader = nlp.get_pipe("clinical_sign_reader")
    model, doubted, alarms, lost, hits = reader.model, 0, 0, 0, 0
    try:
        for name, cases in _later_banks():
            for case in cases:
                if case["id"] in record.get(name, {}):
                    alarms += 1
                    value = record[name][case["id"]]
                    p = earlier.probabilities(case["text"]).get(value)
                    reader.model, reader.doubt = earlier, None
                    doc = nlp(case["text"])
                    mine = any(s.value == value and s.is_alert and signs._subject_is_me(doc, doc[s.start:s.end])
                               for s in doc._.signs)
                    doubted += value not in never and p is not None and p < doubt and not mine
                elif case["flag"] in sign_model.FLAG_TO_SIGN:
                    value = sign_model.FLAG_TO_SIGN[case["flag"]]
                    reader.model, reader.doubt = earlier, None
                    alerted = any(s.value == value and s.is_alert for s in nlp(case["text"])._.signs)
                    reader.doubt = doubt
                    hits += alerted
                    lost += alerted and not any(s.value == value and s.is_alert for s in nlp(case["text"])._.signs)
    finally:
        reader.model, reader.doubt = model, doubt
    assert alarms == 77 and hits >= 1000
    assert doubted >= 33, doubted
    # Banks AD-AF added 370 signs: one becomes a question ("bin sick with blood in it aswell as the
    # usual bile, what does that mean", p 0.045 from the A-T model), answered after one question.
    assert lost <= 1, (lost, hits)


def test_a_doubted_sign_is_asked_about_not_dropped(nlp):
    """The price of the doubt, seen in the project's own phrases: the model's
    bag of words knows no scope. The lists read the sign; the safety question asks."""
    text = "I get confused easily these days"
    assert LEARNED["doubt"] > pipeline_model(nlp).probabilities(text)["confusion"]
    reading = pipeline.read(nlp, text)
    assert "confusion" not in {e.value for e in reading.entities if e.entity == "symptom"}
    assert "confusion" in reading.cues


@pytest.mark.parametrize("text, sign", [
    ("I passed out at my best friend's wedding", "fainting"),  # "best friend" is a near-miss word to it
    ("I have black stools which is a warning sign", "black_stools"),  # "warning sign": a leaflet's words
])
def test_a_sign_whose_subject_is_i_is_not_doubted(nlp, text, sign):
    """The model gives these under `doubt`; the user is the verb's own subject, so the alert stands."""
    assert LEARNED["doubt"] > pipeline_model(nlp).probabilities(text)[sign]
    reading = pipeline.read(nlp, text)
    assert sign in {e.value for e in reading.entities if e.entity == "symptom" and e.role is None}


def pipeline_model(nlp):
    return nlp.get_pipe("clinical_sign_reader").model


def test_never_doubted_signs_stand(nlp):
    """An overdose stands at once, whatever the model thinks of the words."""
    reader = nlp.get_pipe("clinical_sign_reader")
    assert "suicidal_thoughts" in reader.never_doubted
    reading = pipeline.read(nlp, "I've swallowed a handful of my painkillers just now")
    assert any(e.entity == "symptom" and e.value == "suicidal_thoughts" and e.role is None for e in reading.entities)


def test_it_asks_never_alerts(nlp):
    reader = nlp.get_pipe("clinical_sign_reader")
    assert reader.model is not None
    text = "been bringing up stuff the colour of rust since tea time"
    reading = pipeline.read(nlp, text)
    values = {e.value for e in reading.entities if e.entity == "symptom" and e.role is None}
    assert not values & set(sign_model.FLAG_TO_SIGN.values())
    guess = reader.model.guess(text)
    if guess:  # the model's guess becomes a question, not a fact
        assert guess[0] in reading.cues


def test_the_lists_decide_when_they_read_the_sign(nlp):
    """A denial read by the lists is never turned into a question by the model."""
    reading = pipeline.read(nlp, "no blood in my sick and my poo is a normal colour")
    assert "vomiting_blood" not in reading.cues and "black_stools" not in reading.cues


def test_ordinary_messages_rarely_get_a_question(nlp):
    """Every user message of the project's vignettes and the samples: the model
    adds a question to at most 1 % (2 of 628 on 2026-12-01)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    texts = []
    for path in [root / "tests/vignettes/vignettes.json", root / "tests/independent/issue12_set_a/vignettes.json"]:
        for case in json.loads(path.read_text(encoding="utf-8")):
            texts += case["messages"]
    reader = nlp.get_pipe("clinical_sign_reader")
    model, extra = reader.model, collections.Counter()
    for text in texts:
        with_model = {c.value for c in nlp(text)._.sign_cues}
        reader.model = None
        without = {c.value for c in nlp(text)._.sign_cues}
        reader.model = model
        extra[bool(with_model - without)] += 1
    assert extra[True] / len(texts) <= 0.01, extra


def test_the_fast_scorer_equals_scikit_learn(nlp):
    """`probabilities` (LinearScorer) gives scikit-learn's `predict_proba` on every bank message."""
    model = nlp.get_pipe("clinical_sign_reader").model
    texts = [case["text"] for path in sorted(sign_model.BANKS.glob("bank_*.json"))
             for case in json.loads(path.read_text(encoding="utf-8"))]
    texts += ["", "   ", "ok", "zzzz qqqq"]
    assert len(texts) > 2000
    for text in texts:
        fast, reference = model.probabilities(text), (model.sklearn_probabilities(text) if text.strip() else {})
        assert fast.keys() == reference.keys(), text
        assert all(abs(fast[k] - reference[k]) < 1e-9 for k in reference), text
