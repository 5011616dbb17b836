"""French data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``).

Register: French reviews and posts ("Au top !", "Bof, sans plus", "À fuir", "Rien à redire",
"rapport qualité-prix", "coup de cœur", "grève"), with the space French puts before ? ! :.
Adjectives agree with the noun (``"génial|géniale"``); targets list their forms after "de"
and "à" (``{t:de}`` "du film", ``{t:a}`` "au film").
"""

CASES = ("nom", "de", "a")

DOMAINS = {
    "hotel": {"t": ["l'hôtel|de l'hôtel|à l'hôtel",
                    "my:f:notre chambre|de notre chambre|à notre chambre",
                    "f:la résidence|de la résidence|à la résidence"],
              "a": ["le petit-déjeuner", "le personnel", "l'emplacement", "f:la piscine",
                    "f:la literie"]},
    "film": {"t": ["le film|du film|au film",
                   "f:la nouvelle série|de la nouvelle série|à la nouvelle série",
                   "f:la suite|de la suite|à la suite"],
             "a": ["f:la fin", "f:la bande originale", "le jeu des acteurs", "le scénario",
                   "le doublage"]},
    "restaurant": {"t": ["le restaurant|du restaurant|au restaurant",
                         "le nouveau resto de la rue Victor-Hugo|du nouveau resto de la rue "
                         "Victor-Hugo|au nouveau resto de la rue Victor-Hugo",
                         "f:la brasserie|de la brasserie|à la brasserie"],
                   "a": ["f:la cuisine", "le service", "le dessert", "l'accueil", "f:l'ambiance"]},
    "phone": {"t": ["le téléphone|du téléphone|au téléphone",
                    "my:f:ma nouvelle tablette|de ma nouvelle tablette|à ma nouvelle tablette"],
              "a": ["f:la batterie", "l'écran", "l'appareil photo", "le haut-parleur",
                    "le chargeur"]},
    "laptop": {"t": ["my:mon nouvel ordi|de mon nouvel ordi|à mon nouvel ordi",
                     "l'ordinateur portable|de l'ordinateur portable|à l'ordinateur portable"],
               "a": ["f:la batterie", "l'écran", "le clavier", "le pavé tactile",
                     "le ventilateur"]},
    "delivery": {"t": ["le service de livraison|du service de livraison|au service de livraison",
                       "le transporteur|du transporteur|au transporteur"],
                 "a": ["le service client", "f:l'appli", "le suivi", "le prix", "le livreur"]},
    "airline": {"t": ["f:la compagnie aérienne|de la compagnie aérienne|à la compagnie aérienne",
                      "my:notre vol|de notre vol|à notre vol"],
                "a": ["l'enregistrement", "l'équipage", "f:la place pour les jambes", "le prix",
                      "l'embarquement"]},
    "match": {"t": ["le match|du match|au match",
                    "my:le derby d'hier soir|du derby d'hier soir|au derby d'hier soir"],
              "a": ["l'arbitre", "f:la défense", "f:l'ambiance", "f:la première mi-temps",
                    "le gardien"]},
}

GOOD = ["génial|géniale", "excellent|excellente", "top", "super", "parfait|parfaite",
        "incroyable", "magnifique"]
BAD = ["nul|nulle", "horrible", "décevant|décevante", "catastrophique", "médiocre",
       "lamentable", "mauvais|mauvaise"]

FILL = {
    "day": ["lundi", "vendredi", "la semaine prochaine", "ce week-end", "le 12", "en mars",
            "demain", "dimanche"],
}

