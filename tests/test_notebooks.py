"""The four notebooks: committed clean, one parameters cell holding the pocket defaults, and
executed end to end through papermill (``python -m kitlib run-all``) with params/smoke.yaml,
writing well-formed records for every run each notebook promises."""
from __future__ import annotations

import ast
import json
from pathlib import Path

import nbformat
import pytest
import yaml

from kitlib import params
from kitlib.__main__ import main as cli

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = list(params.NOTEBOOKS)
REQUIRED = ["run_id", "notebook", "task", "dataset", "backbone", "backbone_source",
            "teacher_id", "role", "kd", "layer_map", "num_layers", "subset", "seed", "step",
            "split", "lang", "lang_group", "metric", "value", "wall_s"]


def _read(name: str):
    return nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)


def _parameters_cells(nb):
    return [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_without_outputs_and_one_parameters_cell(name):
    nb = _read(name)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert len(_parameters_cells(nb)) == 1
    assert "injected-parameters" not in json.dumps([c.metadata for c in nb.cells])


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_parameters_cell_holds_exactly_the_pocket_defaults(name):
    cell = _parameters_cells(_read(name))[0]
    values = {}
    for node in ast.parse(cell.source).body:
        assert isinstance(node, ast.Assign), "the parameters cell only assigns literals"
        values[node.targets[0].id] = ast.literal_eval(node.value)
    pocket = yaml.safe_load((ROOT / "params" / "pocket.yaml").read_text())
    assert cell.source == params.parameters_cell(name)  # values and their documentation
    assert values == params.defaults(name)
    assert values == {k: pocket[k] for k in params.notebook_keys(name)}


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_validates_parameters_first(name):
    """The first code cell after the parameters cell calls from_notebook."""
    nb = _read(name)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert f"kitlib.params.from_notebook({name!r}, globals())" in code[1].source


def expected_runs(P) -> int:
    """How many runs each notebook promises for its parameters."""
    seeds, inits = len(P.values.get("seeds", [])), len(P.values.get("inits", []))
    if P.short == "anatomy":
        depths = P.num_layers if isinstance(P.num_layers, list) else [P.num_layers]
        return 2 + len(P.layer_maps) * len(depths)  # the teacher, its fine-tuning curve
    if P.short == "kd_ablation":
        extra = [t for t in P.kd_ablation if not (True in P.kd and t == P.kd_terms)]
        return 1 + seeds * inits * len(P.kd) + min(seeds, P.kd_ablation_seeds) * len(extra)
    if P.short == "zero_shot":
        return len(P.train_languages) * (1 + seeds * inits)
    if P.short == "open_questions":
        return len(open_questions_runs(P))
    return (1 if P.teacher_data == "full" else len(P.subset)) + len(P.subset) * seeds * inits


def open_questions_runs(P) -> set[tuple]:
    """Notebook 05's runs written out from the issue, one tuple per distinct run: (stage,
    init, KD, depth, layer map, prediction loss, vocabulary, seed); shared runs count once."""
    seeds = P.seeds[:P.question_seeds]
    pred = "mse" if P.kd_pred_loss == "mse" else f"kl:{P.kd_temperature:g}"
    runs = {("teacher",)}
    for seed in seeds:
        runs |= {("trained", init, kd, d, P.layer_map, pred if kd else "", "trimmed", seed)
                 for d in P.depths for init in ("from-base", "from-teacher") for kd in (0, 1)}
        runs |= {("trained", "from-teacher", 1, P.strategy_depth, m, pred, "trimmed", seed)
                 for m in P.strategies}
        runs |= {("trained", "from-teacher", 1, P.num_layers, P.layer_map, loss, "trimmed", seed)
                 for loss in P.pred_losses}
        runs |= {("trained", init, 1, P.num_layers, P.layer_map, pred,
                  "trimmed" if t else "full", seed)
                 for init in ("from-base", "from-teacher") for t in P.trim_choices}
    runs |= {("zero-training", m, P.strategy_depth) for m in P.strategies}
    return runs


def _written_open_questions_runs(records) -> set[tuple]:
    """The tuples of :func:`open_questions_runs` read back from 05's records."""
    runs = set()
    for _, run in records.groupby("run_id"):
        r = run.iloc[0]
        if r.role == "teacher":
            runs.add(("teacher",))
        elif r.stage == "zero-training":
            runs.add(("zero-training", r.layer_map, int(r.num_layers)))
        else:
            runs.add(("trained", r.init, int(bool(r.kd)), int(r.num_layers), r.layer_map,
                      r.pred_loss, r.vocabulary, int(r.seed)))
    return runs


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory):
    """All four notebooks, once, through the run-all CLI (papermill) with the smoke preset."""
    tmp = tmp_path_factory.mktemp("smoke")
    mp = pytest.MonkeyPatch()
    mp.setenv("KITLIB_CACHE", str(tmp / "cache"))
    mp.setenv("TRANSFORMERS_VERBOSITY", "error")
    out = tmp / "out"
    code = cli(["run-all", "--params", "smoke", "--out", str(out), "--quiet"])
    yield code, out
    mp.undo()


