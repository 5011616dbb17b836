"""Italian data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``).

Register: Italian reviews and posts ("Consigliatissimo!", "Mai più", "Da evitare", "così
così", "niente di che", "rapporto qualità-prezzo", "promosso a pieni voti", "voto sei").
Adjectives and the participle of "essere" agree with the noun ("è stato|è stata"); targets
list their forms after "di" and "in" (``{t:di}`` "della partita").
"""

CASES = ("nom", "di", "in")

DOMAINS = {
    "hotel": {"t": ["l'hotel|dell'hotel|nell'hotel",
                    "my:f:la nostra camera|della nostra camera|nella nostra camera",
                    "il B&B|del B&B|nel B&B"],
              "a": ["f:la colazione", "il personale", "f:la posizione", "f:la piscina", "il letto"]},
    "film": {"t": ["il film|del film|nel film", "f:la nuova serie|della nuova serie|nella nuova serie",
                   "il sequel|del sequel|nel sequel"],
             "a": ["il finale", "f:la colonna sonora", "f:la recitazione", "f:la trama",
                   "il doppiaggio"]},
    "restaurant": {"t": ["il ristorante|del ristorante|nel ristorante",
                         "f:la trattoria sotto casa|della trattoria sotto casa|nella trattoria sotto casa",
                         "il bar|del bar|nel bar"],
                   "a": ["il cibo", "il servizio", "il dolce", "il caffè", "f:l'atmosfera"]},
    "phone": {"t": ["il telefono|del telefono|nel telefono",
                    "my:il mio tablet nuovo|del mio tablet nuovo|nel mio tablet nuovo"],
              "a": ["f:la batteria", "lo schermo", "f:la fotocamera", "l'altoparlante",
                    "il caricabatterie"]},
    "laptop": {"t": ["my:il mio portatile nuovo|del mio portatile nuovo|nel mio portatile nuovo",
                     "il portatile|del portatile|nel portatile"],
               "a": ["f:la batteria", "lo schermo", "f:la tastiera", "il touchpad", "f:la ventola"]},
    "delivery": {"t": ["il servizio di consegna|del servizio di consegna|nel servizio di consegna",
                       "il corriere|del corriere|nel corriere"],
                 "a": ["f:l'assistenza clienti", "f:l'app", "il tracciamento", "il prezzo",
                       "il fattorino"]},
    "airline": {"t": ["f:la compagnia aerea|della compagnia aerea|nella compagnia aerea",
                      "my:il nostro volo|del nostro volo|nel nostro volo"],
                "a": ["il check-in", "l'equipaggio", "lo spazio per le gambe", "il prezzo",
                      "l'imbarco"]},
    "match": {"t": ["f:la partita|della partita|nella partita",
                    "my:il derby di ieri sera|del derby di ieri sera|nel derby di ieri sera"],
              "a": ["l'arbitro", "f:la difesa", "f:l'atmosfera", "il primo tempo", "il portiere"]},
}

GOOD = ["ottimo|ottima", "eccellente", "fantastico|fantastica", "stupendo|stupenda",
        "perfetto|perfetta", "splendido|splendida", "favoloso|favolosa"]
BAD = ["pessimo|pessima", "scadente", "deludente", "penoso|penosa", "schifoso|schifosa",
       "indecente", "da dimenticare"]

FILL = {
    "day": ["lunedì", "venerdì", "la settimana prossima", "questo fine settimana", "il 12",
            "a marzo", "domani", "domenica"],
}

