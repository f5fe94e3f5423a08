"""The knowledge base: it loads, every entry is sourced, it covers every point of
../shared/CLINICAL_NOTES.md, and a broken file is refused with a message that
names the file, the entry and the field."""

import shutil
from pathlib import Path

import pytest
import yaml

from assistant import contract, knowledge
from assistant.knowledge import KnowledgeError

KB = knowledge.load()


# --------------------------------------------------------------------------
# The real knowledge base
# --------------------------------------------------------------------------


def test_real_knowledge_base_loads():
    kb = knowledge.load()
    assert kb.directory == knowledge.DEFAULT_DIR
    assert kb.sources and kb.causes and kb.tests and kb.rules and kb.answers and kb.terms
    # default() gives the same content, loaded once per content version
    assert knowledge.default().fingerprint == kb.fingerprint
    assert knowledge.default() is knowledge.default()


def _sourced_entries():
    for cause in KB.causes.values():
        yield "causes.yml", cause.id, cause.sources
    for test in KB.tests.values():
        yield "tests.yml", test.id, test.sources
    for rule in KB.rules:
        yield "triage.yml", rule.id, rule.sources
    for answer in KB.answers.values():
        yield "answers.yml", answer.id, answer.sources
    for entry in KB.glossary:
        yield "glossary.yml", entry.id, entry.sources
    yield "tone.yml", "worry", KB.tone.sources


@pytest.mark.parametrize("file,entry_id,sources", list(_sourced_entries()), ids=lambda v: v if isinstance(v,
                                                                                                          str) else "")
def test_every_entry_cites_existing_sources(file, entry_id, sources):
    assert len(sources) >= 1, f"{file} {entry_id} cites no source"
    for source_id in sources:
        assert source_id in KB.sources, f"{file} {entry_id} cites unknown source {source_id}"
    assert len(set(sources)) == len(sources), f"{file} {entry_id} cites a source twice"


@pytest.mark.parametrize("source_id", sorted(KB.sources))
def test_every_source_has_title_year_published_in(source_id):
    source = KB.sources[source_id]
    assert source.id == source_id
    assert source.title.strip()
    assert isinstance(source.year, int) and 1800 <= source.year <= 2100
    assert source.published_in.strip()
    citation = source.citation()
    assert source.title in citation and str(source.year) in citation and source.published_in in citation


def test_every_source_is_cited_somewhere():
    cited = {sid for _, _, sources in _sourced_entries() for sid in sources}
    assert set(KB.sources) - cited == set()


@pytest.mark.parametrize(
    "source_id,year,published_in",
    [
        ("darlak_1980", 1980, "Radiologic Clinics of North America"),
        ("parkhurst_2005", 2005, "Parkhurst Exchange"),
        ("liver_calcification_891_2003", 2003, ""),
        ("brunetti_2010_who_iwge", 2010, "Acta Tropica"),
        ("calame_2022_insights_imaging", 2022, "Insights into Imaging"),
        ("gore_2017_acr_white_paper", 2017, "Journal of the American College of Radiology"),
        ("kiriyama_2012_tg13", 2012, "Hepato-Biliary-Pancreatic"),
        ("rumsey_2017_anz_j_surg", 2017, "ANZ Journal of Surgery"),
        ("nhs_vomiting_blood", None, "NHS"),
        ("nhs_cirrhosis", None, "NHS"),
        ("nhs_jaundice", None, "NHS"),
        ("nice_ng12", 2015, "NICE"),
    ],
)
def test_literature_sources_match_the_clinical_notes(source_id, year, published_in):
    """The sources named in CLINICAL_NOTES.md are there, with the year and venue it gives."""
    source = KB.sources[source_id]
    if year is not None:
        assert source.year == year
    assert published_in in source.published_in


def test_gore_2017_authors_name_gore():
    assert "Gore" in KB.sources["gore_2017_acr_white_paper"].authors
    assert "Darlak" in KB.sources["darlak_1980"].authors
    assert "Brunetti" in KB.sources["brunetti_2010_who_iwge"].authors


def test_exactly_the_ten_contract_causes():
    assert set(KB.causes) == set(contract.CAUSE_IDS)
    assert len(KB.causes) == 10


def test_the_four_triage_levels_in_order():
    assert KB.level_order == list(contract.TRIAGE_LEVELS)
    assert list(KB.levels) == list(contract.TRIAGE_LEVELS)
    assert [KB.levels[lid].rank for lid in contract.TRIAGE_LEVELS] == [0, 1, 2, 3]
    for level in KB.levels.values():
        assert level.label.strip() and level.advice.strip()


def test_every_rule_level_and_cause_test_exists():
    for rule in KB.rules:
        assert rule.level in KB.levels
        assert rule.all or rule.any
        for pattern in rule.all + rule.any + rule.unless:
            assert pattern.role is None, f"triage rule {rule.id} uses a role"
    for cause in KB.causes.values():
        assert cause.tests and all(t in KB.tests for t in cause.tests)


def test_red_flag_rules_come_first_within_their_level():
    for level in KB.levels:
        at_level = [rule for rule in KB.rules if rule.level == level]
        flags = [rule.red_flag for rule in at_level]
        assert flags == sorted(flags, reverse=True), f"at {level}, a red flag follows a non-red-flag rule"


