"""Rasa's logistic-regression intent classifier, with the same numbers computed faster.

Why: py-spy on the Rasa server under 20 users put Rasa's
`LogisticRegressionClassifier.process` at 14 % of the server's time, most of
it in `_create_X`, which stacks each message's sparse sentence features with
an empty dense matrix (`scipy.sparse.hstack`, then `vstack`: about 7 %), and
in scikit-learn's `predict_proba` for one row. This subclass (an extension
point: a component in config.yml, trained and saved as Rasa's own) builds the
same matrix without stacking when a message has no dense features, and scores
it with the fitted regression's own arithmetic (`X @ coef.T + intercept`,
then the multinomial softmax that `LogisticRegression` uses with lbfgs and more
than two classes). tests/unit/test_intent_classifier.py checks both against
Rasa's and scikit-learn's results.
"""

from typing import Any, Dict, List, Optional

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix, vstack


def _sentence_row(message: Message) -> Optional[csr_matrix]:
    """The message's sparse sentence features side by side, as `get_sparse_features(TEXT)[1]`
    combines them (the featurizers' matrices in the message's order), in one CSR row; None when
    the message has a dense feature of its text or no sparse sentence feature.

    Why not `get_sparse_features`: it also deep-copies and joins the (larger) sequence
    features, which the regression never reads: 0.4 of the 0.9 ms the classifier took per
    message (cProfile, the bench conversations' messages).
    """
    columns, values, width = [], [], 0
    for feature in message.features:
        if feature.attribute != TEXT:
            continue
        if not feature.is_sparse():
            return None
        if feature.type != FEATURE_TYPE_SENTENCE:
            continue
        matrix = feature.features.tocoo()
        if matrix.shape[0] != 1:
            return None
        columns.append(matrix.col.astype(np.int64) + width)
        values.append(matrix.data)
        width += matrix.shape[1]
    if not values:
        return None
    data = np.concatenate(values).astype(np.float64, copy=False)
    return csr_matrix((data, np.concatenate(columns), np.array([0, len(data)])), shape=(1, width))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class IntentClassifier(LogisticRegressionClassifier):
    """`LogisticRegressionClassifier` (same config, training, files and results), faster to run."""

    def _create_X(self, messages: List[Message]) -> Any:
        rows = [_sentence_row(message) for message in messages]
        if any(row is None for row in rows):
            return super()._create_X(messages)  # not the shape this shortcut is for
        return rows[0] if len(rows) == 1 else vstack(rows, format="csr")

    def _weights(self, clf: Any) -> np.ndarray:
        """`clf.coef_.T` as one C-ordered array, made once per fitted model.

        The transposed view is Fortran-ordered, and scipy's sparse-times-dense
        product copies it into C order (`ravel`) on every call: the whole
        weight matrix a message, the largest single cost of parsing one
        (0.27 of 7 s over 560 parses of the bench conversations, cProfile).
        """
        cached = getattr(self, "_cached_weights", None)
        if cached is None or cached[0] is not clf.coef_:
            cached = self._cached_weights = (clf.coef_, np.ascontiguousarray(clf.coef_.T))
        return cached[1]

    def process(self, messages: List[Message]) -> List[Message]:
        clf = self.clf
        if getattr(clf, "coef_", None) is None or len(clf.classes_) < 3 or clf.solver == "liblinear" \
                or getattr(clf, "multi_class", "auto") not in ("auto", "multinomial"):
            return super().process(messages)  # untrained, binary or one-vs-rest: Rasa's own
        logits = self._create_X(messages) @ self._weights(clf) + clf.intercept_
        logits = logits - logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        for message, row in zip(messages, np.asarray(probabilities)):
            # Plain str and float: the tracker store and the story writer take them as they are.
            ranking: List[Dict[str, Any]] = [{"name": str(name), "confidence": float(p)}
                                             for name, p in zip(clf.classes_, row)]
            ranking.sort(key=lambda e: -e["confidence"])
            message.set("intent", ranking[0], add_to_output=True)
            if self.config["ranking_length"] > 0:
                ranking = ranking[: self.config["ranking_length"]]
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages
