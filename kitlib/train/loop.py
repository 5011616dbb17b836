"""One training loop for teachers and students: fine-tuning, or KD from a teacher cache.

Why one loop: from-scratch / from-base / from-teacher students with and without KD, and the
teacher itself, must differ only in the model and the loss, never in batching, schedule or
evaluation. Built on Hugging Face Accelerate (mixed precision, ``accelerate launch`` for
several GPUs): each process takes every N-th batch; the LR schedule counts optimizer steps
of one process.

Details: AdamW (0.9, 0.999, 1e-8; no weight decay on biases and LayerNorm), linear schedule
with warmup (restarted for stage 2 of two-stage KD, see ``lr_factor``), gradient clipping
at ``cfg.max_grad_norm``, seeded model RNG and batch order (same seed on CPU -> identical
numbers). ``max_steps``, when set, replaces ``epochs``.
A non-finite loss stops the run with a ``KitError`` naming the step; any exception inside
the loop propagates (records already sent through ``on_records`` stay sent).
"""
from __future__ import annotations

import contextlib
import math
import statistics
import time
from typing import Any, Callable, Iterator, Sequence

import torch

from kitlib.data.types import TaskData
from kitlib.errors import KitError, bad_value

from .batching import batch_indices, collate
from .config import TrainConfig
from .encoding import encode
from .evaluation import evaluate


def _check_args(model, tokenizer, data, cfg, kd, teacher_cache, layer_map, eval_split) -> list[int] | None:
    from kitlib.distill.config import KDConfig

    if not isinstance(cfg, TrainConfig):
        raise bad_value("cfg", type(cfg).__name__, "a kitlib.train.TrainConfig")
    if eval_split not in ("dev", "test", None):
        raise bad_value("eval_split", eval_split, ["dev", "test", None])
    if not data.train:
        raise bad_value("data.train", "[]", "at least one training example")
    if tokenizer.pad_token_id is None:
        raise bad_value("tokenizer.pad_token_id", None, "an int (the tokenizer needs a pad token)")
    if kd is None:
        return None
    if not isinstance(kd, KDConfig):
        raise bad_value("kd", type(kd).__name__, "None or a kitlib.distill.KDConfig")
    if teacher_cache is None:
        raise bad_value("teacher_cache", None,
                        "a kitlib.distill.cache.TeacherCache when kd is set")
    if layer_map is None:
        layer_map = teacher_cache.layer_map
    layer_map = [int(j) for j in layer_map]
    if layer_map != list(teacher_cache.layer_map):
        raise bad_value("layer_map", layer_map, f"the teacher cache's layer_map {teacher_cache.layer_map}")
    if kd.need_hidden and not teacher_cache.need_hidden:
        raise bad_value("teacher_cache", teacher_cache, "a cache built with need_hidden=True",
                        "kd uses the hidden/embed terms.")
    if kd.need_attn and not teacher_cache.need_attn:
        raise bad_value("teacher_cache", teacher_cache, "a cache built with need_attn=True",
                        "kd uses the attn term.")
    if teacher_cache.task != data.task:
        raise bad_value("teacher_cache", teacher_cache.task, f"a cache for task {data.task!r}")
    if teacher_cache.key_parts["data"] != data.fingerprint():
        raise bad_value("teacher_cache", teacher_cache, "a cache built on this same data",
                        "Its data fingerprint differs from data.fingerprint().")
    if teacher_cache.max_length != cfg.max_length:
        raise bad_value("cfg.max_length", cfg.max_length,
                        f"the teacher cache's max_length {teacher_cache.max_length}")
    from kitlib.distill.cache import tokenizer_hash

    if not teacher_cache.uses_tokenizer(tokenizer):
        raise bad_value("tokenizer", f"a tokenizer with hash {tokenizer_hash(tokenizer)}",
                        "the tokenizer the teacher cache was built with (hash "
                        f"{teacher_cache.key_parts['tokenizer']})",
                        "KD needs the student to see the teacher's token ids: pass the "
                        "teacher's (trimmed) tokenizer.")
    from kitlib.distill.terms import check_compatible

    check_compatible(model.config, teacher_cache.teacher_info, kd, layer_map)
    return layer_map