@pytest.mark.slow
def test_run_all_succeeds(smoke_run):
    code, out = smoke_run
    assert code == 0
    for name in NOTEBOOKS:
        nb = nbformat.read(out / "notebooks" / f"{name}.ipynb", as_version=4)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.output_type == "error"]
        assert len([c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]) == 1
    report = (out / "REPORT.md").read_text()
    for title in ("Claims of notebook 02", "Claims of notebook 03", "Claims of notebook 04",
                  "Claims of notebook 05", "## Settings", "Wall time per notebook"):
        assert title in report


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_wrote_every_promised_run(smoke_run, name):
    from kitlib.results import load

    code, out = smoke_run
    assert code == 0
    P = params.load_params(name, "smoke", out_dir=str(out))
    df = load(out)
    mine = df[df.notebook == name]
    assert mine.run_id.nunique() == expected_runs(P)
    assert mine[REQUIRED].notna().all().all(), mine[REQUIRED].isna().sum()
    assert set(mine.role) == {"teacher", "student"}
    assert mine[mine.role == "student"].init.isin(params.INIT_NAMES).all()
    assert mine[mine.role == "teacher"].init.isna().all()  # a role, not an init
    assert set(mine.backbone) == {"tiny-xlmr"} and set(mine.dataset) == {"pocket-intent"}
    for run_id in mine.run_id.unique():
        meta = json.loads((out / "meta" / f"{run_id}.json").read_text())
        assert meta["params"]["notebook"] == name and meta["params_hash"] and meta["device"]
    langs = set(mine[mine.lang_group.isin(["seen", "unseen"])].lang)
    students = mine[mine.role == "student"]
    if name == "01_copy_weight_anatomy":
        assert set(students.metric) >= {"cka", "accuracy", "params_total"}
        for _, run in students.groupby("run_id"):
            dev = run[(run.split == "dev") & (run.metric == "accuracy")]
            assert langs <= set(dev.lang)
    else:
        if name == "05_open_questions":
            assert _written_open_questions_runs(mine) == open_questions_runs(P)
        for _, run in students.groupby("run_id"):
            if name == "05_open_questions" and run.stage.iloc[0] == "zero-training":
                assert not (run.metric == "train_loss").any()
            else:
                assert (run.metric == "train_loss").any()
            if name == "05_open_questions" and run.stage.iloc[0] == "trained":
                measured = set(run[run.split.isin(["model", "train"])].metric)
                assert {"params_non_embedding", "examples_per_s", "step_s"} <= measured
                assert (run[run.metric.isin(["examples_per_s", "step_s"])].value > 0).all()
            test = run[(run.split == "test") & (run.metric == "accuracy")]
            assert langs <= set(test.lang) and "all" in set(test.lang)
            assert test.value.between(0, 1).all()
    figures = list((out / "figures" / name).glob("*.html"))
    assert figures


@pytest.mark.slow
def test_rerun_skips_complete_runs(smoke_run, capsys):
    code, out = smoke_run
    assert code == 0
    before = {p.name: p.stat().st_mtime_ns for p in (out / "runs").iterdir()}
    assert cli(["run-all", "--params", "smoke", "--out", str(out), "--notebooks", "02",
                "--quiet"]) == 0
    after = {p.name: p.stat().st_mtime_ns for p in (out / "runs").iterdir()}
    assert before == after


