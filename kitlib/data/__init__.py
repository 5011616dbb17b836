"""Datasets of the kit: ``load(name, **selection) -> TaskData``.

Datasets (``DATASETS``): ``pocket-intent``, ``pocket-sentiment``, ``pocket-ner`` (bundled,
generated, offline), ``massive``, ``tsm`` (tweet sentiment multilingual), ``uner``
(Universal NER) from the Hugging Face hub or local copies of their files (see
``kitlib.data.hub`` for the file layouts), and ``local`` (your own files; schema in
``kitlib.data.local``).

Selection keywords, all optional, all checked before anything is read or downloaded:

- ``languages``: evaluation languages: a group name (``"all"``, the default; ``"seen"``,
  ``"unseen"`` or a dataset's named group), a code (``"en"``; MASSIVE also takes locales
  such as ``"en-US"``) or a list of codes. ``language_groups(name)`` lists them.
- ``train_languages``: the languages ``train`` keeps (dev and test keep all
  ``languages``): ``"all"`` (every selected language that has training data; the
  default, except ``uner`` whose default is ``"seen"``), ``"seen"`` (the dataset's seen
  group), a single code such as ``"en"`` (English-only, zero-shot to the rest) or a list.
  Languages outside it are the run's unseen languages.
- ``subset``: fraction in (0, 1] of train, stratified by (lang, label) -- by (lang, main
  entity type) for tagging --, seeded by ``subset_seed`` (int, default 0), nested: the
  1% subset lies inside the 5% one.
- ``max_eval_per_lang``: None or an int: cap dev and test per language (stratified,
  nested, with a fixed seed so that every run is scored on the same examples).
- ``size`` (pocket datasets): int >= 1, scales the number of generated examples.
- ``data_dir`` / ``data_files`` (hub datasets): a folder / list of files in the hub's
  format, read instead of downloading. ``path`` (``local``): folder or file;
  ``data_dir`` is accepted as another name for it (so a notebook's ``data_dir``
  parameter works for every dataset that reads files). A keyword of another kind of
  dataset (``data_dir`` on a pocket dataset, ``size`` on a hub one) is refused with a
  message saying which datasets take it and why this one does not.

``TaskData.selection`` holds the resolved values (lists of codes, numbers, paths), and
``dropped_empty`` (``{file: rows}``) when rows with an empty text were dropped. What the
loaders do with real files (BOMs, CRLF, empty or very long texts, label forms, missing
values) is described in ``kitlib.data.hub`` and ``kitlib.data.local``.
"""
from __future__ import annotations

from kitlib.data.registry import DATASETS, language_groups, load
from kitlib.data.types import Example, TaskData

__all__ = ["DATASETS", "Example", "TaskData", "language_groups", "load"]
