"""The claims tables: one row per claim of the paper, with what was measured, the effect
and its interval, a verdict, and the paper's own figure where one is known.

Why: the kit exists to check the paper's claims; a reader must not have to work out from
six figures whether each one holds. Every verdict follows one rule, whichever way it goes:

- **holds**: the whole 95% interval of the effect is on the side the paper claims;
- **reversed**: the whole interval is on the other side;
- **not shown**: the interval contains no effect (or there is no interval).

Effects are *contrasts* of runs on the same data (see ``kitlib.stats``): paired over seeds
when there are several, a bootstrap over test templates/examples with one. A run whose
final score is not clearly above the trivial baseline (its score minus 1.96 per-example
standard errors is at or below the majority-class / all-"O" score) is flagged "at chance"
in the row that uses it, and so is a teacher that was allowed to teach although it failed
the teacher gate.
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import pandas as pd

from kitlib import stats, vocab
from kitlib.paths import atomic_write_text

HOLDS, NOT_SHOWN, REVERSED = "holds", "not shown", "reversed"
COLUMNS = ["claim", "measured", "effect (95% interval)", "interval", "verdict", "paper", "notes"]
ANSWER = "answer"


@dataclass
class Claim:
    """One row of a claims table."""

    claim: str
    measured: str
    effect: stats.Interval
    paper: str = ""
    margin: float = 0.0
    notes: list[str] = field(default_factory=list)
    answer: str = ""  # a plain-language answer (notebook 05's open questions)

    @property
    def verdict(self) -> str:
        return verdict(self.effect, self.margin)

    def row(self) -> dict:
        return {"claim": self.claim, "measured": self.measured,
                "effect (95% interval)": self.effect.text(), "interval": self.effect.kind,
                "verdict": self.verdict, ANSWER: self.answer, "paper": self.paper,
                "notes": "; ".join(self.notes)}


def verdict(effect: stats.Interval, margin: float = 0.0) -> str:
    """holds / reversed / not shown for an effect the paper says is > ``margin``."""
    if math.isnan(effect.low) or math.isnan(effect.high):
        return NOT_SHOWN
    if effect.low > margin:
        return HOLDS
    if effect.high < margin:
        return REVERSED
    return NOT_SHOWN


# --------------------------------------------------------------------------- contrasts
Selector = Mapping[str, Any]


def matches(runs: pd.DataFrame, selector: Selector) -> pd.DataFrame:
    """The rows of ``runs`` whose fields equal the selector's (``kd`` as a flag, the rest
    compared as text, so that 6 and "6" or True and "True" select the same runs)."""
    keep = pd.Series(True, index=runs.index)
    for key, value in selector.items():
        if key == "kd":
            keep &= runs[key].astype(bool) == bool(value)
        else:
            keep &= runs[key].astype(str) == str(value)
    return runs[keep]


def run_table(final: pd.DataFrame) -> pd.DataFrame:
    """One row per run (its fields) from final-score records."""
    return final.drop_duplicates("run_id").set_index("run_id", drop=False)


def _by_seed(runs: pd.DataFrame, selector: Selector, what: str) -> dict[Any, str]:
    chosen = matches(runs, selector)
    if chosen.empty:
        return {}
    if (chosen["role"] == vocab.TEACHER).all():
        if chosen["run_id"].nunique() > 1:
            raise ValueError(f"{what}: {chosen['run_id'].nunique()} teacher runs match")
        return {"*": chosen["run_id"].iloc[0]}  # one teacher for every seed
    if chosen["seed"].duplicated().any():
        raise ValueError(f"{what}: two runs of one seed match {dict(selector)}; only seeds "
                         "are pooled, so the selector must name what tells them apart")
    return dict(zip(chosen["seed"], chosen["run_id"]))


def group_languages(final: pd.DataFrame, group: str) -> list[str]:
    """The languages a group average is over ("all", "seen", "unseen", "all_but_en"), or
    the one language ``group`` names."""
    langs = final[~final["lang"].isin(vocab.LANG_GROUPS)]
    if group == vocab.ALL:
        return sorted(langs["lang"].unique())
    if group == vocab.ALL_BUT_EN:
        return sorted(set(langs["lang"]) - {"en"})
    if group in (vocab.SEEN, vocab.UNSEEN):
        return sorted(langs[langs["lang_group"] == group]["lang"].unique())
    return [group] if group in set(langs["lang"]) else []


def _score_at(final: pd.DataFrame, group: str) -> pd.Series:
    """Each run's score on a group average, or on one language."""
    return final[final["lang"] == group].set_index("run_id")["value"]


Term = tuple  # (weight, selector) or (weight, selector, group)


