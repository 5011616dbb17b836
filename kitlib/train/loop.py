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

import math
import statistics
import time
from typing import Any, Callable, Sequence

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
        raise bad_value("teacher_cache", None, "a kitlib.distill.TeacherCache when kd is set")
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
    from kitlib.distill.losses import check_compatible

    check_compatible(model.config, teacher_cache.teacher_info, kd, layer_map)
    return layer_map


def _accelerator(cfg: TrainConfig):
    from accelerate import Accelerator
    from accelerate.state import AcceleratorState

    mp = cfg.mixed_precision
    if mp == "auto":
        mp = "bf16" if torch.cuda.is_available() else "no"
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
    return torch.optim.AdamW(groups, lr=cfg.lr, betas=(0.9, 0.999), eps=1e-8)


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
    ``eval_split`` every ``cfg.eval_every`` steps and at the end (``eval_split=None``: no evaluation). ``wall_s`` is seconds since
    the start of training.
    """
    from accelerate.utils import set_seed
    from tqdm.auto import tqdm

    layer_map = _check_args(model, tokenizer, data, cfg, kd, teacher_cache, layer_map, eval_split)
    accelerator = _accelerator(cfg)
    set_seed(cfg.seed)
    if kd is not None and kd.need_attn and model.config._attn_implementation != "eager":
        model.set_attn_implementation("eager")

    encoded = encode(data.train, tokenizer, data.task, cfg.max_length)
    lengths = [len(it["input_ids"]) for it in encoded]
    P, rank = accelerator.num_processes, accelerator.process_index

    def epoch_batches(epoch: int) -> list[list[int]]:
        batches = batch_indices(lengths, cfg.batch_size, shuffle=True, seed=cfg.seed + epoch)
        if P > 1:
            batches = batches[: len(batches) // P * P][rank::P]
        return batches

    micro_per_epoch = len(epoch_batches(0))
    if micro_per_epoch == 0:
        raise bad_value("batch_size", cfg.batch_size, "a size that gives every process a batch")
    steps_per_epoch = math.ceil(micro_per_epoch / cfg.grad_accum)
    total_steps = cfg.max_steps or max(1, math.ceil(cfg.epochs * steps_per_epoch))

    optimizer = _optimizer(model, cfg)
    bounds = stage_bounds(total_steps, kd)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda k: lr_factor(k, bounds, cfg.warmup_ratio))
    model, optimizer = accelerator.prepare(model, optimizer)
    model.train()
    device = accelerator.device
    main = accelerator.is_main_process
    start = time.perf_counter()

    def emit(records: list[dict]) -> None:
        if on_records is not None and main and records:
            on_records(records)

    eval_encoded: dict[tuple, list[dict]] = {}  # the eval split is encoded once per call

    def run_eval(step: int) -> None:
        if eval_split is None:
            return
        key = (id(tokenizer), eval_split, cfg.max_length)
        if key not in eval_encoded:
            eval_encoded[key] = encode(data.split(eval_split), tokenizer, data.task, cfg.max_length)
        recs = evaluate(accelerator.unwrap_model(model), tokenizer, data, eval_split,
                        batch_size=cfg.eval_batch_size, max_length=cfg.max_length,
                        encoded=eval_encoded[key])
        wall = time.perf_counter() - start
        for r in recs:
            r.update(step=step, epoch=step / steps_per_epoch, wall_s=wall)
        emit(recs)

    def stage_of(step: int) -> int:
        return 1 if len(bounds) == 1 or step < bounds[1][0] else 2

    bar = tqdm(total=total_steps, desc="KD" if kd else "fine-tune", disable=not (progress and main))
    step, epoch, pending = 0, 0, []
    pending_terms: dict[str, list[float]] = {}
    last_eval = -1
    try:
        while step < total_steps:
            batches = epoch_batches(epoch)
            for g in range(0, len(batches), cfg.grad_accum):
                if step >= total_steps:
                    break
                group = batches[g: g + cfg.grad_accum]
                stage = stage_of(step)
                step_loss = 0.0
                step_terms: dict[str, float] = {}
                for k, positions in enumerate(group):
                    batch = collate([encoded[p] for p in positions], tokenizer.pad_token_id)
                    sync = k == len(group) - 1
                    ctx = accelerator.no_sync(model) if not sync and P > 1 else _null()
                    with ctx, accelerator.autocast():
                        loss, parts = _loss(model, batch, device, kd, teacher_cache, stage)
                    if not torch.isfinite(loss):
                        raise KitError(f"training loss became {loss.item()} at step {step + 1} "
                                       f"(epoch {epoch}); lower lr or check the data/model.")
                    accelerator.backward(loss / len(group))
                    step_loss += loss.item() / len(group)
                    for term, value in parts.items():
                        step_terms[term] = step_terms.get(term, 0.0) + value / len(group)
                if cfg.max_grad_norm:
                    accelerator.clip_grad_norm_(model.parameters(), cfg.max_grad_norm)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad(set_to_none=True)
                step += 1
                pending.append(step_loss)
                for term, value in step_terms.items():
                    pending_terms.setdefault(term, []).append(value)
                bar.update(1)
                bar.set_postfix(loss=f"{step_loss:.4f}", epoch=epoch)
                if step % cfg.log_every == 0 or step == total_steps:
                    emit([_loss_record(pending, step, steps_per_epoch, start)]
                         + [_loss_record(v, step, steps_per_epoch, start, f"train_loss_{t}")
                            for t, v in pending_terms.items()])
                    pending, pending_terms = [], {}
                if cfg.eval_every and step % cfg.eval_every == 0:
                    run_eval(step)
                    last_eval = step
            epoch += 1
        if last_eval != step:
            run_eval(step)
    finally:
        bar.close()
    return accelerator.unwrap_model(model)


class _null:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _loss(model, batch, device, kd, teacher_cache, stage: int) -> tuple[torch.Tensor, dict[str, float]]:
    """The loss to minimise, and (KD) each active term's unweighted value."""
    from kitlib.distill.losses import hard_ce, kd_losses

    ids = batch["input_ids"].to(device)
    mask = batch["attention_mask"].to(device)
    labels = batch["labels"].to(device)
    if kd is None:
        out = model(input_ids=ids, attention_mask=mask)
        return hard_ce(out.logits, labels), {}
    active = kd.active_terms(stage)
    need_h = "hidden" in active or "embed" in active
    need_a = "attn" in active
    out = model(input_ids=ids, attention_mask=mask, output_hidden_states=need_h,
                output_attentions=need_a)
    teacher = teacher_cache.lookup(batch["index"])
    teacher = {k: ([t.to(device) for t in v] if isinstance(v, list) else v.to(device))
               for k, v in teacher.items() if (k == "logits" or (k == "hidden" and need_h)
                                               or (k == "attn" and need_a))}
    parts = kd_losses(out, teacher, {"attention_mask": mask, "labels": labels}, kd, stage=stage)
    return sum(active[t] * v for t, v in parts.items()), {t: v.item() for t, v in parts.items()}


def _loss_record(losses: Sequence[float], step: int, steps_per_epoch: int, start: float,
                 metric: str = "train_loss") -> dict:
    value = statistics.fmean(losses)
    stderr = statistics.stdev(losses) / math.sqrt(len(losses)) if len(losses) > 1 else None
    return {"step": step, "epoch": step / steps_per_epoch, "split": "train", "lang": "all",
            "lang_group": "all", "metric": metric, "value": value, "n": len(losses),
            "stderr": stderr, "wall_s": time.perf_counter() - start}
