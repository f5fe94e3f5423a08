"""Names fixed by ../shared/CONTRACT.md: the outside world relies on them."""

ROLES = ("negated", "family")

ENTITY_VALUES = {
    "finding": {"calcification", "granuloma", "cyst", "mass", "stone"},
    "pattern": {"punctate", "scattered", "single", "coarse", "rim"},
    "size": None,  # the text as written, e.g. "3 mm"
    "imaging": {"ct", "ultrasound", "mri", "xray"},
    "change": {"stable", "new", "growing"},
    "condition": {
        "tuberculosis", "histoplasmosis", "cancer", "colorectal_cancer",
        "breast_cancer", "liver_cancer", "cirrhosis", "hepatitis",
        "primary_biliary_cholangitis", "hemochromatosis", "echinococcosis",
        "bile_duct_stones", "gallstones", "liver_abscess", "liver_injury",
    },
    "medication": {"methotrexate", "amiodarone", "chemotherapy"},
    "symptom": {
        "abdominal_pain", "pain_after_fatty_meals", "jaundice", "weight_loss",
        "fever", "itching", "fatigue", "vomiting_blood", "black_stools",
        "confusion", "swollen_abdomen", "severe_abdominal_pain", "fainting",
        "suicidal_thoughts",
    },
}

# The assistant's own readings, which the contract does not name and the NLU
# never sends as entities (they travel as message data, see
# assistant/nlp/component.py REPORT_READINGS): what the report says should
# happen next, and a cyst staged inactive. Triage rules may use them.
INTERNAL_VALUES = {
    "report": {"follow_up_advised", "no_follow_up_needed", "inactive_cyst", "concerning_features"},
}

# Sizes are free text; the engine reasons on bands.
SIZE_BANDS = ("small", "large")
LARGE_SIZE_MM = 10.0

TRIAGE_LEVELS = ("reassurance", "see_clinician_routine", "see_clinician_soon", "emergency")

CAUSE_IDS = frozenset({
    "granulomatous_infection", "healed_infection", "hepatic_metastases",
    "primary_liver_cancer", "chronic_liver_disease", "drug_related",
    "bile_duct_stones", "hydatid_cyst", "cystic_lesion", "rare_metabolic",
})

# General answers the dialogue needs from knowledge/answers.yml.
ANSWER_IDS = (
    "what_is", "causes_overview", "diagnosis_overview", "treatment_overview",
    "seriousness", "is_it_cancer", "disclaimer", "out_of_scope",
)