def _accelerator(cfg: TrainConfig):
    from accelerate import Accelerator
    from accelerate.state import AcceleratorState

    from .precision import resolve_precision

    mp = resolve_precision(cfg.mixed_precision, "cuda" if torch.cuda.is_available() else "cpu")
    state = AcceleratorState._shared_state
    if state and state.get("_mixed_precision") not in (None, mp) and state.get("num_processes", 1) == 1:
        AcceleratorState._reset_state()  # one process, a new precision: allowed
    return Accelerator(mixed_precision=mp)


def _optimizer(model, cfg: TrainConfig) -> torch.optim.Optimizer:
    decay, no_decay = [], []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        (no_decay if p.ndim < 2 or "LayerNorm" in name or "layer_norm" in name else decay).append(p)
    groups = [{"params": decay, "weight_decay": cfg.weight_decay},
              {"params": no_decay, "weight_decay": 0.0}]
    # fused AdamW: one kernel over all parameters (measured on this project's 2-core CPU:
    # 11 ms instead of 39 ms a step for a 14M-parameter student, benchmarks/optimizer.py)
    return torch.optim.AdamW(groups, lr=cfg.lr, betas=(0.9, 0.999), eps=1e-8, fused=True)


def stage_bounds(total_steps: int, kd: Any = None) -> list[tuple[int, int]]:
    """Optimizer-step ranges ``[start, end)`` of the training stages: one stage, or for
    two-stage KD (TinyBERT) the first half (intermediate terms) and the rest (predictions)."""
    if kd is None or kd.stages == 1 or total_steps < 2:
        return [(0, total_steps)]
    half = total_steps // 2
    return [(0, half), (half, total_steps)]


def lr_factor(step: int, bounds: Sequence[tuple[int, int]], warmup_ratio: float) -> float:
    """Learning-rate multiplier at optimizer step ``step`` (0-based): linear warmup over
    ``warmup_ratio`` of the stage, then linear decay to 0 at the stage's end -- Hugging
    Face's ``get_linear_schedule_with_warmup``, restarted at every stage (TinyBERT trains its
    two stages as separate runs, each with its own schedule)."""
    for start, end in bounds:
        if step < end or (start, end) == tuple(bounds[-1]):
            n = end - start
            warmup = int(warmup_ratio * n)
            k = step - start
            if k < warmup:
                return k / max(1, warmup)
            return max(0.0, (n - k) / max(1, n - warmup))
    raise ValueError(step)  # unreachable: the last stage takes every later step


