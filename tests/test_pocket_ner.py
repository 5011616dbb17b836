"""pocket-ner: sizes, BIO2 validity, test (and dev) sharing neither templates nor entity
names with train, sentences with zero and one entity, enough distinct test names, typed
fills (routes, kinds of organizations), no one-token shortcut to a type, and the agreement
rules a review found broken (German titles, Russian past tense, Portuguese articles)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from kitlib.data.pocket import generate
from kitlib.data.pocket import ner_gen
from kitlib.data.pocket.frames import near_copies
from kitlib.errors import KitError

REQUIRED = {"en", "de", "es", "pt", "sv", "ru", "zh", "ja"}
LANGS = list(ner_gen.LANGUAGES)


@pytest.fixture(scope="module")
def data():
    return generate("pocket-ner")


def by_lang(examples):
    out = defaultdict(list)
    for ex in examples:
        out[ex.lang].append(ex)
    return out


def bio2_errors(tags: list[str]) -> list[int]:
    """Positions of I-X tags not preceded by B-X or I-X (what BIO2 forbids)."""
    bad = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-"):
            prev = tags[i - 1] if i else "O"
            if prev == "O" or prev[2:] != tag[2:]:
                bad.append(i)
    return bad


def mentions(ex, names):
    """(type, start, end) of each entity of an example, in order."""
    out, i, tags = [], 0, [names[t] for t in ex.tags]
    while i < len(tags):
        if tags[i].startswith("B-"):
            j = i + 1
            while j < len(tags) and tags[j] == "I-" + tags[i][2:]:
                j += 1
            out.append((tags[i][2:], i, j))
            i = j
        else:
            i += 1
    return out


def test_bio2_checker_can_fail():
    assert bio2_errors(["O", "I-PER"]) == [1]
    assert bio2_errors(["B-ORG", "I-PER"]) == [1]
    assert bio2_errors(["B-PER", "I-PER", "O", "B-LOC"]) == []


def test_shape_languages_and_labels(data):
    assert data.name == "pocket-ner"
    assert data.task == "tagging"
    assert data.label_names == ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
    assert REQUIRED <= set(data.languages)
    assert data.seen == ["en", "de", "ru", "zh"]
    for split in ("train", "dev", "test"):
        assert {ex.lang for ex in data.splits[split]} == set(data.languages)


def test_sizes_and_template_counts_per_language(data):
    for split, (low, high, n_templates) in (("train", (250, 400, 18)), ("dev", (100, 300, 6)),
                                            ("test", (200, 300, 12))):
        for lang, examples in by_lang(data.splits[split]).items():
            assert low <= len(examples) <= high, (split, lang, len(examples))
            templates = {data.sources[ex.id]["template"] for ex in examples}
            assert len(templates) >= n_templates, (split, lang, len(templates))


def test_tokens_tags_and_bio2(data):
    names = data.label_names
    ids = [ex.id for split in data.splits.values() for ex in split]
    assert len(ids) == len(set(ids))
    for split, examples in data.splits.items():
        for ex in examples:
            assert re.fullmatch(rf"ner-{ex.lang}-{split}-\d{{5}}", ex.id), ex.id
            assert ex.text is None and ex.label is None
            assert isinstance(ex.tokens, tuple) and isinstance(ex.tags, tuple)
            assert len(ex.tokens) == len(ex.tags) > 0
            assert all(tok and not re.search(r"\s|[{}|#]", tok) for tok in ex.tokens), ex.tokens
            assert all(0 <= t < len(names) for t in ex.tags)
            tags = [names[t] for t in ex.tags]
            assert not bio2_errors(tags), (ex.tokens, tags)
            src = data.sources[ex.id]
            assert sum(t.startswith("B-") for t in tags) == len(src["entities"]) == len(src["genders"])
            assert src["template"].startswith(f"{ex.lang}/")


def test_every_tag_occurs(data):
    for split in ("train", "test"):
        used = {data.label_names[t] for ex in data.splits[split] for t in ex.tags}
        assert used == set(data.label_names), (split, used)


@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_sentences_without_and_with_one_entity(data, split):
    """As in Universal NER, many sentences have no entity or one: at least 20 % of each."""
    for lang, examples in by_lang(data.splits[split]).items():
        counts = Counter(len(data.sources[ex.id]["entities"]) for ex in examples)
        assert counts[0] >= 0.2 * len(examples), (split, lang, counts)
        assert counts[1] >= 0.2 * len(examples), (split, lang, counts)
        assert sum(v for k, v in counts.items() if k >= 2) >= 0.2 * len(examples), (split, lang, counts)


def test_enough_distinct_test_names(data):
    for lang, examples in by_lang(data.splits["test"]).items():
        names = {name for ex in examples for name in data.sources[ex.id]["entities"]}
        assert len(names) >= 60, (lang, len(names))


def test_no_template_or_entity_shared_between_splits(data):
    templates = {s: {data.sources[ex.id]["template"] for ex in exs} for s, exs in data.splits.items()}
    entities = {s: {(ex.lang, name) for ex in exs for name in data.sources[ex.id]["entities"]}
                for s, exs in data.splits.items()}
    for a, b in (("train", "test"), ("train", "dev"), ("dev", "test")):
        assert not templates[a] & templates[b], (a, b)
        assert not entities[a] & entities[b], (a, b, sorted(entities[a] & entities[b])[:5])


def test_entity_words_of_test_never_tagged_in_train(data):
    """Stronger than names: no test entity string (as tokens) appears as an entity in train."""
    def spans(ex):
        return [" ".join(ex.tokens[s:e]) for _, s, e in mentions(ex, data.label_names)]

    train = {(ex.lang, s) for ex in data.splits["train"] for s in spans(ex)}
    test = {(ex.lang, s) for ex in data.splits["test"] for s in spans(ex)}
    assert test and not train & test, sorted(train & test)[:5]


@pytest.mark.parametrize("lang", LANGS)
def test_no_dev_or_test_frame_is_a_near_copy_of_train(lang):
    entries = ner_gen.templates(ner_gen.load_language(lang))
    n = len(entries)
    train = [(str(p), t) for p, _, t in entries if ner_gen.split_of(p, n) == "train"]
    other = [(str(p), t) for p, _, t in entries if ner_gen.split_of(p, n) != "train"]
    assert not near_copies(train, other, lang)


def test_frames_of_each_language_are_its_own():
    english = {key for _, key, _ in ner_gen.templates(ner_gen.load_language("en"))}
    for lang in LANGS:
        keys = [key for _, key, _ in ner_gen.templates(ner_gen.load_language(lang))]
        assert len(keys) == len(set(keys)), lang
        if lang != "en":
            own = [k for k in keys if k not in english]
            assert len(own) >= len(keys) / 3, (lang, len(own), len(keys))


def _kinds(lang):
    """name -> (kind, zone) for the organizations and places of a language."""
    module = ner_gen.load_language(lang)
    out = {}
    for etype in ("ORG", "LOC"):
        for kind, raw in getattr(module, etype).items():
            for name in ner_gen._names(list(raw), kind):
                out[(etype, name.forms[0])] = (name.kind, name.zone)
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_fills_respect_kinds_and_routes(data, lang):
    """"shares of {ORG@company}" never gets a university, "{LOC} to {LOC2@near}" joins two
    cities of one country (no direct train from Melbourne to Liverpool)."""
    kinds = _kinds(lang)
    entries = {p: t for p, _, t in ner_gen.templates(ner_gen.load_language(lang))}
    checked = 0
    for examples in data.splits.values():
        for ex in examples:
            if ex.lang != lang:
                continue
            src = data.sources[ex.id]
            slots = [payload for kind, payload in ner_gen._parse(entries[int(src["template"].split("/")[1])])
                     if kind == "entity"]
            first: dict[str, str] = {}
            for (etype, second, _, _, wanted), name in zip(slots, src["entities"]):
                if etype == "PER":
                    continue
                kind, zone = kinds[(etype, name)]
                if [w for w in wanted if w != "near"]:
                    assert kind in wanted, (ex.tokens, name, wanted)
                if "near" in wanted:
                    assert zone and zone == kinds[(etype, first[etype])][1], (ex.tokens, name)
                    checked += 1
                first.setdefault(etype, name)
    assert checked > 0


def neighbour_shortcuts(examples, names, cover=0.5, precision=0.9):
    """(side, token, type, cover, precision) where one neighbouring token (left of a mention
    or right of it) accompanies at least ``cover`` of a type's mentions and precedes / follows
    almost only that type (``precision`` of the mentions it touches)."""
    table = {"L": defaultdict(Counter), "R": defaultdict(Counter)}
    total = Counter()
    for ex in examples:
        toks = [t.lower() for t in ex.tokens]
        for etype, s, e in mentions(ex, names):
            table["L"][toks[s - 1] if s else "<s>"][etype] += 1
            table["R"][toks[e] if e < len(toks) else "</s>"][etype] += 1
            total[etype] += 1
    found = []
    for side, words in table.items():
        for word, counts in words.items():
            for etype, k in counts.items():
                if k / total[etype] >= cover and k / sum(counts.values()) >= precision:
                    found.append((side, word, etype, round(k / total[etype], 2),
                                  round(k / sum(counts.values()), 2)))
    return found


def test_shortcut_check_can_fail():
    from kitlib.data.types import Example

    names = ner_gen.LABEL_NAMES
    made = [Example(id=str(i), lang="ru", tokens=("компания", "«", "Газпром", "»", "растёт"),
                    tags=(0, 0, 3, 0, 0)) for i in range(5)]
    made.append(Example(id="x", lang="ru", tokens=("Иван", "в", "Москве"), tags=(1, 0, 5)))
    assert ("L", "«", "ORG", 1.0, 1.0) in neighbour_shortcuts(made, names)


@pytest.mark.parametrize("split", ["train", "test"])
def test_no_single_neighbouring_token_decides_a_type(data, split):
    for lang, examples in by_lang(data.splits[split]).items():
        assert not neighbour_shortcuts(examples, data.label_names), (lang, split)


# ------------------------------------------------------------------ agreement rules
_DE_MASC = {"Herr", "Sprecher", "Chef", "seinen"}
_DE_FEM = {"Frau", "Sprecherin", "Chefin", "ihren"}


def german_title_errors(tokens, first_gender):
    """Titles and roles that disagree with the gender of the sentence's first person."""
    words = set(tokens)
    wrong = _DE_FEM if first_gender == "m" else _DE_MASC if first_gender == "f" else set()
    return sorted(words & wrong)