@pytest.mark.parametrize(
    "entity,value",
    [(e, v) for e, values in sorted(contract.ENTITY_VALUES.items()) if values for v in sorted(values)],
)
def test_every_contract_entity_value_has_a_term(entity, value):
    term = KB.term(entity, value)
    assert term is not None
    assert term.entity == entity and term.value == value


def test_contract_answers_present():
    for answer_id in contract.ANSWER_IDS:
        assert KB.answers[answer_id].text.strip()


def test_is_a_links_of_specific_cancers():
    for value in ("colorectal_cancer", "breast_cancer", "liver_cancer"):
        assert KB.broader("condition", value) == ("cancer",)
    assert KB.broader("condition", "cancer") == ()
    assert KB.broader("condition", "tuberculosis") == ()


@pytest.mark.parametrize(
    "entity,value,synonym",
    [
        ("condition", "tuberculosis", "tb"),
        ("symptom", "jaundice", "yellow eyes"),
        ("condition", "echinococcosis", "hydatid cyst"),
        ("condition", "primary_biliary_cholangitis", "pbc"),
        ("imaging", "ultrasound", "sonogram"),
        ("imaging", "ct", "cat scan"),
        ("finding", "granuloma", "calcified granuloma"),
        ("finding", "calcification", "calcific foci"),
        ("finding", "calcification", "calcs"),
        ("finding", "calcification", "calcium deposits"),
        ("change", "stable", "unchanged"),
        ("change", "stable", "no change"),
        ("change", "stable", "same as before"),
        ("symptom", "confusion", "drowsiness"),
    ],
)
def test_contract_synonyms_are_in_terms(entity, value, synonym):
    """CONTRACT.md names these colloquial forms."""
    assert synonym in [s.lower() for s in KB.term(entity, value).synonyms]


# --------------------------------------------------------------------------
# Every seed point of CLINICAL_NOTES.md, with a source
# --------------------------------------------------------------------------

ART1 = "article_punctate_calcification"
ART2 = "article_calcification_treatment"


def _entry(file, entry_id):
    """(text, cited sources) of one entry, as shown to a user."""
    if file == "causes.yml":
        c = KB.causes[entry_id]
        parts = [c.name, c.summary, c.how_common, c.imaging, c.treatment, c.watch_for]
        parts += [e.why for e in c.evidence]
        return " ".join(parts), c.sources
    if file == "tests.yml":
        t = KB.tests[entry_id]
        return " ".join([t.name, t.what_it_is, t.why]), t.sources
    if file == "triage.yml":
        (r,) = [r for r in KB.rules if r.id == entry_id]
        return " ".join([r.reason, r.advice]), r.sources
    if file == "answers.yml":
        a = KB.answers[entry_id]
        return a.text, a.sources
    if file == "sources.yml":
        s = KB.sources[entry_id]
        return " ".join([s.title, s.published_in, s.note]), (s.id,)
    raise AssertionError(file)


