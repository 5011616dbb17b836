"""Generator of ``pocket-ner``: PER / ORG / LOC in BIO2 over pre-tokenized sentences.

Why templates plus partitioned name lists: the test split must measure recognising entities,
not remembering them. Train, dev and test use disjoint sentence templates AND disjoint
entity names (each name list is cut by position, like the templates), so no test sentence
shape or name was ever seen in training, and no dev/test template is a near-copy of a
train template (``frames.near_copies``, tested). Multi-word names (given + family name,
"New York", "Goldman Sachs") give I- tags; a quarter of the templates of every split have
no entity at all and a third exactly one, as in Universal NER, where most sentences have
none or one.

Why typed slots: "a direct train from Melbourne to Liverpool", "shares of Harvard
University fell" are sentences nobody writes. Organizations and locations are listed by
kind (company, university, club, public body, media; city, country, region), cities carry
their country (``#zone=gb``), and a slot names the kinds it takes (``{ORG@company}``,
``{LOC@city}``; ``{LOC2@near}`` is a city of the same country as ``{LOC}``).

Why the contexts vary: a tagger must not find a type from one neighbouring word (every
Russian company after «, every Japanese person before さん). Each type appears after and
before many different words, and the words that often precede one type also precede
others; a test checks that no single neighbouring token covers most mentions of a type
while almost never preceding another.

Per-language data format (``kitlib/data/pocket/ner/<lang>.py``):

``GIVEN: list[str]``, ``FAMILY: list[str]``
    given names (``"f:"`` marks a woman's name) and family names; a person is a given name
    and a family name of the same split ("Anna Schmidt"), Japanese and Chinese write the
    family name first (``FAMILY_FIRST = True``), Chinese as one word (``PERSON_JOINER = ""``,
    "王芳", so Chinese has no I-PER). A name may list case forms
    ``"Иван|Ивана|Ивану|Иваном|Иване"``; a family name may list a woman's forms after
    ``"/"`` (``"Петров|Петрова|...//Петрова|Петровой|..."``).
``ORG``, ``LOC: dict[str, list[str]]``
    kind -> names, words separated by single spaces (zh/ja: segmented into words as
    Universal NER does). A name may list case forms ``"nom|form1|..."`` (the first is its
    identity) and tags: ``#g=f`` (grammatical gender, for articles), ``#zone=xx`` (the
    country of a city).
``FILL: dict[str, list[str]]`` (optional)
    non-entity fillers (days, documents, numbers...), used as ``{DAY}`` etc. and tagged ``O``.
``TEMPLATES: list[tuple[str, str]]``
    (frame key, sentence) in file order; the last ``split_sizes(n)["test"]`` go to test,
    the ones before to dev. Slots: ``{PER}`` (given + family name), ``{PER.last}``,
    ``{PER.first}``, ``{ORG}``, ``{LOC}``, a ``2`` for a second, different name of the same
    type (``{PER2}``, ``{LOC2@near}``), ``:k`` for the k-th case form, ``@kind1,kind2`` for
    the kinds a slot takes; ``{=masc|fem}`` is a word that agrees with the first person of
    the sentence (``{=masc|fem@ORG}`` with an organization, ``{=m:no|f:na|0:em@LOC}`` keyed
    by gender, 0 = none); and ``FILL`` keys. Text is cut into tokens by ``tokenize``
    (words, and each punctuation mark alone), so zh/ja templates are written with spaces
    between words. Frame keys mark counterparts of English frames, as in pocket-sentiment.
"""
from __future__ import annotations

import importlib
import random
import re
from dataclasses import dataclass

from kitlib.data.pocket.frames import parse_value
from kitlib.data.pocket.sentiment_gen import build, round_robin, unique_draws
from kitlib.data.types import Example
from kitlib.errors import KitError

NAME = "pocket-ner"
LABEL_NAMES: list[str] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
LANGUAGES: tuple[str, ...] = ("en", "de", "es", "pt", "sv", "ru", "zh", "ja")
SEEN: list[str] = ["en", "de", "ru", "zh"]
SPLITS: tuple[str, ...] = ("train", "dev", "test")
ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC")
PER_TEMPLATE: dict[str, int] = {"train": 14, "dev": 15, "test": 16}
"""Sentences per template at size=1 (times ``size``): 24 / 8 / 16 templates give 336 / 120
/ 256 sentences per language."""

