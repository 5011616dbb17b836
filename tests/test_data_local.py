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
    "train": [("t1", "en", ["Ana", "lives", "in", "Rome"], ["B-PER", "O", "O", "B-LOC"]),
              # every entity type of dev/test must occur in train (ORG was dev-only before)
              ("t4", "en", ["Acme", "hired", "Bo"], ["B-ORG", "O", "B-PER"])],
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


# ------------------------------------------------------------------ reliability: bad rows
ROWS = {s: [{"id": f"{s}{i}", "lang": "en", "text": f"{s} text {i}", "label": lab}
            for i, lab in enumerate(["pos", "neg", "pos"])] for s in ("train", "dev", "test")}


def write_rows(folder, ext, rows=None):
    """Write ``rows`` ({split: [dict]}) as jsonl (one JSON object per line, keys as given:
    a missing key stays missing), csv (missing -> empty cell) or parquet (missing -> null)."""
    rows = rows or ROWS
    folder.mkdir(parents=True, exist_ok=True)
    for split, part in rows.items():
        path = folder / f"{split}.{ext}"
        if ext == "jsonl":
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part), encoding="utf-8")
        else:
            frame = pd.DataFrame(part, columns=["id", "lang", "text", "label"])
            frame.to_csv(path, index=False) if ext == "csv" else frame.to_parquet(path, index=False)
    return folder


def changed(split, index, **fields):
    rows = json.loads(json.dumps(ROWS))
    for key, value in fields.items():
        if value is ...:
            del rows[split][index][key]
        else:
            rows[split][index][key] = value
    return rows


@pytest.mark.parametrize("ext, where", [("jsonl", "line 2"), ("csv", "line 3"), ("parquet", "row 2")])
def test_row_without_label_is_an_error_not_class_nan(tmp_path, ext, where):
    folder = write_rows(tmp_path / ext, ext, changed("train", 1, label=...))
    with pytest.raises(KitError) as err:
        load("local", path=folder)
    msg = str(err.value)
    assert f"train.{ext}, {where}" in msg and "'label'" in msg, msg


@pytest.mark.parametrize("ext, where", [("jsonl", "line 3"), ("parquet", "row 3")])
def test_null_text_is_an_error_not_the_text_nan(tmp_path, ext, where):
    folder = write_rows(tmp_path / ext, ext, changed("dev", 2, text=None))
    with pytest.raises(KitError) as err:
        load("local", path=folder)
    msg = str(err.value)
    assert f"dev.{ext}, {where}" in msg and "'text'" in msg and "null" in msg, msg


def test_missing_text_key_in_one_jsonl_row(tmp_path):
    folder = write_rows(tmp_path / "j", "jsonl", changed("test", 0, text=...))
    with pytest.raises(KitError, match=r"test\.jsonl, line 1: .*'text'.*id, lang, text, label"):
        load("local", path=folder)


@pytest.mark.parametrize("split", ["test", "dev"])
def test_label_missing_from_train_is_an_error(tmp_path, split):
    folder = write_rows(tmp_path / "j", "jsonl", changed(split, 1, label="angry"))
    with pytest.raises(KitError) as err:
        load("local", path=folder)
    msg = str(err.value)
    assert "label 'angry'" in msg and f"in {split}" in msg and "missing from train" in msg, msg
    assert f"{split}.jsonl, line 2" in msg and "'neg', 'pos'" in msg


