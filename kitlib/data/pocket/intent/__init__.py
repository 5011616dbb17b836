"""Per-language template files of ``pocket-intent``, loaded by language code and validated.

Why validate here: the twelve ``<lang>.py`` files are written by different people, and a
missing intent, a typo in a ``{slot}`` or too few templates would otherwise surface later as
a silently unbalanced or leaking dataset. Loading checks every file against
``kitlib.data.pocket.intent_schema`` and fails with a message naming the language, the
intent and the slot at fault.
"""
from __future__ import annotations

import functools
import importlib
import importlib.util
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from kitlib.data.pocket.frames import Value, fits, parse_spec, parse_value
from kitlib.data.pocket.intent_schema import INTENTS, LANGUAGES, SLOT_NAMES
from kitlib.errors import KitError, bad_value

MIN_TEMPLATES = 8
"""Templates per intent: 4 for train, 2 for dev, 2 for test at the very least."""
MIN_SLOT_VALUES = 6

_FIELD = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class LanguageTemplates:
    """The validated content of one language file.

    ``templates``: intent -> templates in file order (order decides the split);
    ``slots``: slot -> distinct values (``Value``: forms and tags) in file order.
    """

    lang: str
    templates: Mapping[str, tuple[str, ...]]
    slots: Mapping[str, tuple[Value, ...]]


def slot_fields(template: str) -> list[tuple[str, int, dict]]:
    """Every ``{slot}`` / ``{slot:spec}`` of ``template`` in order: (name, form, required tags)."""
    out = []
    for body in _FIELD.findall(template):
        name, _, spec = body.partition(":")
        if not name.isidentifier():
            raise KitError(f"template {template!r} has a malformed placeholder {{{body}}}; "
                           "use {slot} or {slot:spec} (spec: a form number and/or dim=tag, "
                           "separated by ';').")
        form, required = parse_spec(spec, where=f"template {template!r}")
        out.append((name, form, required))
    rest = _FIELD.sub("", template)
    if "{" in rest or "}" in rest:
        raise KitError(f"template {template!r} has an unmatched brace.")
    return out


def placeholders(template: str) -> list[str]:
    """The ``{slot}`` names of ``template`` in order of first appearance (no duplicates)."""
    return list(dict.fromkeys(name for name, _, _ in slot_fields(template)))


def render(template: str, chosen: Mapping[str, Value]) -> str:
    """``template`` with each field replaced by the chosen value's form."""
    def one(match: re.Match) -> str:
        name, _, spec = match.group(1).partition(":")
        form, _ = parse_spec(spec)
        return chosen[name].form(form)
    return _FIELD.sub(one, template)


def available_languages() -> list[str]:
    """Schema languages whose template file exists (schema order); not yet validated."""
    return [lang for lang in LANGUAGES
            if importlib.util.find_spec(f"{__name__}.{lang}") is not None]


def load_language(lang: str) -> LanguageTemplates:
    """Import ``kitlib/data/pocket/intent/<lang>.py`` and validate it against the schema."""
    if lang not in LANGUAGES:
        raise bad_value("lang", lang, LANGUAGES)
    return _load(lang)


@functools.lru_cache(maxsize=None)
def _load(lang: str) -> LanguageTemplates:
    if importlib.util.find_spec(f"{__name__}.{lang}") is None:
        raise KitError(f"pocket-intent: no template file for language {lang!r} "
                       f"(expected kitlib/data/pocket/intent/{lang}.py); "
                       f"present: {available_languages()}.")
    module = importlib.import_module(f"{__name__}.{lang}")
    return validate(lang, getattr(module, "TEMPLATES", None), getattr(module, "SLOTS", None))


