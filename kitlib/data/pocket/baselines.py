"""Simple n-gram baselines of the pocket datasets (the numbers in the datasheet).

Why: a pocket test set is only useful if it is neither trivial nor unlearnable, and if its
languages really differ. Two numbers per language say that: the *in-language* baseline (a
model trained on that language's train split, scored on its test split) and the
*English-to-other* baseline (the English model scored on that language's test split; it
must stay low, or English keywords and cognates would carry over and "cross-lingual
transfer" would be measured on string overlap).

The models (scikit-learn, the ``dev`` extra; imported only when called):

- classification (pocket-intent, pocket-sentiment): TF-IDF of character 2-4-grams
  (``char_wb``) plus word 1-2-grams, logistic regression (C=1); score = accuracy for
  pocket-intent, macro-F1 over the three labels for pocket-sentiment (``METRIC``).
- tagging (pocket-ner): one logistic regression over tokens with word and character
  n-gram features of the token and its neighbours (the token, its lowercase form, its
  character 2-4-grams at the start and end, prefixes/suffixes, a shape feature, the words
  one and two to the left and right, the word bigrams around it, and the previous tag: a
  maximum-entropy Markov tagger) with greedy left-to-right decoding (an ``I-`` without a
  matching ``B-``/``I-`` before it opens a span); score = micro F1 over exact (type, start,
  end) spans.

``python -m kitlib.data.pocket.baselines`` prints every table of the datasheet (template
counts and both baselines per language); it takes about a minute on two CPU cores.
"""
from __future__ import annotations

import sys
from typing import Sequence

from kitlib.data.pocket import PocketData, generate
from kitlib.data.types import Example

SOURCE = "en"


def text_model():
    """The classification baseline: char 2-4-gram + word 1-2-gram TF-IDF, logistic regression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    return make_pipeline(
        make_union(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True),
                   TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                   token_pattern=r"(?u)\b\w+\b")),
        LogisticRegression(max_iter=2000))


def _shape(word: str) -> str:
    out = []
    for ch in word:
        kind = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


def token_features(tokens: Sequence[str], i: int, prev_tag: str = "<s>") -> dict[str, float]:
    """Word and character n-gram features of token ``i`` and its neighbours, and the tag
    of the token before it (gold in training, predicted when decoding)."""
    word = tokens[i]
    low = word.lower()

    def at(j: int) -> str:
        return tokens[j].lower() if 0 <= j < len(tokens) else ("<s>" if j < 0 else "</s>")

    feats = {f"w={word}": 1.0, f"lw={low}": 1.0, f"shape={_shape(word)}": 1.0,
             f"w-1={at(i - 1)}": 1.0, f"w+1={at(i + 1)}": 1.0,
             f"w-2={at(i - 2)}": 1.0, f"w+2={at(i + 2)}": 1.0,
             f"b-1={at(i - 1)}|{low}": 1.0, f"b+1={low}|{at(i + 1)}": 1.0,
             f"t-1={prev_tag}": 1.0, f"t-1={prev_tag}|shape={_shape(word)}": 1.0}
    padded = f"<{word}>"
    for n in (2, 3, 4):
        for k in range(len(padded) - n + 1):
            feats[f"c{n}={padded[k:k + n]}"] = 1.0
    for n in (1, 2, 3):
        feats[f"pre{n}={word[:n]}"] = 1.0
        feats[f"suf{n}={word[-n:]}"] = 1.0
    return feats


def spans(tags: Sequence[str]) -> set[tuple[str, int, int]]:
    """(type, start, end) of the entities in a BIO2 tag sequence (a stray I- opens one)."""
    out, start, kind = set(), None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag.startswith("I-") and kind == tag[2:]:
            continue
        if kind is not None:
            out.add((kind, start, i))
            kind = None
        if tag != "O":
            start, kind = i, tag[2:]
    return out


class TokenTagger:
    """The tagging baseline (see the module docstring)."""

    def __init__(self, label_names: Sequence[str]):
        self.label_names = list(label_names)

    def fit(self, examples: Sequence[Example]) -> "TokenTagger":
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression

        feats, ys = [], []
        for ex in examples:
            for i, tag in enumerate(ex.tags):
                prev = self.label_names[ex.tags[i - 1]] if i else "<s>"
                feats.append(token_features(ex.tokens, i, prev))
                ys.append(tag)
        self.vectorizer = DictVectorizer()
        self.model = LogisticRegression(max_iter=2000).fit(
            self.vectorizer.fit_transform(feats), ys)
        return self

    def predict(self, examples: Sequence[Example]) -> list[list[str]]:
        """Greedy left-to-right decoding, each token seeing the tag predicted before it."""
        out: list[list[str]] = [[] for _ in examples]
        longest = max((len(ex.tokens) for ex in examples), default=0)
        for i in range(longest):  # one position of every sentence at a time (fast)
            rows = [k for k, ex in enumerate(examples) if i < len(ex.tokens)]
            feats = [token_features(examples[k].tokens, i, out[k][-1] if i else "<s>")
                     for k in rows]
            for k, tag in zip(rows, self.model.predict(self.vectorizer.transform(feats))):
                out[k].append(self.label_names[tag])
        return out

    def f1(self, examples: Sequence[Example]) -> float:
        """Micro F1 over exact (type, start, end) entity spans."""
        tp = n_pred = n_gold = 0
        for ex, pred in zip(examples, self.predict(examples)):
            gold = spans([self.label_names[t] for t in ex.tags])
            guess = spans(pred)
            tp += len(gold & guess)
            n_pred += len(guess)
            n_gold += len(gold)
        if n_pred == 0 or n_gold == 0:
            return 0.0
        precision, recall = tp / n_pred, tp / n_gold
        return 0.0 if tp == 0 else 2 * precision * recall / (precision + recall)


def _of(data: PocketData, split: str, lang: str) -> list[Example]:
    return [ex for ex in data.splits[split] if ex.lang == lang]


def fit(data: PocketData, lang: str):
    """The baseline model of ``data``'s task, trained on ``lang``'s train split."""
    train = _of(data, "train", lang)
    if data.task == "tagging":
        return TokenTagger(data.label_names).fit(train)
    return text_model().fit([ex.text for ex in train], [ex.label for ex in train])


METRIC: dict[str, str] = {"pocket-intent": "accuracy", "pocket-sentiment": "macro-F1",
                          "pocket-ner": "entity micro-F1"}
"""The score of each dataset, as its real counterpart reports it: MASSIVE accuracy,
tweet_sentiment_multilingual macro-F1 (with three labels, a model that has learnt nothing
and predicts one label scores 0.33 accuracy but 0.17 macro-F1), UNER span F1."""


def score(model, data: PocketData, examples: Sequence[Example]) -> float:
    """``METRIC[data.name]`` of ``model`` on ``examples``."""
    if data.task == "tagging":
        return model.f1(examples)
    texts, gold = [ex.text for ex in examples], [ex.label for ex in examples]
    if METRIC.get(data.name) == "macro-F1":
        from sklearn.metrics import f1_score

        return float(f1_score(gold, model.predict(texts), average="macro",
                              labels=list(range(len(data.label_names))), zero_division=0))
    return float(model.score(texts, gold))


def from_source(data: PocketData, source: str = SOURCE,
                languages: Sequence[str] | None = None) -> dict[str, float]:
    """Test score of the ``source``-trained model on every other language's test split."""
    model = fit(data, source)
    return {lang: score(model, data, _of(data, "test", lang))
            for lang in (languages or data.languages) if lang != source}