# (seed point, file, entry id, key words that must appear, sources it must cite)
SEED_POINTS = [
    # ---- article 1: "What is punctate calcification of the liver?"
    ("art1: small scattered (punctate) calcified deposits", "answers.yml", "what_is",
     ["punctate", "tiny dots", "calcium"], [ART1]),
    ("art1: seen on CT", "tests.yml", "ct", ["ct", "calcium"], [ART1]),
    ("art1: seen on MRI", "tests.yml", "mri", ["mri", "calcium"], [ART1]),
    ("art1: metastases named most common (e.g. colon, breast); literature corrects it",
     "causes.yml", "hepatic_metastases", ["most common", "bowel", "breast", "known cancer"], [ART1, "darlak_1980"]),
    ("art1: chronic liver disease (cirrhosis, chronic hepatitis)", "causes.yml", "chronic_liver_disease",
     ["cirrhosis", "chronic hepatitis"], [ART1]),
    ("art1: infections (TB, histoplasmosis) leave granulomas that calcify", "causes.yml", "granulomatous_infection",
     ["tuberculosis", "histoplasmosis", "granuloma", "calcium"], [ART1]),
    ("art1: drug reactions (methotrexate, amiodarone)", "causes.yml", "drug_related",
     ["methotrexate", "amiodarone", "patient article"], [ART1]),
    ("art1: rare conditions (PBC, hemochromatosis)", "causes.yml", "rare_metabolic",
     ["primary biliary cholangitis", "hemochromatosis", "rare"], [ART1]),
    ("art1: often incidental, often no treatment, sometimes a sign of liver or systemic disease",
     "answers.yml", "seriousness", ["found by chance", "need no treatment", "liver problem", "wider illness"], [ART1]),
    ("art1: diagnosis by blood tests, more imaging (ultrasound, MRI), biopsy", "answers.yml", "diagnosis_overview",
     ["liver blood tests", "ultrasound", "mri", "biopsy"], [ART1]),
    ("art1: liver function blood tests", "tests.yml", "liver_blood_tests", ["liver function"], [ART1]),
    ("art1: ultrasound", "tests.yml", "ultrasound", ["ultrasound", "sound waves"], [ART1]),
    ("art1: liver biopsy", "tests.yml", "liver_biopsy", ["tiny piece of liver", "needle"], [ART1]),
    ("art1: treatment is that of the cause; often none", "answers.yml", "treatment_overview",
     ["no treatment", "cause"], [ART1]),
    ("art1: monitoring over time", "tests.yml", "follow_up_imaging", ["repeat scan", "changed"], [ART1]),
    # ---- article 2: "Liver Calcification Treatment Options and Guidelines"
    ("art2: a finding, not a disease", "answers.yml", "what_is", ["finding on a scan, not a disease"], [ART2]),
    ("art2: the cause decides", "answers.yml", "treatment_overview", ["what matters is the cause"], [ART2]),
    ("art2: bile duct stones: painful after fatty meals -> anti-inflammatory, bile-flow medicines, low-fat diet, "
     "further imaging to decide on removal", "causes.yml", "bile_duct_stones",
     ["fatty meals", "calm inflammation", "help bile flow", "low-fat", "more scans", "taken out"], [ART2]),
    ("art2: malignancy: surgery when localized and resectable, then chemotherapy or radiotherapy",
     "causes.yml", "primary_liver_cancer",
     ["in one place and can be removed", "surgery", "chemotherapy or radiotherapy"], [ART2]),
    ("art2: malignancy (spread): surgery, chemotherapy or radiotherapy", "causes.yml", "hepatic_metastases",
     ["surgery", "chemotherapy or radiotherapy"], [ART2]),
    ("art2: healed infection/inflammation remnants need no treatment if unchanged on follow-up",
     "causes.yml", "healed_infection", ["follow-up scans", "not changed", "no treatment"], [ART2]),
    ("art2: cystic lesions with fibrosed or necrotic walls", "causes.yml", "cystic_lesion",
     ["fibrosed", "necrosis", "wall"], [ART2]),
    ("art2: parasitic (echinococcal) cysts: prompt surgery and antiparasitic drugs; literature refines",
     "causes.yml", "hydatid_cyst", ["prompt surgery", "antiparasitic"], [ART2, "brunetti_2010_who_iwge"]),
    ("art2: always see a qualified clinician", "answers.yml", "disclaimer", ["qualified doctor"], [ART2]),
    # ---- literature: granulomas most common
    ("lit: granulomas most common cause, literature corrects article", "causes.yml", "granulomatous_infection",
     ["most common", "patient article", "studies"], [ART1, "darlak_1980", "parkhurst_2005"]),
    ("lit: histoplasmosis in North America, tuberculosis worldwide", "causes.yml", "granulomatous_infection",
     ["north america", "histoplasmosis", "around the world", "tuberculosis"], ["darlak_1980", "parkhurst_2005"]),
    ("lit: granulomas usually incidental, unrelated to symptoms", "answers.yml", "seriousness",
     ["old, healed scars found by chance", "cause no symptoms"], ["darlak_1980", "parkhurst_2005"]),
    ("lit: causes overview puts granulomas first, metastases first only with known cancer",
     "answers.yml", "causes_overview", ["most common cause is an old, healed infection",
                                        "already know they have cancer"],
     [ART1, "darlak_1980", "parkhurst_2005"]),
    ("lit: 891 patients, 827 incidental", "answers.yml", "seriousness", ["827", "891"],
     ["liver_calcification_891_2003"]),
    ("lit: 891 patients, 164 mistaken for intrahepatic stones", "causes.yml", "bile_duct_stones",
     ["891", "164", "stones"], ["liver_calcification_891_2003"]),
    ("lit: stones and calcification mixed up on ultrasound", "tests.yml", "ultrasound",
     ["mistaken for stones"], ["liver_calcification_891_2003"]),
    # ---- literature: metastases
    ("lit: metastases most common only with a known cancer", "causes.yml", "hepatic_metastases",
     ["only for people who already have a known cancer", "granulomas"], [ART1, "darlak_1980"]),
    ("lit: calcifying metastases: mucinous (colon, stomach, ovary), osteosarcoma, neuroblastoma, thyroid",
     "causes.yml", "hepatic_metastases",
     ["mucinous", "bowel", "stomach", "ovary", "osteosarcoma", "neuroblastoma", "thyroid"],
     ["stoupis_1998_rocky_liver", "paley_ros_1998"]),
    ("lit: some metastases calcify after chemotherapy", "causes.yml", "hepatic_metastases",
     ["calcify after chemotherapy"], ["stoupis_1998_rocky_liver"]),
    ("lit: calcification after chemotherapy moves triage", "triage.yml", "chemotherapy",
     ["calcify after chemotherapy"], ["stoupis_1998_rocky_liver"]),
    ("lit: colorectal liver metastases calcify in roughly 10-27 %", "causes.yml", "hepatic_metastases",
     ["10 to 27"], ["xu_2010_calcified_colorectal_metastases"]),
    # ---- literature: primary tumours
    ("lit: fibrolamellar carcinoma often calcifies, central scar", "causes.yml", "primary_liver_cancer",
     ["fibrolamellar", "often does", "scar at its center"], ["ichikawa_1999_fibrolamellar",
                                                             "stoupis_1998_rocky_liver"]),
    ("lit: intrahepatic cholangiocarcinoma about 18 % on CT", "causes.yml", "primary_liver_cancer",
     ["cholangiocarcinoma", "18 in 100", "ct"], ["stoupis_1998_rocky_liver"]),
    ("lit: hepatoblastoma", "causes.yml", "primary_liver_cancer", ["hepatoblastoma"], ["stoupis_1998_rocky_liver"]),
    ("lit: HCC rarely, more after treatment", "causes.yml", "primary_liver_cancer",
     ["hepatocellular carcinoma", "rarely", "after treatment"], ["stoupis_1998_rocky_liver"]),
    ("lit: large hemangiomas occasionally", "causes.yml", "primary_liver_cancer",
     ["large", "hemangioma", "now and then"], ["stoupis_1998_rocky_liver"]),
    ("lit: hemangioma mentioned where users ask 'is it cancer'", "answers.yml", "is_it_cancer",
     ["large hemangioma"], ["stoupis_1998_rocky_liver"]),
    # ---- literature: hydatid cysts
    ("lit: hydatid rim or eggshell calcification", "causes.yml", "hydatid_cyst", ["ring", "eggshell"],
     ["brunetti_2010_who_iwge", "calame_2022_insights_imaging"]),
    ("lit: WHO-IWGE stages CE1-CE5, CE4-CE5 inactive", "causes.yml", "hydatid_cyst",
     ["ce1", "ce5", "ce4 and ce5", "inactive"], ["brunetti_2010_who_iwge"]),
    ("lit: inactive uncomplicated cysts often watched; 98.5 % stayed inactive", "causes.yml", "hydatid_cyst",
     ["just watched", "98.5", "stayed inactive"], ["brunetti_2010_who_iwge", "calame_2022_insights_imaging"]),
    ("lit: calcification at every stage, does not prove inactivity", "causes.yml", "hydatid_cyst",
     ["every stage", "does not prove"], ["brunetti_2010_who_iwge"]),
    ("lit: calcified wall does not prove inactivity (triage)", "triage.yml", "hydatid_look",
     ["does not prove", "stage"], ["brunetti_2010_who_iwge"]),
    ("lit: active cysts: surgery or percutaneous treatment with albendazole", "causes.yml", "hydatid_cyst",
     ["active cysts", "surgery", "needle procedure through the skin", "albendazole"], ["brunetti_2010_who_iwge"]),
    ("lit: hydatid serology", "tests.yml", "echinococcal_serology", ["antibodies", "does not rule it out"],
     ["brunetti_2010_who_iwge"]),
    # ---- literature: ACR white paper
    ("lit: ACR concerning features: soft-tissue mass, ill-defined margins, growth", "causes.yml",
     "primary_liver_cancer", ["soft-tissue lump", "fuzzy edges", "growth"], ["gore_2017_acr_white_paper"]),
    ("lit: ACR concerning features in the seriousness answer", "answers.yml", "seriousness",
     ["new or growing", "lump or fuzzy edges"], ["gore_2017_acr_white_paper"]),
    ("lit: no growth over a year strongly favours benign", "tests.yml", "compare_old_scans",
     ["no growth over a year", "benign"], ["gore_2017_acr_white_paper"]),
    ("lit: unchanged for a year: almost always harmless", "answers.yml", "diagnosis_overview",
     ["not changed for a year or more", "harmless"], ["gore_2017_acr_white_paper"]),
    ("lit: high-risk people: known cancer, cirrhosis, chronic hepatitis, PSC, PBC, hemochromatosis",
     "answers.yml", "is_it_cancer",
     ["had a cancer that can spread to the liver", "cirrhosis", "hepatitis", "psc", "pbc", "hemochromatosis"],
     ["gore_2017_acr_white_paper"]),
    ("lit: high-risk liver conditions move triage", "triage.yml", "high_risk_liver_condition",
     ["higher-risk", "long-term liver condition"], ["gore_2017_acr_white_paper"]),
    ("lit: mass moves triage (ACR, NICE)", "triage.yml", "mass", ["lump", "in the next few days"],
     ["gore_2017_acr_white_paper", "nice_ng12"]),
    ("lit: growth moves triage (ACR, NICE)", "triage.yml", "growing_lesion", ["grown", "in the next few days"],
     ["gore_2017_acr_white_paper", "nice_ng12"]),
    ("lit: new lesion in a high-risk person moves triage", "triage.yml", "new_lesion_high_risk",
     ["new spot", "in the next few days"], ["gore_2017_acr_white_paper", "nice_ng12"]),
    # ---- red flags and urgency
    ("red flag: vomiting blood, emergency (NHS)", "triage.yml", "vomiting_blood",
     ["vomiting blood", "emergency department"], ["nhs_vomiting_blood"]),
    ("red flag: black tarry stools, emergency (NHS)", "triage.yml", "black_stools",
     ["black", "tarry", "emergency department"], ["nhs_cirrhosis"]),
    ("red flag: new confusion or drowsiness, emergency (NHS cirrhosis)", "triage.yml", "confusion",
     ["confusion", "sleepiness", "emergency"], ["nhs_cirrhosis"]),
    ("red flag: fever with pain, with or without jaundice: cholangitis; Charcot misses most (26-36 %)",
     "triage.yml", "fever_with_abdominal_pain", ["cholangitis", "even without yellow", "26 to 36", "same day"],
     ["kiriyama_2012_tg13", "rumsey_2017_anz_j_surg"]),
    ("red flag: fever, pain and jaundice together: emergency", "triage.yml", "cholangitis_triad",
     ["fever", "tummy pain", "yellow", "charcot", "emergency department"],
     ["kiriyama_2012_tg13", "rumsey_2017_anz_j_surg"]),
    ("red flag: sudden, severe stomach pain or pain when touched, emergency (NHS stomach ache)", "triage.yml",
     "severe_abdominal_pain", ["sudden, severe", "touched", "emergency department"], ["nhs_stomach_ache"]),
    ("red flag: collapsed, fainted or lost consciousness even if they came round, emergency (NHS 999)",
     "triage.yml", "fainting", ["fainting", "passing out", "came round", "emergency"], ["nhs_when_to_call_999"]),
    ("red flag: thoughts of suicide or self-harm, crisis help first (NHS)", "triage.yml", "suicidal_thoughts",
     ["harming yourself", "hurt yourself", "emergency"], ["nhs_suicidal_thoughts"]),
    ("lit: TG13 sensitivity 26.4 %", "sources.yml", "kiriyama_2012_tg13", ["26.4"], ["kiriyama_2012_tg13"]),
    ("lit: ANZ J Surg review sensitivity 36.3 %", "sources.yml", "rumsey_2017_anz_j_surg", ["36.3"],
     ["rumsey_2017_anz_j_surg"]),
    ("red flag: jaundice with a high temperature: emergency department (NHS jaundice; cholangitis without pain)",
     "triage.yml", "fever_with_jaundice", ["yellow", "fever", "emergency department"],
     ["nhs_jaundice", "kiriyama_2012_tg13"]),
    ("red flag: new jaundice, urgent medical advice (NHS)", "triage.yml", "new_jaundice",
     ["yellow", "urgent medical advice"], ["nhs_jaundice"]),
    ("red flag: unintentional weight loss, prompt review (NICE)", "triage.yml", "weight_loss",
     ["losing weight without trying", "prompt"], ["nice_ng12"]),
    ("red flag: swollen abdomen, prompt review (NICE)", "triage.yml", "swollen_abdomen",
     ["swelling", "prompt"], ["nice_ng12"]),
    ("NICE NG12 urgency words: immediate (hours), very urgent (48 h), urgent (2 weeks)", "sources.yml", "nice_ng12",
     ["immediate", "hours", "very urgent", "48 hours", "urgent", "2 weeks"], ["nice_ng12"]),
    ("chronic liver disease: emergency signs (NHS cirrhosis)", "causes.yml", "chronic_liver_disease",
     ["vomiting blood", "black tarry stools", "confusion", "emergency"], ["nhs_cirrhosis"]),
    ("bile duct stones: fever, pain, jaundice need the same day; all three emergency", "causes.yml",
     "bile_duct_stones", ["cholangitis", "same day", "all three together need emergency care"],
     ["kiriyama_2012_tg13"]),
]