def validate(lang: str, templates: object, slots: object) -> LanguageTemplates:
    """Check one language's ``TEMPLATES`` and ``SLOTS``; return them frozen, or raise KitError."""
    where = f"pocket-intent language {lang!r}"
    if not isinstance(templates, dict):
        raise KitError(f"{where}: TEMPLATES must be a dict intent -> list of templates, "
                       f"got {type(templates).__name__}.")
    if not isinstance(slots, dict):
        raise KitError(f"{where}: SLOTS must be a dict slot -> list of values, "
                       f"got {type(slots).__name__}.")
    unknown_intents = [k for k in templates if k not in INTENTS]
    if unknown_intents:
        raise KitError(f"{where}: unknown intent(s) {unknown_intents} in TEMPLATES; "
                       f"allowed: {list(INTENTS)}.")
    unknown_slots = [k for k in slots if k not in SLOT_NAMES]
    if unknown_slots:
        raise KitError(f"{where}: unknown slot(s) {unknown_slots} in SLOTS; "
                       f"allowed: {list(SLOT_NAMES)}.")

    clean_slots: dict[str, tuple[Value, ...]] = {}
    for slot, values in slots.items():
        if not isinstance(values, (list, tuple)) or not all(isinstance(v, str) and v.strip()
                                                            for v in values):
            raise KitError(f"{where}, slot {slot!r}: values must be a list of non-empty strings.")
        braced = [v for v in values if "{" in v or "}" in v]
        if braced:
            raise KitError(f"{where}, slot {slot!r}: values may not contain braces: {braced}.")
        parsed = {}
        for raw in values:
            value = parse_value(raw.strip(), where=f"{where}, slot {slot!r}")
            parsed.setdefault(value.forms, value)
        clean_slots[slot] = tuple(parsed.values())

    clean_templates: dict[str, tuple[str, ...]] = {}
    for intent in INTENTS:
        if intent not in templates:
            raise KitError(f"{where}: intent {intent!r} is missing from TEMPLATES.")
        items = templates[intent]
        if not isinstance(items, (list, tuple)) or not all(isinstance(t, str) and t.strip()
                                                           for t in items):
            raise KitError(f"{where}, intent {intent!r}: templates must be a list of "
                           "non-empty strings.")
        distinct = tuple(dict.fromkeys(" ".join(t.split()) for t in items))
        if len(distinct) < MIN_TEMPLATES:
            raise KitError(f"{where}, intent {intent!r}: {len(distinct)} distinct templates; "
                           f"at least {MIN_TEMPLATES} are needed (4 train, 2 dev, 2 test).")
        for template in distinct:
            try:
                fields = slot_fields(template)
            except KitError as err:
                raise KitError(f"{where}, intent {intent!r}: {err}") from None
            for name, form, required in fields:
                if name not in SLOT_NAMES:
                    raise KitError(f"{where}, intent {intent!r}: template {template!r} uses "
                                   f"unknown slot {{{name}}}; allowed: {list(SLOT_NAMES)}.")
                if name not in clean_slots:
                    raise KitError(f"{where}, intent {intent!r}: template {template!r} uses "
                                   f"slot {{{name}}}, which SLOTS does not define.")
                if len(clean_slots[name]) < MIN_SLOT_VALUES:
                    raise KitError(f"{where}, slot {name!r} (used by intent {intent!r}): "
                                   f"{len(clean_slots[name])} distinct values; at least "
                                   f"{MIN_SLOT_VALUES} are needed.")
                dims = {dim for v in clean_slots[name] for dim in v.tags}
                for dim in required:
                    if dim not in dims:
                        raise KitError(f"{where}, intent {intent!r}: template {template!r} "
                                       f"requires tag dimension {dim!r} of slot {name!r}, "
                                       f"which no value of that slot has.")
                if not any(fits(v, required) for v in clean_slots[name]):
                    raise KitError(f"{where}, intent {intent!r}: template {template!r}: no "
                                   f"value of slot {name!r} has the required tags {dict(required)}.")
        clean_templates[intent] = distinct
    return LanguageTemplates(lang, MappingProxyType(clean_templates),
                             MappingProxyType(clean_slots))
