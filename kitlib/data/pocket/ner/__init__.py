"""Per-language data of ``pocket-ner``; the format is in ``ner_gen``'s docstring."""
