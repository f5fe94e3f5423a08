"""A pasted report is read back in plain words first, then the assessment asks
only what is still missing (issue 13).

Unit tests of assistant/report.py (pure), then whole conversations over REST
against the real servers: each report pasted as the first message, the first
reply must be the plain reading (before any question), the scan question is
never asked (the report answered it), and every message of the conversation
keeps the length budgets and reads at grade 7 or below.
"""

import uuid
from pathlib import Path

import pytest

from assistant import knowledge, report
from tests import readability

ROOT = Path(__file__).resolve().parent.parent
KB = knowledge.default()

# Real-style findings/impression paragraphs (written for these tests in the
# style of CT, ultrasound and MRI reports), with plain words the reading must
# contain, and words of the report it must not repeat.
REPORTS = [
    {"id": "ct-granulomas-stable",
     "report": "FINDINGS: Liver: Scattered punctate calcific densities in the right lobe, stable compared with 2021. "
               "No focal lesion. IMPRESSION: Likely old granulomatous disease. No further follow-up required.",
     "plain": ["calcium spots", "right side of the liver", "the same as on the earlier scan from 2021",
               "scars from an old infection", "No more scans or checks are needed"],
     "not": ["punctate", "granulomatous", "follow-up"]},
    {"id": "ct-foci-segment-spleen",
     "report": "CT abdomen with contrast. There are multiple punctate calcified foci within the hepatic parenchyma, "
               "the largest measuring 3 mm in segment VI. Spleen contains similar calcified granulomata. "
               "Impression: sequelae of prior granulomatous infection, of doubtful significance.",
     "plain": ["calcium spots", "liver tissue", "part VI", "healed scars from an old infection",
               "marks left by an old infection", "probably not important"],
     "not": ["parenchyma", "granulomata", "sequelae", "foci"]},
    {"id": "us-echogenic-focus",
     "report": "Ultrasound abdomen: The liver is normal in size. A 4 mm echogenic focus with posterior acoustic "
               "shadowing is seen in the right lobe, in keeping with a calcified granuloma. Gallbladder unremarkable.",
     "plain": ["bright spot", "a shadow behind it", "right side of the liver", "healed scar from an old infection"],
     "not": ["echogenic", "acoustic"]},
    {"id": "ct-coarse-follow-up",
     "report": "A coarse calcification is noted in segment 4 of the left lobe measuring 12 mm. No associated soft "
               "tissue mass. Recommend follow-up CT in 6 months.",
     "plain": ["large, chunky calcium spot", "left side of the liver", "lump", "check-up CT scan"],
     "not": ["coarse", "soft tissue mass"]},
    {"id": "ct-hydatid-rim",
     "report": "IMPRESSION: 1. Rim calcification of a 3 cm hepatic cyst, likely hydatid. 2. Clinical correlation "
               "recommended.",
     "plain": ["ring of calcium", "fluid-filled sac", "tapeworm cyst", "your own doctor should look at this"],
     "not": ["hepatic", "correlation"]},
    {"id": "ct-incidental-hyperdense",
     "report": "Incidental note is made of a subcentimeter hyperdense focus in the liver, likely a calcified "
               "granuloma. Unchanged compared to prior study from 2019.",
     "plain": ["found by chance", "under 1 cm", "brighter spot", "the same as on the earlier scan from 2019"],
     "not": ["subcentimeter", "hyperdense", "incidental"]},
    {"id": "mri-hypodense-benign",
     "report": "MRI liver: hypodense lesion with no enhancement in segment 7, with a punctate calcification. "
               "Likely benign.",
     "plain": ["MRI scan", "darker area that looks different", "no lighting up with the scan dye", "part 7",
               "harmless-looking"],
     "not": ["hypodense", "enhancement", "benign"]},
    {"id": "ct-new-suspicious",
     "report": "Comparison: CT 2020. Findings: new ill-defined hypodense lesion in the right hepatic lobe with "
               "coarse calcification, increased in size. Impression: suspicious, metastatic disease cannot be "
               "excluded.",
     "plain": ["Earlier scans compared", "fuzzy edges", "grown since the earlier scan", "cancer spread from elsewhere",
               "is possible and needs checking"],
     "not": ["ill-defined", "metastatic", "excluded"]},
    {"id": "us-granulomata-incidental",
     "report": "Abdominal ultrasound. Two echogenic foci in the right hepatic lobe, the larger 5 mm, with acoustic "
               "shadowing, likely calcified granulomata. Incidental finding. Liver otherwise unremarkable.",
     "plain": ["bright spots", "right side of the liver", "healed scars from an old infection", "found by chance",
               "normal"],
     "not": ["echogenic", "granulomata", "unremarkable"]},
]


@pytest.mark.parametrize("case", REPORTS, ids=[r["id"] for r in REPORTS])
def test_report_is_read_in_plain_words(case):
    reading = report.read_report(case["report"], KB)
    assert reading is not None
    text = " ".join(reading.sentences)
    for words in case["plain"]:
        assert words.lower() in text.lower(), (words, text)
    for words in case["not"]:
        assert words.lower() not in text.lower(), (words, text)
    # every word explained comes from the glossary, which names its sources
    assert reading.sources and set(reading.sources) <= set(KB.sources)


