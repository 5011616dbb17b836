"""Tiny random backbones and tiny task data for tests: the real code paths, in milliseconds.

Why: every module of the kit must be tested through exactly the path real models take
(``save_pretrained`` -> ``AutoModel*.from_pretrained(folder)`` / ``AutoTokenizer``) without
the hub, without downloads and without minutes of CPU. ``make_tiny_backbone`` writes a
random-weight bare encoder of the three supported families (BERT, XLM-R, DeBERTa-v2 with
mDeBERTa-v3's relative attention) plus a small but real fast tokenizer trained on a built-in
multilingual text; ``tiny_task_data`` returns a small deterministic ``TaskData`` whose labels
are learnable from the words, so training tests can show learning.

Everything here is deterministic: the same arguments give the same files and the same data.
"""
from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Callable, Iterable

from kitlib.data.types import Example, TaskData
from kitlib.errors import bad_value

FAMILIES = ("bert", "xlmr", "deberta")
TASKS = ("classification", "tagging")

# ---------------------------------------------------------------------------------------------
# Word banks. Per language: entity names (PER / ORG / LOC, each possibly several words) and,
# for classification, one keyword set per label so the label is learnable from the text.
# Scripts: Latin (en, de, fr, es), Cyrillic (ru), Arabic (ar), Devanagari (hi), CJK (zh).
# ---------------------------------------------------------------------------------------------
LABELS = ["weather", "music", "alarm"]

