"""The user's own files: load("local", path=...) in JSONL, CSV and parquet."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from kitlib.data import language_groups, load
from kitlib.errors import KitError

CLS = {
    "train": [("1", "en", "play some jazz", "music"), ("2", "en", "will it rain", "weather"),
              ("3", "de", "spiel jazz", "music"), ("4", "de", "regnet es", "weather")],
    "dev": [("5", "en", "put on a song", "music"), ("6", "fr", "il pleut ?", "weather")],
    "test": [("7", "en", "is it sunny", "weather"), ("8", "fr", "mets du jazz", "music")],
}
TAG = {
    "train": [("t1", "en", ["Ana", "lives", "in", "Rome"], ["B-PER", "O", "O", "B-LOC"])],
    "dev": [("t2", "en", ["Acme", "Corp", "grows"], ["B-ORG", "I-ORG", "O"])],
    "test": [("t3", "sw", ["Juma", "yuko", "Nairobi"], ["B-PER", "O", "B-LOC"])],
}


def write_cls(folder, ext):
    folder.mkdir(parents=True, exist_ok=True)
    for split, rows in CLS.items():
        frame = pd.DataFrame(rows, columns=["id", "lang", "text", "label"])
        path = folder / f"{split}.{ext}"
        if ext == "csv":
            frame.to_csv(path, index=False)
        elif ext == "parquet":
            frame.to_parquet(path)
        else:
            frame.to_json(path, orient="records", lines=True, force_ascii=False)
    return folder


@pytest.mark.parametrize("ext", ["jsonl", "csv", "parquet"])
def test_classification_folder(tmp_path, ext):
    data = load("local", path=write_cls(tmp_path / ext, ext))
    assert data.task == "classification" and data.label_names == ["music", "weather"]
    assert data.languages == ["de", "en", "fr"] and data.train_languages == ["de", "en"]
    assert data.unseen_languages == ["fr"]
    assert [ex.id for ex in data.train] == ["1", "2", "3", "4"]
    first = data.train[0]
    assert first.lang == "en" and first.text == "play some jazz" and data.label_names[first.label] == "music"
    assert data.selection["path"] == str(tmp_path / ext)


def test_local_selection_and_groups(tmp_path):
    path = write_cls(tmp_path / "d", "jsonl")
    assert language_groups("local", path=str(path)) == {"all": ["de", "en", "fr"], "seen": ["de", "en"],
                                                        "unseen": ["fr"]}
    data = load("local", path=str(path), languages=["en", "fr"], train_languages="en")
    assert [ex.id for ex in data.train] == ["1", "2"] and {ex.lang for ex in data.test} == {"en", "fr"}
    with pytest.raises(KitError, match="train_languages='fr'.*test only"):
        load("local", path=str(path), train_languages=["fr"])


def test_tagging_single_file_with_split_column(tmp_path):
    path = tmp_path / "ner.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for split, rows in TAG.items():
            for rid, lang, tokens, tags in rows:
                f.write(json.dumps({"id": rid, "lang": lang, "tokens": tokens, "tags": tags,
                                    "split": "validation" if split == "dev" else split}) + "\n")
    data = load("local", path=path)
    assert data.task == "tagging"
    assert data.label_names == ["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PER", "I-PER"]
    ex = data.train[0]
    assert ex.tokens == ("Ana", "lives", "in", "Rome")
    assert [data.label_names[t] for t in ex.tags] == ["B-PER", "O", "O", "B-LOC"]
    assert [e.id for e in data.dev] == ["t2"] and data.unseen_languages == ["sw"]


def test_tagging_csv_cells(tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    for split, rows in TAG.items():
        frame = pd.DataFrame([(rid, lang, " ".join(tokens), json.dumps(tags)) for rid, lang, tokens, tags in rows],
                             columns=["id", "lang", "tokens", "tags"])
        frame.to_csv(folder / f"{split}.csv", index=False)
    data = load("local", path=folder)
    assert data.test[0].tokens == ("Juma", "yuko", "Nairobi")
    assert [data.label_names[t] for t in data.test[0].tags] == ["B-PER", "O", "B-LOC"]


def test_missing_field_names_file_field_and_required(tmp_path):
    folder = write_cls(tmp_path / "m", "csv")
    frame = pd.read_csv(folder / "dev.csv").drop(columns=["lang"])
    frame.to_csv(folder / "dev.csv", index=False)
    with pytest.raises(KitError) as err:
        load("local", path=folder)
    msg = str(err.value)
    assert "dev.csv" in msg and "'lang'" in msg and "id, lang, text, label" in msg


@pytest.mark.parametrize("problem, match", [
    ("no_test", "No test file"),
    ("tags_mismatch", "4 tokens but 3 tags"),
    ("bad_tag", "tag 'PER' .* not a BIO2"),
    ("dup_id", "id 't1' appears twice"),
    ("bad_split", "split='holdout'"),
    ("missing", "path=.*an existing folder or file"),
])
def test_bad_local_files(tmp_path, problem, match):
    if problem == "no_test":
        folder = write_cls(tmp_path / "x", "jsonl")
        (folder / "test.jsonl").unlink()
        path = folder
    elif problem == "missing":
        path = tmp_path / "nothing-here"
    else:
        rows = [{"id": "t1", "lang": "en", "tokens": ["Ana", "lives", "in", "Rome"],
                 "tags": ["B-PER", "O", "O", "B-LOC"], "split": "train"},
                {"id": "t2", "lang": "en", "tokens": ["x"], "tags": ["O"], "split": "dev"},
                {"id": "t3", "lang": "en", "tokens": ["y"], "tags": ["O"], "split": "test"}]
        if problem == "tags_mismatch":
            rows[0]["tags"] = ["B-PER", "O", "O"]
        if problem == "bad_tag":
            rows[0]["tags"] = ["PER", "O", "O", "O"]
        if problem == "dup_id":
            rows[1]["id"] = "t1"
        if problem == "bad_split":
            rows[2]["split"] = "holdout"
        path = tmp_path / "one.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(KitError, match=match):
        load("local", path=path)