@pytest.mark.parametrize("point,file,entry_id,words,sources", SEED_POINTS, ids=[p[0][:70] for p in SEED_POINTS])
def test_seed_point_is_in_the_knowledge_base_with_a_source(point, file, entry_id, words, sources):
    text, cited = _entry(file, entry_id)
    low = text.lower()
    missing_words = [w for w in words if w.lower() not in low]
    assert not missing_words, f"{point}: {file} {entry_id} lacks {missing_words}"
    missing_sources = [s for s in sources if s not in cited]
    assert not missing_sources, f"{point}: {file} {entry_id} does not cite {missing_sources}"
    for s in sources:
        assert s in KB.sources


def test_seed_table_touches_every_cause():
    """Every cause of the contract is the subject of at least one seed point."""
    covered = {entry for _, file, entry, _, _ in SEED_POINTS if file == "causes.yml"}
    assert covered == set(contract.CAUSE_IDS)


def test_every_red_flag_rule_is_a_seed_point():
    covered = {entry for _, file, entry, _, _ in SEED_POINTS if file == "triage.yml"}
    assert {rule.id for rule in KB.red_flag_rules} <= covered


@pytest.mark.parametrize(
    "rule_id,level",
    [
        ("vomiting_blood", "emergency"),
        ("black_stools", "emergency"),
        ("confusion", "emergency"),
        ("cholangitis_triad", "emergency"),
        ("fever_with_jaundice", "emergency"),
        ("fever_with_abdominal_pain", "see_clinician_soon"),
        ("new_jaundice", "see_clinician_soon"),
        ("weight_loss", "see_clinician_soon"),
        ("swollen_abdomen", "see_clinician_soon"),
        ("growing_lesion", "see_clinician_soon"),
        ("mass", "see_clinician_soon"),
        ("severe_abdominal_pain", "emergency"),
        ("fainting", "emergency"),
        ("suicidal_thoughts", "emergency"),
    ],
)
def test_clinical_notes_urgency_of_rules(rule_id, level):
    (rule,) = [r for r in KB.rules if r.id == rule_id]
    assert rule.level == level