_BANK: dict[str, dict] = {
    "en": {
        "PER": ["Anna Smith", "John", "Maria Lopez", "Peter Brown"],
        "ORG": ["Acme Bank", "United Nations", "Google", "Red Cross"],
        "LOC": ["London", "New York", "Paris", "Berlin"],
        "ner": [["{PER}", "works", "for", "{ORG}", "in", "{LOC}", "."],
                ["{PER}", "visited", "{LOC}", "yesterday", "."],
                ["the", "office", "of", "{ORG}", "is", "in", "{LOC}"]],
        "cls": {"weather": ["will it rain in {LOC} tomorrow", "how cold is it today",
                            "what is the weather forecast"],
                "music": ["play a song by {PER}", "turn up the music", "play some jazz"],
                "alarm": ["wake me up at seven", "set an alarm for six", "cancel my alarm"]},
    },
    "de": {
        "PER": ["Anna Müller", "Jürgen", "Klaus Weber", "Sophie Schmidt"],
        "ORG": ["Deutsche Bahn", "Siemens", "Rotes Kreuz", "Volkswagen"],
        "LOC": ["München", "Köln", "Hamburg", "Berlin"],
        "ner": [["{PER}", "arbeitet", "bei", "{ORG}", "in", "{LOC}", "."],
                ["{PER}", "besuchte", "gestern", "{LOC}", "."],
                ["das", "Büro", "von", "{ORG}", "ist", "in", "{LOC}"]],
        "cls": {"weather": ["regnet es morgen in {LOC}", "wie kalt ist es heute",
                            "wie wird das Wetter"],
                "music": ["spiel ein Lied von {PER}", "mach die Musik lauter", "spiel etwas Jazz"],
                "alarm": ["weck mich um sieben", "stell einen Wecker für sechs",
                          "lösche meinen Wecker"]},
    },
    "fr": {
        "PER": ["Marie Dubois", "Jean", "Élodie Martin", "François"],
        "ORG": ["Air France", "Renault", "Croix-Rouge", "Orange"],
        "LOC": ["Paris", "Lyon", "Marseille", "Genève"],
        "ner": [["{PER}", "travaille", "chez", "{ORG}", "à", "{LOC}", "."],
                ["{PER}", "a", "visité", "{LOC}", "hier", "."]],
        "cls": {"weather": ["va-t-il pleuvoir à {LOC} demain", "quel temps fait-il"],
                "music": ["joue une chanson de {PER}", "monte le son de la musique"],
                "alarm": ["réveille-moi à sept heures", "mets une alarme à six heures"]},
    },
    "es": {
        "PER": ["José García", "María", "Lucía Fernández", "Pablo"],
        "ORG": ["Telefónica", "Banco Santander", "Cruz Roja", "Iberia"],
        "LOC": ["Madrid", "Barcelona", "Sevilla", "Málaga"],
        "ner": [["{PER}", "trabaja", "en", "{ORG}", "en", "{LOC}", "."],
                ["{PER}", "visitó", "{LOC}", "ayer", "."]],
        "cls": {"weather": ["va a llover mañana en {LOC}", "qué tiempo hace hoy"],
                "music": ["pon una canción de {PER}", "sube el volumen de la música"],
                "alarm": ["despiértame a las siete", "pon una alarma a las seis"]},
    },
    "ru": {
        "PER": ["Анна Иванова", "Иван", "Сергей Петров", "Ольга"],
        "ORG": ["Газпром", "Сбербанк", "Красный Крест", "Яндекс"],
        "LOC": ["Москва", "Санкт-Петербург", "Казань", "Новосибирск"],
        "ner": [["{PER}", "работает", "в", "{ORG}", "в", "городе", "{LOC}", "."],
                ["{PER}", "вчера", "посетил", "{LOC}", "."],
                ["офис", "{ORG}", "находится", "в", "{LOC}"]],
        "cls": {"weather": ["будет ли дождь завтра в {LOC}", "какая сегодня погода",
                            "прогноз погоды на неделю"],
                "music": ["включи песню {PER}", "сделай музыку громче", "включи джаз"],
                "alarm": ["разбуди меня в семь", "поставь будильник на шесть",
                          "отмени мой будильник"]},
    },
    "ar": {
        "PER": ["محمد علي", "فاطمة", "أحمد حسن", "ليلى"],
        "ORG": ["الأمم المتحدة", "أرامكو", "الهلال الأحمر", "طيران الإمارات"],
        "LOC": ["القاهرة", "دبي", "الرياض", "بيروت"],
        "ner": [["{PER}", "يعمل", "في", "{ORG}", "في", "{LOC}", "."],
                ["زار", "{PER}", "{LOC}", "أمس", "."]],
        "cls": {"weather": ["هل ستمطر غدا في {LOC}", "كيف الطقس اليوم"],
                "music": ["شغل أغنية {PER}", "ارفع صوت الموسيقى"],
                "alarm": ["أيقظني في السابعة", "اضبط المنبه على السادسة"]},
    },
    "hi": {
        "PER": ["राहुल शर्मा", "प्रिया", "अमित कुमार", "सीता"],
        "ORG": ["भारतीय रेल", "टाटा", "रेड क्रॉस", "इसरो"],
        "LOC": ["दिल्ली", "मुंबई", "नई दिल्ली", "जयपुर"],
        "ner": [["{PER}", "{LOC}", "में", "{ORG}", "के", "लिए", "काम", "करता", "है", "।"],
                ["{PER}", "कल", "{LOC}", "गया", "।"]],
        "cls": {"weather": ["क्या कल {LOC} में बारिश होगी", "आज मौसम कैसा है"],
                "music": ["{PER} का गाना चलाओ", "संगीत की आवाज़ बढ़ाओ"],
                "alarm": ["मुझे सात बजे जगाओ", "छह बजे का अलार्म लगाओ"]},
    },
    "zh": {
        "PER": ["张伟", "李娜", "王芳", "刘洋"],
        "ORG": ["中国银行", "联合国", "华为", "红十字会"],
        "LOC": ["北京", "上海", "广州", "深圳"],
        "ner": [["{PER}", "在", "{LOC}", "的", "{ORG}", "工作", "。"],
                ["{PER}", "昨天", "去", "了", "{LOC}", "。"],
                ["{ORG}", "的", "办公室", "在", "{LOC}"]],
        "cls": {"weather": ["明天{LOC}会下雨吗", "今天天气怎么样", "本周天气预报"],
                "music": ["播放{PER}的歌", "把音乐开大一点", "放一些爵士乐"],
                "alarm": ["七点叫醒我", "设一个六点的闹钟", "取消我的闹钟"]},
    },
}
TINY_LANGUAGES = tuple(_BANK)

