"""The decision engine against the real knowledge base: triage rules, red flags,
cause ranking, negation and family traps, size reading, the sample vignettes,
and properties that must hold for any case."""

import itertools
import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import contract, engine, knowledge
from assistant.engine import Case, Fact

KB = knowledge.load()
RANK = {level_id: level.rank for level_id, level in KB.levels.items()}
RULES = {rule.id: rule for rule in KB.rules}
VIGNETTES = Path("/work/shared/eval/samples/vignettes.json")

PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


def F(entity, value, role=None):
    return Fact(entity, value, role)


def level_of(*facts):
    return engine.triage(Case.of(facts), KB).level


def first_cause(*facts):
    return engine.rank_causes(Case.of(facts), KB)[0].id


def score_of(cause_id, *facts):
    (ranked,) = [c for c in engine.rank_causes(Case.of(facts), KB) if c.id == cause_id]
    return ranked.score


def facts_of(patterns, role=None):
    return [Fact(p.entity, p.value, role) for p in patterns]


def _rule_cases(rules):
    """(rule, one minimal matching fact list) for every choice of its `any` pattern."""
    for rule in rules:
        choices = rule.any or (None,)
        for choice in choices:
            facts = facts_of(rule.all) + ([Fact(choice.entity, choice.value)] if choice else [])
            label = rule.id + (f"+{choice.value}" if choice else "")
            yield pytest.param(rule, facts, id=label)


# --------------------------------------------------------------------------
# Red flags and triage rules
# --------------------------------------------------------------------------


def test_there_are_red_flag_rules():
    ids = {rule.id for rule in KB.red_flag_rules}
    assert {"vomiting_blood", "black_stools", "confusion", "cholangitis_triad", "new_jaundice"} <= ids


@pytest.mark.parametrize("rule,facts", list(_rule_cases(KB.red_flag_rules)))
def test_red_flag_rule_gives_its_level(rule, facts):
    result = engine.triage(Case.of(facts), KB)
    assert result.level == rule.level
    assert rule in result.red_flags
    assert rule in engine.red_flags(Case.of(facts), KB)
    assert rule in result.reasons
    assert result.reasons[0].level == rule.level


@pytest.mark.parametrize("role", contract.ROLES)
@pytest.mark.parametrize("rule,facts", list(_rule_cases(KB.red_flag_rules)))
def test_red_flag_facts_negated_or_family_reassure(rule, facts, role):
    changed = [Fact(f.entity, f.value, role) for f in facts]
    result = engine.triage(Case.of(changed), KB)
    assert result.level == "reassurance"
    assert result.reasons == ()
    assert result.red_flags == ()


@pytest.mark.parametrize("rule,facts", list(_rule_cases(KB.rules)))
def test_every_rule_minimal_case_reaches_its_level(rule, facts):
    result = engine.triage(Case.of(facts), KB)
    assert RANK[result.level] >= RANK[rule.level]
    assert rule in result.reasons
    # the reasons are sorted most urgent first and the level is that of the first
    ranks = [RANK[r.level] for r in result.reasons]
    assert ranks == sorted(ranks, reverse=True)
    assert result.level == result.reasons[0].level
    assert set(result.deciding) == {r for r in result.reasons if r.level == result.level}


@pytest.mark.parametrize("rule,facts", list(_rule_cases(KB.rules)))
def test_every_rule_needs_its_facts_as_own(rule, facts):
    for role in contract.ROLES:
        result = engine.triage(Case.of([Fact(f.entity, f.value, role) for f in facts]), KB)
        assert result.level == "reassurance"


@pytest.mark.parametrize("rule", [r for r in KB.rules if r.unless], ids=lambda r: r.id)
def test_unless_pattern_blocks_the_rule(rule):
    facts = facts_of(rule.all) + facts_of(rule.any[:1]) + facts_of(rule.unless[:1])
    assert rule not in engine.triage(Case.of(facts), KB).reasons
    # a denied or a relative's `unless` fact does not block it
    for role in contract.ROLES:
        facts = facts_of(rule.all) + facts_of(rule.any[:1]) + facts_of(rule.unless[:1], role)
        assert rule in engine.triage(Case.of(facts), KB).reasons