@pytest.mark.parametrize(
    "rule_id", ["vomiting_blood", "black_stools", "confusion", "cholangitis_triad",
                "fever_with_abdominal_pain", "new_jaundice", "weight_loss", "swollen_abdomen"],
)
def test_clinical_notes_red_flags_are_marked_red_flag(rule_id):
    (rule,) = [r for r in KB.rules if r.id == rule_id]
    assert rule.red_flag


def test_cholangitis_rules_patterns():
    rules = {r.id: r for r in KB.rules}
    triad = rules["cholangitis_triad"]
    assert {(p.entity, p.value) for p in triad.all} == {("symptom", "fever"), ("symptom", "jaundice")}
    assert ("symptom", "abdominal_pain") in {(p.entity, p.value) for p in triad.any}
    fever_pain = rules["fever_with_abdominal_pain"]
    assert {(p.entity, p.value) for p in fever_pain.all} == {("symptom", "fever")}
    assert ("symptom", "jaundice") not in {(p.entity, p.value) for p in fever_pain.all + fever_pain.any}


def test_calibration_comment_holds_for_empty_case():
    """causes.yml: with nothing known, granulomas lead, then healed infection, then the rest."""
    priors = {cid: c.prior for cid, c in KB.causes.items()}
    assert priors["granulomatous_infection"] > priors["healed_infection"] > max(
        p for cid, p in priors.items() if cid not in ("granulomatous_infection", "healed_infection")
    )


