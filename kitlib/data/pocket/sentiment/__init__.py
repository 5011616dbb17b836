"""Per-language data of ``pocket-sentiment``; the format is in ``sentiment_gen``'s docstring."""