def test_german_title_check_can_fail():
    tokens = "Anna Schmidt wurde am Montag zum neuen Chef von SAP ernannt .".split()
    assert german_title_errors(tokens, "f") == ["Chef"]
    assert german_title_errors("Frau Dr. Weber antwortet .".split(), "f") == []


def test_german_titles_agree_with_the_person(data):
    seen = 0
    for examples in data.splits.values():
        for ex in examples:
            if ex.lang != "de":
                continue
            src = data.sources[ex.id]
            people = [g for (etype, _, _), g in zip(mentions(ex, data.label_names), src["genders"])
                      if etype == "PER"]
            if people:
                assert not german_title_errors(ex.tokens, people[0]), (ex.tokens, people[0])
                seen += bool(set(ex.tokens) & (_DE_MASC | _DE_FEM))
    assert seen >= 50


_RU_VERBS = ["заявил", "подписал", "вырос", "задержан", "покинул", "отказался", "заверил"]


def russian_agreement_errors(tokens, gender):
    """Past-tense verbs (and short participles) that disagree with the person's gender."""
    errors = []
    for verb in _RU_VERBS:
        fem = verb[:-2] + "ась" if verb.endswith("ся") else verb + ("а" if not verb.endswith("л") else "а")
        if gender == "f" and verb in tokens:
            errors.append(verb)
        if gender == "m" and fem in tokens:
            errors.append(fem)
    return errors