def test_empty_case_is_reassurance_with_no_reasons():
    result = engine.triage(Case(), KB)
    assert result.level == "reassurance"
    assert result.reasons == () and result.red_flags == () and result.deciding == ()


@pytest.mark.parametrize(
    "facts,level",
    [
        ([F("symptom", "vomiting_blood")], "emergency"),
        ([F("symptom", "black_stools")], "emergency"),
        ([F("symptom", "confusion")], "emergency"),
        ([F("symptom", "fever"), F("symptom", "abdominal_pain"), F("symptom", "jaundice")], "emergency"),
        ([F("symptom", "fever"), F("symptom", "pain_after_fatty_meals"), F("symptom", "jaundice")], "emergency"),
        ([F("symptom", "fever"), F("symptom", "abdominal_pain")], "see_clinician_soon"),
        ([F("symptom", "fever"), F("symptom", "abdominal_pain"), F("symptom", "jaundice", "negated")],
         "see_clinician_soon"),
        ([F("symptom", "jaundice")], "see_clinician_soon"),
        ([F("symptom", "weight_loss")], "see_clinician_soon"),
        ([F("symptom", "swollen_abdomen")], "see_clinician_soon"),
        ([F("change", "growing")], "see_clinician_soon"),
        ([F("finding", "mass")], "see_clinician_soon"),
        ([F("condition", "cancer")], "see_clinician_soon"),
        ([F("condition", "cancer"), F("change", "stable")], "see_clinician_routine"),
        ([F("change", "new"), F("condition", "cirrhosis")], "see_clinician_soon"),
        ([F("condition", "cirrhosis")], "see_clinician_routine"),
        ([F("medication", "amiodarone")], "see_clinician_routine"),
        ([F("finding", "calcification"), F("pattern", "punctate"), F("size", "3 mm")], "reassurance"),
        ([F("finding", "granuloma"), F("condition", "tuberculosis"), F("change", "stable")], "reassurance"),
        ([F("symptom", "fever")], "reassurance"),
    ],
)
def test_clinical_notes_urgency(facts, level):
    """The urgency CLINICAL_NOTES.md asks for (red flags and urgency)."""
    assert level_of(*facts) == level


def test_new_lesion_gets_prompt_review():
    assert RANK[level_of(F("finding", "calcification"), F("change", "new"))] >= RANK["see_clinician_soon"]


def test_fever_and_pain_without_jaundice_is_acted_on_the_same_day():
    """Charcot's triad misses most cholangitis: fever with pain alone is a red flag."""
    result = engine.triage(Case.of([F("symptom", "fever"), F("symptom", "abdominal_pain")]), KB)
    assert RULES["fever_with_abdominal_pain"] in result.red_flags
    assert RULES["cholangitis_triad"] not in result.reasons


# --------------------------------------------------------------------------
# Cause ranking
# --------------------------------------------------------------------------


def _strongest(cause_id):
    """The cause's own, positive evidence patterns of the highest weight."""
    positive = [e for e in KB.causes[cause_id].evidence if e.weight > 0 and e.when.role is None]
    top = max(e.weight for e in positive)
    return [Fact(e.when.entity, e.when.value) for e in positive if e.weight == top]


@pytest.mark.parametrize("cause_id", sorted(contract.CAUSE_IDS))
def test_strongest_evidence_puts_cause_first(cause_id):
    facts = _strongest(cause_id)
    ranking = engine.rank_causes(Case.of(facts), KB)
    assert ranking[0].id == cause_id, [(c.id, c.score) for c in ranking[:3]]
    assert ranking[0].reasons, "the first cause says why"
    assert engine.likely_causes(Case.of(facts), KB)[0].id == cause_id
    assert engine.assess(Case.of(facts), KB).cause_ids[0] == cause_id