_SLOT = re.compile(r"\{[^{}]+\}")
_TOKEN = re.compile(r"\w+(?:['’\-]\w+)*|[^\w\s]")
ABBREVIATIONS = frozenset({"Dr", "Mr", "Mrs", "Ms", "St", "Prof", "Sr", "Sra", "Dra", "Hr", "Fr"})
"""Words that keep their dot as one token ("Dr.")."""
_ENTITY = re.compile(r"(PER|ORG|LOC)(2?)(?:\.(first|last))?(?::(\d))?(?:@([\w,]+))?(?::(\d))?")
_TAG = {name: i for i, name in enumerate(LABEL_NAMES)}

__all__ = ["LABEL_NAMES", "LANGUAGES", "SEEN", "generate", "generate_language", "name_split",
           "tokenize", "split_sizes"]


def split_sizes(n: int) -> dict[str, int]:
    """How many of ``n`` templates go to each split: a third to test, a sixth to dev."""
    test = max(12, round(n / 3))
    dev = max(6, round(n / 6))
    return {"train": n - test - dev, "dev": dev, "test": test}


def name_sizes(n: int) -> dict[str, int]:
    """How many of a name list's ``n`` entries go to each split (test last, dev before)."""
    test = max(1, round(n * 0.3))
    dev = max(1, round(n * 0.2))
    return {"train": n - test - dev, "dev": dev, "test": test}


def _cut(sizes: dict[str, int], position: int) -> str:
    if position < sizes["train"]:
        return "train"
    return "dev" if position < sizes["train"] + sizes["dev"] else "test"


def split_of(position: int, n: int) -> str:
    """The split of the template at ``position`` among ``n`` templates."""
    return _cut(split_sizes(n), position)


def name_split(names: list[str], split: str) -> list[str]:
    """The entries of a name list that belong to ``split`` (cut by position)."""
    sizes = name_sizes(len(names))
    return [entry for pos, entry in enumerate(names) if _cut(sizes, pos) == split]


def tokenize(text: str) -> list[str]:
    """Words (an abbreviation such as "Dr." keeps its dot) and single punctuation marks."""
    out: list[str] = []
    for token in _TOKEN.findall(text):
        if token == "." and out and out[-1] in ABBREVIATIONS:
            out[-1] += "."
        else:
            out.append(token)
    return out


def load_language(lang: str):
    """The data module of one language (see the module docstring for its format)."""
    return importlib.import_module(f"kitlib.data.pocket.ner.{lang}")


@dataclass(frozen=True)
class Name:
    """One entity name: its case forms (``forms[0]`` is its identity), gender, kind, zone."""

    forms: tuple[str, ...]
    gender: str  # "m", "f" or "0"
    kind: str
    zone: str


def _names(raw: list[str], kind: str, default_gender: str = "0") -> list[Name]:
    out = []
    for entry in raw:
        value = parse_value(entry, where=f"pocket-ner name {entry!r}")
        gender = next(iter(value.tags.get("g", {default_gender})))
        zone = next(iter(value.tags.get("zone", {""})))
        out.append(Name(value.forms, gender, kind, zone))
    return out


@dataclass(frozen=True)
class Person:
    given: Name
    family: tuple[str, ...]  # forms, already in the person's gender

    @property
    def gender(self) -> str:
        return self.given.gender


def _people(data, split: str) -> list[Person]:
    given = []
    for entry in name_split(list(data.GIVEN), split):
        gender, text = ("f", entry[2:]) if entry.startswith("f:") else \
            ("m", entry[2:] if entry.startswith("m:") else entry)
        given.append(Name(tuple(text.split("|")), gender, "person", ""))
    out = []
    for family in name_split(list(data.FAMILY), split):
        masc, _, fem = family.partition("//")
        for g in given:
            forms = (fem if (fem and g.gender == "f") else masc).split("|")
            out.append(Person(g, tuple(forms)))
    return out


def _pool(data, split: str) -> dict:
    pool = {"PER": _people(data, split)}
    for kind_type in ("ORG", "LOC"):
        pool[kind_type] = [name for kind, raw in getattr(data, kind_type).items()
                           for name in _names(name_split(list(raw), split), kind)]
    return pool


def _form(forms, index: int) -> str:
    return forms[min(index, len(forms) - 1)]


def _person_text(person: Person, part: str | None, form: int, family_first: bool,
                 joiner: str = " ") -> str:
    given, family = _form(person.given.forms, form), _form(person.family, form)
    if part == "first":
        return given
    if part == "last":
        return family
    return joiner.join([family, given] if family_first else [given, family])


def _agree(spec: str, gender: str) -> str:
    """``"masc|fem"`` or ``"m:no|f:na|0:em"`` -> the form for ``gender``."""
    options = spec.split("|")
    if all(":" in o for o in options):
        table = dict(o.split(":", 1) for o in options)
        return table.get(gender, table.get("0", options[0].split(":", 1)[1]))
    return options[1] if gender == "f" and len(options) > 1 else options[0]


