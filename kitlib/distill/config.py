"""Which knowledge-distillation (KD) terms to use and how much each weighs.

Why: notebook 02 ablates the TinyBERT loss terms one by one, so every term is an explicit
weight, validated before any work. Terms not named in ``terms`` weigh 0. The term names,
their stages and the teacher outputs they need come from the registry
(``kitlib.distill.terms``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kitlib.distill.terms import INTERMEDIATE, PREDICTION, TERMS
from kitlib.errors import bad_value

PRED_LOSSES = ("soft_ce", "mse")
STAGES = (1, 2)


def default_weights() -> dict[str, float]:
    """Every registered term at its default weight (the presets' KD)."""
    return {name: term.default_weight for name, term in TERMS.items()}


@dataclass(frozen=True)
class KDConfig:
    """KD settings.

    ``terms``: weight per registered term (all >= 0; missing terms weigh 0; the default is
    every term at its registry default, 1.0, CE on the gold labels included, as in the paper
    and the presets). ``temperature``: soft-label temperature T > 0 (the soft cross-entropy
    is scaled by T^2). ``pred_loss``: "soft_ce" or "mse" (on logits). ``stages``: 1 = all
    terms together; 2 = TinyBERT's two stages: the intermediate terms for the first half of
    the steps, then the prediction terms.
    """

    terms: dict = field(default_factory=default_weights)
    temperature: float = 1.0
    pred_loss: str = "soft_ce"
    stages: int = 1

    def __post_init__(self) -> None:
        names = list(TERMS)
        if not isinstance(self.terms, dict) or not self.terms:
            raise bad_value("terms", self.terms, f"a non-empty dict over {names}")
        for name, weight in self.terms.items():
            if name not in TERMS:
                raise bad_value("terms", name, names, "Each key is a KD loss term.")
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
        object.__setattr__(self, "terms", {t: float(self.terms.get(t, 0.0)) for t in TERMS})
        if self.stages == 2:
            for stage, what in ((INTERMEDIATE, "Stage 1 matches intermediate layers"),
                                (PREDICTION, "Stage 2 trains the predictions")):
                of_stage = [t for t, term in TERMS.items() if term.stage == stage]
                if not any(self.weight(t) for t in of_stage):
                    raise bad_value("stages", 2, f"1, or 2 with a {'/'.join(of_stage)} term > 0",
                                    f"{what}; it needs one of them.")

    def weight(self, term: str) -> float:
        return float(self.terms.get(term, 0.0))

    def active_terms(self, stage: int = 1) -> dict[str, float]:
        """Terms with weight > 0 in ``stage`` (1 or 2; single-stage configs ignore it)."""
        wanted = None if self.stages == 1 else (INTERMEDIATE if stage == 1 else PREDICTION)
        return {t: self.weight(t) for t, term in TERMS.items()
                if self.weight(t) > 0 and (wanted is None or term.stage == wanted)}

    @property
    def needs(self) -> frozenset[str]:
        """Teacher outputs the active terms read (what the teacher-output cache must hold)."""
        return frozenset(n for t, term in TERMS.items() if self.weight(t) > 0 for n in term.needs)

    @property
    def need_hidden(self) -> bool:
        return "hidden" in self.needs

    @property
    def need_attn(self) -> bool:
        return "attn" in self.needs

    def to_dict(self) -> dict:
        return {"terms": dict(self.terms), "temperature": self.temperature,
                "pred_loss": self.pred_loss, "stages": self.stages}