@pytest.mark.parametrize("cause_id", sorted(contract.CAUSE_IDS))
def test_each_strongest_fact_alone_puts_cause_first(cause_id):
    for fact in _strongest(cause_id):
        assert first_cause(fact) == cause_id, fact


@pytest.mark.parametrize("cause_id", sorted(contract.CAUSE_IDS))
def test_all_positive_evidence_puts_cause_first(cause_id):
    facts = [Fact(e.when.entity, e.when.value) for e in KB.causes[cause_id].evidence
             if e.weight > 0 and e.when.role is None]
    ranking = [c.id for c in engine.rank_causes(Case.of(facts), KB)]
    if cause_id == "cystic_lesion":
        # a cyst with a calcified rim: causes.yml ranks hydatid cyst first on purpose, plain cyst second
        assert ranking[:2] == ["hydatid_cyst", "cystic_lesion"]
    else:
        assert ranking[0] == cause_id


def test_rank_causes_lists_every_cause_once_sorted():
    ranking = engine.rank_causes(Case(), KB)
    assert sorted(c.id for c in ranking) == sorted(contract.CAUSE_IDS)
    scores = [c.score for c in ranking]
    assert scores == sorted(scores, reverse=True)


def test_empty_case_ranking_follows_priors():
    ranking = engine.rank_causes(Case(), KB)
    assert [c.id for c in ranking[:2]] == ["granulomatous_infection", "healed_infection"]
    assert all(c.reasons == () for c in ranking)
    assert {c.id: c.score for c in ranking} == {cid: c.prior for cid, c in KB.causes.items()}


@pytest.mark.parametrize(
    "facts,first",
    [
        ([F("condition", "cancer")], "hepatic_metastases"),
        ([F("condition", "colorectal_cancer")], "hepatic_metastases"),
        ([F("condition", "breast_cancer")], "hepatic_metastases"),
        ([F("condition", "cirrhosis")], "chronic_liver_disease"),
        ([F("condition", "cirrhosis"), F("finding", "mass")], "primary_liver_cancer"),
        ([F("condition", "cirrhosis"), F("change", "growing")], "primary_liver_cancer"),
        ([F("symptom", "fever"), F("symptom", "abdominal_pain"), F("symptom", "jaundice")], "bile_duct_stones"),
        ([F("finding", "cyst"), F("pattern", "rim")], "hydatid_cyst"),
        ([F("finding", "calcification"), F("pattern", "punctate")], "granulomatous_infection"),
        ([F("symptom", "pain_after_fatty_meals")], "bile_duct_stones"),
    ],
)
def test_calibration_documented_in_causes_yml(facts, first):
    assert first_cause(*facts) == first


def test_documented_scores():
    assert score_of("hepatic_metastases", F("condition", "cancer")) == 6
    assert score_of("hepatic_metastases", F("condition", "colorectal_cancer")) == 7
    assert score_of("chronic_liver_disease", F("condition", "cirrhosis")) == 6
    assert score_of("hydatid_cyst", F("finding", "cyst"), F("pattern", "rim")) == 5.5
    assert score_of("cystic_lesion", F("finding", "cyst"), F("pattern", "rim")) == 4.5


def test_reasons_are_the_whys_of_matching_positive_evidence():
    ranked = engine.rank_causes(Case.of([F("condition", "tuberculosis"), F("change", "growing")]), KB)
    gran = next(c for c in ranked if c.id == "granulomatous_infection")
    whys = {e.when.value: e.why for e in KB.causes["granulomatous_infection"].evidence}
    assert gran.reasons == (whys["tuberculosis"],)  # the negative 'growing' gives no reason
    assert gran.score == 3 + 3 - 2