def train(model: Any, tokenizer: Any, data: TaskData, cfg: TrainConfig, *, kd: Any = None,
          teacher_cache: Any = None, layer_map: Sequence[int] | None = None,
          eval_split: str | None = "dev", on_records: Callable[[list[dict]], None] | None = None,
          progress: bool = True) -> Any:
    """Fine-tune ``model`` on ``data.train`` (``kd=None``) or distill into it from
    ``teacher_cache`` with the terms of ``kd``; returns the trained (unwrapped) model.

    ``on_records`` receives lists of record dicts: ``train_loss`` every ``cfg.log_every``
    optimizer steps (with KD also ``train_loss_<term>`` per active term: its unweighted
    value, mean over the steps of that window where the term was active, so an ablation can
    show each term's size; ``train_loss`` is the weighted sum), and ``evaluate`` records on
    ``eval_split`` every ``cfg.eval_every`` steps and at the end (``eval_split=None``: no
    evaluation). ``wall_s`` is seconds since the start of training.
    """
    from accelerate.utils import set_seed
    from tqdm.auto import tqdm

    # -- set up: check, seed, encode once, plan the steps, optimizer and schedule
    layer_map = _check_args(model, tokenizer, data, cfg, kd, teacher_cache, layer_map, eval_split)
    accelerator = _accelerator(cfg)
    set_seed(cfg.seed)
    if kd is not None and kd.need_attn and model.config._attn_implementation != "eager":
        model.set_attn_implementation("eager")
    encoded = encode(data.train, tokenizer, data.task, cfg.max_length)
    plan = StepPlan([len(it["input_ids"]) for it in encoded], cfg, kd,
                    accelerator.num_processes, accelerator.process_index)
    optimizer = _optimizer(model, cfg)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda k: lr_factor(k, plan.stages, cfg.warmup_ratio))
    model, optimizer = accelerator.prepare(model, optimizer)
    model.train()
    start = time.perf_counter()
    emit = _Emitter(on_records if accelerator.is_main_process else None)
    losses = LossLog(plan.steps_per_epoch, start,
                     (lambda t: accelerator.reduce(t, reduction="mean"))
                     if accelerator.num_processes > 1 else None)
    evaluator = Evaluator(tokenizer, data, eval_split, cfg, plan.steps_per_epoch, start)
    stopper = EarlyStopping(cfg, data.task)
    bar = tqdm(total=plan.total_steps, desc="KD" if kd else "fine-tune",
               disable=not (progress and accelerator.is_main_process))

    # -- one optimizer step at a time: micro-batches, loss, backward, step, log, evaluate
    last_eval = 0
    try:
        for step, micro_batches in enumerate(plan.steps(), start=1):
            stage = plan.stage_of(step - 1)
            for k, positions in enumerate(micro_batches):
                batch = collate([encoded[p] for p in positions], tokenizer.pad_token_id)
                last = k == len(micro_batches) - 1
                with _grad_sync(accelerator, model, last), accelerator.autocast():
                    loss, parts = step_loss(model, batch, kd, teacher_cache, stage,
                                            accelerator.device)
                accelerator.backward(loss / len(micro_batches))
                losses.add(loss, parts, len(micro_batches))
            if cfg.max_grad_norm:
                accelerator.clip_grad_norm_(model.parameters(), cfg.max_grad_norm)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            losses.end_step(step)
            bar.update(1)
            if step % cfg.log_every == 0 or step == plan.total_steps:
                records = losses.flush(step)  # the one host sync of the window
                bar.set_postfix(loss=f"{records[0]['value']:.4f}", epoch=plan.epoch_of(step))
                emit(records)
            if cfg.eval_every and step % cfg.eval_every == 0:
                records, last_eval = evaluator(accelerator.unwrap_model(model), step), step
                emit(records)
                if stopper.should_stop(records, step, accelerator.unwrap_model(model)):
                    break
        if last_eval != step:
            records = evaluator(accelerator.unwrap_model(model), step)
            emit(records)
            stopper.should_stop(records, step, accelerator.unwrap_model(model))
    finally:
        bar.close()
    emit([step_time_record(step, plan.steps_per_epoch, time.perf_counter() - start,
                           evaluator.seconds)])
    emit(stopper.restore_best(accelerator.unwrap_model(model), step, plan.steps_per_epoch,
                              time.perf_counter() - start))
    return accelerator.unwrap_model(model)


