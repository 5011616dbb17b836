"""Where an experiment's models come from: the shared fine-tuned teacher, the pretrained
base, and students built from them in the paper's vocabulary.

Why one place: every notebook must use the *same* cached teacher for the same data (so that
01-04 talk about one model), and a from-base student must be trimmed exactly like the
teacher so that both read the same token ids. The names here say what they return
(``shared_teacher``, ``pretrained_base``, ``student_from``) and do not shadow the library
functions they call (``kitlib.train.get_teacher``, ``kitlib.models.build_student``).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from kitlib import vocab
from kitlib.experiments.setting import Setting, load_data, teacher_config, text_progress


@dataclass
class Teacher:
    """A fine-tuned teacher with the data it was trained on (cached by content key).

    ``dev_records``: its dev evaluation (done once, by the teacher gate); ``weak``: it
    failed the gate and teaches only because ``allow_weak_teacher`` said so; ``subset``:
    the fraction of the training data it was fine-tuned on; ``full_vocab``: the trimmed
    teacher with its whole vocabulary put back (:func:`full_vocabulary_teacher`)."""

    model: Any
    tokenizer: Any
    teacher_id: str
    data: Any
    ref: Any
    dev_records: list = field(default_factory=list)
    weak: bool = False
    subset: float = 1.0
    full_vocab: bool = False


#: The teacher gate's default lowest dev score per task (main metric, all languages).
#: A teacher below it, or not clearly above the trivial baseline, does not teach.
TEACHER_MIN_SCORE = {"classification": 0.5, "tagging": 0.3}


def teacher_subset(P: Any, task: str) -> float:
    """The fraction of the training data the teacher is fine-tuned on.

    ``teacher_train_subset: auto`` is ``train_subset`` for classification and all the data
    for tagging. Why (benchmarks/pocket_budgets.py, 2026-12-02): a pocket-ner teacher on a
    fifth of the data (538 sentences) never passed dev entity F1 0.26 in 10 epochs at
    lr 2e-4 (0.00 at 5e-4, 0.47 at 1e-4, still unstable), while on all of it (2688) it
    reached 0.89 after 2 epochs and 0.93 after 3: a tagger has to see many entity names
    and contexts, which more epochs over the same few sentences do not give."""
    value = P.values.get("teacher_train_subset", "auto")
    if value == "auto":
        return 1.0 if task == "tagging" else float(P.values.get("train_subset", 1.0))
    return float(value)


def teacher_data(s: Setting, *, own_subset: bool = False, **selection: Any) -> tuple[Any, float]:
    """``(data, subset)``: what the teacher of the data ``selection`` picks (``load_data``'s
    keywords) is fine-tuned on -- :func:`teacher_subset` of its training data, or with
    ``own_subset`` the selection's own ``subset`` (notebook 04's per-subset teachers)."""
    if own_subset:
        subset = float(selection["subset"])
    else:
        subset = teacher_subset(s.P, load_data(s, **selection).task)
    return load_data(s, **{**selection, "subset": subset}), subset


def shared_teacher(s: Setting, *, own_subset: bool = False, **selection: Any) -> Teacher:
    """The fine-tuned teacher for the data ``selection`` picks, trained on
    :func:`teacher_data`. Fine-tuned once per content key, then cached on disk and shared by
    every notebook (and held in memory here)."""
    from kitlib import train

    data, subset = teacher_data(s, own_subset=own_subset, **selection)
    key = data.fingerprint()
    if key not in s.teachers:
        t0 = time.perf_counter()
        s.log(f"teacher: fine-tuning or loading from cache ({len(data.train)} training "
              f"examples, {subset:.0%} of the training data)")
        with text_progress():
            model, tok, teacher_id = train.get_teacher(
                s.ref, data, teacher_config(s.P, len(data.train)), trim=s.P.trim_vocab,
                progress=s.progress)
        s.log(f"teacher {teacher_id} ready in {time.perf_counter() - t0:.1f}s")
        teacher = Teacher(model, tok, teacher_id, data, s.ref, subset=float(subset))
        gate(s, teacher)
        s.teachers[key] = teacher
    return s.teachers[key]


def gate(s: Setting, teacher: Teacher) -> None:
    """Stop before any student is trained when the teacher has not learned its task.

    The teacher's dev score (main metric, average over languages) must be clearly above
    the trivial baseline -- its score minus 1.96 per-example standard errors above the
    majority-class accuracy / macro-F1, or above 0 entity F1 (all "O") for tagging -- and
    at least ``teacher_min_score`` (default :data:`TEACHER_MIN_SCORE`). Why: a teacher that
    tags every word "O" distilled students that copied it, and the tables read "KD destroys
    NER". With ``allow_weak_teacher`` the run goes on and the teacher is marked weak.
    """
    from kitlib.errors import KitError
    from kitlib.experiments.runs import evaluate_at

    P, task = s.P, teacher.data.task
    teacher.dev_records = evaluate_at(teacher.model, teacher.tokenizer, teacher.data, "dev",
                                      teacher_config(P))
    metric = vocab.main_metric(task)
    rec = next(r for r in teacher.dev_records if r["lang"] == vocab.ALL and r["metric"] == metric)
    floor = P.values.get("teacher_min_score")
    floor = TEACHER_MIN_SCORE[task] if floor is None else floor
    low = rec["value"] - 1.96 * rec["stderr"]
    ok_baseline, ok_floor = low > rec["baseline"], rec["value"] >= floor
    s.log(f"teacher gate: dev {metric} {rec['value']:.3f} ± {1.96 * rec['stderr']:.3f} (95%, "
          f"per-example); trivial baseline {rec['baseline']:.3f}; minimum {floor:.2f}")
    if ok_baseline and ok_floor:
        return
    why = (f"the teacher is not fit to teach: its dev {metric} is {rec['value']:.3f} "
           f"(95% interval {low:.3f} to {rec['value'] + 1.96 * rec['stderr']:.3f}, per-example), "
           f"against the trivial baseline {rec['baseline']:.3f} "
           f"({'majority class' if task == 'classification' else 'all-O tags'}) and "
           f"teacher_min_score {floor:.2f}.")
    if not P.values.get("allow_weak_teacher"):
        raise KitError(why + " No student was trained. Give it more to learn from: raise "
                       "teacher_epochs (or teacher_patience), change teacher_lr, or train on "
                       "more data (teacher_train_subset); or set allow_weak_teacher=True to go on "
                       "with a warning on every record of its students.")
    teacher.weak = True
    s.log("WARNING: " + why + " Going on because allow_weak_teacher=True.")


def pretrained_base(s: Setting, teacher: Teacher) -> Any:
    """The pretrained (not fine-tuned) backbone with a fresh task head, trimmed to the
    teacher's vocabulary so that from-base students share the teacher's tokenizer."""
    from kitlib import models

    if teacher.teacher_id not in s.bases:
        data = teacher.data
        base = models.load_task_model(s.ref, data.task, len(data.label_names))
        vocab_map = teacher_vocab_map(s, teacher)
        if vocab_map is not None:
            base = models.apply_vocab_map(base, vocab_map)
        s.bases[teacher.teacher_id] = base
    return s.bases[teacher.teacher_id]


def teacher_vocab_map(s: Setting, teacher: Teacher) -> Any:
    """The vocabulary map the teacher was trimmed with (None: it has the whole vocabulary)."""
    from kitlib import train

    if teacher.full_vocab:
        return None
    vocab_map = getattr(teacher.model, "kit_vocab_map", None)
    if vocab_map is None and s.P.trim_vocab:
        vocab_map = train.teacher_vocab_map(teacher.teacher_id)
    return vocab_map


FULL_VOCAB_SUFFIX, TRIMMED_SUFFIX = "+full-vocab", "+trimmed"


def vocabulary_twin(s: Setting, teacher: Teacher, *, trimmed: bool) -> Teacher:
    """The shared teacher with a trimmed (``trimmed=True``) or the full vocabulary, whichever
    it was fine-tuned with: itself when it already is that, else its twin (notebook 05's
    question 4). Both twins give the same outputs on the data: trimming keeps every row the
    data uses, and ``kitlib.models.full_vocabulary`` explains why putting the dropped rows
    back gives the teacher that fine-tuning without trimming would have given."""
    if trimmed != (teacher_vocab_map(s, teacher) is not None):
        return trimmed_teacher(s, teacher) if trimmed else full_vocabulary_teacher(s, teacher)
    return teacher


def trimmed_teacher(s: Setting, teacher: Teacher) -> Teacher:
    """A full-vocabulary teacher trimmed to its data's pieces (id + ``+trimmed``)."""
    import copy

    from kitlib import models

    key = teacher.teacher_id + TRIMMED_SUFFIX
    if key not in s.teachers:
        result = models.trim_vocabulary(copy.deepcopy(teacher.model), teacher.tokenizer,
                                        teacher.data.texts())
        result.model.kit_vocab_map = result.vocab_map
        s.teachers[key] = Teacher(result.model, result.tokenizer, key, teacher.data,
                                  teacher.ref, dev_records=teacher.dev_records,
                                  weak=teacher.weak, subset=teacher.subset)
    return s.teachers[key]