def test_entity_type_missing_from_train_is_an_error(tmp_path):
    path = tmp_path / "ner.jsonl"
    rows = [{"id": "a", "lang": "en", "tokens": ["Ana"], "tags": ["B-PER"], "split": "train"},
            {"id": "b", "lang": "en", "tokens": ["Bo"], "tags": ["B-PER"], "split": "dev"},
            {"id": "c", "lang": "en", "tokens": ["Acme", "Corp"], "tags": ["B-ORG", "I-ORG"], "split": "test"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(KitError, match=r"entity type 'ORG'.*in test.*ner\.jsonl, line 3.*missing from train"):
        load("local", path=path)


@pytest.mark.parametrize("content", ["", "\n\n  \n", "\ufeff", "header-only", "zero-byte-parquet",
                                     "zero-row-parquet"])
def test_empty_local_file_is_named(tmp_path, content):
    ext = {"header-only": "csv", "zero-byte-parquet": "parquet", "zero-row-parquet": "parquet"}.get(content, "jsonl")
    folder = write_rows(tmp_path / "e", ext)
    empty = folder / f"dev.{ext}"
    if content == "header-only":
        empty.write_text("id,lang,text,label\n", encoding="utf-8")
    elif content == "zero-byte-parquet":
        empty.write_bytes(b"")
    elif content == "zero-row-parquet":
        pd.DataFrame({c: pd.Series([], dtype=str) for c in ("id", "lang", "text", "label")}).to_parquet(empty)
    else:
        empty.write_text(content, encoding="utf-8")
    with pytest.raises(KitError) as err:
        load("local", path=folder)
    msg = str(err.value)
    assert str(empty) in msg and "is empty" in msg.replace(str(empty), ""), msg  # tmp_path says "empty" too


def test_labels_as_ints_are_names_in_every_format(tmp_path):
    rows = {s: [{"id": f"{s}{i}", "lang": "en", "text": "t", "label": i % 2} for i in range(4)]
            for s in ("train", "dev", "test")}
    as_jsonl = load("local", path=write_rows(tmp_path / "j", "jsonl", rows))
    as_csv = load("local", path=write_rows(tmp_path / "c", "csv", rows))
    as_parquet = load("local", path=write_rows(tmp_path / "p", "parquet", rows))
    assert as_jsonl.label_names == as_csv.label_names == as_parquet.label_names == ["0", "1"]
    assert [e.label for e in as_jsonl.train] == [e.label for e in as_csv.train] == [0, 1, 0, 1]


def test_csv_text_longer_than_the_csv_module_default_limit(tmp_path):
    rows = changed("train", 0, text="x" * 200_000)
    data = load("local", path=write_rows(tmp_path / "c", "csv", rows))
    assert data.train[0].text == "x" * 200_000


def test_not_utf8_file_is_named_with_its_line(tmp_path):
    folder = write_rows(tmp_path / "c", "csv")
    (folder / "test.csv").write_bytes("id,lang,text,label\nt1,fr,très bien,pos\n".encode("latin-1"))
    with pytest.raises(KitError, match=r"test\.csv, line 2: not UTF-8"):
        load("local", path=folder)
    (folder / "test.csv").write_bytes("id,lang,text,label\nt1,fr,bien,pos\n".encode("utf-16"))
    with pytest.raises(KitError, match=r"test\.csv.*UTF-16.*UTF-8"):
        load("local", path=folder)


def test_csv_row_with_missing_cells_is_named(tmp_path):
    folder = write_rows(tmp_path / "c", "csv")
    (folder / "dev.csv").write_text("id,lang,text,label\nd1,en,fine,pos\nd2,en\n", encoding="utf-8")
    with pytest.raises(KitError, match=r"dev\.csv, line 3: 2 fields but the header has 4"):
        load("local", path=folder)


def test_split_file_given_as_path_hints_at_its_folder(tmp_path):
    folder = write_rows(tmp_path / "j", "jsonl")
    with pytest.raises(KitError, match=r"no field 'split'.*pass its folder"):
        load("local", path=folder / "train.jsonl")


def test_folder_with_one_file_that_has_a_split_column(tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    rows = [dict(r, split=s) for s, part in ROWS.items() for r in part]
    (folder / "all.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (folder / "README.md").write_text("notes", encoding="utf-8")
    data = load("local", path=folder)
    assert (len(data.train), len(data.dev), len(data.test)) == (3, 3, 3)
    (folder / "more.csv").write_text("id,lang,text,label,split\n", encoding="utf-8")
    with pytest.raises(KitError, match=r"all\.jsonl.*more\.csv"):
        load("local", path=folder)


def test_json_array_cr_line_ends_and_a_stray_bom(tmp_path):
    folder = write_rows(tmp_path / "j", "jsonl")
    (folder / "dev.jsonl").unlink()
    (folder / "dev.json").write_text(json.dumps(ROWS["dev"]), encoding="utf-8")  # one JSON array
    lines = [json.dumps(r) for r in ROWS["test"]]
    (folder / "test.jsonl").write_bytes(("\r".join(lines[:2]) + "\r\ufeff" + lines[2] + "\r").encode("utf-8"))
    data = load("local", path=folder)
    assert [ex.id for ex in data.dev] == ["dev0", "dev1", "dev2"]
    assert [ex.id for ex in data.test] == ["test0", "test1", "test2"]


def test_every_row_empty_and_bad_split_value_are_named(tmp_path):
    rows = json.loads(json.dumps(ROWS))
    for r in rows["dev"]:
        r["text"] = "  "
    folder = write_rows(tmp_path / "e", "jsonl", rows)
    with pytest.raises(KitError, match=r"dev\.jsonl: every row has an empty text"):
        load("local", path=folder)
    one = tmp_path / "one.csv"
    one.write_text("id,lang,text,label,split\n1,en,a,x,train\n2,en,b,x,dev\n3,en,c,x,tset\n", encoding="utf-8")
    with pytest.raises(KitError, match=r"split='tset'.*one\.csv, line 4"):
        load("local", path=one)