class EarlyStopping:
    """Keep the weights of the best evaluation; say when ``patience`` evaluations in a row
    were not better; put the best weights back at the end.

    Why: a teacher fine-tuned for a fixed budget was still learning (its students overtook
    it) or had started to overfit; early stopping on dev trains each teacher to its own
    plateau and keeps its best point. Inactive (nothing kept, nothing restored) without
    ``cfg.early_stopping_patience``.

    Evaluations at or below the trivial baseline (the record's ``baseline``: majority-class
    score, or entity F1 0 for all-"O" tags) before the first score above it do not count:
    a tagger tags every word "O" for its first epochs, and counting that as a plateau
    stopped teachers at F1 0.000. The step budget still bounds a model that never starts.
    """

    def __init__(self, cfg: TrainConfig, task: str) -> None:
        from kitlib import vocab

        self.patience = cfg.early_stopping_patience
        self.metric = cfg.early_stopping_metric or vocab.main_metric(task)
        self.best: float | None = None
        self.best_step = 0
        self.best_state: dict | None = None
        self.waited = 0
        self.started = False  # a score above the trivial baseline was seen

    def should_stop(self, records: list[dict], step: int, model: Any) -> bool:
        if self.patience is None or not records:
            return False
        rec = next((r for r in records
                    if r["lang"] == "all" and r["metric"] == self.metric), None)
        if rec is None:
            raise bad_value("early_stopping_metric", self.metric,
                            sorted({r["metric"] for r in records}))
        score, baseline = rec["value"], rec.get("baseline")
        self.started = self.started or baseline is None or score > baseline
        if self.best is None or score > self.best:
            self.best, self.best_step, self.waited = score, step, 0
            self.best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            return False
        if not self.started:
            return False  # still at the baseline: not learning yet, not a plateau
        self.waited += 1
        return self.waited >= self.patience

    def restore_best(self, model: Any, last_step: int, steps_per_epoch: int,
                     wall_s: float) -> list[dict]:
        """Load the best weights; records saying which step they are from."""
        if self.patience is None or self.best_state is None:
            return []
        model.load_state_dict(self.best_state)
        self.best_state = None
        return [{"step": last_step, "epoch": last_step / steps_per_epoch, "split": "dev",
                 "lang": "all", "lang_group": "all", "metric": name, "value": float(value),
                 "n": None, "stderr": None, "wall_s": wall_s}
                for name, value in (("best_step", self.best_step), ("stopped_step", last_step))]