class _Filler:
    """Draws coherent fills of one template from one split's names."""

    def __init__(self, template: str, pool: dict, fillers: dict, family_first: bool,
                 joiner: str = " "):
        self.template = template
        self.joiner = joiner
        self.pool = pool
        self.fillers = fillers
        self.family_first = family_first
        self.parts = _parse(template)

    def draw(self, rng: random.Random):
        """(words, tag ids, entity names) of one fill, or None when the names drawn first
        leave a later slot without a candidate (the caller draws again)."""
        chosen: dict[tuple[str, bool], object] = {}
        slots = [p for k, p in self.parts if k == "entity"]
        # names first (PER before PER2, so @near has its city), then words can agree with them
        for etype, second, _, _, kinds in sorted(slots, key=lambda p: p[1]):
            if (etype, second) not in chosen:
                chosen[(etype, second)] = self._pick(etype, second, kinds, chosen, rng)
                if chosen[(etype, second)] is None:
                    return None
        words: list[str] = []
        tags: list[int] = []
        entities: list[str] = []
        genders: list[str] = []
        for kind, payload in self.parts:
            if kind == "text":
                words.extend(payload)
                tags.extend([0] * len(payload))
            elif kind == "fill":
                value = rng.choice(self.fillers[payload]).split()
                words.extend(value)
                tags.extend([0] * len(value))
            elif kind == "agree":
                spec, ref = payload
                target = chosen.get((ref.rstrip("2"), ref.endswith("2")))
                if target is None:
                    raise KitError(f"pocket-ner template {self.template!r}: agreement with "
                                   f"{ref} before any {ref} slot.")
                value = _agree(spec, target.gender).split()
                words.extend(value)
                tags.extend([0] * len(value))
            else:
                etype, second, part, form, kinds = payload
                name = chosen[(etype, second)]
                if etype == "PER":
                    text = _person_text(name, part, form, self.family_first, self.joiner)
                    entities.append(_person_text(name, part, 0, self.family_first, self.joiner))
                else:
                    text = _form(name.forms, form)
                    entities.append(name.forms[0])
                genders.append(name.gender)
                value = text.split()
                words.extend(value)
                tags.extend([_TAG[f"B-{etype}"]] + [_TAG[f"I-{etype}"]] * (len(value) - 1))
        if words and words[0][:1].islower() and tags[0] == 0:
            words[0] = words[0][:1].upper() + words[0][1:]  # a filler opens the sentence
        return tuple(words), tuple(tags), entities, genders

    def _pick(self, etype, second, kinds, chosen, rng):
        other = chosen.get((etype, not second))
        candidates = [n for n in self.pool[etype] if n is not other]
        if etype == "PER" and other is not None:
            candidates = [p for p in candidates if p.given is not other.given
                          and p.family != other.family]
        wanted = [k for k in kinds if k != "near"]
        if wanted:
            candidates = [n for n in candidates if n.kind in wanted]
        if "near" in kinds:
            if other is None:
                raise KitError(f"pocket-ner template {self.template!r}: @near needs the other "
                               f"{etype} slot first.")
            candidates = [n for n in candidates if n.zone and n.zone == other.zone]
        return rng.choice(candidates) if candidates else None


def _parse(template: str) -> list[tuple[str, object]]:
    parts: list[tuple[str, object]] = []
    pos = 0
    for match in _SLOT.finditer(template):
        text = template[pos:match.start()]
        if text.strip():
            parts.append(("text", tokenize(text)))
        body = match.group(0)[1:-1]
        entity = _ENTITY.fullmatch(body)
        if body.startswith("="):
            spec, _, ref = body[1:].partition("@")
            parts.append(("agree", (spec, ref or "PER")))
        elif entity:
            etype, second, part, form, kinds, form_after = entity.groups()
            parts.append(("entity", (etype, bool(second), part, int(form or form_after or 0),
                                     tuple((kinds or "").split(",")) if kinds else ())))
        elif re.fullmatch(r"[A-Z][A-Z0-9]*", body):
            parts.append(("fill", body))
        else:
            raise KitError(f"pocket-ner template {template!r}: malformed slot {{{body}}}.")
        pos = match.end()
    if template[pos:].strip():
        parts.append(("text", tokenize(template[pos:])))
    return parts


