"""A learned second opinion on warning signs, feeding the safety net.

Why: the concept lists of `knowledge/signs.yml` read a sign when its parts are
named; on each fresh independent bank, run once before its categories were
fixed, they reached 0.93-0.95 recall after one question (banks E, F, G), never
the 0.98 a safety net needs, because every author finds wordings no list
holds. A classifier over character and word n-grams, trained on the
independent banks the lists were fixed on, generalises differently: trained on
five of the banks A-F and judged on the sixth (each bank in turn), it finds
0.97 of the signs with p >= 0.4, while adding a question for 7 % of the
near-misses (measured in `tests/test_sign_model.py`'s cross-validation).

It never raises an alert by itself: where the lists read nothing for a sign
and the model is fairly sure of it, the sign becomes an uncertain cue, so the
dialogue asks its one yes/no question (a wrong guess costs one question, and
"no" adds nothing). Where the lists read the sign in any way (an alert, a
denial, a relative's, a question, long past), the lists decide.

Examples: the banks in `tests/redflags/` named in signs.yml (`learned.train`),
never the later ones kept to measure it, plus every NLU training example that
names no warning sign, as ordinary messages.
"""

import json
import re
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[2]
BANKS = ROOT / "tests" / "redflags"
NLU = ROOT / "data" / "nlu"
# Bank flags -> contract symptom values the safety net can ask about. Fever with
# pain or jaundice is a combination of plain symptoms, not one question.
FLAG_TO_SIGN = {"vomiting_blood": "vomiting_blood", "black_stools": "black_stools", "confusion": "confusion",
                "collapse": "fainting", "severe_abdominal_pain": "severe_abdominal_pain",
                "self_harm": "suicidal_thoughts"}
NONE = "none"
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\{[^}]*\}|\([^)]*\))")


def bank_paths(names: Sequence[str]) -> List[Path]:
    return [BANKS / f"{name}.json" for name in names]


def examples(bank_names: Sequence[str], sign_values: Iterable[str]) -> Tuple[List[str], List[str]]:
    """(texts, labels): the banks' cases, and NLU examples naming no warning sign as NONE."""
    texts: List[str] = []
    labels: List[str] = []
    for path in bank_paths(bank_names):
        for case in json.loads(path.read_text(encoding="utf-8")):
            texts.append(case["text"])
            labels.append(FLAG_TO_SIGN.get(case["flag"] or "", NONE))
    signs = tuple(sign_values)
    for path in sorted(NLU.glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line.startswith("- ") or any(value in line for value in signs):
                continue
            text = _ANNOTATION.sub(lambda m: m.group(1), line[2:]).strip()
            if text and ":" not in text[:12]:
                texts.append(text)
                labels.append(NONE)
    return texts, labels


class SignModel:
    """Character (3-5, within words: typos) and word (1-2) n-grams, TF-IDF,
    logistic regression with balanced classes. Deterministic (liblinear-free
    lbfgs, fixed data order)."""

    def __init__(self, threshold: float):
        self.threshold = threshold
        self.model: Any = None  # scikit-learn pipeline, once fitted

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> "SignModel":
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline, make_union

        features = make_union(
            TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True),
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True))
        self.model = make_pipeline(features, LogisticRegression(C=10, max_iter=3000, class_weight="balanced"))
        self.model.fit(list(texts), list(labels))
        return self

    def probabilities(self, text: str) -> Dict[str, float]:
        if self.model is None or not text.strip():
            return {}
        classes = list(self.model.classes_)
        return {c: float(p) for c, p in zip(classes, self.model.predict_proba([text])[0]) if c != NONE}

    def guess(self, text: str) -> Optional[Tuple[str, float]]:
        """The sign the model is fairly sure of (p >= threshold), if any."""
        probabilities = self.probabilities(text)
        if not probabilities:
            return None
        value = max(probabilities, key=lambda sign: probabilities[sign])
        return (value, probabilities[value]) if probabilities[value] >= self.threshold else None


def train(config: Mapping, sign_values: Iterable[str]) -> Optional[SignModel]:
    learned = config.get("learned") or {}
    if not learned.get("train"):
        return None
    texts, labels = examples(learned["train"], sign_values)
    return SignModel(float(learned.get("threshold", 0.4))).fit(texts, labels)


def save(model: Optional[SignModel], path: Path) -> None:
    if model is not None:
        import joblib

        joblib.dump(model, path / "sign_model.joblib")


def load(path: Path) -> Optional[SignModel]:
    """The model trained with the pipeline (written by `save` at training time, never from outside)."""
    target = path / "sign_model.joblib"
    if not target.exists():
        return None
    import joblib

    return joblib.load(target)
