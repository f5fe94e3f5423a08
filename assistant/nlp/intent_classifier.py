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

from typing import Any, Dict, List

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix, vstack


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class IntentClassifier(LogisticRegressionClassifier):
    """`LogisticRegressionClassifier` (same config, training, files and results), faster to run."""

    def _create_X(self, messages: List[Message]) -> Any:
        rows = []
        for message in messages:
            sparse = message.get_sparse_features(attribute=TEXT)[1]
            dense = message.get_dense_features(attribute=TEXT)[1]
            if sparse is None or dense is not None:
                return super()._create_X(messages)  # not the shape this shortcut is for
            rows.append(csr_matrix(sparse.features, dtype=np.float64))
        return rows[0] if len(rows) == 1 else vstack(rows, format="csr")

    def process(self, messages: List[Message]) -> List[Message]:
        clf = self.clf
        if getattr(clf, "coef_", None) is None or len(clf.classes_) < 3 or clf.solver == "liblinear" \
                or getattr(clf, "multi_class", "auto") not in ("auto", "multinomial"):
            return super().process(messages)  # untrained, binary or one-vs-rest: Rasa's own
        logits = self._create_X(messages) @ clf.coef_.T + clf.intercept_
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
