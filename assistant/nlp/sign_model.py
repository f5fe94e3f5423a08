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

It also doubts: where the lists read an alert of a sign it knows and it gives
that sign less than `doubt`, the alert becomes the same question (the lists'
false alarms on wording no list foresaw: a leaflet, a job, a novel).

Examples: the banks in `tests/redflags/` named in signs.yml (`learned.train`),
every bank up to the newest (the next bank written measures it; the tests
measure it trained on A-T and judged on U and later), plus every NLU training
example that names no warning sign, as ordinary messages.
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

    def __getstate__(self) -> Dict[str, Any]:
        # Only the fitted model is saved; the scorer and the last answer are rebuilt.
        return {k: v for k, v in self.__dict__.items() if k not in ("_scorer", "_last")}

    def probabilities(self, text: str) -> Dict[str, float]:
        if self.model is None or not text.strip():
            return {}
        cached = getattr(self, "_last", None)
        if cached is not None and cached[0] == text:
            return dict(cached[1])  # the reader asks twice about the same message
        scorer = getattr(self, "_scorer", None)
        if scorer is None:
            scorer = self._scorer = LinearScorer(self.model)
        result = {c: p for c, p in scorer.probabilities(text).items() if c != NONE}
        self._last = (text, result)
        return dict(result)

    def sklearn_probabilities(self, text: str) -> Dict[str, float]:
        """scikit-learn's own `predict_proba`: what `probabilities` must equal (tests)."""
        classes = list(self.model.classes_)
        return {c: float(p) for c, p in zip(classes, self.model.predict_proba([text])[0]) if c != NONE}

    def guess(self, text: str) -> Optional[Tuple[str, float]]:
        """The sign the model is fairly sure of (p >= threshold), if any."""
        probabilities = self.probabilities(text)
        if not probabilities:
            return None
        value = max(probabilities, key=lambda sign: probabilities[sign])
        return (value, probabilities[value]) if probabilities[value] >= self.threshold else None


class LinearScorer:
    """The fitted pipeline's own arithmetic, without scikit-learn's per-call cost.

    Why: `predict_proba` on one message builds sparse matrices for each
    vectorizer, stacks them and multiplies: 3.7 ms a call here, asked up to
    twice a message, 11 % of the Rasa server's time under load (py-spy, 20
    users). The same numbers from the vectorizers' own analyzers, vocabulary
    and idf, sublinear tf, l2 norm per vectorizer (what `TfidfVectorizer`
    does), the concatenation `make_union` makes, and the multinomial softmax
    of `LogisticRegression` (lbfgs, more than two classes) cost a fraction of
    that; tests/nlu/test_sign_model.py checks they equal `predict_proba` on
    every bank message.
    """

    def __init__(self, pipeline: Any):
        import numpy

        union, regression = pipeline.steps[0][1], pipeline.steps[-1][1]
        if getattr(union, "transformer_weights", None) or len(regression.classes_) < 3:
            raise ValueError("LinearScorer expects an unweighted union and a multinomial regression")
        self._np = numpy
        self.classes = [str(c) for c in regression.classes_]
        self.parts = []
        offset = 0
        for _, vectorizer in union.transformer_list:
            if vectorizer.norm != "l2" or not vectorizer.sublinear_tf or not vectorizer.use_idf:
                raise ValueError("LinearScorer expects l2-normed, sublinear tf-idf vectorizers")
            vocabulary = vectorizer.vocabulary_
            self.parts.append((vectorizer.build_analyzer(), vocabulary, vectorizer.idf_, offset))
            offset += len(vocabulary)
        self.coef = regression.coef_
        self.intercept = regression.intercept_

    def probabilities(self, text: str) -> Dict[str, float]:
        np = self._np
        logits = self.intercept.astype(float)
        for analyzer, vocabulary, idf, offset in self.parts:
            counts: Dict[int, int] = {}
            for term in analyzer(text):
                column = vocabulary.get(term)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            if not counts:
                continue
            columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * idf[columns]
            weights /= np.sqrt(weights @ weights)
            logits = logits + self.coef[:, offset + columns] @ weights
        logits = logits - logits.max()
        exp = np.exp(logits)
        return {c: float(p) for c, p in zip(self.classes, exp / exp.sum())}


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
