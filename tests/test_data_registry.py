"""load() and language_groups(): validation before any work, language selection, subsets.

Uses a small fake PocketData injected in place of the generators, so the registry logic
is tested independently of the pocket datasets' contents (tests/test_data_pocket.py
covers the real ones).
"""
from __future__ import annotations

import pytest

import kitlib.data.pocket as pocket
from kitlib.data import DATASETS, Example, TaskData, language_groups, load
from kitlib.errors import KitError

LABELS = ["alarm", "music", "weather"]
LANGS = ["en", "de", "sw", "hi"]


def fake_pocket(size: int = 1) -> pocket.PocketData:
    splits = {}
    for split, per in (("train", 20), ("dev", 6), ("test", 8)):
        splits[split] = [Example(id=f"{split}-{lang}-{label}-{i}", lang=lang, text=f"{lang} {LABELS[label]} {i}",
                                 label=label)
                         for lang in LANGS for label in range(3) for i in range(per * size)]
    data = pocket.PocketData(name="pocket-intent", task="classification", label_names=list(LABELS),
                             languages=list(LANGS), seen=["en", "de"], splits=splits)
    data.groups = {"latin": ["en", "de", "sw"]}  # a named group, as a generator may add
    return data


@pytest.fixture
def calls(monkeypatch):
    """Replace the pocket generators by ``fake_pocket``; record every generation."""
    made = []

    def generate(name, size=1):
        made.append((name, size))
        return fake_pocket(size)
    monkeypatch.setattr(pocket, "generate", generate)
    from kitlib.data import registry

    registry._generated.cache_clear()  # the registry keeps generated data per process
    yield made
    registry._generated.cache_clear()


def test_registry_names():
    assert set(DATASETS) == {"pocket-intent", "pocket-sentiment", "pocket-ner", "massive", "tsm", "uner", "local"}


def test_defaults_load_everything(calls):
    data = load("pocket-intent")
    assert isinstance(data, TaskData)
    assert data.task == "classification" and data.label_names == LABELS
    assert data.languages == LANGS and data.train_languages == LANGS
    assert (len(data.train), len(data.dev), len(data.test)) == (240, 72, 96)
    assert data.selection == {"languages": LANGS, "train_languages": LANGS, "subset": 1.0, "subset_seed": 0,
                              "max_eval_per_lang": None, "size": 1, "n_train": 240,
                              "n_train_full": 240}
    assert calls == [("pocket-intent", 1)]


def test_train_restricted_to_train_languages_dev_test_keep_all(calls):
    data = load("pocket-intent", languages=["en", "de", "hi"], train_languages="en", size=2)
    assert data.languages == ["en", "de", "hi"] and data.train_languages == ["en"]
    assert {ex.lang for ex in data.train} == {"en"}
    assert {ex.lang for ex in data.dev} == {ex.lang for ex in data.test} == {"en", "de", "hi"}
    assert data.unseen_languages == ["de", "hi"]
    assert data.selection["size"] == 2 and len(data.train) == 3 * 40


def test_groups_and_seen(calls):
    groups = language_groups("pocket-intent")
    assert groups == {"all": LANGS, "seen": ["en", "de"], "unseen": ["sw", "hi"], "latin": ["en", "de", "sw"]}
    data = load("pocket-intent", train_languages="seen")
    assert data.train_languages == ["en", "de"] and data.unseen_languages == ["sw", "hi"]
    data = load("pocket-intent", languages="latin", train_languages=["de", "en"])
    assert data.languages == ["en", "de", "sw"] and data.train_languages == ["en", "de"]