def contrast(final: pd.DataFrame, outcomes: pd.DataFrame | None, terms: Sequence[Term], *,
             group: str = vocab.ALL, metric: str,
             value_of: Mapping[str, float] | None = None) -> stats.Interval:
    """Σ weight x score of the runs ``terms`` select; each term's score is on ``group`` (a
    language average or one language), or on the group the term names as its third item.

    ``final``: each run's final test records (``final_scores``) of ``metric``; runs are
    paired by seed (the teacher, one run, pairs with every seed). ``value_of``: a value per
    run id to use instead of the score (e.g. steps to target; no bootstrap then).
    """
    final = final[final["metric"] == metric]
    runs = run_table(final)
    terms = [(t[0], t[1], t[2] if len(t) > 2 else group) for t in terms]
    seeds_of = [_by_seed(runs, sel, f"term {i}") for i, (_, sel, _) in enumerate(terms)]
    if any(not m for m in seeds_of):
        return stats.no_interval(math.nan, "a compared run is missing", 0)
    student_seeds = [set(m) for m in seeds_of if set(m) != {"*"}]
    seeds = sorted(set.intersection(*student_seeds) if student_seeds else {"*"}, key=str)
    if not seeds:
        return stats.no_interval(math.nan, "no seed common to the compared runs", 0)
    scores = {g: _score_at(final, g) for g in {g for _, _, g in terms}}

    def value(run_id: str, g: str) -> float:
        return float(value_of[run_id]) if value_of is not None else float(scores[g][run_id])

    def pick(m: dict, seed: Any) -> str:
        return m["*"] if "*" in m else m[seed]

    per_seed = [sum(w * value(pick(m, sd), g) for (w, _, g), m in zip(terms, seeds_of))
                for sd in seeds]
    if len(seeds) >= 2 or value_of is not None or outcomes is None or outcomes.empty:
        return stats.over_seeds(per_seed)
    boot_terms = [(pick(m, seeds[0]), w, group_languages(final, g))
                  for (w, _, g), m in zip(terms, seeds_of)]
    by_run = {rid: outcomes[outcomes["run_id"] == rid] for rid, _, _ in boot_terms}
    if any(o.empty for o in by_run.values()):
        return stats.no_interval(per_seed[0], "one seed, no per-example outcomes")
    cluster = "template" if outcomes["cluster"].ne(outcomes["id"]).any() else "example"
    return stats.bootstrap_contrast(by_run, boot_terms, metric, cluster_name=cluster)


# --------------------------------------------------------------------------- flags
def at_chance(final: pd.DataFrame, metric: str) -> list[str]:
    """Labels of student runs whose ``all`` score is within 1.96 per-example standard errors
    of the trivial baseline (majority class, or all-"O" for tagging)."""
    rows = final[(final["metric"] == metric) & (final["lang"] == vocab.ALL)
                 & (final["role"] == vocab.STUDENT)]
    if "baseline" not in rows.columns:
        return []
    out = []
    for r in rows.itertuples():
        se = 0.0 if pd.isna(r.stderr) else float(r.stderr)
        if not pd.isna(r.baseline) and r.value - 1.96 * se <= r.baseline:
            out.append(f"{r.init} {vocab.kd_label(r.kd)} (seed {int(r.seed)})")
    return out


def chance_note(chance: list[str], *inits: str, kd: Any = None) -> list[str]:
    """A row's "at chance" note, for the runs of the inits it compares (and, with ``kd``,
    of that KD setting only)."""
    prefixes = [f"{i} {vocab.kd_label(kd)} " if kd is not None else f"{i} " for i in inits]
    hits = [c for c in chance if any(c.startswith(p) for p in prefixes)]
    return [f"at chance: {', '.join(hits)}"] if hits else []


# --------------------------------------------------------------------------- writing
def table(claims: Sequence[Claim]) -> pd.DataFrame:
    """One row per claim; an ``answer`` column (after the verdict) when any claim has one."""
    columns = list(COLUMNS)
    if any(c.answer for c in claims):
        columns.insert(columns.index("verdict") + 1, ANSWER)
    return pd.DataFrame([c.row() for c in claims], columns=columns)


def markdown(claims: Sequence[Claim], title: str, preamble: str = "") -> str:
    df = table(claims)
    esc = lambda v: str(v).replace("|", "\\|").replace("\n", " ")  # noqa: E731
    lines = [f"# {title}", ""]
    if preamble:
        lines += [preamble, ""]
    lines += ["| " + " | ".join(df.columns) + " |", "|" + " --- |" * len(df.columns)]
    lines += ["| " + " | ".join(esc(v) for v in row) + " |" for row in df.itertuples(index=False)]
    lines += ["", VERDICT_RULE]
    return "\n".join(lines) + "\n"


VERDICT_RULE = ("Verdicts: **holds** = the whole 95% interval is on the side the paper "
                "claims; **reversed** = the whole interval is on the other side; **not "
                "shown** = otherwise. Intervals: paired over seeds (same seed, same data) "
                "with a Student-t interval when there are several seeds, else a bootstrap "
                "over test templates (pocket data) or test examples (hub data), resampled "
                "within each language.")


def html_page(claims: Sequence[Claim], title: str, preamble: str = "") -> str:
    body = table(claims).to_html(index=False, escape=True, border=0)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}"
            "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:"
            "collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}"
            "</style></head><body>"
            f"<h1>{html.escape(title)}</h1><p>{html.escape(preamble)}</p>{body}"
            f"<p>{html.escape(VERDICT_RULE.replace('**', ''))}</p></body></html>")


def write(claims: Sequence[Claim], folder: str | Path, name: str, title: str,
          preamble: str = "") -> tuple[Path, Path]:
    """``<folder>/claims/<name>.md`` and ``.html`` (atomically); returns both paths."""
    folder = Path(folder) / "claims"
    folder.mkdir(parents=True, exist_ok=True)
    md, page = folder / f"{name}.md", folder / f"{name}.html"
    atomic_write_text(md, markdown(claims, title, preamble))
    atomic_write_text(page, html_page(claims, title, preamble))
    return md, page


__all__ = ["Claim", "verdict", "contrast", "matches", "at_chance", "chance_note", "table", "markdown",
           "html_page", "write", "HOLDS", "NOT_SHOWN", "REVERSED", "group_languages"]