TEMPLATES = {
    "negative": [
        ("plain", "*", "{t} était {bad}."),
        ("negated_good", "*", "{t} n'était pas {good} du tout."),
        ("contrast_bad_overall", "*", "{a} était {good@a}, mais dans l'ensemble {t} était {bad}."),
        ("grosse_deception", "*", "Grosse déception avec {t}. {^a} était {bad@a}."),
        ("a_fuir", "hotel restaurant airline delivery", "À fuir ! {^a} {bad@a}, et en plus c'était cher."),
        ("never_again", "*", "{t} ? Pas {good}, désolé. Plus jamais."),
        ("rapport_qp_neg", "hotel restaurant phone laptop delivery airline",
         "Rapport qualité-prix {bad@m} : {a} ne vaut pas ce qu'on a payé."),
        ("expectation_fail", "*", "Je m'attendais à ce que {t} soit {good}, mais {=il|elle} était {bad}."),
        ("je_ne_reviendrai_pas", "hotel restaurant", "Je ne reviendrai pas. {^a} était {bad@a}, point."),
        ("hearsay_wrong_neg", "* generic",
         "Tout le monde dit que {t} est {good}, mais ce n'est vraiment pas le cas."),
        ("far_from", "*", "{t} était loin d'être {good}, et {a} était {bad@a} aussi."),
        ("zero_etoile", "*", "Si je pouvais mettre zéro étoile, je le ferais. {^a}, {bad@a}."),
        ("sure_but_itself_bad", "*",
         "Certes, {a} était {good@a}, mais {t} en {=lui|elle}-même était {bad}. Je ne recommande pas."),
        ("aucun_interet", "*", "Aucun intérêt. {^a} {bad@a}, {a2} pas mieux."),
        ("arnaque", "hotel restaurant delivery airline phone laptop",
         "Une vraie arnaque, {t}. {^a} était {bad@a}."),
        ("jai_regrette", "*", "J'ai regretté dès la première minute : {a} était {bad@a}."),
    ],
    "neutral": [
        ("question_or", "hotel restaurant phone laptop delivery airline generic", "Quelqu'un a testé {t} ? C'est {good@m} ou {bad@m} ?"),
        ("bof", "*", "Bof. {t}, sans plus."),
        ("evens_out", "*", "{a} était {good@a} et {a2} était {bad@a2}, donc ça s'équilibre."),
        ("plan_try", "hotel restaurant phone laptop delivery airline generic", "Je teste {t} {day}, je vous dirai."),
        ("fact_reopens", "hotel restaurant generic", "{t} rouvre {day} après travaux."),
        ("fact_release", "film generic", "{t} sort en streaming {day}."),
        ("mouais", "*", "Mouais. {^a} {=correct|correcte@a}, {a2} {=moyen|moyenne@a2}."),
        ("fact_open_question", "hotel restaurant generic",
         "Quelqu'un sait si {t} est {=ouvert|ouverte} {day} ?"),
        ("avis_partages", "* generic", "Les avis sont partagés sur {t}, je me ferai mon idée {day}."),
        ("fact_new_prices", "airline delivery hotel restaurant generic",
         "{t} a annoncé de nouveaux tarifs {day}."),
        ("not_sure", "*", "Je ne sais pas encore si {t} est {good} ou {bad}."),
        ("fact_greve", "airline delivery generic", "Attention, grève chez {t} {day}."),
        ("really_as_bad", "*", "{a} est-{=il|elle@a} vraiment aussi {bad@a} qu'on le dit ?"),
        ("ni_chaud_ni_froid", "*", "{t} ne m'a fait ni chaud ni froid, {a} compris."),
        ("fact_ferme", "hotel restaurant generic",
         "Pour info, {t} sera {=fermé|fermée} {day} pour inventaire."),
        ("trois_etoiles", "*", "Trois étoiles pour {t} : {a} {=correct|correcte@a}, {a2} à revoir."),
    ],
    "positive": [
        ("absolutely_good", "*", "{t} était vraiment {good}."),
        ("au_top", "*", "Au top ! {^a} était {good@a}."),
        ("contrast_good_overall", "*",
         "{a} était {bad@a}, mais dans l'ensemble {t} était {good}, je recommande."),
        ("worry_relief", "*", "J'avais peur que {t} soit {bad}, mais finalement c'était {good@m}."),
        ("negated_bad", "*", "{t} n'était pas {bad} du tout, j'ai adoré."),
        ("un_vrai_regal", "restaurant", "Un vrai régal, {a} était {good@a}. On reviendra !"),
        ("rien_a_redire", "*", "Rien à redire : {a} {good@a}, {a2} {good@a2}."),
        ("never_expected", "*", "Je ne pensais pas que {t} serait aussi {good}."),
        ("rapport_qp_pos", "hotel restaurant phone laptop delivery airline",
         "Excellent rapport qualité-prix, {a} était {good@a}."),
        ("coup_de_coeur", "*", "Coup de cœur pour {t} ! {^a} était {good@a}."),
        ("wasnt_bad_and_good", "*", "{t} n'était pas {bad} du tout, et {a} était {good@a} aussi."),
        ("je_recommande", "*", "Je recommande les yeux fermés : {a} était {good@a}."),
        ("hearsay_wrong_pos", "* generic",
         "On m'avait dit que {t} était {bad}, mais franchement c'était {good@m}."),
        ("le_top_du_top", "*", "Le top du top. {^a} {good@a}, rien à jeter."),
        ("bonne_surprise", "*", "Très bonne surprise, {t}. {^a} était {good@a} !"),
        ("on_y_retourne", "hotel restaurant", "On y retourne dès que possible, {a} était {good@a}."),
    ],
}