def test_likely_causes_floor_drops_far_behind_causes():
    both = Case.of([F("medication", "methotrexate"), F("medication", "amiodarone")])
    assert [(c.id, c.score) for c in engine.likely_causes(both, KB)] == [("drug_related", 12.5)]
    one = Case.of([F("medication", "methotrexate")])
    likely = engine.likely_causes(one, KB)
    assert [c.id for c in likely] == ["drug_related", "granulomatous_infection", "healed_infection"]
    floor = likely[0].score * engine.RELATIVE_FLOOR
    assert all(c.score >= floor for c in likely)
    assert engine.likely_causes(one, KB, limit=1) == likely[:1]


# --------------------------------------------------------------------------
# Negation and family traps, is_a, sizes
# --------------------------------------------------------------------------

BENIGN_SCAN = [F("finding", "calcification"), F("pattern", "punctate"), F("imaging", "ct"), F("size", "3 mm")]


def test_no_history_of_cancer_is_not_cancer():
    denied = BENIGN_SCAN + [F("condition", "cancer", "negated")]
    own = BENIGN_SCAN + [F("condition", "cancer")]
    assert first_cause(*own) == "hepatic_metastases"  # the trap is real
    assert first_cause(*denied) != "hepatic_metastases"
    assert first_cause(*denied) == "granulomatous_infection"
    assert level_of(*own) == "see_clinician_soon"
    assert level_of(*denied) == "reassurance"
    assert score_of("hepatic_metastases", *denied) < score_of("hepatic_metastases", *BENIGN_SCAN)


@pytest.mark.parametrize("extra", [[], [F("change", "stable")], [F("finding", "granuloma")],
                                   [F("change", "new")], [F("symptom", "fatigue")], [F("medication", "methotrexate")],
                                   [F("condition", "tuberculosis")], [F("finding", "mass")], [F("change", "growing")]])
def test_negated_cancer_never_raises_triage(extra):
    base = BENIGN_SCAN + extra
    assert level_of(*base, F("condition", "cancer", "negated")) == level_of(*base)
    assert level_of(*base, F("condition", "colorectal_cancer", "negated")) == level_of(*base)


_SCAN_FACTS = [F("finding", v) for v in sorted(contract.ENTITY_VALUES["finding"])] + [
    F("pattern", v) for v in sorted(contract.ENTITY_VALUES["pattern"])] + [
    F("change", v) for v in sorted(contract.ENTITY_VALUES["change"])] + [F("size", "3 mm"), F("size", "12 mm")]


def _negated_cancer_counterexamples(max_facts, one_change_only):
    found = []
    for n in range(0, max_facts + 1):
        for combo in itertools.combinations(_SCAN_FACTS, n):
            if one_change_only and sum(f.entity == "change" for f in combo) > 1:
                continue
            if first_cause(*combo, F("condition", "cancer", "negated")) == "hepatic_metastases":
                found.append(combo)
    return found


def test_negated_cancer_never_puts_metastases_first_with_scan_facts():
    """Every combination of up to four scan facts (finding, pattern, one change, size), cancer denied.

    The dialogue keeps one change value at a time (conversation.SINGLE_VALUED), so that is what a real
    case can hold; see the xfail below for two change values at once."""
    assert _negated_cancer_counterexamples(4, one_change_only=True) == []


@pytest.mark.xfail(strict=True, reason=(
    "CALIBRATION (engine level only): with cancer denied and a spot that is both 'new' and 'growing', "
    "hepatic_metastases 3.0 ties primary_liver_cancer 3.0 and wins on file order. The dialogue keeps one "
    "change value at a time, so a real conversation cannot reach this case"))
def test_negated_cancer_never_puts_metastases_first_with_any_scan_facts():
    assert _negated_cancer_counterexamples(3, one_change_only=False) == []


@pytest.mark.parametrize("value", ["liver_cancer", "cancer", "colorectal_cancer", "breast_cancer", "cirrhosis",
                                   "hepatitis", "hemochromatosis", "echinococcosis", "tuberculosis"])
def test_family_history_never_raises_triage(value):
    family = F("condition", value, "family")
    assert level_of(family) == "reassurance"
    assert level_of(*BENIGN_SCAN, family) == level_of(*BENIGN_SCAN) == "reassurance"
    assert engine.triage(Case.of([family]), KB).reasons == ()