def test_no_advice_names_a_dose():
    import re

    texts = [r.advice for r in KB.rules] + [lvl.advice for lvl in KB.levels.values()]
    texts += [c.treatment for c in KB.causes.values()]
    for text in texts:
        assert not re.search(r"\d+\s*(mg|milligram|g\b|ml\b|tablets?)", text, re.I), text


# --------------------------------------------------------------------------
# Validation errors name the file, the entry and the field
# --------------------------------------------------------------------------


@pytest.fixture
def kdir(tmp_path):
    target = tmp_path / "knowledge"
    shutil.copytree(knowledge.DEFAULT_DIR, target)
    return target


def _edit(directory: Path, name: str, change):
    path = directory / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _find(items, entry_id, key="id"):
    (item,) = [i for i in items if i.get(key) == entry_id]
    return item


def _rule(data, rule_id):
    return _find(data["rules"], rule_id)


def test_copied_knowledge_base_loads(kdir):
    copy = knowledge.load(kdir)
    assert copy.directory == kdir
    assert set(copy.causes) == set(KB.causes)
    assert copy.fingerprint == KB.fingerprint


def test_roundtripped_knowledge_base_loads(kdir):
    """The yaml round trip used by the breaking tests keeps a valid base valid."""
    for name in ("sources.yml", "causes.yml", "tests.yml", "triage.yml", "answers.yml"):
        _edit(kdir, name, lambda data: None)
    copy = knowledge.load(kdir)
    assert len(copy.rules) == len(KB.rules)


def _set(path, value):
    def change(data):
        obj = data
        for key in path[:-1]:
            obj = obj[key]
        obj[path[-1]] = value
    return change


