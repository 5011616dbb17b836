"""What real files contain, through the real loaders: tests/fixtures/data/messy.

The fixtures (written by make_fixtures.py, every text invented) hold emoji, URLs,
``@user``, a text of about 14,000 characters, empty and whitespace-only texts, labels as
ints, digit strings and names, a UTF-8 BOM at file start, CRLF line ends, blank lines,
U+2028 inside a JSON string, and .iob2 comments, token ranges and sentences without
entities. Decisions checked here (see kitlib.data.hub / kitlib.data.local):

- texts are kept exactly as written (emoji, URLs, @user, inner tabs and quotes);
- a very long text is kept whole (truncation happens at tokenization, max_length);
- an empty or whitespace-only text (a sentence without tokens) is dropped, with one
  warning per file naming the file, the count and the lines; ids keep the row number;
- labels given as names map to the dataset's label names, ints / digit strings to
  their index.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from kitlib.data import load
from kitlib.data.hub import MASSIVE_INTENTS

MESSY = Path(__file__).parent / "fixtures" / "data" / "messy"
LONG_TEXT = "this tweet goes on and on about the weather, the trains and the coffee " * 200


def _load_recording(name: str, **selection):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = load(name, **selection)
    return data, [str(w.message) for w in caught if issubclass(w.category, UserWarning)]


def _by_id(data):
    return {ex.id: ex for ex in data.train + data.dev + data.test}


def test_fixture_files_really_have_bom_and_crlf():
    """Guard: the features the other tests rely on are in the files (not normalized away)."""
    raw = (MESSY / "tsm" / "data" / "english" / "train.jsonl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\r\n\r\n" in raw
    assert "\u2028".encode() in raw
    assert (MESSY / "uner" / "UNER_English-EWT" / "en_ewt-ud-train.iob2").read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in (MESSY / "massive" / "1.1" / "data" / "en-US.jsonl").read_bytes()
    csv = (MESSY / "local" / "csv" / "train.csv").read_bytes()
    assert csv.startswith(b"\xef\xbb\xbf") and b"\r\n" in csv


def test_tsm_jsonl_and_parquet_with_real_file_features():
    data, warned = _load_recording("tsm", data_dir=MESSY / "tsm")
    assert data.languages == ["en", "de", "es"] and data.label_names == ["negative", "neutral", "positive"]
    by_id = _by_id(data)
    name = {i: data.label_names[ex.label] for i, ex in by_id.items()}
    # english/train.jsonl: BOM + CRLF + a blank line; rows 2 ("") and 5 ("   ") dropped
    assert sorted(i for i in by_id if i.startswith("english/train/")) == [
        f"english/train/{n}" for n in (0, 1, 3, 4, 6, 7)]
    assert by_id["english/train/0"].text == "Just landed 🛬🔥 best trip ever!! https://t.co/Xy12AbCd #travel"
    assert by_id["english/train/1"].text == "@user @user no thanks, that was awful 😡"
    assert by_id["english/train/3"].text == "the meeting is at 10:30 in room 4\u2028see you there"
    assert by_id["english/train/4"].text == LONG_TEXT  # kept whole
    assert by_id["english/train/6"].text == 'tabs\tand "quotes" and a backslash \\ and a literal \\u2019 escape'
    assert [name[f"english/train/{n}"] for n in (0, 1, 3, 4, 6, 7)] == [
        "positive", "negative", "neutral", "neutral", "negative", "positive"]  # int, name, "1", name, 0, name
    assert [name[f"english/test/{n}"] for n in range(3)] == ["positive", "negative", "neutral"]  # "2" "0" "1"
    assert by_id["english/test/0"].text == "❤️❤️❤️"
    assert all("\r" not in ex.text and "\ufeff" not in ex.text for ex in by_id.values())
    # german: the hub's parquet conversion (ClassLabel ints); row 1 is empty -> dropped
    assert sorted(i for i in by_id if i.startswith("german/train/")) == [
        f"german/train/{n}" for n in (0, 2, 3, 4)]
    assert by_id["german/train/0"].text == "Endlich Wochenende 🎉" and name["german/train/0"] == "positive"
    assert name["german/train/3"] == "negative" and by_id["german/dev/0"].lang == "de"
    assert name["spanish/dev/0"] == "positive" and name["spanish/test/0"] == "negative"
    assert (len(data.train), len(data.dev), len(data.test)) == (6 + 4 + 3, 3 + 2 + 2, 3 + 2 + 2)
    # one warning per file with dropped rows: the file, the count, the lines
    en_train = MESSY / "tsm" / "data" / "english" / "train.jsonl"
    de_train = MESSY / "tsm" / "parquet" / "german" / "train" / "0000.parquet"
    assert len(warned) == 2
    assert any(str(en_train) in w and "2 rows" in w and "lines 4, 7" in w for w in warned), warned
    assert any(str(de_train) in w and "1 row " in w and "row 2" in w for w in warned), warned
    assert data.selection["dropped_empty"] == {str(en_train): 2, str(de_train): 1}


def test_massive_tarball_with_bom_crlf_int_intent_and_empty_utterance():
    data, warned = _load_recording("massive", data_dir=MESSY / "massive")
    by_id = _by_id(data)
    assert [ex.id for ex in data.train] == ["en-US/1", "en-US/2", "en-US/4", "en-US/5"]  # 3 is empty
    assert [ex.id for ex in data.dev] == ["en-US/6", "en-US/7"] and len(data.test) == 2
    assert by_id["en-US/1"].text == "wake me up at 7 ⏰ please"
    assert MASSIVE_INTENTS[by_id["en-US/2"].label] == "alarm_set"  # intent given as its integer
    assert by_id["en-US/4"].text == "is it going to rain " * 300
    assert by_id["en-US/9"].text == "🎶 play jazz 🎶"
    assert len(warned) == 1 and "en-US.jsonl" in warned[0] and "1 row " in warned[0] and "line 3" in warned[0]


def test_uner_iob2_with_bom_crlf_comments_ranges_and_no_entities():
    data, warned = _load_recording("uner", data_dir=MESSY / "uner")
    assert warned == []
    tags = {ex.id: [data.label_names[t] for t in ex.tags] for ex in data.train + data.dev + data.test}
    by_id = _by_id(data)
    assert [ex.id for ex in data.train] == [f"en_ewt/train/{n}" for n in range(4)]
    assert by_id["en_ewt/train/0"].tokens == ("Ana", "met", "@user", "in", "Paris", "😀")
    assert tags["en_ewt/train/0"] == ["B-PER", "O", "O", "O", "B-LOC", "O"]
    assert by_id["en_ewt/train/1"].tokens[-1] == "https://t.co/abc" and set(tags["en_ewt/train/1"]) == {"O"}
    assert by_id["en_ewt/train/2"].tokens == ("I", "do", "n't", "like", "Acme", "Corp")  # range 2-3 skipped
    assert tags["en_ewt/train/2"] == ["O", "O", "O", "O", "B-ORG", "I-ORG"]
    assert by_id["en_ewt/train/3"].tokens == ("The", "Olympics") and tags["en_ewt/train/3"] == ["O", "O"]
    assert [ex.tokens for ex in data.test] == [("Bob", "smiled"), ("ok",)]  # last line without newline
    assert all(not tok.endswith("\r") and "\ufeff" not in tok for ex in by_id.values() for tok in ex.tokens)


@pytest.mark.parametrize("ext", ["jsonl", "csv", "parquet"])
def test_local_files_with_real_file_features(ext):
    data, warned = _load_recording("local", path=MESSY / "local" / ext)
    by_id = _by_id(data)
    assert [ex.id for ex in data.train] == ["tr1", "tr2", "tr3", "tr5", "tr6"]  # tr4 has an empty text
    assert data.label_names == ["negative", "positive"] and data.languages == ["de", "en", "fr"]
    assert by_id["tr1"].text == "Loving it 😍 https://shop.example/item?id=7"
    assert by_id["tr2"].text == "@user refund please, this is broken"
    assert by_id["tr5"].text == LONG_TEXT
    assert by_id["tr6"].text == 'a "quoted", comma-separated\nmulti-line text'
    assert data.label_names[by_id["te2"].label] == "negative" and by_id["te2"].text == "nul, à éviter"
    train_file = MESSY / "local" / ext / f"train.{ext}"
    assert len(warned) == 1 and str(train_file) in warned[0] and "1 row " in warned[0]
    assert {"jsonl": "line 4", "csv": "line 5", "parquet": "row 4"}[ext] in warned[0]  # csv: header = line 1
    assert data.selection["dropped_empty"] == {str(train_file): 1}


def test_local_tagging_file_with_bom_crlf_and_an_empty_sentence():
    data, warned = _load_recording("local", path=MESSY / "local" / "ner.jsonl")
    assert data.task == "tagging"
    assert data.label_names == ["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PER", "I-PER"]
    assert [ex.id for ex in data.train] == ["n1", "n2", "n4"]  # n3 has no tokens
    assert data.train[0].tokens == ("Ana", "😀", "loves", "Acme")
    assert [data.label_names[t] for t in data.train[1].tags] == ["O"] * 4
    assert len(warned) == 1 and "ner.jsonl" in warned[0] and "line 3" in warned[0]