def test_my_mum_had_liver_cancer():
    mum = F("condition", "liver_cancer", "family")
    assert level_of(*BENIGN_SCAN, mum) == "reassurance"
    assert first_cause(*BENIGN_SCAN, mum) == "granulomatous_infection"
    # is_a does not turn a relative's liver cancer into the user's cancer
    assert score_of("hepatic_metastases", mum) == KB.causes["hepatic_metastases"].prior
    # family weighs at most 1
    for cause in KB.causes.values():
        for evidence in cause.evidence:
            if evidence.when.role == "family":
                assert 0 < evidence.weight <= 1


def test_own_colorectal_cancer_is_a_cancer():
    result = engine.triage(Case.of([F("condition", "colorectal_cancer")]), KB)
    assert result.level == "see_clinician_soon"
    assert RULES["cancer_history_not_known_stable"] in result.reasons
    assert first_cause(F("condition", "colorectal_cancer")) == "hepatic_metastases"
    assert level_of(F("condition", "colorectal_cancer"), F("change", "stable")) == "see_clinician_routine"
    # liver cancer is a cancer too, and also a high-risk liver condition
    reasons = engine.triage(Case.of([F("condition", "liver_cancer")]), KB).reasons
    assert {"cancer_history_not_known_stable", "high_risk_liver_condition"} <= {r.id for r in reasons}


def test_own_statement_wins_over_denial_of_the_same_thing():
    both = [F("symptom", "vomiting_blood", "negated"), F("symptom", "vomiting_blood")]
    assert level_of(*both) == "emergency"
    both = [F("condition", "cancer", "negated"), F("condition", "colorectal_cancer")]
    assert level_of(*both) == "see_clinician_soon"
    assert first_cause(*both) == "hepatic_metastases"
    # the denial no longer subtracts once an own cancer is known
    assert score_of("hepatic_metastases", *both) == score_of("hepatic_metastases", F("condition", "colorectal_cancer"))


@pytest.mark.parametrize("size", ["12 mm", "1.2 cm", "10 mm", "1 cm", "1,5 cm", "2cm", "15 millimetres"])
def test_large_size_band(size):
    result = engine.triage(Case.of([F("finding", "calcification"), F("size", size)]), KB)
    assert RULES["large_calcification"] in result.reasons
    assert result.level == "see_clinician_routine"
    assert score_of("primary_liver_cancer", F("size", size)) == KB.causes["primary_liver_cancer"].prior + 0.5
    assert score_of("granulomatous_infection", F("size", size)) == KB.causes["granulomatous_infection"].prior


@pytest.mark.parametrize("size", ["3 mm", "5mm", "9.9 mm", "0.5 cm", "2 millimeters"])
def test_small_size_band(size):
    result = engine.triage(Case.of([F("finding", "calcification"), F("size", size)]), KB)
    assert RULES["large_calcification"] not in result.reasons
    assert result.level == "reassurance"
    assert score_of("granulomatous_infection", F("size", size)) == KB.causes["granulomatous_infection"].prior + 0.5


@pytest.mark.parametrize("size", ["tiny", "big", "", "several"])
def test_unreadable_size_has_no_band(size):
    assert level_of(F("size", size)) == "reassurance"
    assert score_of("granulomatous_infection", F("size", size)) == KB.causes["granulomatous_infection"].prior
    assert score_of("primary_liver_cancer", F("size", size)) == KB.causes["primary_liver_cancer"].prior


def test_negated_or_family_large_size_does_not_raise():
    for role in contract.ROLES:
        assert level_of(F("size", "2 cm", role)) == "reassurance"