def test_russian_agreement_check_can_fail():
    assert russian_agreement_errors(["Анна", "Петрова", "заявил"], "f") == ["заявил"]
    assert russian_agreement_errors(["Иван", "Петров", "отказалась"], "m") == ["отказалась"]
    assert not russian_agreement_errors(["Анна", "Петрова", "заявила"], "f")


def test_russian_verbs_agree_with_the_person(data):
    checked = 0
    for examples in data.splits.values():
        for ex in examples:
            if ex.lang != "ru":
                continue
            src = data.sources[ex.id]
            people = [g for (etype, _, _), g in zip(mentions(ex, data.label_names), src["genders"])
                      if etype == "PER"]
            if len(people) == 1:
                assert not russian_agreement_errors(ex.tokens, people[0]), ex.tokens
                checked += 1
    assert checked >= 100


_PT_ARTICLES = {"o": "m", "a": "f", "do": "m", "da": "f", "no": "m", "na": "f", "ao": "m", "à": "f"}


def test_portuguese_articles_agree_and_vary(data):
    """The article or contraction before an organization agrees with its gender ("na
    Petrobras", "no Itaú"); no single one precedes most organizations, and the commonest
    ones also precede people and places ("a Ana", "o Rio de Janeiro")."""
    left = Counter()
    other = Counter()
    for examples in data.splits.values():
        for ex in examples:
            if ex.lang != "pt":
                continue
            src = data.sources[ex.id]
            for (etype, s, _), gender in zip(mentions(ex, data.label_names), src["genders"]):
                word = ex.tokens[s - 1].lower() if s else "<s>"
                if etype == "ORG":
                    left[word] += 1
                    if word in _PT_ARTICLES and gender in ("m", "f"):
                        assert _PT_ARTICLES[word] == gender, (ex.tokens, s)
                else:
                    other[word] += 1
    assert max(left.values()) < 0.35 * sum(left.values()), left.most_common(5)
    for word, _ in left.most_common(2):
        assert other[word] >= 0.1 * left[word], (word, left[word], other[word])


def test_deterministic(data):
    again = ner_gen.generate()
    assert again.splits == data.splits
    assert again.sources == data.sources


def test_size_scales_fills():
    small = generate("pocket-ner", size=1)
    big = generate("pocket-ner", size=2)
    for split in ("train", "test"):
        assert len(big.splits[split]) > len(small.splits[split])
    def content(ex):
        return (ex.lang, ex.text, ex.tokens, ex.label, ex.tags)

    for split in ("train", "dev", "test"):
        assert {content(ex) for ex in small.splits[split]} <= {content(ex) for ex in big.splits[split]}


@pytest.mark.parametrize("size", [0, -3, 2.0, None])
def test_bad_size_is_a_kit_error(size):
    with pytest.raises(KitError, match="size"):
        ner_gen.generate(size=size)


def test_unfillable_template_is_reported():
    import types

    module = types.SimpleNamespace(**{k: getattr(ner_gen.load_language("en"), k)
                                      for k in ("GIVEN", "FAMILY", "ORG", "LOC", "FILL")})
    pool = ner_gen._pool(module, "dev")
    filler = ner_gen._Filler("{ORG@spaceport} opens .", pool, module.FILL, False)
    assert filler.draw(__import__("random").Random(0)) is None
