"""The KD term registry: every loss term of knowledge distillation, registered once.

Why one registry: a term used to live in four places (the config's term lists, the
parameter schema, an if/elif dispatch in the losses and the training loop working out again
which teacher outputs each term needs). Now each term is one entry -- its loss function, the
teacher outputs it reads from the teacher-output cache, its stage in two-stage KD, and its
default weight -- and ``KDConfig`` validation, the notebook parameters (``kitlib.params``),
the cache's needs and the training loop's dispatch are all derived from it. Adding a term is
one ``@register`` function here (plus, if it needs one, a loss in ``losses``).

Conventions of the terms (hidden-state indices, post-softmax attention, padding masks,
temperature scaling) are stated in ``kitlib.distill.losses``.

Teacher outputs a term can need (what ``TeacherCache.lookup`` returns): ``"logits"``,
``"hidden"`` (embeddings + the hidden states of the ``kd_layer_map`` layers), ``"attn"``
(the attentions of those layers). A term that needs ``"hidden"`` / ``"attn"`` also makes the
student return its hidden states / attentions.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from kitlib.distill import losses

if TYPE_CHECKING:  # pragma: no cover
    import torch

    from kitlib.distill.config import KDConfig

INTERMEDIATE = "intermediate"  # two-stage KD: stage 1 (TinyBERT's intermediate-layer stage)
PREDICTION = "prediction"      # two-stage KD: stage 2 (and the supervised term)
TEACHER_OUTPUTS = ("logits", "hidden", "attn")

LossFn = Callable[[Any, dict, dict, "KDConfig"], "torch.Tensor"]


@dataclass(frozen=True)
class KDTerm:
    """One loss term: ``loss(student_outputs, teacher_outputs, batch, kd)`` returns its
    unweighted value; ``needs`` are the teacher outputs it reads; ``stage`` is
    :data:`INTERMEDIATE` or :data:`PREDICTION`; ``default_weight`` is its weight in the
    presets; ``doc`` says what it matches."""

    name: str
    loss: LossFn
    needs: tuple[str, ...]
    stage: str
    default_weight: float
    doc: str

    @property
    def from_teacher(self) -> bool:
        """A distillation term (reads the teacher), as opposed to the gold-label term."""
        return bool(self.needs)


#: name -> term, in the order tables and parameters list them.
TERMS: dict[str, KDTerm] = {}


def register(name: str, *, needs: tuple[str, ...], stage: str, default_weight: float = 1.0,
             doc: str = "") -> Callable[[LossFn], LossFn]:
    """Add a term to :data:`TERMS` (a decorator on its loss function)."""
    if name in TERMS:
        raise ValueError(f"KD term {name!r} registered twice")
    unknown = set(needs) - set(TEACHER_OUTPUTS)
    if unknown or stage not in (INTERMEDIATE, PREDICTION):
        raise ValueError(f"KD term {name!r}: needs {needs} / stage {stage!r} not known")

    def add(fn: LossFn) -> LossFn:
        TERMS[name] = KDTerm(name, fn, tuple(needs), stage, float(default_weight),
                             doc or (fn.__doc__ or "").strip())
        return fn
    return add


def _token_mask(outputs: Any, batch: dict) -> Any:
    """Token classification: only first sub-words (labels != -100) carry a prediction."""
    return (batch["labels"] != -100) if outputs.logits.dim() == 3 else None


@register("pred", needs=("logits",), stage=PREDICTION)
def _pred(outputs, teacher, batch, kd):
    """The teacher's predictions: soft cross-entropy at ``kd.temperature`` (times T^2), or MSE
    on logits (``kd.pred_loss``)."""
    return losses.prediction_loss(outputs.logits, teacher["logits"], temperature=kd.temperature,
                                  kind=kd.pred_loss, mask=_token_mask(outputs, batch))


@register("hidden", needs=("hidden",), stage=INTERMEDIATE)
def _hidden(outputs, teacher, batch, kd):
    """Each student layer's output against its ``kd_layer_map`` teacher layer's (MSE)."""
    return losses.hidden_loss(outputs.hidden_states, teacher["hidden"][1:],
                              batch["attention_mask"])


@register("attn", needs=("attn",), stage=INTERMEDIATE)
def _attn(outputs, teacher, batch, kd):
    """Each student layer's attention maps against its teacher layer's (post-softmax MSE)."""
    return losses.attention_loss(outputs.attentions, teacher["attn"], batch["attention_mask"])


@register("embed", needs=("hidden",), stage=INTERMEDIATE)
def _embed(outputs, teacher, batch, kd):
    """The embedding-layer output against the teacher's (MSE)."""
    return losses.embedding_loss(outputs.hidden_states, teacher["hidden"][0],
                                 batch["attention_mask"])


@register("ce", needs=(), stage=PREDICTION)
def _ce(outputs, teacher, batch, kd):
    """Cross-entropy with the gold labels (not distillation; trained alongside it)."""
    return losses.hard_ce(outputs.logits, batch["labels"])


#: The distillation terms (the ones a notebook's ``kd_terms`` chooses from); ``ce`` is the
#: gold-label term that is always added with its own weight.
DISTILLATION_TERMS = tuple(name for name, term in TERMS.items() if term.from_teacher)


def kd_losses(outputs: Any, teacher: dict, batch: dict, kd: "KDConfig", *,
              stage: int = 1) -> dict[str, "torch.Tensor"]:
    """Unweighted loss per active term of ``kd`` in ``stage`` (tensors, no host sync).

    ``outputs``: the student's model output (``logits``, ``hidden_states``, ``attentions``);
    ``teacher``: ``TeacherCache.lookup`` output on the same device; ``batch``: from
    ``make_batches`` (``attention_mask``, ``labels``).
    """
    return {name: TERMS[name].loss(outputs, teacher, batch, kd) for name in kd.active_terms(stage)}


def check_compatible(student_config: Any, teacher_info: dict, kd: "KDConfig",
                     layer_map: Any) -> None:
    """Raise ``KitError`` before training when the student cannot be matched to the teacher.

    ``teacher_info``: {"hidden_size", "num_attention_heads", "num_hidden_layers"}.
    """
    from kitlib.errors import bad_value
    from kitlib.models.student import resolve_layer_map

    # the one layer-map validator of the kit: one distinct teacher layer per student layer
    resolve_layer_map(list(layer_map), teacher_info["num_hidden_layers"],
                      student_config.num_hidden_layers, warn_unsorted=False)
    if "hidden" in kd.needs and student_config.hidden_size != teacher_info["hidden_size"]:
        raise bad_value("student hidden_size", student_config.hidden_size,
                        f"the teacher's hidden size {teacher_info['hidden_size']}",
                        "This kit has no projection layer for the hidden/embed terms; "
                        "keep the teacher's width or drop those terms.")
    if "attn" in kd.needs and student_config.num_attention_heads != teacher_info["num_attention_heads"]:
        raise bad_value("student num_attention_heads", student_config.num_attention_heads,
                        f"the teacher's head count {teacher_info['num_attention_heads']}",
                        "Drop the attn term from kd.terms or keep the teacher's head count.")


__all__ = ["KDTerm", "TERMS", "DISTILLATION_TERMS", "INTERMEDIATE", "PREDICTION",
           "TEACHER_OUTPUTS", "register", "kd_losses", "check_compatible"]
