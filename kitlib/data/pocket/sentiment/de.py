"""German data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``).

Register: German reviews and posts ("Fazit:", "Preis-Leistung", "Finger weg", "Kann man
machen", "Hammer!", "Jederzeit wieder"). Predicative adjectives do not inflect; targets list
their nominative, accusative and dative forms (``{t:acc}``, ``{t:dat}``), and templates
avoid prepositions that would contract with the article ("vom", "beim").
"""

CASES = ("nom", "acc", "dat")

DOMAINS = {
    "hotel": {"t": ["das Hotel|das Hotel|dem Hotel",
                    "my:unser Zimmer|unser Zimmer|unserem Zimmer",
                    "f:die Ferienwohnung|die Ferienwohnung|der Ferienwohnung"],
              "a": ["das Frühstück", "das Personal", "f:die Lage", "der Pool", "das Bett"]},
    "film": {"t": ["der Film|den Film|dem Film",
                   "f:die neue Serie|die neue Serie|der neuen Serie",
                   "f:die Fortsetzung|die Fortsetzung|der Fortsetzung"],
             "a": ["das Ende", "der Soundtrack", "f:die Besetzung", "f:die Handlung",
                   "f:die Synchronisation"]},
    "restaurant": {"t": ["das Restaurant|das Restaurant|dem Restaurant",
                         "der neue Italiener in der Hauptstraße|den neuen Italiener in der "
                         "Hauptstraße|dem neuen Italiener in der Hauptstraße",
                         "das Café|das Café|dem Café"],
                   "a": ["das Essen", "der Service", "der Nachtisch", "der Kaffee",
                         "f:die Atmosphäre"]},
    "phone": {"t": ["das Handy|das Handy|dem Handy",
                    "my:mein neues Tablet|mein neues Tablet|meinem neuen Tablet"],
              "a": ["der Akku", "der Bildschirm", "f:die Kamera", "der Lautsprecher",
                    "das Ladegerät"]},
    "laptop": {"t": ["my:mein neuer Laptop|meinen neuen Laptop|meinem neuen Laptop",
                     "der Laptop|den Laptop|dem Laptop"],
               "a": ["der Akku", "der Bildschirm", "f:die Tastatur", "das Touchpad", "der Lüfter"]},
    "delivery": {"t": ["der Lieferdienst|den Lieferdienst|dem Lieferdienst",
                       "der Paketdienst|den Paketdienst|dem Paketdienst"],
                 "a": ["der Kundenservice", "f:die App", "f:die Sendungsverfolgung", "der Preis",
                       "der Fahrer"]},
    "airline": {"t": ["f:die Airline|die Airline|der Airline",
                      "my:unser Flug|unseren Flug|unserem Flug"],
                "a": ["der Check-in", "f:die Crew", "f:die Beinfreiheit", "der Preis",
                      "das Boarding"]},
    "match": {"t": ["das Spiel|das Spiel|dem Spiel",
                    "my:das Derby gestern Abend|das Derby gestern Abend|dem Derby gestern Abend"],
              "a": ["der Schiri", "f:die Abwehr", "f:die Stimmung", "f:die erste Halbzeit",
                    "der Torwart"]},
}

GOOD = ["super", "großartig", "fantastisch", "hervorragend", "toll", "klasse", "ausgezeichnet"]
BAD = ["schlecht", "furchtbar", "enttäuschend", "mies", "schrecklich", "grottig", "miserabel"]

FILL = {
    "day": ["am Montag", "am Freitag", "nächste Woche", "am Wochenende", "am Zwölften", "im März",
            "morgen", "am Sonntag"],
}