_EXTRA_TEXT = [
    "The quick brown fox jumps over the lazy dog.",
    "Der schnelle braune Fuchs springt über den faulen Hund.",
    "Съешь же ещё этих мягких французских булок, да выпей чаю.",
    "نص حكيم له سر قاطع وذو شأن عظيم مكتوب على ثوب أخضر ومغلف بجلد أزرق.",
    "ऋषियों को सताने वाले दुष्ट राक्षसों के राजा रावण का सर्वनाश करने वाले विष्णुवतार भगवान श्रीराम।",
    "我能吞下玻璃而不伤身体。天地玄黄，宇宙洪荒。日月盈昃，辰宿列张。",
    "Voix ambiguë d'un cœur qui au zéphyr préfère les jattes de kiwis.",
    "El veloz murciélago hindú comía feliz cardillo y kiwi.",
    "0 1 2 3 4 5 6 7 8 9 10 100 2024 ! ? , . : ; ( ) - ' \" % & @ #",
]


def sample_text() -> list[str]:
    """The built-in multilingual text the tiny tokenizers are trained on.

    It covers every word of ``tiny_task_data`` (so tiny tokenizers rarely produce unk on it)
    plus pangrams in Latin, Cyrillic, Arabic, Devanagari and CJK script.
    """
    lines: list[str] = list(_EXTRA_TEXT)
    for lang in TINY_LANGUAGES:
        bank = _BANK[lang]
        ents = [e for kind in ("PER", "ORG", "LOC") for e in bank[kind]]
        lines.append(" ".join(ents))
        for template in bank["ner"]:
            for i in range(4):
                lines.append(" ".join(_fill_words(template, bank, i)[0]))
        for texts in bank["cls"].values():
            for text in texts:
                for i in range(4):
                    lines.append(_fill_text(text, bank, i))
    return lines


# ---------------------------------------------------------------------------------------------
# Tiny backbones
# ---------------------------------------------------------------------------------------------
def _train_unigram(specials: list[str], unk: str, vocab_size: int) -> list[tuple[str, float]]:
    """Train a SentencePiece-style Unigram model on ``sample_text()``; (piece, score) list.

    The trainer's set of pieces is deterministic, but its scores carry float noise from
    multithreaded sums and the single characters it appends get scores in hash-map order;
    rounding to one decimal and sorting by (score, piece) makes the result identical across
    runs and processes.
    """
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.NFKC()
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    trainer = trainers.UnigramTrainer(vocab_size=vocab_size, special_tokens=specials,
                                      unk_token=unk, show_progress=False, max_piece_length=8)
    tok.train_from_iterator(sample_text(), trainer=trainer)
    pieces = [(p, round(float(s), 1)) for p, s in _unigram_vocab(tok) if p not in specials]
    pieces.sort(key=lambda ps: (-ps[1], ps[0]))
    return [(p, 0.0) for p in specials] + pieces


def _train_tokenizer(family: str):
    """Train a real tokenizer on ``sample_text()`` and wrap it in the family's HF class."""
    if family == "bert":
        from transformers import BertTokenizerFast

        # The tokenizers WordPiece trainer breaks ties by hash-map order (a different vocab
        # on every run), so the WordPiece vocabulary is derived from the deterministic Unigram
        # pieces: word-initial pieces as words, the others as "##" continuations, plus every
        # character in both forms so nothing in the sample text is unknown.
        specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
        pieces = [p for p, _ in _train_unigram(["<unk>"], "<unk>", 700)[1:]]
        chars = sorted({c for line in sample_text() for c in line if not c.isspace()})
        vocab_list = list(specials)
        for c in chars:
            vocab_list += [c, "##" + c]
        for p in pieces:
            word = p[1:] if p.startswith("▁") else "##" + p
            if p.strip("▁"):
                vocab_list.append(word)
        vocab = {}
        for piece in vocab_list:
            vocab.setdefault(piece, len(vocab))
        # bert-base-multilingual-cased keeps case and accents.
        return BertTokenizerFast(vocab=vocab, do_lower_case=False, strip_accents=False)

    if family == "xlmr":
        specials, unk, mask = ["<s>", "<pad>", "</s>", "<unk>"], "<unk>", "<mask>"
    else:
        # mDeBERTa-v3's order: [PAD]=0, [CLS]=1, [SEP]=2, [UNK]=3.
        specials, unk, mask = ["[PAD]", "[CLS]", "[SEP]", "[UNK]"], "[UNK]", "[MASK]"
    # Both put the mask token last, after every piece.
    pieces = _train_unigram(specials, unk, 600) + [(mask, 0.0)]
    if family == "xlmr":
        from transformers import XLMRobertaTokenizerFast

        return XLMRobertaTokenizerFast(vocab=pieces)
    from transformers import DebertaV2TokenizerFast

    return DebertaV2TokenizerFast(vocab=pieces, unk_id=specials.index(unk))