class StepPlan:
    """Which training examples go into which optimizer step, for every process.

    Batches are length-grouped and reshuffled every epoch (seed ``cfg.seed + epoch``); with
    several processes each takes every P-th batch (a multiple of P per epoch); an optimizer
    step takes ``cfg.grad_accum`` consecutive micro-batches (the last step of an epoch may
    take fewer). ``max_steps``, when set, replaces ``epochs``.
    """

    def __init__(self, lengths: list[int], cfg: TrainConfig, kd: Any, processes: int,
                 rank: int) -> None:
        self.lengths, self.cfg, self.processes, self.rank = lengths, cfg, processes, rank
        micro_per_epoch = len(self._epoch_batches(0))
        if micro_per_epoch == 0:
            raise bad_value("batch_size", cfg.batch_size, "a size that gives every process a batch")
        self.steps_per_epoch = math.ceil(micro_per_epoch / cfg.grad_accum)
        self.total_steps = cfg.max_steps or max(1, math.ceil(cfg.epochs * self.steps_per_epoch))
        self.stages = stage_bounds(self.total_steps, kd)

    def _epoch_batches(self, epoch: int) -> list[list[int]]:
        batches = batch_indices(self.lengths, self.cfg.batch_size, shuffle=True,
                                seed=self.cfg.seed + epoch)
        if self.processes > 1:
            batches = batches[: len(batches) // self.processes * self.processes][self.rank::self.processes]
        return batches

    def steps(self) -> Iterator[list[list[int]]]:
        """The micro-batches (lists of example positions) of each optimizer step, in order."""
        step, epoch = 0, 0
        while step < self.total_steps:
            batches = self._epoch_batches(epoch)
            for g in range(0, len(batches), self.cfg.grad_accum):
                if step >= self.total_steps:
                    return
                yield batches[g: g + self.cfg.grad_accum]
                step += 1
            epoch += 1

    def stage_of(self, step: int) -> int:
        """1, or 2 in the second half of two-stage KD (``step`` counts from 0)."""
        return 1 if len(self.stages) == 1 or step < self.stages[1][0] else 2

    def epoch_of(self, step: int) -> float:
        return step / self.steps_per_epoch


def _grad_sync(accelerator: Any, model: Any, last: bool) -> Any:
    """Several processes: average gradients only after the last micro-batch of a step."""
    if last or accelerator.num_processes == 1:
        return contextlib.nullcontext()
    return accelerator.no_sync(model)


def step_loss(model: Any, batch: dict, kd: Any, teacher_cache: Any, stage: int,
              device: Any) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
    """The loss of one micro-batch to minimise, and (KD) each active term's unweighted value,
    as tensors (nothing is read back to the host here)."""
    from kitlib.distill.losses import hard_ce
    from kitlib.distill.terms import TERMS, kd_losses

    inputs = {"input_ids": batch["input_ids"].to(device),
              "attention_mask": batch["attention_mask"].to(device)}
    labels = batch["labels"].to(device)
    if kd is None:
        return hard_ce(model(**inputs).logits, labels), {}
    active = kd.active_terms(stage)
    needs = {n for term in active for n in TERMS[term].needs}
    out = model(**inputs, output_hidden_states="hidden" in needs,
                output_attentions="attn" in needs)
    teacher = teacher_outputs(teacher_cache, batch["index"], needs, device)
    parts = kd_losses(out, teacher, {"attention_mask": inputs["attention_mask"],
                                     "labels": labels}, kd, stage=stage)
    return sum(active[t] * v for t, v in parts.items()), parts


def teacher_outputs(teacher_cache: Any, index: torch.Tensor, needs: set[str],
                    device: Any) -> dict[str, Any]:
    """The cached teacher outputs a micro-batch's active terms read, on ``device``."""
    stored = teacher_cache.lookup(index)
    return {k: ([t.to(device) for t in v] if isinstance(v, list) else v.to(device))
            for k, v in stored.items() if k in needs}


class LossLog:
    """Training losses of the current logging window, kept as tensors until ``flush``.

    Why: reading a loss back to the host (``.item()``) waits for the device; doing it once
    per window instead of per micro-batch and term keeps the GPU busy. The flushed records
    are the same numbers as reading each value at once: each step's loss is the sum over its
    micro-batches of loss / n_micro; a window's record is the mean over its steps (stderr:
    their standard deviation / sqrt(steps)). With several processes (``reduce``: the mean
    over processes) a step's loss is the mean over every process's micro-batches, as one
    process with that many accumulated micro-batches would log it; before, the main process
    logged only its own. A non-finite loss stops training there, naming the first step it
    appeared in.
    """

    def __init__(self, steps_per_epoch: int, start: float,
                 reduce: Callable[[torch.Tensor], torch.Tensor] | None = None) -> None:
        self.steps_per_epoch, self.start = steps_per_epoch, start
        # several processes: each saw its own micro-batches; the step's loss is their mean
        self.reduce = reduce
        self._values: list[torch.Tensor] = []   # every micro-batch's loss and term values
        self._layout: list[tuple[int, str, int]] = []  # (step, "" or term, n_micro) per value
        self._step_terms: list[tuple[str, torch.Tensor, int]] = []
        self._step_loss: list[tuple[torch.Tensor, int]] = []

    def add(self, loss: torch.Tensor, parts: dict[str, torch.Tensor], n_micro: int) -> None:
        self._step_loss.append((loss.detach(), n_micro))
        for term, value in parts.items():
            self._step_terms.append((term, value.detach(), n_micro))

    def end_step(self, step: int) -> None:
        for value, n in self._step_loss:
            self._values.append(value)
            self._layout.append((step, "", n))
        for term, value, n in self._step_terms:
            self._values.append(value)
            self._layout.append((step, term, n))
        self._step_loss, self._step_terms = [], []

    def flush(self, step: int) -> list[dict]:
        """``train_loss`` (and ``train_loss_<term>``) records of the window ending at ``step``."""
        stacked = torch.stack([v.float() for v in self._values]) if self._values else None
        if stacked is not None and self.reduce is not None:
            stacked = self.reduce(stacked)
        values = stacked.tolist() if stacked is not None else []
        per_step: dict[str, dict[int, float]] = {}
        for value, (at, term, n) in zip(values, self._layout):
            if not math.isfinite(value):
                raise KitError(f"training loss became {value} at step {at} (epoch "
                               f"{int((at - 1) // self.steps_per_epoch)}); lower lr or check "
                               "the data/model.")
            steps = per_step.setdefault(term, {})
            steps[at] = steps.get(at, 0.0) + value / n
        self._values, self._layout = [], []
        records = [_loss_record(list(per_step.get("", {}).values()), step,
                                self.steps_per_epoch, self.start)]
        return records + [_loss_record(list(v.values()), step, self.steps_per_epoch, self.start,
                                       f"train_loss_{term}")
                          for term, v in per_step.items() if term]


class Evaluator:
    """Per-language evaluation records on ``split`` (encoded once per ``train`` call)."""

    def __init__(self, tokenizer: Any, data: TaskData, split: str | None, cfg: TrainConfig,
                 steps_per_epoch: int, start: float) -> None:
        self.tokenizer, self.data, self.split, self.cfg = tokenizer, data, split, cfg
        self.steps_per_epoch, self.start = steps_per_epoch, start
        self._encoded: list[dict] | None = None
        self.seconds = 0.0  # spent evaluating: not part of the training step time

    def __call__(self, model: Any, step: int) -> list[dict]:
        if self.split is None:
            return []
        t0 = time.perf_counter()
        if self._encoded is None:
            self._encoded = encode(self.data.split(self.split), self.tokenizer, self.data.task,
                                   self.cfg.max_length)
        records = evaluate(model, self.tokenizer, self.data, self.split,
                           batch_size=self.cfg.eval_batch_size, max_length=self.cfg.max_length,
                           encoded=self._encoded, mixed_precision=self.cfg.mixed_precision)
        wall = time.perf_counter() - self.start
        for r in records:
            r.update(step=step, epoch=step / self.steps_per_epoch, wall_s=wall)
        self.seconds += time.perf_counter() - t0
        return records


def step_time_record(step: int, steps_per_epoch: int, wall_s: float,
                     eval_seconds: float) -> dict:
    """Mean seconds per optimizer step, evaluations left out (``vocab.STEP_TIME``).

    Why a record: notebook 05 compares how fast students train (trimmed vs full vocabulary)
    and a reader should see the measured figure next to the scores, from the same run."""
    from kitlib import vocab

    return {"step": step, "epoch": step / steps_per_epoch, "split": "train", "lang": "all",
            "lang_group": "all", "metric": vocab.STEP_TIME,
            "value": (wall_s - eval_seconds) / max(step, 1), "n": step, "stderr": None,
            "wall_s": wall_s}


class _Emitter:
    """Hands records to ``on_records`` (only the main process has one)."""

    def __init__(self, on_records: Callable[[list[dict]], None] | None) -> None:
        self.on_records = on_records

    def __call__(self, records: list[dict]) -> None:
        if self.on_records is not None and records:
            self.on_records(records)


def _loss_record(losses: Sequence[float], step: int, steps_per_epoch: int, start: float,
                 metric: str = "train_loss") -> dict:
    value = statistics.fmean(losses)
    stderr = statistics.stdev(losses) / math.sqrt(len(losses)) if len(losses) > 1 else None
    return {"step": step, "epoch": step / steps_per_epoch, "split": "train", "lang": "all",
            "lang_group": "all", "metric": metric, "value": value, "n": len(losses),
            "stderr": stderr, "wall_s": time.perf_counter() - start}