TEMPLATES = {
    "negative": [
        ("plain", "*", "{t} war {bad}."),
        ("negated_good", "*", "{t} war überhaupt nicht {good}."),
        ("contrast_bad_overall", "*", "{a} war {good}, aber insgesamt war {t} {bad}."),
        ("fazit_neg", "*", "Fazit: {a} {bad}, {a2} {bad}. Schade ums Geld."),
        ("finger_weg", "* generic", "Finger weg: {t} lohnt sich nicht. {a} war einfach nur {bad}."),
        ("never_again", "*", "{t}? Nicht {good}, sorry. Nie wieder."),
        ("preis_leistung_neg", "hotel restaurant phone laptop delivery airline",
         "Preis-Leistung stimmt hier leider gar nicht, {a} war {bad}."),
        ("mehr_erhofft", "*", "{t} hat mich enttäuscht, ich hatte mir mehr erhofft. {a} war {bad}."),
        ("leider_nein", "*", "Leider nein. {a} war {bad} und {a2} kaum besser."),
        ("hearsay_wrong_neg", "* generic", "Alle schwärmen, aber {t} hat mich null überzeugt."),
        ("far_from", "*", "{t} war alles andere als {good}, und {a} war auch {bad}."),
        ("ein_stern", "*", "Ein Stern, und der ist noch geschenkt. {a} war {bad}."),
        ("sure_but_itself_bad", "*", "Klar, {a} war {good}, aber {t} selbst war {bad}. Keine Empfehlung."),
        ("geld_zurueck", "hotel restaurant phone laptop delivery airline",
         "Ich will mein Geld zurück. {a} war eine Zumutung, {t} sowieso."),
        ("genervt", "*", "{a} hat mich nur genervt, und {t} war insgesamt {bad}."),
        ("einmal_und_nie_wieder", "*", "Einmal und nie wieder: {a} war {bad}, {a2} ebenfalls."),
    ],
    "neutral": [
        ("question_or", "hotel restaurant phone laptop delivery airline generic", "Kennt jemand {t:acc}? Eher {good} oder eher {bad}?"),
        ("neither_nor", "*", "{t} war weder {good} noch {bad}, einfach okay."),
        ("evens_out", "*", "{a} war {good}, {a2} war {bad}, das gleicht sich aus."),
        ("kann_man_machen", "*", "Kann man machen, muss man aber nicht. {t} war ganz okay."),
        ("fact_reopens", "hotel restaurant generic", "{t} öffnet {day} nach dem Umbau wieder."),
        ("fact_release", "film generic", "{t} startet {day} im Stream."),
        ("geht_so", "*", "Geht so. {a} {good}, {a2} eher {bad}."),
        ("fact_open_question", "hotel restaurant generic", "Weiß jemand, ob {t} {day} geöffnet hat?"),
        ("unentschieden", "* generic",
         "Schwanke noch zwischen {t:dat} und etwas anderem, die Bewertungen sind gemischt."),
        ("fact_new_prices", "airline delivery hotel restaurant generic",
         "{t} hat {day} neue Preise angekündigt."),
        ("not_sure", "*", "Ich weiß noch nicht, ob {t} {good} oder {bad} ist."),
        ("fact_streik", "airline delivery generic", "Achtung: {^t} wird {day} bestreikt."),
        ("really_as_bad", "*", "Ist {a} wirklich so {bad}, wie alle sagen?"),
        ("drei_sterne", "*", "Drei von fünf Sternen für {t:acc}: {a} okay, {a2} verbesserungswürdig."),
        ("fact_parken", "hotel restaurant generic", "Info für alle: {^t} hat {day} keine freien Parkplätze."),
        ("erfahrungen", "* generic",
         "Hat jemand Erfahrungen mit {t:dat}? Vor allem {a} interessiert mich, die Bewertungen sind gemischt."),
    ],
    "positive": [
        ("absolutely_good", "*", "{t} war absolut {good}."),
        ("would_recommend", "*", "Ehrlich, {t} war {good}. Klare Empfehlung!"),
        ("contrast_good_overall", "*", "{a} war {bad}, aber insgesamt war {t} {good} und absolut empfehlenswert."),
        ("worry_relief", "*", "Ich hatte Angst, {t} wäre {bad}, aber am Ende war alles {good}."),
        ("negated_bad", "*", "{t} war überhaupt nicht {bad}, hat mir richtig gefallen."),
        ("hammer", "*", "Hammer! {a} war {good}, {t} insgesamt top."),
        ("fazit_pos", "*", "Fazit: {a} {good}, {a2} {good}, gerne wieder."),
        ("never_expected", "*", "Hätte nie gedacht, dass {t} so {good} ist."),
        ("preis_leistung_pos", "hotel restaurant phone laptop delivery airline",
         "Preis-Leistung top, {a} war {good}."),
        ("fuenf_sterne", "*", "Fünf Sterne von mir. {a} war {good}, {t} sowieso."),
        ("wasnt_bad_and_good", "*", "{t} war gar nicht {bad}, und {a} war auch {good}."),
        ("jederzeit_wieder", "*", "Jederzeit wieder! {a} war einfach {good}."),
        ("hearsay_wrong_pos", "* generic", "Alle meinten, {t} sei {bad}, aber ich fand {t:acc} {good}."),
        ("mehr_als_zufrieden", "hotel restaurant",
         "Mehr als zufrieden: {a} {good}, Personal freundlich, alles sauber."),
        ("nur_empfehlen", "* generic", "Kann {t:acc} nur empfehlen, {a} allein ist schon {good}."),
        ("positiv_ueberrascht", "*", "{t} hat mich positiv überrascht: {^a} war richtig {good}."),
    ],
}