@pytest.mark.parametrize(
    "text,mm",
    [
        ("3 mm", 3.0), ("12 mm", 12.0), ("1.2 cm", 12.0), ("1,2 cm", 12.0), ("1,5 cm", 15.0), ("5mm", 5.0),
        ("1.2cm", 12.0), ("3 x 4 mm", 4.0), ("10 millimetres", 10.0), ("10 millimeters", 10.0),
        ("2 centimetres", 20.0), ("2 centimeters", 20.0), ("3 MM", 3.0), ("1 CM", 10.0),
        ("about 7 mm", 7.0), ("a 4mm calcified granuloma", 4.0), ("0.5 cm", 5.0), ("12mm x 3mm", 12.0),
    ],
)
def test_size_in_mm(text, mm):
    assert engine.size_in_mm(text) == pytest.approx(mm)


@pytest.mark.parametrize("text,mm", [("12 x 3 mm", 12.0), ("1.2 x 0.8 cm", 12.0), ("15 by 4 mm", 15.0)])
def test_size_in_mm_takes_largest_dimension(text, mm):
    assert engine.size_in_mm(text) == pytest.approx(mm)


def test_size_in_mm_leading_dot_decimal():
    assert engine.size_in_mm(".5 cm") == pytest.approx(5.0)


@pytest.mark.parametrize("text", [None, "", "tiny", "big", "3", "12 m", "mm", "cm", "x mm", "1.2 inches", "three"])
def test_size_in_mm_garbage_is_none(text):
    assert engine.size_in_mm(text) is None


@pytest.mark.parametrize("text, mm", [("three mm", 3.0), ("half a centimetre", 5.0), ("a couple of mm", 2.0),
                                      ("one centimetre", 10.0), ("a cm", 10.0), ("quarter of a cm", 2.5)])
def test_size_in_mm_in_words(text, mm):
    """Sizes written in words (independent set E: "half a centimetre calcification")."""
    assert engine.size_in_mm(text) == pytest.approx(mm)


# --------------------------------------------------------------------------
# Facts
# --------------------------------------------------------------------------


def test_fact_roles_and_dicts():
    with pytest.raises(ValueError):
        Fact("condition", "cancer", "hypothetical")
    fact = Fact.from_dict({"entity": "condition", "value": "cancer", "role": "negated"})
    assert fact == F("condition", "cancer", "negated")
    assert Fact.from_dict(fact.as_dict()) == fact
    assert Fact.from_dict({"entity": "symptom", "value": "fever", "role": ""}).role is None
    assert F("symptom", "fever").as_dict() == {"entity": "symptom", "value": "fever"}
    case = engine.facts_from_dicts([{"entity": "symptom", "value": "fever"}, "junk", None])
    assert case.facts == frozenset({F("symptom", "fever")})
    assert engine.facts_from_dicts(None) == Case()


def test_case_is_a_set():
    a = Case.of([F("symptom", "fever"), F("symptom", "fever")])
    assert len(a.facts) == 1
    assert a.with_facts(F("symptom", "jaundice")) == Case.of([F("symptom", "jaundice"), F("symptom", "fever")])
    assert engine.more_urgent("emergency", "reassurance", KB) == "emergency"
    assert engine.more_urgent("see_clinician_routine", "see_clinician_soon", KB) == "see_clinician_soon"


# --------------------------------------------------------------------------
# The sample vignettes, as the facts they state
# --------------------------------------------------------------------------

VIGNETTE_FACTS = {
    # "My CT showed a few punctate calcifications in the liver. I had tuberculosis years ago."
    # "They have been stable since 2018."
    "sample-tb-stable": [F("imaging", "ct"), F("pattern", "punctate"), F("finding", "calcification"),
                         F("condition", "tuberculosis"), F("change", "stable")],
    # "the ultrasound shows a tiny calcified granuloma" / "my aunt had breast cancer, I have no symptoms"
    "sample-family-only": [F("imaging", "ultrasound"), F("finding", "granuloma"),
                           F("condition", "breast_cancer", "family")],
    # "I take amiodarone and the CT shows small calcifications in my liver" / "no other health problems"
    "sample-amiodarone": [F("medication", "amiodarone"), F("imaging", "ct"), F("finding", "calcification")],
    # "I was treated for colon cancer in 2021 and the latest CT shows new calcifications in the liver"
    "sample-colon-new": [F("condition", "colorectal_cancer"), F("imaging", "ct"), F("change", "new"),
                         F("finding", "calcification")],
    # "CT found a calcification in the liver" / "my skin has turned yellow"
    "sample-jaundice": [F("imaging", "ct"), F("finding", "calcification"), F("symptom", "jaundice")],
    # "my ultrasound showed liver calcifications" / "I have been vomiting blood today"
    "sample-vomiting-blood": [F("imaging", "ultrasound"), F("finding", "calcification"),
                              F("symptom", "vomiting_blood")],
}