def full_vocabulary_teacher(s: Setting, teacher: Teacher) -> Teacher:
    """The trimmed shared teacher with its whole vocabulary back and the untrimmed
    tokenizer (id + ``+full-vocab``); a teacher that was never trimmed is returned as it is."""
    from kitlib import models

    vocab_map = teacher_vocab_map(s, teacher)
    if vocab_map is None:
        return teacher
    key = teacher.teacher_id + FULL_VOCAB_SUFFIX
    if key not in s.teachers:
        data = teacher.data
        base = models.load_task_model(s.ref, data.task, len(data.label_names))
        model = models.full_vocabulary(teacher.model, vocab_map, base.get_input_embeddings())
        s.bases[key] = base  # untrimmed, fresh head: exactly pretrained_base of this twin
        tokenizer = getattr(teacher.tokenizer, "base", teacher.tokenizer)
        s.teachers[key] = Teacher(model, tokenizer, key, data, teacher.ref,
                                  dev_records=teacher.dev_records, weak=teacher.weak,
                                  subset=teacher.subset, full_vocab=True)
    return s.teachers[key]


def student_from(s: Setting, teacher: Teacher, init: str, layer_map: Any, num_layers: int,
                 seed: int) -> tuple[Any, dict, list[int]]:
    """``(student, provenance, teacher layer indices)`` for ``init`` in
    :data:`kitlib.vocab.INITS`, copied through ``layer_map``."""
    from kitlib import models

    base = pretrained_base(s, teacher) if init == vocab.FROM_BASE else None
    n_teacher = teacher.model.config.num_hidden_layers
    map_seed = s.P.values.get("layer_map_seed", 0)
    # build_student resolves the map itself (and warns once about an unsorted explicit
    # list); the name goes to it as a name, so that "reversed" does not warn
    layer_ids = models.resolve_layer_map(layer_map, n_teacher, num_layers, seed=map_seed,
                                         warn_unsorted=False)
    student, provenance = models.build_student(teacher.model, init=init, layer_map=layer_map,
                                               num_layers=num_layers, base=base, seed=seed,
                                               layer_map_seed=map_seed)
    return student, provenance, list(layer_ids)
