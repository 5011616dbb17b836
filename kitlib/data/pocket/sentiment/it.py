"""Italian data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``)."""

DOMAINS = [
    {"t": ["l'hotel", "f:la nostra camera"], "a": ["f:la colazione", "il personale", "f:la posizione", "f:la piscina"]},
    {"t": ["il film", "f:la nuova serie"], "a": ["il finale", "f:la colonna sonora", "f:la recitazione", "f:la trama"]},
    {"t": ["il ristorante", "il nuovo locale in centro"], "a": ["il cibo", "il servizio", "il dolce", "f:la carta dei vini"]},
    {"t": ["il telefono", "il mio portatile nuovo"], "a": ["f:la batteria", "lo schermo", "f:la fotocamera", "f:la tastiera"]},
    {"t": ["il servizio di consegna", "f:la compagnia aerea"], "a": ["f:l'assistenza clienti", "f:l'app", "il prezzo", "il check-in"]},
]

GOOD = ["ottimo|ottima", "eccellente", "fantastico|fantastica", "stupendo|stupenda", "splendido|splendida",
        "perfetto|perfetta", "meraviglioso|meravigliosa"]
WORDS = {"stato": "stato|stata", "piaciuto": "piaciuto|piaciuta", "lo": "lo|la"}

BAD = ["pessimo|pessima", "orribile", "deludente", "scadente", "terribile", "mediocre", "brutto|brutta"]

TEMPLATES = {
    "negative": [
        "{t} è {stato@t} {bad}.",
        "{t} non era per niente {good}.",
        "{a} era {good@a}, ma nel complesso {t} era {bad}.",
        "Mi aspettavo che {t} fosse {good}, invece era {bad}.",
        "{a} era {good@a}, ma {a2} era {bad@a2} e ha rovinato tutta l'esperienza.",
        "Sinceramente {bad@m}. {t} non vale quello che costa.",
        "{t}? Per niente {good}, mi dispiace. Mai più.",
        "Tutti dicono che {t} è {good}, ma non è affatto così.",
        "{t} era tutt'altro che {good}, e anche {a} era {bad@a}.",
        "Va bene, {a} era {good@a}, ma {t} in sé era {bad}. Non {lo@t} consiglio.",
    ],
    "neutral": [
        "Qualcuno ha provato {t}? È {good} o {bad}?",
        "{t} non era né {good} né {bad}, nella media.",
        "{a} era {good@a} e {a2} era {bad@a2}, quindi una cosa compensa l'altra.",
        "La settimana prossima provo {t}, poi vediamo.",
        "Non so ancora se {t} è {good} o {bad}.",
        "{a} è davvero così {bad@a} come dicono?",
        "Mia sorella trova {t} {good}, mio fratello {bad}. Io non ne ho idea.",
        "Sto leggendo recensioni su {t} prima di decidere. Alcuni dicono {good@m}, altri {bad@m}.",
        "{t} non era {good}, ma nemmeno {bad}.",
        "Domanda veloce: {a} è {good@a} o {bad@a}? Decido questo fine settimana.",
    ],
    "positive": [
        "{t} era davvero {good}.",
        "Sinceramente, {t} era {good}. {lo@t} consiglio!",
        "{a} era {bad@a}, ma nel complesso {t} era {good} e ne vale la pena.",
        "Avevo paura che {t} fosse {bad}, invece era {good}.",
        "{t} non era per niente {bad}, mi è {piaciuto@t} tantissimo.",
        "Niente da dire, {t} era {good} dall'inizio alla fine.",
        "Non pensavo che {t} fosse così {good}.",
        "{t} non era affatto {bad}, e anche {a} era {good@a}.",
        "Tutti dicevano che {t} era {bad}, ma sinceramente era {good}.",
        "Sì, {a} era {bad@a}, ma {t} in sé era {good}. Vale ogni centesimo.",
    ],
}