BREAKS = [
    # (case id, file, change, fragments the message must contain)
    ("cause missing sources", "causes.yml",
     lambda d: _find(d["causes"], "hydatid_cyst").pop("sources"),
     ["causes.yml", "hydatid_cyst", "sources"]),
    ("cause empty sources", "causes.yml",
     lambda d: _find(d["causes"], "drug_related").__setitem__("sources", []),
     ["causes.yml", "drug_related", "sources"]),
    ("cause unknown source id", "causes.yml",
     lambda d: _find(d["causes"], "cystic_lesion")["sources"].append("smith_2099"),
     ["causes.yml", "cystic_lesion", "sources", "smith_2099"]),
    ("test missing sources", "tests.yml",
     lambda d: _find(d["tests"], "liver_biopsy").pop("sources"),
     ["tests.yml", "liver_biopsy", "sources"]),
    ("test unknown source id", "tests.yml",
     lambda d: _find(d["tests"], "ct")["sources"].append("nope_2001"),
     ["tests.yml", "ct", "sources", "nope_2001"]),
    ("rule missing sources", "triage.yml",
     lambda d: _rule(d, "weight_loss").pop("sources"),
     ["triage.yml", "weight_loss", "sources"]),
    ("rule unknown source id", "triage.yml",
     lambda d: _rule(d, "confusion")["sources"].append("made_up"),
     ["triage.yml", "confusion", "sources", "made_up"]),
    ("answer missing sources", "answers.yml",
     lambda d: _find(d["answers"], "seriousness").pop("sources"),
     ["answers.yml", "seriousness", "sources"]),
    ("answer unknown source id", "answers.yml",
     lambda d: _find(d["answers"], "what_is")["sources"].append("ghost"),
     ["answers.yml", "what_is", "sources", "ghost"]),
    ("source year not a number", "sources.yml",
     lambda d: _find(d["sources"], "darlak_1980").__setitem__("year", "nineteen eighty"),
     ["sources.yml", "darlak_1980", "year"]),
    ("source year implausible", "sources.yml",
     lambda d: _find(d["sources"], "nice_ng12").__setitem__("year", 3015),
     ["sources.yml", "nice_ng12", "year", "3015"]),
    ("source year missing", "sources.yml",
     lambda d: _find(d["sources"], "parkhurst_2005").pop("year"),
     ["sources.yml", "parkhurst_2005", "year"]),
    ("source title missing", "sources.yml",
     lambda d: _find(d["sources"], "paley_ros_1998").pop("title"),
     ["sources.yml", "paley_ros_1998", "title"]),
    ("source published_in empty", "sources.yml",
     lambda d: _find(d["sources"], "gore_2017_acr_white_paper").__setitem__("published_in", "  "),
     ["sources.yml", "gore_2017_acr_white_paper", "published_in"]),
    ("duplicate source id", "sources.yml",
     lambda d: d["sources"].append(dict(_find(d["sources"], "nhs_jaundice"))),
     ["sources.yml", "nhs_jaundice", "id", "duplicate"]),
    ("unknown value in an evidence pattern", "causes.yml",
     lambda d: _find(d["causes"], "granulomatous_infection")["evidence"][0].__setitem__("when", {"condition": "flu"}),
     ["causes.yml", "granulomatous_infection", "when", "flu"]),
    ("unknown entity in an evidence pattern", "causes.yml",
     lambda d: _find(d["causes"], "healed_infection")["evidence"][1].__setitem__("when", {"organ": "spleen"}),
     ["causes.yml", "healed_infection", "when", "organ"]),
    ("unknown size band in an evidence pattern", "causes.yml",
     lambda d: _find(d["causes"], "primary_liver_cancer")["evidence"][0].__setitem__("when", {"size": "huge"}),
     ["causes.yml", "primary_liver_cancer", "when", "huge"]),
    ("unknown role in an evidence pattern", "causes.yml",
     lambda d: _find(d["causes"], "rare_metabolic")["evidence"][0]["when"].__setitem__("role", "friend"),
     ["causes.yml", "rare_metabolic", "when", "friend"]),
    ("evidence weight not a number", "causes.yml",
     lambda d: _find(d["causes"], "bile_duct_stones")["evidence"][2].__setitem__("weight", "high"),
     ["causes.yml", "bile_duct_stones", "weight"]),
    ("negative prior", "causes.yml",
     lambda d: _find(d["causes"], "drug_related").__setitem__("prior", -1),
     ["causes.yml", "drug_related", "prior"]),
    ("unknown test id on a cause", "causes.yml",
     lambda d: _find(d["causes"], "hepatic_metastases")["tests"].append("pet_scan"),
     ["causes.yml", "hepatic_metastases", "tests", "pet_scan"]),
    ("unknown value in a triage pattern", "triage.yml",
     lambda d: _rule(d, "vomiting_blood").__setitem__("all", [{"symptom": "headache"}]),
     ["triage.yml", "vomiting_blood", "all", "headache"]),
    ("role in a triage 'all' pattern", "triage.yml",
     lambda d: _rule(d, "weight_loss").__setitem__("all", [{"symptom": "weight_loss", "role": "negated"}]),
     ["triage.yml", "weight_loss", "all", "role"]),
    ("family role in a triage 'all' pattern", "triage.yml",
     lambda d: _rule(d, "cancer_history_not_known_stable").__setitem__("all", [{"condition": "cancer",
                                                                                "role": "family"}]),
     ["triage.yml", "cancer_history_not_known_stable", "all", "role"]),
    ("unknown level on a rule", "triage.yml",
     lambda d: _rule(d, "itching").__setitem__("level", "panic"),
     ["triage.yml", "itching", "level", "panic"]),
    ("red_flag not a boolean", "triage.yml",
     lambda d: _rule(d, "black_stools").__setitem__("red_flag", "yes"),
     ["triage.yml", "black_stools", "red_flag"]),
    ("rule without patterns", "triage.yml",
     lambda d: _rule(d, "fatigue").pop("all"),
     ["triage.yml", "fatigue", "all"]),
    ("levels out of order", "triage.yml",
     lambda d: d["levels"].reverse(),
     ["triage.yml", "levels"]),
    ("missing contract cause", "causes.yml",
     lambda d: d.__setitem__("causes", [c for c in d["causes"] if c["id"] != "rare_metabolic"]),
     ["causes.yml", "rare_metabolic", "causes"]),
    ("cause id not in the contract", "causes.yml",
     lambda d: _find(d["causes"], "drug_related").__setitem__("id", "drug_induced"),
     ["causes.yml", "drug_induced", "id"]),
    ("missing contract answer", "answers.yml",
     lambda d: d.__setitem__("answers", [a for a in d["answers"] if a["id"] != "disclaimer"]),
     ["answers.yml", "disclaimer"]),
    ("contract entity value without a term", "terms.yml",
     lambda d: d["terms"].__setitem__("finding", [t for t in d["terms"]["finding"] if t["value"] != "stone"]),
     ["terms.yml", "stone", "finding"]),
    ("term value not in the contract", "terms.yml",
     lambda d: d["terms"]["symptom"].append({"value": "headache", "synonyms": ["headache"]}),
     ["terms.yml", "headache", "value"]),
    ("is_a to a value not in the contract", "terms.yml",
     lambda d: _find(d["terms"]["condition"], "breast_cancer", key="value").__setitem__("is_a", ["tumour"]),
     ["terms.yml", "breast_cancer", "is_a", "tumour"]),
    # Every field of terms.yml passes the validator, the ones only the spaCy pipeline reads too.
    ("a case-sensitive phrase that is not text", "terms.yml",
     lambda d: _find(d["terms"]["imaging"], "ultrasound", key="value").__setitem__("case_sensitive", ["US", 3]),
     ["terms.yml", "ultrasound", "case_sensitive"]),
    ("a term's token pattern that is not a list of mappings", "terms.yml",
     lambda d: _find(d["terms"]["imaging"], "ultrasound", key="value").__setitem__("patterns", [["US"]]),
     ["terms.yml", "ultrasound", "patterns", "token pattern"]),
    ("the learned model's doubt not below its threshold", "signs.yml",
     lambda d: d["signs"]["learned"].__setitem__("doubt", 0.5), ["signs.yml", "learned.doubt"]),
    ("the learned model's doubt not a number", "signs.yml",
     lambda d: d["signs"]["learned"].__setitem__("doubt", True), ["signs.yml", "learned.doubt"]),
    ("the never-doubted signs not a list", "signs.yml",
     lambda d: d["signs"]["learned"].__setitem__("never_doubted", "suicidal_thoughts"),
     ["signs.yml", "learned.never_doubted"]),
    ("a size pattern that is not a list of mappings", "terms.yml",
     lambda d: d.__setitem__("size_patterns", [{"LIKE_NUM": True}]), ["terms.yml", "size_patterns"]),
    ("a phrase that is never an entity, not text", "terms.yml",
     lambda d: d.__setitem__("not_entities", ["new scan", None]), ["terms.yml", "not_entities"]),
]