def test_the_reading_keeps_the_report_order_and_sections():
    reading = report.read_report(REPORTS[0]["report"], KB)
    assert reading.sentences[0].startswith("A few spread-out tiny dot-like calcium spots")
    assert reading.sentences[2].startswith("The doctor who read the scan concludes:")


@pytest.mark.parametrize("text", ["my CT shows punctate calcifications", "I had TB years ago",
                                  "what does calcified granuloma mean?", "hello", ""])
def test_chat_lines_are_not_reports(text):
    assert report.read_report(text, KB) is None


def test_every_glossary_term_is_found_and_replaced():
    for entry in KB.glossary:
        for term in entry.terms:
            plain, used = report.plain_sentence(f"There is {term} here.", KB)
            assert used, term


# --------------------------------------------------------------------------
# Whole conversations over the real servers
# --------------------------------------------------------------------------

HAVE_MODEL = (ROOT / "models" / "current.tar.gz").exists()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    if not HAVE_MODEL:
        pytest.skip("needs `make train`")
    from scripts.cluster import free_port
    from scripts.servers import Servers

    db = tmp_path_factory.mktemp("store") / "trackers.db"
    running = Servers(free_port(), free_port(), free_port(), {"TRACKER_STORE_URL": f"sqlite:///{db}"}).start()
    yield running
    running.stop()


SCAN_QUESTION = "What does your scan report say about the liver?"


def _check_turn(turn):
    total = sum(readability.shown_length(m) for m in turn) + max(len(turn) - 1, 0)
    emergency = bool(turn) and (turn[0].get("text") or "").startswith("⚠️")
    assert total <= (readability.EMERGENCY_LIMIT if emergency else readability.TURN_LIMIT), turn
    assert not readability.too_hard(m.get("text") or "" for m in turn)


# Found by these tests, left to the NLU work (assistant/nlp/): ConText reads the
# "no" of "no enhancement" past the comma, so "with a punctate calcification"
# comes out negated and the form asks for the finding again.
NLU_NEGATION_SCOPE = {"mri-hypodense-benign"}


@pytest.mark.parametrize("case", [pytest.param(r, marks=pytest.mark.xfail(
    strict=True, reason="NLU: negation of 'no enhancement' reaches the calcification after the comma"))
    if r["id"] in NLU_NEGATION_SCOPE else r for r in REPORTS], ids=[r["id"] for r in REPORTS])
def test_pasted_report_gets_a_plain_reading_first(servers, case):
    who = "report-" + uuid.uuid4().hex[:10]
    first = servers.say(who, case["report"])
    texts = [m.get("text") or "" for m in first]
    reading = [i for i, t in enumerate(texts) if "report says, in plain words" in t]
    assert reading, texts
    questions = [i for i, t in enumerate(texts) if t.rstrip().endswith("?") or "Tell me" in t]
    assert all(i > reading[0] for i in questions), texts  # the reading comes before any question
    assert not any(SCAN_QUESTION in t for t in texts)  # the report answered the scan question
    _check_turn(first)
    # then the assessment asks only what is missing, and ends with the short result
    turns = [first]
    for _ in range(6):
        tracker = servers.tracker(who)
        if not (tracker.get("active_loop") or {}).get("name"):
            break
        turns.append(servers.say(who, "no"))
    tracker = servers.tracker(who)
    assert tracker["slots"]["triage_level"]
    everything = [m.get("text") or "" for turn in turns for m in turn]
    assert not any(SCAN_QUESTION in t for t in everything)
    for turn in turns:
        _check_turn(turn)


def test_worry_is_acknowledged_once_then_the_assessment_goes_on(servers):
    who = "worry-" + uuid.uuid4().hex[:10]
    first = servers.say(who, "im really scared, my CT shows calcifications in my liver")
    second = servers.say(who, "I'm terrified it's cancer, I had TB as a kid")
    ack = KB.tone.acknowledgement
    said = [m.get("text") or "" for m in first + second]
    assert sum(ack in t for t in said) == 1, said
    assert any(ack in (m.get("text") or "") for m in first)
    assert (servers.tracker(who).get("active_loop") or {}).get("name") == "assessment_form"


def test_each_detail_button_over_rest(servers):
    who = "details-" + uuid.uuid4().hex[:10]
    for text in ("My CT showed a few punctate calcifications in the liver. I had tuberculosis years ago.",
                 "They have been stable since 2018."):
        turn = servers.say(who, text)
    for _ in range(4):
        if not (servers.tracker(who).get("active_loop") or {}).get("name"):
            break
        turn = servers.say(who, "no")
    result = turn[-1]
    assert readability.shown_length(result) <= readability.RESULT_LIMIT
    payloads = [b["payload"] for b in result["buttons"]]
    assert payloads == ["/ask_why", "/ask_causes", "/ask_diagnosis", "/ask_treatment", "/ask_watch_for",
                        "/request_summary", "/ask_sources"]
    for payload in payloads:
        detail = servers.say(who, payload)
        assert len(detail) == 1, (payload, detail)
        _check_turn(detail)
    assert (servers.tracker(who)["slots"]["triage_level"]) == "reassurance"