def _vignettes():
    return json.loads(VIGNETTES.read_text(encoding="utf-8"))


def test_every_sample_vignette_has_facts():
    assert {v["id"] for v in _vignettes()} == set(VIGNETTE_FACTS)


@pytest.mark.parametrize("vignette", _vignettes(), ids=lambda v: v["id"])
def test_sample_vignette(vignette):
    case = Case.of(VIGNETTE_FACTS[vignette["id"]])
    result = engine.assess(case, KB)
    assert result.level == vignette["triage"], vignette["note"]
    assert set(result.cause_ids) <= set(contract.CAUSE_IDS)
    if vignette["causes_top3_any"]:
        assert set(result.cause_ids[:3]) & set(vignette["causes_top3_any"]), result.cause_ids


# --------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------

SIZE_TEXTS = ["3 mm", "5mm", "9 mm", "12 mm", "1.2 cm", "1,5 cm", "2 cm", "0.4 cm", "tiny", "3 x 4 mm"]
ROLE_CHOICES = [None, None, "negated", "family"]  # own facts a little more often


@st.composite
def facts(draw, roles=ROLE_CHOICES):
    entity = draw(st.sampled_from(sorted(contract.ENTITY_VALUES)))
    values = contract.ENTITY_VALUES[entity]
    value = draw(st.sampled_from(SIZE_TEXTS if values is None else sorted(values)))
    return Fact(entity, value, draw(st.sampled_from(roles)))


fact_lists = st.lists(facts(), min_size=0, max_size=8)
red_flag_facts = st.sampled_from([p.values[1] for p in _rule_cases(KB.red_flag_rules)])
other_role_facts = facts(roles=["negated", "family"])


def urgency(fact_list):
    return RANK[engine.triage(Case.of(fact_list), KB).level]


@PROPERTY_SETTINGS
@given(fact_lists, red_flag_facts)
def test_property_red_flag_facts_never_lower_urgency(base, flag):
    before = urgency(base)
    after = urgency(base + flag)
    assert after >= before
    assert after >= min(RANK[r.level] for r in KB.red_flag_rules)


@PROPERTY_SETTINGS
@given(fact_lists, st.lists(other_role_facts, min_size=1, max_size=4))
def test_property_negated_or_family_facts_never_raise_urgency(base, extra):
    assert urgency(base + extra) <= urgency(base)


@PROPERTY_SETTINGS
@given(st.lists(other_role_facts, max_size=8))
def test_property_only_negated_or_family_is_reassurance(fact_list):
    result = engine.triage(Case.of(fact_list), KB)
    assert result.level == "reassurance" and result.reasons == ()


@PROPERTY_SETTINGS
@given(fact_lists, st.randoms(use_true_random=False))
def test_property_deterministic_and_order_free(fact_list, rnd):
    case = Case.of(fact_list)
    shuffled = list(fact_list)
    rnd.shuffle(shuffled)
    other = Case.of(shuffled)
    first, second = engine.triage(case, KB), engine.triage(case, KB)
    assert first == second
    assert engine.triage(other, KB) == first
    ranking = engine.rank_causes(case, KB)
    assert engine.rank_causes(case, KB) == ranking
    assert engine.rank_causes(other, KB) == ranking
    assert engine.likely_causes(other, KB) == engine.likely_causes(case, KB)
    assert engine.assess(other, KB) == engine.assess(case, KB)


