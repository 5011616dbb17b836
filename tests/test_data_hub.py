"""Hub datasets read from fixture files in the hub formats, through the real loading code.

Fixtures (tests/fixtures/data, written by make_fixtures.py): MASSIVE 1.1 tarball JSONL
(en-US, de-DE, sw-KE, zh-TW) and hub parquet conversion (fr-FR, ja-JP); tweet sentiment
multilingual JSONL (english, spanish, arabic, hindi); Universal NER .iob2 files (en_ewt,
zh_gsd, de_pud, tl_trg) and parquet conversion (da_ddt).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kitlib.data import load
from kitlib.data.hub import HUB_DATASETS, MASSIVE_INTENTS, MASSIVE_LOCALES, parse_iob2
from kitlib.errors import KitError

FIX = Path(__file__).parent / "fixtures" / "data"


def test_massive_catalog():
    assert len(MASSIVE_LOCALES) == 52 and len(set(MASSIVE_LOCALES)) == 52
    assert len(MASSIVE_INTENTS) == 60 and len(set(MASSIVE_INTENTS)) == 60
    langs = HUB_DATASETS["massive"].languages
    assert len(langs) == 52  # zh-CN -> zh and zh-TW -> zh-TW stay apart


def test_massive_from_tarball_and_parquet_layouts():
    data = load("massive", data_dir=FIX / "massive")
    assert data.task == "classification" and data.label_names == list(MASSIVE_INTENTS)
    assert data.languages == ["de", "en", "fr", "ja", "sw", "zh-TW"]
    assert (len(data.train), len(data.dev), len(data.test)) == (36, 12, 12)  # 6 / 2 / 2 per locale
    by_id = {ex.id: ex for ex in data.train + data.dev + data.test}
    en = by_id["en-US/1"]  # tarball JSONL: intent given by name
    assert en.lang == "en" and en.text == "wake me up at nine am on friday"
    assert data.label_names[en.label] == "alarm_set"
    fr = by_id["fr-FR/3"]  # parquet: intent as a ClassLabel integer
    assert fr.lang == "fr" and data.label_names[fr.label] == "weather_query"
    assert by_id["zh-TW/10"].lang == "zh-TW" and by_id["zh-TW/10"] in data.test
    assert by_id["ja-JP/7"] in data.dev  # parquet folder "validation" is the dev split
    assert data.selection["source"] == "files"


def test_massive_locale_aliases_and_train_languages():
    data = load("massive", data_dir=FIX / "massive", languages=["en-US", "de", "sw-KE"], train_languages="en-US")
    assert data.languages == ["de", "en", "sw"] and data.train_languages == ["en"]
    assert {ex.lang for ex in data.train} == {"en"} and {ex.lang for ex in data.test} == {"de", "en", "sw"}
    assert data.unseen_languages == ["de", "sw"]


def test_massive_data_dir_restricts_the_languages():
    with pytest.raises(KitError, match="languages='ko'.*'fr', 'ja'"):
        load("massive", data_dir=FIX / "massive" / "parquet", languages=["ko"])


def test_massive_data_files():
    files = sorted((FIX / "massive" / "parquet" / "fr-FR").rglob("*.parquet"))
    data = load("massive", data_files=[str(f) for f in files])
    assert data.languages == ["fr"] and len(data.train) == 6


def test_tsm_layout():
    data = load("tsm", data_dir=FIX / "tsm")
    assert data.label_names == ["negative", "neutral", "positive"]
    assert data.languages == ["ar", "en", "hi", "es"]
    assert (len(data.train), len(data.dev), len(data.test)) == (24, 12, 12)
    first = next(ex for ex in data.train if ex.id == "english/train/0")
    assert first.lang == "en" and first.text.startswith("I love this")
    assert data.label_names[first.label] == "positive"
    seen = load("tsm", data_dir=FIX / "tsm", train_languages="seen")
    assert seen.train_languages == ["ar", "en"]  # seen group (en, ar, fr, de) among the files


def test_uner_iob2_and_parquet():
    data = load("uner", data_dir=FIX / "uner")
    assert data.task == "tagging"
    assert data.label_names == ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
    assert data.languages == ["da", "en", "zh", "de", "tl"]
    assert data.train_languages == ["da", "en", "zh"]  # default: seen = with training treebanks
    assert data.unseen_languages == ["de", "tl"]
    assert {ex.lang for ex in data.train} == {"da", "en", "zh"}
    by_id = {ex.id: ex for ex in data.train + data.dev + data.test}
    barack = by_id["en_ewt/train/0"]
    assert barack.tokens == ("Barack", "Obama", "visited", "Paris", ".")
    assert [data.label_names[t] for t in barack.tags] == ["B-PER", "I-PER", "O", "B-LOC", "O"]
    olympics = by_id["en_ewt/train/4"]  # B-OTH is outside PER/ORG/LOC -> O
    assert [data.label_names[t] for t in olympics.tags] == ["O", "O", "O", "O", "B-LOC"]
    lars = by_id["da_ddt/train/0"]  # parquet with ClassLabel tags
    assert lars.lang == "da" and [data.label_names[t] for t in lars.tags] == ["B-PER", "O", "O", "B-LOC"]
    assert "da_ddt/dev/0" in {ex.id for ex in data.dev}
    assert {ex.lang for ex in data.test} == {"da", "en", "zh", "de", "tl"}


def test_uner_english_only_and_subset():
    data = load("uner", data_dir=FIX / "uner", train_languages="en", subset=0.2)
    assert data.train_languages == ["en"] and {ex.lang for ex in data.train} == {"en"}
    assert 0 < len(data.train) < 5  # one per (lang, main entity type) stratum at most 20%


def test_parse_iob2_skips_comments_and_ranges(tmp_path):
    path = tmp_path / "xx_test-ud-test.iob2"
    path.write_text("# sent_id = 1\n# text = a b\n1\tA\tB-PER\t-\t-\n1-2\tAb\t_\t-\t-\n2\tb\tO\t-\t-\n\n"
                    "1\t#\tO\t-\t-\n", encoding="utf-8")
    assert parse_iob2(path) == [(["A", "b"], ["B-PER", "O"]), (["#"], ["O"])]
    bad = tmp_path / "bad.iob2"
    bad.write_text("Paris B-LOC\n", encoding="utf-8")
    with pytest.raises(KitError, match="bad.iob2, line 1"):
        parse_iob2(bad)


def test_missing_split_file_is_named(tmp_path):
    shutil.copytree(FIX / "tsm", tmp_path / "tsm")
    (tmp_path / "tsm" / "data" / "hindi" / "validation.jsonl").unlink()
    with pytest.raises(KitError, match="no dev file for 'hindi'.*validation"):
        load("tsm", data_dir=tmp_path / "tsm")
    assert len(load("tsm", data_dir=tmp_path / "tsm", languages=["en", "ar"]).dev) == 6


def test_bad_label_in_a_hub_file(tmp_path):
    folder = tmp_path / "data" / "english"
    folder.mkdir(parents=True)
    for split in ("train", "validation", "test"):
        (folder / f"{split}.jsonl").write_text('{"text": "hi", "label": 1}\n', encoding="utf-8")
    (folder / "test.jsonl").write_text('{"text": "hi", "label": "angry"}\n', encoding="utf-8")
    with pytest.raises(KitError, match="label 'angry'"):
        load("tsm", data_dir=tmp_path)


def test_empty_data_dir_is_refused(tmp_path):
    with pytest.raises(KitError, match="data_dir=.*None was found.*pocket-ner"):
        load("uner", data_dir=tmp_path)


def test_offline_hub_error_suggests_the_pocket_dataset(tmp_path, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "empty-hub-cache"))
    with pytest.raises(KitError) as err:
        load("tsm", languages=["en"])
    msg = str(err.value)
    assert "cardiffnlp/tweet_sentiment_multilingual" in msg and "HF_HUB_OFFLINE" in msg
    assert "'pocket-sentiment'" in msg and "data_dir" in msg
    with pytest.raises(KitError, match="pocket-intent"):
        load("massive", languages=["en"])


def test_hub_error_is_one_message_without_the_network_traceback(tmp_path, monkeypatch):
    """A newcomer without network ran ``papermill ... -f params/laptop-tsm.yaml`` and got
    250 lines of httpx/huggingface_hub traceback (the chained cause) above the kit's one
    message: the cause is summarized in the message and not chained."""
    from huggingface_hub import constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path / "empty-hub-cache"))
    with pytest.raises(KitError) as err:
        load("tsm", languages=["en"])
    assert err.value.__cause__ is None and err.value.__suppress_context__


# ------------------------------------------------------------------ reliability of hub files
def _tsm_dir(tmp_path, train_lines: list[str], bom: bool = False):
    """A one-language tsm folder; ``train_lines`` are written verbatim into train.jsonl."""
    folder = tmp_path / "data" / "english"
    folder.mkdir(parents=True)
    for split in ("validation", "test"):
        (folder / f"{split}.jsonl").write_text('{"text": "ok", "label": 1}\n', encoding="utf-8")
    (folder / "train.jsonl").write_bytes((b"\xef\xbb\xbf" if bom else b"") + "".join(
        line + "\n" for line in train_lines).encode("utf-8"))
    return tmp_path


@pytest.mark.parametrize("line, words", [
    ('{"text": "hi", "label": 7}', ["train.jsonl, line 2", "label 7", "0 (negative), 1 (neutral), 2 (positive)"]),
    ('{"text": "hi", "label": -1}', ["line 2", "label -1"]),
    ('{"text": "hi", "label": "Positive"}', ["line 2", "label 'Positive'", "'negative', 'neutral', 'positive'",
                                             "Did you mean 'positive'?"]),
    ('{"text": "hi", "label": true}', ["line 2", "label True"]),
    ('{"text": "hi", "label": null}', ["line 2", "'label'", "null"]),
    ('{"text": null, "label": 1}', ["line 2", "'text'", "null"]),
    ('{"text": ["a"], "label": 1}', ["line 2", "'text'", "a string"]),
    ('{"label": 1}', ["line 2", "'text'"]),
    ('["hi", 1]', ["line 2", "a JSON object"]),
    ('{"text": "hi", "label": 1', ["line 2", "not valid JSON"]),
])
def test_bad_tsm_rows_are_named_by_file_and_line(tmp_path, line, words):
    root = _tsm_dir(tmp_path, ['{"text": "fine", "label": 0}', line])
    with pytest.raises(KitError) as err:
        load("tsm", data_dir=root)
    for word in words:
        assert word in str(err.value), str(err.value)


def test_tsm_labels_as_ints_digit_strings_names_and_integral_floats(tmp_path):
    root = _tsm_dir(tmp_path, ['{"text": "a", "label": 0}', '{"text": "b", "label": "1"}',
                               '{"text": "c", "label": "positive"}', '{"text": "d", "label": 2.0}',
                               '{"text": "e", "label": " neutral "}'], bom=True)
    data = load("tsm", data_dir=root)
    assert [data.label_names[ex.label] for ex in data.train] == [
        "negative", "neutral", "positive", "positive", "neutral"]


def test_empty_hub_files_are_named(tmp_path):
    root = _tsm_dir(tmp_path, [])
    with pytest.raises(KitError, match=r"train\.jsonl: the file is empty"):
        load("tsm", data_dir=root)
    iob2 = tmp_path / "u" / "en_ewt-ud-train.iob2"
    iob2.parent.mkdir()
    iob2.write_text("# only a comment\n\n", encoding="utf-8")
    with pytest.raises(KitError, match=r"en_ewt-ud-train\.iob2: the file is empty"):
        parse_iob2(iob2)


def test_every_row_empty_is_an_error_not_an_empty_split(tmp_path):
    root = _tsm_dir(tmp_path, ['{"text": "", "label": 0}', '{"text": " ", "label": 1}'])
    with pytest.raises(KitError, match=r"train\.jsonl: every row has an empty text"):
        load("tsm", data_dir=root)


def test_massive_unknown_partition_is_an_error_not_dropped(tmp_path):
    folder = tmp_path / "1.1" / "data"
    folder.mkdir(parents=True)
    rows = [{"id": str(i), "partition": part, "intent": "alarm_set", "utt": "x"}
            for i, part in enumerate(["train", "dev", "test", "holdout"])]
    (folder / "en-US.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with pytest.raises(KitError, match=r"en-US\.jsonl, line 4: partition='holdout'.*'train', 'dev', 'test'"):
        load("massive", data_dir=tmp_path)


def test_parse_iob2_bom_crlf_and_stray_bom(tmp_path):
    path = tmp_path / "xx-ud-test.iob2"
    path.write_bytes(b"\xef\xbb\xbf# sent_id = 1\r\n1\tAna\tB-PER\r\n2\tsang\tO\r\n\r\n\xef\xbb\xbf1\tok\tO\r\n")
    assert parse_iob2(path) == [(["Ana", "sang"], ["B-PER", "O"]), (["ok"], ["O"])]


def _uner_parquet(tmp_path, tokens, tags):
    import pyarrow as pa
    import pyarrow.parquet as pq

    for split in ("train", "validation", "test"):
        out = tmp_path / "da_ddt" / split
        out.mkdir(parents=True)
        pq.write_table(pa.table({"tokens": [["Lars", "bor"]], "ner_tags": [[1, 0]]}), out / "0000.parquet")
    pq.write_table(pa.table({"tokens": [["Lars", "bor"], tokens], "ner_tags": [[1, 0], tags]}),
                   tmp_path / "da_ddt" / "train" / "0000.parquet")
    return tmp_path


@pytest.mark.parametrize("tokens, tags, words", [
    (["a", "b", "c"], [0, 0], ["row 2", "3 tokens but 2 tags"]),
    (["a"], [9], ["row 2", "tag 9", "0..6"]),
    (None, [0], ["row 2", "'tokens'", "null"]),
])
def test_bad_uner_parquet_rows_are_named(tmp_path, tokens, tags, words):
    root = _uner_parquet(tmp_path, tokens, tags)
    with pytest.raises(KitError) as err:
        load("uner", data_dir=root, languages="da")
    for word in words:
        assert word in str(err.value), str(err.value)
