"""Which knowledge-distillation (KD) terms to use and how much each weighs.

Why: notebook 02 ablates the TinyBERT loss terms one by one, so every term is an explicit
weight, validated before any work. Terms not named in ``terms`` weigh 0.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kitlib.errors import bad_value

TERMS = ("pred", "hidden", "attn", "embed", "ce")
INTERMEDIATE = ("hidden", "attn", "embed")
PRED_LOSSES = ("soft_ce", "mse")
STAGES = (1, 2)


def _default_terms() -> dict[str, float]:
    # CE on the gold labels weighs 1.0, as in the paper and every notebook preset
    return {"pred": 1.0, "hidden": 1.0, "attn": 1.0, "embed": 1.0, "ce": 1.0}


@dataclass(frozen=True)
class KDConfig:
    """KD settings.

    ``terms``: weight per term over {"pred", "hidden", "attn", "embed", "ce"} (all >= 0;
    missing terms weigh 0; the default is every term at 1.0, CE on the gold labels included,
    as in the paper and the presets). ``temperature``: soft-label temperature T > 0 (the soft
    cross-entropy is scaled by T^2). ``pred_loss``: "soft_ce" or "mse" (on logits).
    ``stages``: 1 = all terms together; 2 = TinyBERT's two stages: intermediate terms
    (hidden, attn, embed) for the first half of the steps, then pred (+ ce).
    """

    terms: dict = field(default_factory=_default_terms)
    temperature: float = 1.0
    pred_loss: str = "soft_ce"
    stages: int = 1

    def __post_init__(self) -> None:
        if not isinstance(self.terms, dict) or not self.terms:
            raise bad_value("terms", self.terms, f"a non-empty dict over {list(TERMS)}")
        for name, weight in self.terms.items():
            if name not in TERMS:
                raise bad_value("terms", name, TERMS, "Each key is a KD loss term.")
            if (not isinstance(weight, (int, float)) or isinstance(weight, bool)
                    or weight != weight or weight < 0):
                raise bad_value(f"terms[{name!r}]", weight, "a number >= 0")
        if not any(self.terms.values()):
            raise bad_value("terms", self.terms, "at least one term with a weight > 0")
        if (not isinstance(self.temperature, (int, float)) or isinstance(self.temperature, bool)
                or not self.temperature > 0):
            raise bad_value("temperature", self.temperature, "a number > 0")
        if self.pred_loss not in PRED_LOSSES:
            raise bad_value("pred_loss", self.pred_loss, PRED_LOSSES)
        if self.stages not in STAGES or isinstance(self.stages, bool):
            raise bad_value("stages", self.stages, STAGES)
        if self.stages == 2:
            if not any(self.weight(t) for t in INTERMEDIATE):
                raise bad_value("stages", 2, "1, or 2 with a hidden/attn/embed term > 0",
                                "Stage 1 matches intermediate layers; it needs one of them.")
            if not (self.weight("pred") or self.weight("ce")):
                raise bad_value("stages", 2, "1, or 2 with a pred or ce term > 0",
                                "Stage 2 trains the predictions; it needs pred or ce.")
        object.__setattr__(self, "terms", {t: float(self.terms.get(t, 0.0)) for t in TERMS})

    def weight(self, term: str) -> float:
        return float(self.terms.get(term, 0.0))

    def active_terms(self, stage: int = 1) -> dict[str, float]:
        """Terms with weight > 0 in ``stage`` (1 or 2; single-stage configs ignore it)."""
        names = TERMS if self.stages == 1 else (INTERMEDIATE if stage == 1 else ("pred", "ce"))
        return {t: self.weight(t) for t in names if self.weight(t) > 0}

    @property
    def need_hidden(self) -> bool:
        return self.weight("hidden") > 0 or self.weight("embed") > 0

    @property
    def need_attn(self) -> bool:
        return self.weight("attn") > 0

    def to_dict(self) -> dict:
        return {"terms": dict(self.terms), "temperature": self.temperature,
                "pred_loss": self.pred_loss, "stages": self.stages}