def _unigram_vocab(tok) -> list[tuple[str, float]]:
    """(piece, score) in id order, read from the trained tokenizer's JSON (stable API)."""
    import json

    model = json.loads(tok.to_str())["model"]
    return [(p, s) for p, s in model["vocab"]]


def _tiny_config(family: str, vocab_size: int, tokenizer, *, num_layers: int, hidden: int,
                 heads: int, intermediate: int):
    common = dict(vocab_size=vocab_size, hidden_size=hidden, num_hidden_layers=num_layers,
                  num_attention_heads=heads, intermediate_size=intermediate,
                  pad_token_id=tokenizer.pad_token_id)
    if family == "bert":
        from transformers import BertConfig

        return BertConfig(max_position_embeddings=128, type_vocab_size=2, **common)
    if family == "xlmr":
        from transformers import XLMRobertaConfig

        # RoBERTa position ids start at pad_token_id + 1, hence 128 + 2 rows.
        return XLMRobertaConfig(max_position_embeddings=130, type_vocab_size=1,
                                bos_token_id=tokenizer.bos_token_id,
                                eos_token_id=tokenizer.eos_token_id, **common)
    from transformers import DebertaV2Config

    # mDeBERTa-v3-like: relative attention only (no absolute position embedding added).
    return DebertaV2Config(max_position_embeddings=128, type_vocab_size=0,
                           relative_attention=True, position_buckets=32,
                           max_relative_positions=-1, pos_att_type=["p2c", "c2p"],
                           norm_rel_ebd="layer_norm", position_biased_input=False,
                           layer_norm_eps=1e-7, hidden_act="gelu", share_att_key=True, **common)


def make_tiny_backbone(family: str, folder: str | Path, *, num_layers: int = 4, hidden: int = 32,
                       heads: int = 4, intermediate: int = 64, seed: int = 0) -> Path:
    """Save a random-weight bare encoder plus a real fast tokenizer into ``folder``.

    ``family``: "bert" (BertModel, WordPiece), "xlmr" (XLMRobertaModel, Unigram + Metaspace)
    or "deberta" (DebertaV2Model with mDeBERTa-v3's relative attention, Unigram + Metaspace).
    The folder then loads exactly like a hub model: ``AutoModel.from_pretrained(folder)``,
    ``AutoModelForSequenceClassification.from_pretrained(folder, num_labels=...)`` (head
    random) and ``AutoTokenizer.from_pretrained(folder)``. Deterministic in ``seed``.
    Returns the folder as a ``Path``.
    """
    if family not in FAMILIES:
        raise bad_value("family", family, FAMILIES)
    for name, value in (("num_layers", num_layers), ("hidden", hidden), ("heads", heads),
                        ("intermediate", intermediate)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise bad_value(name, value, "a positive int")
    if hidden % heads:
        raise bad_value("heads", heads, f"a divisor of hidden={hidden}")

    import torch
    from transformers import AutoModel

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    tokenizer = _train_tokenizer(family)
    config = _tiny_config(family, len(tokenizer), tokenizer, num_layers=num_layers,
                          hidden=hidden, heads=heads, intermediate=intermediate)
    state = torch.random.get_rng_state()
    try:
        torch.manual_seed(seed)
        model = AutoModel.from_config(config)
        # A fresh LayerNorm is all ones and a fresh bias all zeros, exactly like those of any
        # other freshly built model: give them "pretrained" values so that tests can tell a
        # copied tensor from a freshly initialized one.
        with torch.no_grad():
            for param in model.parameters():
                if param.numel() > 1 and bool((param == param.flatten()[0]).all()):
                    param.add_(0.02 * torch.randn_like(param))
    finally:
        torch.random.set_rng_state(state)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


# ---------------------------------------------------------------------------------------------
# Tiny task data
# ---------------------------------------------------------------------------------------------
def _fill_words(template: list[str], bank: dict, i: int) -> tuple[list[str], list[str]]:
    """Words and BIO2 tag names of one NER template, entities chosen by ``i``."""
    words: list[str] = []
    tags: list[str] = []
    for slot in template:
        if slot.startswith("{") and slot.endswith("}"):
            kind = slot[1:-1]
            entity = bank[kind][i % len(bank[kind])].split()
            words.extend(entity)
            tags.extend([f"B-{kind}"] + [f"I-{kind}"] * (len(entity) - 1))
        else:
            words.append(slot)
            tags.append("O")
    return words, tags


def _fill_text(template: str, bank: dict, i: int) -> str:
    out = template
    for kind in ("PER", "ORG", "LOC"):
        out = out.replace("{" + kind + "}", bank[kind][i % len(bank[kind])])
    return out


TAG_NAMES = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]