@pytest.mark.parametrize("case,file,change,fragments", BREAKS, ids=[b[0] for b in BREAKS])
def test_broken_field_is_named(kdir, case, file, change, fragments):
    _edit(kdir, file, change)
    with pytest.raises(KnowledgeError) as info:
        knowledge.load(kdir)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{case}: {fragment!r} not in {message!r}"
    assert message.startswith(file)


@pytest.mark.parametrize("field,rule_id", [("any", "cholangitis_triad"), ("unless", "cancer_history_not_known_stable")])
def test_role_in_any_or_unless_names_that_field(kdir, field, rule_id):
    def change(data):
        rule = _rule(data, rule_id)
        rule[field] = [dict(rule[field][0], role="negated")]
    _edit(kdir, "triage.yml", change)
    with pytest.raises(KnowledgeError) as info:
        knowledge.load(kdir)
    message = str(info.value)
    assert "triage.yml" in message and rule_id in message
    assert f"field '{field}'" in message


def test_role_in_any_pattern_is_refused(kdir):
    """Whatever field it names, a role in an 'any' pattern is refused, naming file and rule."""
    _edit(kdir, "triage.yml", lambda d: _rule(d, "fever_with_abdominal_pain").__setitem__(
        "any", [{"symptom": "abdominal_pain", "role": "family"}]))
    with pytest.raises(KnowledgeError) as info:
        knowledge.load(kdir)
    assert "triage.yml" in str(info.value) and "fever_with_abdominal_pain" in str(info.value)
    assert "role" in str(info.value)


@pytest.mark.parametrize("name", list(knowledge.KNOWLEDGE_FILES))
def test_invalid_yaml_names_the_file(kdir, name):
    path = kdir / name
    path.write_text(path.read_text(encoding="utf-8") + "\n  - [unclosed: {\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        knowledge.load(kdir)
    message = str(info.value)
    assert message.startswith(name)
    assert "YAML" in message and "line" in message


@pytest.mark.parametrize("name", list(knowledge.KNOWLEDGE_FILES))
def test_missing_file_names_the_file(kdir, name):
    (kdir / name).unlink()
    with pytest.raises(KnowledgeError) as info:
        knowledge.load(kdir)
    message = str(info.value)
    assert message.startswith(name)
    assert "missing" in message


def test_file_without_its_top_level_key(kdir):
    (kdir / "answers.yml").write_text("replies: []\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        knowledge.load(kdir)
    assert "answers.yml" in str(info.value) and "answers" in str(info.value)


def test_entry_that_is_not_a_mapping(kdir):
    _edit(kdir, "tests.yml", lambda d: d["tests"].append("just a string"))
    with pytest.raises(KnowledgeError) as info:
        knowledge.load(kdir)
    message = str(info.value)
    assert "tests.yml" in message and f"entry #{len(KB.tests) + 1}" in message and "mapping" in message


def test_knowledge_error_is_a_value_error():
    assert issubclass(KnowledgeError, ValueError)


def test_no_word_list_in_a_token_pattern_is_read_as_a_boolean():
    """YAML reads a bare on / off / no / yes as a boolean: "not seen on the previous
    scan" never matched because its "on" was True (found by independent set B)."""
    import glob

    import yaml

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "IN":
                    assert all(isinstance(item, str) for item in value), path
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    for name in glob.glob(str(Path(__file__).resolve().parents[2] / "knowledge" / "*.yml")):
        walk(yaml.safe_load(Path(name).read_text(encoding="utf-8")), name)


def test_the_pipelines_fields_of_terms_yml_come_through_the_loader(kb):
    """assistant/nlp/pipeline.py builds its entity ruler from these (it no longer reads terms.yml itself)."""
    assert kb.size_patterns and kb.not_entities
    assert any(term.case_sensitive for term in kb.terms) and any(term.token_patterns for term in kb.terms)
    ultrasound = next(t for t in kb.terms if t.entity == "imaging" and t.value == "ultrasound")
    assert "US" in ultrasound.case_sensitive
