"""French data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``)."""

DOMAINS = [
    {"t": ["l'hôtel", "f:notre chambre"], "a": ["le petit-déjeuner", "le personnel", "l'emplacement", "f:la piscine"]},
    {"t": ["le film", "f:la nouvelle série"], "a": ["f:la fin", "f:la bande-son", "le jeu des acteurs", "le scénario"]},
    {"t": ["le restaurant", "le nouveau resto du centre"], "a": ["f:la cuisine", "le service", "le dessert", "f:la carte des vins"]},
    {"t": ["le téléphone", "mon nouvel ordinateur portable"], "a": ["f:la batterie", "l'écran", "l'appareil photo", "le clavier"]},
    {"t": ["le service de livraison", "f:la compagnie aérienne"], "a": ["le service client", "f:l'appli", "le prix", "l'enregistrement"]},
]

GOOD = ["génial|géniale", "excellent|excellente", "fantastique", "super", "incroyable", "top", "formidable"]
BAD = ["nul|nulle", "horrible", "décevant|décevante", "mauvais|mauvaise", "catastrophique", "médiocre",
       "affreux|affreuse"]

WORDS = {"le": "le|la"}

TEMPLATES = {
    "negative": [
        "{t} était {bad}.",
        "{t} n'était pas {good} du tout.",
        "{a} était {good@a}, mais dans l'ensemble {t} était {bad}.",
        "Je m'attendais à ce que {t} soit {good}, mais c'était {bad@m}.",
        "{a} était {good@a}, mais {a2} était {bad@a2} et a tout gâché.",
        "Franchement {bad@m}. {t} ne vaut pas son prix.",
        "{t} ? Pas {good}, désolé. Plus jamais.",
        "Tout le monde dit que {t} est {good}, mais ce n'est vraiment pas le cas.",
        "{t} était loin d'être {good}, et {a} était {bad@a} aussi.",
        "Certes, {a} était {good@a}, mais pour le reste {t} était {bad}. Je ne recommande pas.",
    ],
    "neutral": [
        "Quelqu'un a déjà essayé {t} ? C'est {good@m} ou {bad@m} ?",
        "{t} n'était ni {good} ni {bad}, sans plus.",
        "{a} était {good@a} et {a2} était {bad@a2}, donc ça s'équilibre.",
        "Je vais essayer {t} la semaine prochaine, on verra.",
        "Je ne sais pas encore si {t} est {good} ou {bad}.",
        "Est-ce que {a} est vraiment aussi {bad@a} qu'on le dit ?",
        "Ma sœur trouve {t} {good}, mon frère {le@t} trouve {bad}. Aucune idée.",
        "Je lis des avis sur {t} avant de me décider. Certains disent {good@m}, d'autres {bad@m}.",
        "{t} n'était pas {good}, mais pas {bad} non plus.",
        "Petite question : {a} est {good@a} ou {bad@a} ? Je me décide ce week-end.",
    ],
    "positive": [
        "{t} était vraiment {good}.",
        "Franchement, {t} était {good}. Je recommande !",
        "{a} était {bad@a}, mais dans l'ensemble {t} était {good} et je recommande.",
        "J'avais peur que {t} soit {bad}, mais c'était {good@m}.",
        "{t} n'était pas {bad} du tout, j'ai vraiment apprécié.",
        "Rien à redire, {t} était {good} du début à la fin.",
        "Je ne pensais pas que {t} serait aussi {good}.",
        "{t} n'était pas du tout {bad}, et {a} était {good@a} aussi.",
        "Les gens disaient que {t} était {bad}, mais franchement c'était {good@m}.",
        "Oui, {a} était {bad@a}, mais pour le reste {t} était {good}. Ça vaut vraiment le prix.",
    ],
}
