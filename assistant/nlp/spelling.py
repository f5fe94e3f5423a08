"""Typo tolerance shared by the term matcher (`pipeline.TypoMatcher`) and the
warning-sign reader (`signs.Speller`): symmetric-delete candidates (as in
SymSpell) checked by Damerau-Levenshtein distance."""

from typing import Set


def deletes(word: str, distance: int) -> Set[str]:
    """The word and every string made by deleting up to `distance` letters."""
    out = {word}
    frontier = {word}
    for _ in range(distance):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]