def _make_examples(task: str, lang: str, split: str, n: int, rng: random.Random) -> list[Example]:
    bank = _BANK[lang]
    out: list[Example] = []
    for k in range(n):
        i = rng.randrange(1000)
        ex_id = f"{lang}-{split}-{k}"
        if task == "classification":
            label = k % len(LABELS)  # balanced labels in every language and split
            texts = bank["cls"][LABELS[label]]
            text = _fill_text(texts[rng.randrange(len(texts))], bank, i)
            out.append(Example(id=ex_id, lang=lang, text=text, label=label))
        else:
            template = bank["ner"][rng.randrange(len(bank["ner"]))]
            words, tags = _fill_words(template, bank, i)
            out.append(Example(id=ex_id, lang=lang, tokens=tuple(words),
                               tags=tuple(TAG_NAMES.index(t) for t in tags)))
    return out


def tiny_task_data(task: str = "classification",
                   languages: Iterable[str] = ("en", "de", "ru", "zh"),
                   n_train: int = 24, n_eval: int = 12, seed: int = 0, *,
                   train_languages: Iterable[str] | None = None) -> TaskData:
    """A small deterministic synthetic ``TaskData`` for tests (no files, no downloads).

    ``task="classification"``: utterances labelled "weather" / "music" / "alarm" (the label
    is learnable from the keywords). ``task="tagging"``: pre-split words with BIO2 tags over
    PER / ORG / LOC (multi-word entities give I- tags). ``n_train`` examples per seen language
    in train, ``n_eval`` per language in dev and in test. ``train_languages`` (default: all
    of ``languages``) are the seen languages; the rest are unseen (dev/test only).
    Languages available: ``TINY_LANGUAGES``.
    """
    if task not in TASKS:
        raise bad_value("task", task, TASKS)
    if isinstance(languages, str):
        languages = [languages]
    languages = list(languages)
    if not languages:
        raise bad_value("languages", languages, f"a non-empty list of {list(TINY_LANGUAGES)}")
    for lang in languages:
        if lang not in _BANK:
            raise bad_value("languages", lang, TINY_LANGUAGES)
    if len(set(languages)) != len(languages):
        raise bad_value("languages", languages, "a list without repeats")
    if train_languages is None:
        seen = list(languages)
    else:
        seen = [train_languages] if isinstance(train_languages, str) else list(train_languages)
        for lang in seen:
            if lang not in languages:
                raise bad_value("train_languages", lang, languages)
    for name, value, low in (("n_train", n_train, 1), ("n_eval", n_eval, 1)):
        if not isinstance(value, int) or isinstance(value, bool) or value < low:
            raise bad_value(name, value, f"an int >= {low}")

    rng = random.Random(f"tiny-{task}-{seed}")
    splits: dict[str, list[Example]] = {"train": [], "dev": [], "test": []}
    for lang in languages:
        for split, n in (("train", n_train), ("dev", n_eval), ("test", n_eval)):
            if split == "train" and lang not in seen:
                continue
            splits[split].extend(_make_examples(task, lang, split, n, rng))
    label_names = list(LABELS) if task == "classification" else list(TAG_NAMES)
    return TaskData(name=f"tiny-{task}", task=task, label_names=label_names,
                    train=splits["train"], dev=splits["dev"], test=splits["test"],
                    languages=languages, train_languages=seen,
                    selection={"languages": languages, "train_languages": seen,
                               "n_train": n_train, "n_eval": n_eval, "seed": seed})