def test_run_all_bad_preset_fails_before_running(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("dataset: pocket-intent\nsubset: [0]\n")
    assert cli(["run-all", "--params", str(bad), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "subset=[0]" in err and "(0, 1]" in err
    assert not (tmp_path / "o" / "notebooks").exists()


@pytest.mark.slow
def test_run_all_failing_notebook_exits_nonzero(tmp_path, monkeypatch):
    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("out_dir = 'runs'")
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell("raise RuntimeError('boom')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    (tmp_path / "nbs").mkdir()
    nbformat.write(nb, tmp_path / "nbs" / "04_learning_speed.ipynb")
    code = cli(["run-all", "--params", "smoke", "--out", str(tmp_path / "o"), "--notebooks",
                "04", "--notebook-dir", str(tmp_path / "nbs"), "--quiet"])
    assert code == 1


@pytest.mark.slow
def test_papermill_unknown_parameter_stops_the_notebook(tmp_path, monkeypatch):
    """papermill only warns about an unknown -p key; the notebook itself must stop."""
    import papermill as pm

    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))
    with pytest.raises(pm.PapermillExecutionError) as info:
        pm.execute_notebook(str(ROOT / "notebooks" / "04_learning_speed.ipynb"),
                            str(tmp_path / "out.ipynb"),
                            parameters={"subsets": [0.05], "out_dir": str(tmp_path / "o")},
                            progress_bar=False, cwd=str(ROOT))
    assert "subsets=[0.05]" in str(info.value) and "'subset'" in str(info.value)
    assert not (tmp_path / "cache" / "teachers").exists()


@pytest.mark.slow
def test_an_undertrained_teacher_stops_the_notebook_before_any_student(tmp_path, monkeypatch):
    """Issue 14: a teacher trained one step fails the gate; no record of any run is written."""
    import papermill as pm

    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))
    out = tmp_path / "o"
    with pytest.raises(pm.PapermillExecutionError) as info:
        pm.execute_notebook(str(ROOT / "notebooks" / "02_kd_ablation.ipynb"),
                            str(tmp_path / "out.ipynb"),
                            parameters={**yaml.safe_load((ROOT / "params" / "smoke.yaml").read_text()),
                                        "out_dir": str(out), "teacher_max_steps": 1,
                                        "allow_weak_teacher": False},
                            progress_bar=False, cwd=str(ROOT))
    msg = str(info.value)
    assert "not fit to teach" in msg and "trivial baseline" in msg and "teacher_epochs" in msg
    assert "allow_weak_teacher" in msg
    assert not list((out / "runs").glob("*.parquet"))


@pytest.mark.slow
def test_a_weak_teacher_allowed_to_teach_marks_its_students(smoke_run):
    """The smoke teacher (a few steps on a tiny random model) fails the gate; the smoke
    preset allows it, so every record of its students says so, and so do the claims."""
    from kitlib.results import load

    code, out = smoke_run
    assert code == 0
    df = load(out)
    students = df[(df.role == "student") & (df.notebook != "01_copy_weight_anatomy")]
    assert students.weak_teacher.astype(bool).all()
    assert "the teacher failed the teacher gate" in (out / "claims" / "02_kd_ablation.md").read_text()
    assert (out / "REPORT.md").exists()
    assert {p.stem for p in (out / "claims").glob("*.md")} == set(NOTEBOOKS[1:])


def test_run_all_rejects_a_misspelled_key_before_running(tmp_path, capsys):
    """Issue 12, bad 1: run-all dropped an unknown key (batch_sz) and ran with the default."""
    bad = tmp_path / "f.yaml"
    bad.write_text("dataset: pocket-intent\nbatch_sz: 8\n")
    assert cli(["run-all", "--params", str(bad), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert "batch_sz=8" in err and "'batch_size'" in err and str(bad) in err
    assert not (tmp_path / "o").exists()


@pytest.mark.slow
def test_the_users_own_data_through_a_notebook(tmp_path, monkeypatch):
    """Issue 12: ``-p dataset local -p data_dir <folder>`` runs a notebook end to end."""
    import papermill as pm

    from kitlib.data import load
    from kitlib.results import load as load_results

    monkeypatch.setenv("KITLIB_CACHE", str(tmp_path / "cache"))
    src = load("pocket-intent", languages=["en", "de"], max_eval_per_lang=8, subset=0.2)
    folder = tmp_path / "mydata"
    folder.mkdir()
    for split in ("train", "dev", "test"):
        rows = [{"id": ex.id, "lang": ex.lang, "text": ex.text,
                 "label": src.label_names[ex.label]} for ex in src.split(split)]
        (folder / f"{split}.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    smoke = yaml.safe_load((ROOT / "params" / "smoke.yaml").read_text())
    keys = params.notebook_keys("02")
    pm.execute_notebook(str(ROOT / "notebooks" / "02_kd_ablation.ipynb"),
                        str(tmp_path / "out.ipynb"),
                        parameters={**{k: v for k, v in smoke.items() if k in keys},
                                    "dataset": "local", "data_dir": str(folder),
                                    "out_dir": str(tmp_path / "o"), "kd_ablation": []},
                        progress_bar=False, cwd=str(ROOT))
    df = load_results(tmp_path / "o")
    assert set(df.dataset) == {"local"} and set(df[df.split == "test"].lang) >= {"en", "de"}
