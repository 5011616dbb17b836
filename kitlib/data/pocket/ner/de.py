"""German data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``).

Organizations are ones German uses without an article ("bei Siemens"), so no slot needs
case or article agreement.
"""

PER = [
    "Thomas Müller", "Anna Schmidt", "Stefan Schneider", "Julia Fischer", "Michael Weber", "Katrin Meyer",
    "Andreas Wagner", "Sabine Becker", "Markus Schulz", "Claudia Hoffmann", "Jan Koch", "Laura Richter",
    "Tobias Klein", "Lena Wolf", "Florian Schröder", "Sarah Neumann", "Matthias Schwarz", "Nina Zimmermann",
    "Lukas Braun", "Miriam Krüger", "Felix Hofmann", "Hannah Hartmann", "Jonas Lange", "Lea Schmitt",
    "Paul Werner", "Sophie Krause", "Maximilian Meier", "Marie Lehmann", "Leon Schmid", "Johanna Schulze",
    "Niklas Maier", "Clara Köhler", "Elias Herrmann", "Emma König", "Moritz Walter", "Greta Mayer",
    "Karl-Heinz Huber", "Ursula Kaiser", "Dieter Fuchs", "Ingrid Peters",
]

ORG = [
    "Siemens", "Bosch", "Adidas", "Volkswagen", "Hugo Boss", "Carl Zeiss", "Axel Springer", "Lufthansa",
    "Boehringer Ingelheim", "Borussia Dortmund", "Henkel", "Zalando", "Porsche", "Bayer Leverkusen",
    "Eintracht Frankfurt", "SAP", "BASF", "Infineon", "Heidelberg Materials", "Puma", "Rheinmetall",
    "Fresenius", "Beiersdorf", "Hapag-Lloyd", "Vodafone Deutschland", "Miele", "Dr. Oetker", "Union Berlin",
    "Werder Bremen", "Merck",
]

LOC = [
    "Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main", "Stuttgart", "Düsseldorf", "Leipzig",
    "Dresden", "Hannover", "Nürnberg", "Bad Homburg", "Wien", "Zürich", "Freiburg im Breisgau", "Rostock",
    "Kiel", "Mainz", "Schwäbisch Hall", "Bonn", "Salzburg", "Innsbruck", "Halle an der Saale", "Graz",
    "Potsdam", "Neu-Ulm", "Bad Tölz", "Garmisch-Partenkirchen", "St. Gallen", "Lübeck",
]

FILL = {
    "DAY": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "THING": ["das Angebot", "das Konzept", "das Protokoll", "das Budget", "das Gutachten", "das Dokument"],
}

TEMPLATES = [
    "{PER} arbeitet bei {ORG} in {LOC}.",
    "{PER} ist am {DAY} nach {LOC} geflogen, um {PER2} zu treffen.",
    "{ORG} hat am {DAY} angekündigt, ein neues Büro in {LOC} zu eröffnen.",
    "Ich war am {DAY} mit {PER} in {LOC} essen.",
    "{PER} von {ORG} wollte {THING} nicht kommentieren.",
    "Die Besprechung über {THING} wurde auf {DAY} verschoben.",
    "{PER} wurde in {LOC} geboren und zog mit fünfzehn nach {LOC2}.",
    "Die Aktie von {ORG} ist am {DAY} stark gefallen.",
    "Laut {PER} verhandeln {ORG} und {ORG2} über eine Fusion.",
    "Wir fahren am {DAY} von {LOC} nach {LOC2}.",
    "{PER} wurde am {DAY} zum neuen Chef von {ORG} ernannt.",
    "Hat jemand {THING} gesehen? Ich brauche es bis {DAY}.",
    "{PER} und {PER2} haben {THING} bei {ORG} vorgestellt.",
    "Am {DAY} fiel in {LOC} nach einem Sturm in Tausenden Haushalten der Strom aus.",
    "{ORG} hat {PER} eingestellt, um das Team in {LOC} zu leiten.",
    "Danke für {THING}, ich lese es am {DAY}.",
    "Niemand hat {THING} bisher gelesen, deshalb besprechen wir es am {DAY}.",
    "Nach zehn Jahren bei {ORG} zieht {PER} nach {LOC}.",
    "{PER} hat {PER2} am {DAY} auf einer Konferenz in {LOC} kennengelernt.",
    "{PER} sagte in {LOC}, dass {ORG} die Preise nicht erhöhen werde.",
    "Eine neue Studie von {ORG} und {ORG2} wurde am {DAY} in {LOC} vorgestellt.",
    "{PER} hat am {DAY} {THING} mit {ORG} unterschrieben.",
    "Von {LOC} fährt jetzt ein direkter Zug nach {LOC2}, sagte {PER}.",
    "{PER} ist in {LOC} aufgewachsen und arbeitet heute bei {ORG}.",
    "Ruf {PER} an, wenn du in {LOC} landest.",
]