# ---------------------------------------------------------------------------------------------
# A Universal NER-shaped corpus, generated (for tagging teachers on real-format data)
# ---------------------------------------------------------------------------------------------
UNER_LIKE = {"en_ewt": "en", "pt_bosque": "pt", "zh_gsd": "zh", "de_pud": "de", "ru_pud": "ru"}
_UNER_FOLDERS = {"en_ewt": "UNER_English-EWT", "pt_bosque": "UNER_Portuguese-Bosque",
                 "zh_gsd": "UNER_Chinese-GSD", "de_pud": "UNER_German-PUD",
                 "ru_pud": "UNER_Russian-PUD"}


def write_uner_like(folder: str | Path, *, o_share: float = 0.95, train_sentences: int = 600,
                    seed: int = 0) -> Path:
    """Write ``.iob2`` files in the UNER v1 layout (``UNER_English-EWT/en_ewt-ud-train.iob2``,
    ...) that look like the real corpus to a tagger: three training treebanks (en, pt, zh)
    and two test-only PUD sets (de, ru); entity sentences from pocket-ner, diluted with
    entity-less sentences (pocket-intent and pocket-sentiment texts, split into words; zh
    into characters) until about ``o_share`` of the tokens are "O", as in UNER, where most
    sentences have no entity. ``train_sentences``: entity-bearing and entity-less training
    sentences per training treebank. Deterministic for a given ``seed``.
    """
    from kitlib.data import pocket

    rng = random.Random(f"uner-like/{seed}")
    ner = pocket.generate("pocket-ner")
    names = ner.label_names
    fill_sources = [pocket.generate("pocket-intent"), pocket.generate("pocket-sentiment")]

    def fillers(lang: str) -> list[list[str]]:
        out = []
        for data in fill_sources:
            for ex in data.splits["train"] + data.splits["dev"] + data.splits["test"]:
                if ex.lang == lang and ex.text:
                    words = list(ex.text.replace(" ", "")) if lang == "zh" else ex.text.split()
                    out.append(words)
        rng.shuffle(out)
        return out

    root = Path(folder)
    for treebank, lang in UNER_LIKE.items():
        pool = fillers(lang)
        splits = ("test",) if treebank.endswith("_pud") else ("train", "dev", "test")
        sub = root / _UNER_FOLDERS[treebank]
        sub.mkdir(parents=True, exist_ok=True)
        for split in splits:
            tagged = [(list(ex.tokens), [names[t] for t in ex.tags])
                      for ex in ner.splits[split] if ex.lang == lang]
            rng.shuffle(tagged)
            if split == "train":
                tagged = tagged[: max(1, int(train_sentences * (1 - o_share) * 4))]
            entity_tokens = sum(t != "O" for _, tags in tagged for t in tags)
            tokens = sum(len(w) for w, _ in tagged)
            sentences = list(tagged)
            while pool and (tokens - entity_tokens) < o_share * tokens:
                words = pool.pop()
                sentences.append((words, ["O"] * len(words)))
                tokens += len(words)
            rng.shuffle(sentences)
            lines = []
            for i, (words, tags) in enumerate(sentences):
                lines += [f"# sent_id = {treebank}-{split}-{i:05d}", f"# text = {' '.join(words)}"]
                lines += [f"{k + 1}\t{w}\t{t}\t-\t-" for k, (w, t) in enumerate(zip(words, tags))]
                lines.append("")
            (sub / f"{treebank}-ud-{split}.iob2").write_text("\n".join(lines) + "\n",
                                                            encoding="utf-8")
    return root


# ---------------------------------------------------------------------------------------------
# Injected failures for the Ray executor's tests.
# ---------------------------------------------------------------------------------------------
def crash_worker_on_run(run_id: str) -> Callable[[], None]:
    """A Ray ``worker_process_setup_hook`` under which a worker process dies (``os._exit``,
    as if killed: no exception, no cleanup) when it is about to run ``run_id``.

    Why here and not in the test file: what the hook calls is pickled by reference, so it
    must live in a module every Ray worker can import (and Ray wants a named function)."""
    def install_crash() -> None:
        _install_crash(run_id)

    return install_crash


def _install_crash(run_id: str) -> None:
    from kitlib.experiments import runs

    run_plan = runs.run_plan

    def crashing_run_plan(s, plan):
        if plan.run_id == run_id:
            os._exit(3)
        return run_plan(s, plan)

    runs.run_plan = crashing_run_plan
