"""German data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``)."""

DOMAINS = [
    {"t": ["das Hotel", "unser Zimmer"], "a": ["das Frühstück", "das Personal", "die Lage", "der Pool"]},
    {"t": ["der Film", "die neue Serie"], "a": ["das Ende", "der Soundtrack", "die Besetzung", "die Handlung"]},
    {"t": ["das Restaurant", "der neue Laden in der Hauptstraße"], "a": ["das Essen", "der Service", "der Nachtisch", "die Weinkarte"]},
    {"t": ["das Handy", "mein neuer Laptop"], "a": ["der Akku", "der Bildschirm", "die Kamera", "die Tastatur"]},
    {"t": ["der Lieferdienst", "die Airline"], "a": ["der Kundenservice", "die App", "der Preis", "der Check-in"]},
]

GOOD = ["super", "großartig", "fantastisch", "hervorragend", "toll", "klasse", "ausgezeichnet"]
BAD = ["schlecht", "furchtbar", "enttäuschend", "mies", "schrecklich", "grottig", "miserabel"]

TEMPLATES = {
    "negative": [
        "{t} war {bad}.",
        "{t} war überhaupt nicht {good}.",
        "{a} war {good}, aber insgesamt war {t} {bad}.",
        "Ich hatte gedacht, {t} wäre {good}, aber es war einfach nur {bad}.",
        "{a} war {good}, aber {a2} war {bad} und hat alles kaputt gemacht.",
        "Ehrlich gesagt {bad}. {t} ist das Geld nicht wert.",
        "{t}? Nicht {good}, sorry. Nie wieder.",
        "Alle sagen, {t} sei {good}, aber das stimmt einfach nicht.",
        "{t} war alles andere als {good}, und {a} war auch {bad}.",
        "Klar, {a} war {good}, aber {t} selbst war {bad}. Keine Empfehlung.",
    ],
    "neutral": [
        "Kennt sich jemand aus? Ist {t} eher {good} oder {bad}?",
        "{t} war weder {good} noch {bad}, einfach okay.",
        "{a} war {good} und {a2} war {bad}, das gleicht sich aus.",
        "Nächste Woche teste ich, ob {t} was taugt, mal sehen.",
        "Ich weiß noch nicht, ob {t} {good} oder {bad} ist.",
        "Ist {a} wirklich so {bad}, wie alle sagen?",
        "Meine Schwester meint, {t} sei {good}, mein Bruder sagt eher {bad}. Keine Ahnung, wer recht hat.",
        "Lese gerade Bewertungen, bevor ich mich entscheide. Manche sagen, {t} sei {good}, andere {bad}.",
        "{t} war nicht {good}, aber auch nicht {bad}.",
        "Kurze Frage: Ist {a} {good} oder {bad}? Ich entscheide am Wochenende.",
    ],
    "positive": [
        "{t} war absolut {good}.",
        "Ehrlich, {t} war {good}. Klare Empfehlung!",
        "{a} war {bad}, aber insgesamt war {t} {good} und absolut empfehlenswert.",
        "Ich hatte Angst, {t} wäre {bad}, aber es war {good}.",
        "{t} war überhaupt nicht {bad}, hat mir richtig gefallen.",
        "Ich kann mich nicht beklagen, {t} war von Anfang bis Ende {good}.",
        "Hätte nie gedacht, dass {t} so {good} ist.",
        "{t} war gar nicht {bad}, und {a} war auch {good}.",
        "Alle meinten, {t} sei {bad}, aber ehrlich gesagt war es {good}.",
        "Ja, {a} war {bad}, aber {t} selbst war {good}. Jeden Cent wert.",
    ],
}