@PROPERTY_SETTINGS
@given(fact_lists)
def test_property_result_shape(fact_list):
    case = Case.of(fact_list)
    result = engine.assess(case, KB)
    assert result.level in contract.TRIAGE_LEVELS
    ids = result.cause_ids
    assert 1 <= len(ids) <= 3
    assert len(set(ids)) == len(ids)
    assert set(ids) <= contract.CAUSE_IDS
    ranking = engine.rank_causes(case, KB)
    assert ids == [c.id for c in ranking[: len(ids)]]  # a prefix of the ranking
    assert all(c.score > 0 for c in result.causes)
    # the level is the most urgent matching rule's, or reassurance
    if result.triage.reasons:
        assert result.level == max((r.level for r in result.triage.reasons), key=RANK.get)
    else:
        assert result.level == "reassurance"
    assert all(r.red_flag for r in result.triage.red_flags)


@PROPERTY_SETTINGS
@given(fact_lists)
def test_property_own_cancer_denial_only_lowers_metastases(fact_list):
    """Denying cancer never makes spread from a cancer more likely, nor the case more urgent."""
    denied = fact_list + [F("condition", "cancer", "negated")]
    assert score_of("hepatic_metastases", *denied) <= score_of("hepatic_metastases", *fact_list)
    assert urgency(denied) <= urgency(fact_list)


@PROPERTY_SETTINGS
@given(fact_lists)
def test_property_own_facts_ignoring_roles_bound_urgency(fact_list):
    """Turning every negated/family fact into an own one can only raise or keep urgency unless an
    `unless` fact (stable) becomes own."""
    owned = [Fact(f.entity, f.value) for f in fact_list]
    if not any(f.entity == "change" and f.value == "stable" and f.role for f in fact_list):
        assert urgency(owned) >= urgency(fact_list)


def test_many_seeded_random_cases_are_valid_and_monotone():
    """A seeded sweep besides hypothesis: valid level, and denying every fact never raises urgency."""
    rnd = random.Random(1)
    pool = [Fact(e, v, r) for e, vals in contract.ENTITY_VALUES.items() for v in (vals or SIZE_TEXTS)
            for r in (None, "negated", "family")]
    for _ in range(2000):
        sample = rnd.sample(pool, rnd.randint(0, 10))
        assert engine.assess(Case.of(sample), KB).level in contract.TRIAGE_LEVELS
        denied = [Fact(f.entity, f.value, "negated") for f in sample]
        assert engine.triage(Case.of(denied), KB).level == "reassurance"


@pytest.mark.parametrize("pattern_or_size", [F("pattern", "coarse"), F("size", "12 mm")])
def test_a_coarse_or_large_spot_unchanged_on_follow_up_is_reassuring(pattern_or_size):
    """CLINICAL_NOTES: healed remnants need no treatment if unchanged on follow-up;
    no growth over a year strongly favours benign (ACR). Without a comparison,
    a coarse or large spot is worth a routine look."""
    finding = F("finding", "calcification")
    assert level_of(finding, pattern_or_size, F("change", "stable")) == "reassurance"
    assert level_of(finding, pattern_or_size) == "see_clinician_routine"
    assert level_of(finding, pattern_or_size, F("change", "growing")) == "see_clinician_soon"


def test_a_users_fact_and_a_relatives_of_the_same_value_sort():
    """'my mum had haemochromatosis', then 'I have it too': both facts in one case
    (independent set B lost the whole result to a TypeError here)."""
    from assistant import replies

    facts = [F("condition", "hemochromatosis", "family"), F("condition", "hemochromatosis"),
             F("finding", "granuloma"), F("change", "stable")]
    assert sorted(facts)[0].role is None
    case = Case.of(facts)
    assert replies.assessment_messages(KB, case, engine.assess(case, KB), set())