TEMPLATES = {
    "negative": [
        ("plain", "*", "{t} è {=stato|stata} {bad}."),
        ("negated_good", "*", "{t} non è {=stato|stata} per niente {good}."),
        ("contrast_bad_overall", "*", "{a} era {good@a}, ma nel complesso {t} è {=stato|stata} {bad}."),
        ("da_evitare", "hotel restaurant airline delivery", "Da evitare. {^a} {bad@a} e prezzi alti."),
        ("una_delusione", "*", "Una delusione totale: {a} era {bad@a}."),
        ("never_again", "*", "{t}? Non proprio {good}, scusate. Mai più."),
        ("pessima_esperienza", "*", "Pessima esperienza, {a} lasciava molto a desiderare."),
        ("expectation_fail", "*", "Mi aspettavo che {t} fosse {good}, invece è {=stato|stata} {bad}."),
        ("qualita_prezzo_neg", "hotel restaurant phone laptop delivery airline",
         "Rapporto qualità-prezzo {bad@m}: {a} non vale quello che abbiamo pagato."),
        ("hearsay_wrong_neg", "* generic", "Tutti dicono che {t} è {good}, ma non è affatto così."),
        ("far_from", "*", "{t} era tutt'altro che {good}, e anche {a} era {bad@a}."),
        ("bocciato", "*", "{=Bocciato|Bocciata}, {t}. {^a} era {bad@a}."),
        ("sure_but_itself_bad", "*",
         "Va bene, {a} era {good@a}, ma {t} in sé è {=stato|stata} {bad}. Non {=lo|la} consiglio."),
        ("soldi_buttati", "*", "Soldi sprecati: {a} {bad@a}, {a2} ancora peggio."),
        ("che_peccato", "*", "Che peccato, {t} aveva tanto potenziale. {^a} però era {bad@a}."),
        ("pentito", "*", "Mi sono pentito di aver scelto {t}: {a} era {bad@a}."),
    ],
    "neutral": [
        ("question_or", "hotel restaurant phone laptop delivery airline generic", "Qualcuno ha provato {t}? È {good} o {bad}?"),
        ("cosi_cosi", "*", "{t}, così così."),
        ("evens_out", "*", "{a} era {good@a} e {a2} era {bad@a2}, quindi si compensa."),
        ("plan_try", "hotel restaurant phone laptop delivery airline generic", "Provo {t} {day} e vi faccio sapere."),
        ("fact_reopens", "hotel restaurant generic", "{t} riapre {day} dopo la ristrutturazione."),
        ("fact_release", "film generic", "{t} esce in streaming {day}."),
        ("niente_di_che", "*", "Niente di che: {a} nella media, {a2} pure."),
        ("fact_open_question", "hotel restaurant generic", "Qualcuno sa se {t} è {=aperto|aperta} {day}?"),
        ("voto_sei", "*", "Voto sei per {t}: né bene né male."),
        ("fact_new_prices", "airline delivery hotel restaurant generic",
         "{t} ha annunciato nuovi prezzi {day}."),
        ("not_sure", "*", "Non so ancora se {t} sia {good} o {bad}."),
        ("fact_sciopero", "airline delivery generic", "Attenzione: sciopero {t:di} {day}."),
        ("really_as_bad", "*", "{a} è davvero così {bad@a} come dicono?"),
        ("dipende", "*", "Dipende da cosa cercate: {a} è {good@a}, ma {a2} lascia a desiderare."),
        ("fact_chiuso", "hotel restaurant generic",
         "Per chi fosse interessato: {t} resta {=chiuso|chiusa} {day}."),
        ("pareri_discordi", "* generic",
         "Pareri discordi: {t}, c'è chi adora {a} e chi {=lo|la@a} trova {bad@a}."),
    ],
    "positive": [
        ("absolutely_good", "*", "{t} è {=stato|stata} davvero {good}."),
        ("consigliatissimo", "*", "{=Consigliatissimo|Consigliatissima} {t}! {^a} {good@a}."),
        ("contrast_good_overall", "*",
         "{a} era {bad@a}, ma nel complesso {t} è {=stato|stata} {good} e {=lo|la} consiglio."),
        ("worry_relief", "*", "Temevo che {t} fosse {bad}, e invece è {=stato|stata} {good}."),
        ("negated_bad", "*",
         "{t} non è {=stato|stata} per niente {bad}, mi è {=piaciuto|piaciuta} un sacco."),
        ("ci_torneremo", "hotel restaurant", "Ci torneremo sicuramente: {a} era {good@a}."),
        ("promosso", "*", "{=Promosso|Promossa} a pieni voti, {t}. {^a} {good@a}."),
        ("never_expected", "*", "Non pensavo che {t} fosse così {good}."),
        ("qualita_prezzo_pos", "hotel restaurant phone laptop delivery airline",
         "Ottimo rapporto qualità-prezzo, {a} era {good@a}."),
        ("top", "*", "Top! {^a} {good@a}, {a2} pure."),
        ("wasnt_bad_and_good", "*", "{t} non era affatto {bad}, e anche {a} era {good@a}."),
        ("voto_dieci", "*", "Voto dieci. {^a} era {good@a}."),
        ("hearsay_wrong_pos", "* generic", "Dicevano che {t} era {bad}, ma sinceramente è {=stato|stata} {good}."),
        ("bella_sorpresa", "*", "Che bella sorpresa {t}: {a} era {good@a}."),
        ("nulla_da_dire", "*", "Nulla da dire, {a} {good@a} e {a2} {good@a2}."),
        ("da_rifare", "hotel restaurant airline", "Esperienza da rifare, {a} era {good@a}."),
    ],
}