def in_language(data: PocketData, languages: Sequence[str] | None = None
                ) -> dict[str, dict[str, float]]:
    """Per language: dev and test score of the model trained on that language's train split."""
    out = {}
    for lang in languages or data.languages:
        model = fit(data, lang)
        out[lang] = {split: score(model, data, _of(data, split, lang)) for split in ("dev", "test")}
    return out


def table(name: str, **options) -> str:
    """Markdown rows ``| lang | in-language dev | in-language test | en -> lang test |``."""
    data = generate(name, **options)
    own = in_language(data)
    cross = from_source(data)
    rows = []
    for lang in data.languages:
        transfer = "(source)" if lang == SOURCE else f"{cross[lang]:.2f}"
        rows.append(f"| {lang} | {own[lang]['dev']:.2f} | {own[lang]['test']:.2f} | {transfer} |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the datasheet's tables: per dataset the template / size table and the
    baselines (``| lang | in-language dev | in-language test | en -> lang test |``)."""
    import importlib

    names = list(argv if argv is not None else sys.argv[1:]) or [
        "pocket-intent", "pocket-sentiment", "pocket-ner"]
    modules = {"pocket-intent": "intent_gen", "pocket-sentiment": "sentiment_gen",
               "pocket-ner": "ner_gen"}
    for name in names:
        gen = importlib.import_module(f"kitlib.data.pocket.{modules[name]}")
        print(f"\n{name}: sizes at size=1")
        print(gen.summary_table(gen.summary()))
        print(f"\n{name} baselines ({METRIC[name]}): lang | in-language dev | in-language test "
              f"| {SOURCE} -> lang test")
        print(table(name))


if __name__ == "__main__":
    main()