def test_subset_and_cap_are_applied_and_recorded(calls):
    data = load("pocket-intent", subset=0.05, subset_seed=3, max_eval_per_lang=5)
    assert len(data.train) == 4 * 3 * 1  # ceil(0.05 * 20) per (lang, label)
    assert all(n == 5 for n in _per_lang(data.dev).values()) and all(n == 5 for n in _per_lang(data.test).values())
    assert data.selection["subset"] == 0.05 and data.selection["subset_seed"] == 3
    assert data.selection["max_eval_per_lang"] == 5
    assert data.selection["n_train"] == len(data.train) == 12
    assert data.selection["n_train_full"] == 4 * 3 * 20
    small = {ex.id for ex in load("pocket-intent", subset=0.01, subset_seed=3).train}
    big = {ex.id for ex in load("pocket-intent", subset=0.2, subset_seed=3).train}
    assert small <= {ex.id for ex in data.train} <= big


def _per_lang(examples):
    out = {}
    for ex in examples:
        out[ex.lang] = out.get(ex.lang, 0) + 1
    return out


@pytest.mark.parametrize("selection, words", [
    ({"langs": ["en"]}, ["keyword='langs'", "'languages'", "'train_languages'", "'size'"]),
    # a keyword of other datasets: say whose, and why not this one (not "keyword=... not allowed")
    ({"data_dir": "/tmp"}, ["data_dir is for the hub datasets (massive, tsm, uner) and local",
                            "'pocket-intent' is generated, not read from files"]),
    ({"data_files": ["/tmp/x.jsonl"]}, ["data_files is for the hub datasets (massive, tsm, uner)"]),
    ({"path": "/tmp"}, ["path is for local", "'pocket-intent' is generated"]),
    ({"lanugages": "en"}, ["keyword='lanugages'", "Did you mean 'languages'?"]),
    ({"languages": ["en", "xx"]}, ["languages='xx'", "'en'", "'sw'", "Groups"]),
    ({"languages": "nope"}, ["languages='nope'"]),
    ({"languages": []}, ["languages=[]"]),
    ({"train_languages": "xx"}, ["train_languages='xx'"]),
    ({"languages": ["en"], "train_languages": ["de"]}, ["train_languages='de'", "among the selected"]),
    ({"languages": ["sw", "hi"], "train_languages": "seen"}, ["train_languages='seen'", "train split empty"]),
    ({"subset": 0}, ["subset=0", "(0, 1]"]),
    ({"subset": 1.5}, ["subset=1.5"]),
    ({"subset": -0.1}, ["subset=-0.1"]),
    ({"subset": "0.1"}, ["subset='0.1'"]),
    ({"subset": True}, ["subset=True"]),
    ({"subset_seed": 1.5}, ["subset_seed=1.5"]),
    ({"max_eval_per_lang": 0}, ["max_eval_per_lang=0"]),
    ({"max_eval_per_lang": 2.5}, ["max_eval_per_lang=2.5"]),
    ({"size": 0}, ["size=0", ">= 1"]),
    ({"size": "big"}, ["size='big'"]),
])
def test_bad_selection_is_refused(calls, selection, words):
    with pytest.raises(KitError) as err:
        load("pocket-intent", **selection)
    for word in words:
        assert word in str(err.value)


@pytest.mark.parametrize("selection", [{"subset": 0}, {"size": 0}, {"foo": 1}, {"max_eval_per_lang": -1}])
def test_scalar_errors_come_before_any_generation(calls, selection):
    with pytest.raises(KitError):
        load("pocket-intent", **selection)
    assert calls == []


def test_bad_dataset_name_lists_the_registry():
    with pytest.raises(KitError, match="dataset='masive'.*'pocket-intent'.*'massive'"):
        load("masive")
    with pytest.raises(KitError, match="dataset="):
        language_groups("nope")


def test_hub_selection_errors_need_no_download():
    # languages of hub datasets are static: a typo is refused without touching the hub
    with pytest.raises(KitError, match="languages='englsh'.*'ar'.*'es'"):
        load("tsm", languages=["en", "englsh"])
    with pytest.raises(KitError, match="train_languages='ru'.*test only"):
        load("uner", languages=["en", "ru"], train_languages=["en", "ru"])
    with pytest.raises(KitError, match="train_languages='unseen'.*train split empty"):
        load("uner", train_languages="unseen")
    with pytest.raises(KitError, match="size is for the pocket datasets .*'massive' is read from"):
        load("massive", size=2)
    with pytest.raises(KitError, match="data_dir="):
        load("massive", data_dir="/definitely/not/here")
    with pytest.raises(KitError, match="data_files="):
        load("tsm", data_files=["/definitely/not/here.jsonl"])
    with pytest.raises(KitError, match="path=None"):
        load("local")