def templates(data) -> list[tuple[int, str, str]]:
    """(position, frame key, text) of every template of a language."""
    out = []
    for pos, entry in enumerate(data.TEMPLATES):
        if not (isinstance(entry, tuple) and len(entry) == 2):
            raise KitError(f"pocket-ner template {entry!r}: expected (frame key, text).")
        out.append((pos, entry[0], entry[1]))
    return out


def generate_language(lang: str, size: int = 1) -> tuple[dict[str, list[Example]], dict[str, dict]]:
    """Splits and sources of one language."""
    data = load_language(lang)
    fillers = getattr(data, "FILL", {})
    family_first = getattr(data, "FAMILY_FIRST", False)
    entries = templates(data)
    n = len(entries)
    splits: dict[str, list[Example]] = {s: [] for s in SPLITS}
    sources: dict[str, dict] = {}
    for split in SPLITS:
        pool = _pool(data, split)
        per = PER_TEMPLATE[split] * size
        pools = []
        for pos, key, text in entries:
            if split_of(pos, n) != split:
                continue
            filler = _Filler(text, pool, fillers, family_first,
                             getattr(data, "PERSON_JOINER", " "))
            rng = random.Random(f"{NAME}/{lang}/{pos}")

            def draw(filler=filler, rng=rng, text=text):
                for _ in range(100):  # a first name may leave the second slot no candidate
                    got = filler.draw(rng)
                    if got is not None:
                        return got
                raise KitError(f"pocket-ner {lang}: template {text!r} cannot be filled "
                               f"from the {split} names (no name of the kinds it needs).")
            drawn = unique_draws(draw, key=lambda fill: fill[0], want=per + 10)[:per]
            pools.append([(pos, key, fill) for fill in drawn])
        for pos, key, (words, tags, entities, genders) in round_robin(pools, per * len(pools)):
            ex_id = f"ner-{lang}-{split}-{len(splits[split]):05d}"
            splits[split].append(Example(id=ex_id, lang=lang, tokens=words, tags=tags))
            sources[ex_id] = {"template": f"{lang}/{pos}", "frame": key, "entities": entities,
                              "genders": genders}
    return splits, sources


def generate(size: int = 1):
    """Generate ``pocket-ner`` at scale ``size`` (fills per template grow with it).

    ``sources[id]``: ``template`` ("de/31", language and position), ``frame`` (the frame
    key), ``entities`` (the names in the sentence, in their dictionary form, in order) and
    ``genders`` (each name's gender, "m" / "f" / "0", which the agreement tests read).
    """
    return build(NAME, "tagging", LABEL_NAMES, LANGUAGES, SEEN, generate_language, size)


SCRIPTS: dict[str, str] = {"en": "Latin", "de": "Latin", "es": "Latin", "pt": "Latin",
                           "sv": "Latin", "ru": "Cyrillic", "zh": "Han (simplified)",
                           "ja": "Kanji + kana"}


def summary(size: int = 1) -> list[dict]:
    """Per language: templates per split, own frames, sentences per split, the share of test
    sentences with no / one entity, distinct test names (the datasheet's table)."""
    data = generate(size)
    english = {key for _, key, _ in templates(load_language("en"))}
    rows = []
    for lang in LANGUAGES:
        entries = templates(load_language(lang))
        n = len(entries)
        per_split = {s: sum(split_of(p, n) == s for p, _, _ in entries) for s in SPLITS}
        examples = {s: [ex for ex in data.splits[s] if ex.lang == lang] for s in SPLITS}
        counts = [len(data.sources[ex.id]["entities"]) for ex in examples["test"]]
        names = {x for ex in examples["test"] for x in data.sources[ex.id]["entities"]}
        rows.append({"lang": lang, "script": SCRIPTS[lang], "templates": per_split,
                     "own": sum(k not in english for _, k, _ in entries), "n": n,
                     "examples": {s: len(v) for s, v in examples.items()},
                     "zero": sum(c == 0 for c in counts) / len(counts),
                     "one": sum(c == 1 for c in counts) / len(counts), "names": len(names)})
    return rows


def summary_table(rows: list[dict]) -> str:
    """Markdown rows ``| lang | script | templates | own frames | train | dev | test | test with
    0 / 1 entity | distinct test names |``."""
    lines = []
    for row in rows:
        t, e = row["templates"], row["examples"]
        own = "-" if row["lang"] == "en" else f"{row['own']} of {row['n']}"
        lines.append(f"| {row['lang']} | {row['script']} | {t['train']} / {t['dev']} / {t['test']} "
                     f"| {own} | {e['train']} | {e['dev']} | {e['test']} "
                     f"| {row['zero']:.0%} / {row['one']:.0%} | {row['names']} |")
    return "\n".join(lines)
