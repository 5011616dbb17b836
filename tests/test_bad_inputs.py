"""One catalogue of bad inputs and faults (issue 12): each is answered by one clear error
(or, for a damaged cache, a warning and a rebuild) that names the parameter or the file,
before any work starts and without writing anything.

Every case: ``setup(tmp)`` makes its inputs (files it needs), then ``call(tmp)`` must raise
``error`` whose message contains every one of ``words``; afterwards the temporary folder
holds exactly what ``setup`` left (nothing written, no cache filled, no results folder).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import pytest

from kitlib import params
from kitlib.errors import CacheError, KitError

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Case:
    name: str
    call: Callable[[Path], Any]
    words: list[str]
    error: type = KitError
    setup: Callable[[Path], None] = field(default=lambda tmp: None)


def P(notebook="02", **kw):
    return lambda tmp: params.load_params(notebook, **{"out_dir": str(tmp / "runs"), **kw})


def load(name, **kw):
    def call(tmp):
        from kitlib.data import load as data_load

        return data_load(name, **{k: (v(tmp) if callable(v) else v) for k, v in kw.items()})
    return call


def write(relative: str, text: str) -> Callable[[Path], None]:
    def setup(tmp):
        path = tmp / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return setup


def local_rows(rows_by_split: dict[str, list[dict | str]]) -> Callable[[Path], None]:
    def setup(tmp):
        folder = tmp / "mydata"
        folder.mkdir(parents=True, exist_ok=True)
        for split, rows in rows_by_split.items():
            lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
            (folder / f"{split}.jsonl").write_text("\n".join(lines) + ("\n" if lines else ""))
    return setup


def row(i, text="hello there", label="a", lang="en"):
    return {"id": f"x{i}", "lang": lang, "text": text, "label": label}


GOOD_LOCAL = {"train": [row(1), row(2, label="b")], "dev": [row(3)], "test": [row(4)]}


def with_split(split, rows):
    return {**GOOD_LOCAL, split: rows}


def run_all(*args):
    def call(tmp):
        from kitlib.__main__ import run_all as run

        return run(*args[0](tmp) if callable(args[0]) else args, log_output=False)
    return call


def results_load(sub: str):
    def call(tmp):
        from kitlib.results import load as results_load_

        return results_load_(tmp / sub)
    return call


CASES = [
    # ------------------------------------------------------------- notebook parameters
    Case("unknown key", P(batch_sz=8), ["batch_sz=8", "'batch_size'"]),
    Case("unknown key, no near name", P(frobnicate=1), ["frobnicate=1", "not a parameter"]),
    Case("subset 0", P("04", subset=[0]), ["subset=[0]", "(0, 1]"]),
    Case("subset above 1", P("04", subset=[1.5]), ["subset", "(0, 1]"]),
    Case("subset as text", P("04", subset="lots"), ["subset", "fraction"]),
    Case("train_subset 0", P(train_subset=0), ["train_subset", "(0, 1]"]),
    Case("teacher_train_subset above 1", P(teacher_train_subset=2),
         ["teacher_train_subset=2", '"auto"', "(0, 1]"]),
    Case("teacher_train_subset misspelled auto", P(teacher_train_subset="automatic"),
         ["teacher_train_subset='automatic'", '"auto"']),
    Case("negative seed", P(seeds=[-1]), ["seeds", "integers >= 0"]),
    Case("repeated seeds", P(seeds=[44, 44]), ["seeds", "without repeats"]),
    Case("empty seeds", P(seeds=[]), ["seeds", "non-empty"]),
    Case("lr 0", P(lr=0), ["lr=0", "> 0"]),
    Case("lr 1", P(lr=1.0), ["lr=1.0", "< 1"]),
    Case("lr as text", P(lr="fast"), ["lr='fast'", "a number"]),
    Case("lr NaN", P(lr=float("nan")), ["lr=nan", "a number"]),
    Case("teacher_lr negative", P(teacher_lr=-1e-4), ["teacher_lr", "> 0"]),
    Case("batch_size 0", P(batch_size=0), ["batch_size=0", ">= 1"]),
    Case("batch_size float", P(batch_size=3.5), ["batch_size=3.5", "an integer"]),
    Case("batch_size bool", P(batch_size=True), ["batch_size=True", "an integer"]),
    Case("max_length 5", P(max_length=5), ["max_length=5", ">= 8"]),
    Case("max_length beyond the positions", P(max_length=600), ["max_length=600", "512",
                                                               "position embeddings"]),
    Case("num_layers 0", P(num_layers=0), ["num_layers=0", ">= 1"]),
    Case("num_layers deeper than the teacher", P(num_layers=13), ["num_layers=13", "12 layers"]),
    Case("num_layers list outside 01", P(num_layers=[4, 6]), ["num_layers", "only 01"]),
    Case("01 depth deeper than the teacher", P("01", num_layers=[6, 14]), ["num_layers", "12"]),
    Case("layer_map unknown name", P(layer_map="every_other"), ["layer_map='every_other'",
                                                                "alternate"]),
    Case("layer_map wrong length", P(layer_map=[0, 1, 2]), ["layer_map", "6 teacher layer"]),
    Case("layer_map index beyond the teacher", P(layer_map=[0, 2, 4, 6, 8, 12]),
         ["layer_map", "indices 0 to 11"]),
    Case("layer_map repeated index", P(layer_map=[0, 0, 2, 4, 6, 8]), ["layer_map", "distinct"]),
    Case("kd_layer_map beyond the teacher", P(kd_layer_map=[1, 3, 5, 7, 9, 13]),
         ["kd_layer_map", "indices 0 to 11"]),
    Case("layer_maps bad entry", P("01", layer_maps=["alternate", "middle"]),
         ["layer_maps", "middle"]),
    Case("inits: the teacher is a role", P(inits=["teacher"]), ["inits", "role"]),
    Case("inits: short alias", P(inits=["scratch"]), ["inits", "from-scratch"]),
    Case("kd_terms unknown", P(kd_terms=["logits"]), ["kd_terms", "pred"]),
    Case("kd_weights missing term", P(kd_weights={"pred": 1.0}), ["kd_weights", "Missing"]),
    Case("kd_weights negative", P(kd_weights={"pred": -1, "hidden": 1, "attn": 1, "embed": 1,
                                              "ce": 1}), ["kd_weights", ">= 0"]),
    Case("kd_temperature 0", P(kd_temperature=0), ["kd_temperature=0", "> 0"]),
    Case("kd_pred_loss kl", P(kd_pred_loss="kl"), ["kd_pred_loss='kl'", "soft_ce"]),
    Case("kd_stages 3", P(kd_stages=3), ["kd_stages=3", "<= 2"]),
    Case("kd as text", P(kd="sometimes"), ["kd", "true or false"]),
    Case("kd_ablation without from-teacher", P(inits=["from-base"]), ["kd_ablation",
                                                                      "from-teacher"]),
    Case("kd_ablation_seeds 0", P(kd_ablation_seeds=0), ["kd_ablation_seeds=0", ">= 1"]),
    Case("dataset unknown", P(dataset="imdb"), ["dataset='imdb'", "pocket-intent"]),
    Case("languages unknown", P(languages=["en", "klingon"]), ["languages", "klingon"]),
    Case("train_languages unknown", P("03", train_languages=["xx"]), ["train_languages", "xx"]),
    Case("backbone unknown", P(backbone="xlm-roberta-bigger"), ["backbone", "me5-small-q4"]),
    Case("backbone_source unknown", P(backbone_source="cloud"), ["backbone_source", "offline"]),
    Case("mixed_precision fp16", P(mixed_precision="fp16"), ["mixed_precision", "bf16"]),
    Case("teacher_min_score above 1", P(teacher_min_score=2), ["teacher_min_score", "<= 1"]),
    Case("teacher_patience 0", P(teacher_patience=0), ["teacher_patience=0", ">= 1"]),
    Case("target_fraction 0", P("04", target_fraction=0), ["target_fraction", "> 0"]),
    Case("teacher_data unknown", P("04", teacher_data="half"), ["teacher_data", "subset"]),
    Case("max_eval_per_lang 0", P(max_eval_per_lang=0), ["max_eval_per_lang=0", ">= 1"]),
    Case("size 0", P(size=0), ["size=0", ">= 1"]),
    Case("out_dir is a file", lambda tmp: params.load_params("02", out_dir=str(tmp / "f.txt")),
         ["out_dir", "a folder (this is a file)"], setup=write("f.txt", "x")),
    Case("out_dir cannot be created", lambda tmp: params.load_params("02", out_dir="/proc/kit/x"),
         ["out_dir", "/proc", "cannot be written"]),
    Case("notebook unknown", lambda tmp: params.load_params("07"), ["notebook='07'",
                                                                    "02_kd_ablation"]),
    # ------------------------------------------------------------- presets
    Case("preset unknown", lambda tmp: params.load_params("02", "pockt"), ["preset='pockt'",
                                                                          "pocket"]),
    Case("preset not YAML", lambda tmp: params.load_params("02", str(tmp / "p.yaml")),
         ["p.yaml", "not valid YAML"], setup=write("p.yaml", "a: [1, 2\n")),
    Case("preset not a mapping", lambda tmp: params.load_params("02", str(tmp / "p.yaml")),
         ["p.yaml", "mapping"], setup=write("p.yaml", "- 1\n- 2\n")),
    Case("preset misspelled key", lambda tmp: params.load_params("02", str(tmp / "p.yaml")),
         ["batch_sz=8", "'batch_size'"], setup=write("p.yaml", "batch_sz: 8\n")),
    Case("run-all preset misspelled key",
         lambda tmp: __import__("kitlib.__main__").__main__.run_all(
             str(tmp / "p.yaml"), tmp / "out", log_output=False),
         ["batch_sz=8", "p.yaml"], setup=write("p.yaml", "dataset: pocket-intent\nbatch_sz: 8\n")),
    Case("run-all unknown notebook",
         lambda tmp: __import__("kitlib.__main__").__main__.run_all(
             "smoke", tmp / "out", notebooks=["09"], log_output=False), ["notebook='09'"]),
    # ------------------------------------------------------------- data selection and files
    Case("dataset unknown (load)", load("imdb"), ["dataset='imdb'", "pocket-intent"]),
    Case("data_dir on a pocket dataset", load("pocket-intent", data_dir="/tmp"),
         ["data_dir", "generated, not read from files"]),
    Case("path on a pocket dataset", load("pocket-intent", path="/tmp"), ["path is for local"]),
    Case("unknown selection keyword", load("pocket-intent", langauges="en"), ["langauges"]),
    Case("subset 0 (load)", load("pocket-intent", subset=0), ["subset=0", "(0, 1]"]),
    Case("language unknown (load)", load("pocket-intent", languages=["xx"]), ["languages", "xx"]),
    Case("train language not selected", load("pocket-intent", languages=["en"],
                                             train_languages=["de"]), ["train_languages", "de"]),
    Case("data_dir does not exist", load("tsm", data_dir=lambda tmp: str(tmp / "nope")),
         ["data_dir", "existing folder"]),
    Case("data_dir without the dataset's files", load("tsm", data_dir=lambda tmp: str(tmp / "e")),
         ["data_dir", "tsm"], setup=write("e/readme.txt", "nothing here")),
    Case("data_files that do not exist", load("uner", data_files=lambda tmp: [str(tmp / "x.iob2")]),
         ["data_files", "existing files"]),
    Case("local without path", load("local"), ["path", "local"]),
    Case("local empty file", load("local", data_dir=lambda tmp: str(tmp / "mydata")),
         ["test.jsonl", "empty"], setup=local_rows(with_split("test", []))),
    Case("local row without label", load("local", data_dir=lambda tmp: str(tmp / "mydata")),
         ["dev.jsonl", "line 2", "label"],
         setup=local_rows(with_split("dev", [row(3), {"id": "d1", "lang": "en", "text": "hi"}]))),
    Case("local null text", load("local", data_dir=lambda tmp: str(tmp / "mydata")),
         ["test.jsonl", "line 1", "text"],
         setup=local_rows(with_split("test", [row(9, text=None)]))),
    Case("local label only in test", load("local", data_dir=lambda tmp: str(tmp / "mydata")),
         ["'zzz'", "test", "train"], setup=local_rows(with_split("test", [row(9, label="zzz")]))),
    Case("local broken JSON line", load("local", data_dir=lambda tmp: str(tmp / "mydata")),
         ["train.jsonl", "line 2"], setup=local_rows(with_split("train", [row(1), "{oops"]))),
    Case("local duplicate ids", load("local", data_dir=lambda tmp: str(tmp / "mydata")),
         ["x1"], setup=local_rows(with_split("dev", [row(1)]))),
    # ------------------------------------------------------------- models
    Case("backbone unknown (resolve)",
         lambda tmp: __import__("kitlib.models").models.resolve_backbone("gpt-9"),
         ["backbone='gpt-9'", "me5-small-q4"]),
    Case("hub-only backbone while offline",
         lambda tmp: __import__("kitlib.models").models.resolve_backbone("xlm-roberta-base",
                                                                          source="hub"),
         ["xlm-roberta-base", "me5-small-q4"]),
    Case("backbone folder without weights",
         lambda tmp: __import__("kitlib.models").models.resolve_backbone(str(tmp / "bb")),
         ["bb", "no model weights"], setup=write("bb/config.json", "{}")),
    Case("resolve_layer_map repeats",
         lambda tmp: __import__("kitlib.models").models.resolve_layer_map([1, 1], 12, 2),
         ["layer_map", "once"]),
    Case("resolve_layer_map too deep",
         lambda tmp: __import__("kitlib.models").models.resolve_layer_map("alternate", 4, 6),
         ["num_layers=6", "[1, 4]"]),
    # ------------------------------------------------------------- training configs
    Case("TrainConfig epochs 0", lambda tmp: __import__("kitlib.train").train.TrainConfig(epochs=0),
         ["epochs=0", "> 0"]),
    Case("TrainConfig fp16", lambda tmp: __import__("kitlib.train").train.TrainConfig(
        mixed_precision="fp16"), ["mixed_precision='fp16'", "mDeBERTa"]),
    Case("early stopping without evaluations", lambda tmp: __import__("kitlib.train").train.TrainConfig(
        early_stopping_patience=2, eval_every=0), ["eval_every", "early stopping"]),
    Case("KDConfig unknown term", lambda tmp: __import__("kitlib.distill").distill.KDConfig(
        terms={"logits": 1.0}), ["terms='logits'", "pred"]),
    Case("two-stage KD without an intermediate term",
         lambda tmp: __import__("kitlib.distill").distill.KDConfig(terms={"pred": 1.0}, stages=2),
         ["stages=2", "hidden"]),
    # ------------------------------------------------------------- results folders
    Case("results folder that does not exist", results_load("nope"), ["results_dir", "nope"]),
    Case("results of a folder that is not one", results_load("proj"),
         ["results_dir", "no FORMAT_VERSION"], setup=write("proj/README.md", "a project")),
    Case("results of the runs/ subfolder", results_load("o/runs"),
         ["results_dir", "folder above it"], setup=write("o/runs/r1.parquet", "x")),
    Case("results of another format", results_load("o"), ["format '9'", "new out_dir"],
         error=CacheError, setup=write("o/FORMAT_VERSION", "9\n")),
    Case("garbage records file", results_load("o"), ["runs/r1.parquet", "damaged", "Delete"],
         error=CacheError, setup=lambda tmp: (write("o/FORMAT_VERSION", "2\n")(tmp),
                                               write("o/runs/r1.parquet", "not parquet")(tmp))),
    Case("truncated run metadata", results_load("o"), ["meta/r1.json", "damaged"],
         error=CacheError, setup=lambda tmp: _one_good_run(tmp, meta='{"params": ')),
    Case("run id that cannot name a file",
         lambda tmp: __import__("kitlib.results.store").results.store.check_run_id("../x"),
         ["run_id='../x'", "names a file"]),
    # ------------------------------------------------------------- figures
    Case("figure of an unknown metric", lambda tmp: _plots().per_language_bars(
        _frame(), metric="f9"), ["metric='f9'", "accuracy"]),
    Case("figure of no records", lambda tmp: _plots().per_language_bars(
        _frame().iloc[:0], metric="accuracy"), ["records", "empty"]),
    Case("heatmap without layer columns", lambda tmp: _plots().heatmaps(_frame()),
         ["similarity table columns", "teacher_layer"]),
    Case("explorer over an empty results folder",
         lambda tmp: __import__("kitlib").explore(tmp / "o"), ["results", "complete run"],
         setup=write("o/FORMAT_VERSION", "2\n")),
]


def _one_good_run(tmp: Path, meta: str) -> None:
    import pandas as pd

    (tmp / "o" / "runs").mkdir(parents=True)
    (tmp / "o" / "meta").mkdir()
    (tmp / "o" / "FORMAT_VERSION").write_text("2\n")
    pd.DataFrame([{"run_id": "r1", "metric": "accuracy", "value": 0.5}]).to_parquet(
        tmp / "o" / "runs" / "r1.parquet")
    (tmp / "o" / "meta" / "r1.json").write_text(meta)


def _plots():
    from kitlib import plots

    return plots


def _frame():
    import records as R

    f = R.student(init="from-teacher", kd=False)
    return R.frame(("a", f, R.eval_rows(f, {"en": 0.5})))


def _snapshot(tmp: Path) -> dict[str, int]:
    return {str(p.relative_to(tmp)): (p.stat().st_size if p.is_file() else -1)
            for p in tmp.rglob("*")}


def test_the_catalogue_is_large():
    assert len(CASES) >= 80
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_one_clear_error_before_any_work(case, tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    case.setup(tmp_path)
    (tmp_path / "cache").mkdir(exist_ok=True)
    before = _snapshot(tmp_path)
    with pytest.raises(case.error) as info:
        case.call(tmp_path)
    message = str(info.value)
    for word in case.words:
        assert word in message, f"{word!r} not in: {message}"
    assert "Traceback" not in message
    after = _snapshot(tmp_path)
    assert after == before, f"written: {sorted(set(after) - set(before))}"
