"""A pasted report is read back in plain words first, then the assessment asks
only what is still missing (issue 13).

Unit tests of assistant/report.py (pure); the whole conversations over the real
servers are in tests/servers/test_report_conversations.py.
"""


import pytest

from assistant import knowledge, report

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


def test_the_cut_pattern_finds_what_the_whole_glossary_finds():
    """report._matcher keeps only the terms whose first word the text holds: the same matches as the
    whole pattern, on every twentieth red-flag bank message, NLU example and independent set line."""
    import json
    from pathlib import Path

    from assistant import knowledge, report

    kb = knowledge.default()
    root = Path(__file__).resolve().parents[2]
    texts = [case["text"] for path in sorted((root / "tests" / "redflags").glob("bank_*.json"))
             for case in json.loads(path.read_text(encoding="utf-8"))]
    for path in sorted((root / "data" / "nlu").glob("*.yml")) + sorted((root / "tests" / "independent").rglob("*")):
        if path.is_file() and path.suffix in (".yml", ".yaml", ".json", ".md"):
            texts += path.read_text(encoding="utf-8").splitlines()
    assert len(texts) > 3000
    # Every twentieth (the whole pattern takes 11 ms a line; all of them would take two minutes).
    texts = texts[::20] + ["ULTRASOUND LİVER: ECHOGENIC FOCİ",
                          "Calcified granulomata, sequelae of prior granulomatous disease."]
    full, _ = report._full_matcher(kb.glossary)
    for text in texts:
        cut, _ = report._matcher(kb.glossary, text)
        assert [(m.lastgroup, m.span()) for m in cut.finditer(text)] == \
            [(m.lastgroup, m.span()) for m in full.finditer(text)], text