def test_hub_language_groups_are_static():
    uner = language_groups("uner")
    assert uner["seen"] == ["da", "en", "hr", "pt", "sk", "sr", "sv", "zh"]
    assert set(uner["unseen"]) == {"ceb", "de", "ru", "tl"}
    massive = language_groups("massive")
    assert len(massive["all"]) == 52 and len(massive["seen"]) + len(massive["unseen"]) == 52
    assert "zh" in massive["all"] and "zh-TW" in massive["all"]
    assert language_groups("tsm")["all"] == ["ar", "en", "fr", "de", "hi", "it", "pt", "es"]
    assert language_groups("local") == {"all": [], "seen": [], "unseen": []}


# ------------------------------------------------------------------ local: path / data_dir
def _local_folder(root):
    import json

    root.mkdir(parents=True, exist_ok=True)
    for split, langs in (("train", ["en", "de"]), ("dev", ["en", "fr"]), ("test", ["en", "fr"])):
        rows = [{"id": f"{split}-{lang}-{lab}", "lang": lang, "text": f"{lang} {lab}", "label": lab}
                for lang in langs for lab in ("a", "b")]
        (root / f"{split}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return root


def test_local_takes_data_dir_as_a_synonym_of_path(tmp_path):
    folder = _local_folder(tmp_path / "mine")
    by_path = load("local", path=folder)
    by_dir = load("local", data_dir=str(folder))
    assert by_dir.fingerprint() == by_path.fingerprint()
    assert by_dir.selection == by_path.selection and by_dir.selection["path"] == str(folder)
    assert "data_dir" not in by_dir.selection  # recorded once, as path
    assert language_groups("local", data_dir=folder) == language_groups("local", path=folder) == {
        "all": ["de", "en", "fr"], "seen": ["de", "en"], "unseen": ["fr"]}
    # data_dir may also name one file with a split column, like path
    single = tmp_path / "all.jsonl"
    single.write_text("".join(
        line.rstrip("\n")[:-1] + f', "split": "{split}"}}\n'
        for split in ("train", "dev", "test")
        for line in (folder / f"{split}.jsonl").read_text(encoding="utf-8").splitlines(True)), encoding="utf-8")
    assert load("local", data_dir=single).fingerprint() == by_path.fingerprint()
    # the same place twice is fine; two different places are refused
    assert load("local", path=folder, data_dir=str(folder)).fingerprint() == by_path.fingerprint()
    with pytest.raises(KitError, match="data_dir=.*path=.*one of them"):
        load("local", path=folder, data_dir=tmp_path)


@pytest.mark.parametrize("name, key", [("local", "path"), ("local", "data_dir"), ("tsm", "data_dir")])
def test_empty_string_path_is_refused_not_the_current_folder(name, key):
    with pytest.raises(KitError, match=f"{key}=''"):
        load(name, **{key: ""})
    with pytest.raises(KitError, match=f"{key}='  '"):
        load(name, **{key: "  "})


def test_local_path_errors_are_plain(tmp_path):
    with pytest.raises(KitError, match="path=None.*data_dir"):
        load("local")
    with pytest.raises(KitError, match="data_files is for the hub datasets.*path="):
        load("local", data_files=[str(tmp_path)])
    with pytest.raises(KitError, match="path is for local.*data_dir"):
        load("tsm", path=str(tmp_path))
    with pytest.raises(KitError, match="data_dir=.*a folder.*data_files"):
        f = tmp_path / "train.jsonl"
        f.write_text("{}\n", encoding="utf-8")
        load("tsm", data_dir=f)
