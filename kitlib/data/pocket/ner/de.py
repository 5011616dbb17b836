"""German data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``).

News (datelines, "laut", "wie ... berichtet", "teilte die Polizei mit"), traffic and rail
notices ("Stau auf der A7", "der ICE fällt aus"), social posts and chat. Titles and roles
agree with the person ("Herr / Frau", "zum neuen Chef / zur neuen Chefin"); organizations
that need an article carry their gender (``#g=m/f/n``) and the article agrees
(``{=m:der|f:die|n:das@ORG}``); companies, clubs, cities, countries and regions are ones
that take no article. All nouns are capitalized in German, so capital letters alone do not
mark a name.
"""

GIVEN = [
    "m:Lukas", "f:Anna", "m:Jonas", "f:Lena", "m:Felix", "f:Julia", "m:Tobias", "f:Sabine",
    "m:Thomas", "f:Katrin", "m:Moritz", "f:Laura", "m:Florian", "f:Sarah", "m:Stefan",
    "f:Claudia", "m:Markus", "f:Nina", "m:Andreas", "f:Sophie", "m:Jan", "f:Miriam", "m:Kai",
    "f:Lisa", "m:Niklas", "f:Hannah", "m:Sebastian", "f:Carina", "m:Philipp", "f:Franziska",
]

FAMILY = [
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
    "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
    "Werner", "Krause", "Lehmann", "Köhler",
]

ORG = {
    "company": ["Siemens", "BASF", "SAP", "Bosch", "Adidas", "Volkswagen", "Allianz", "Henkel",
                "Bayer", "Porsche", "Zalando", "Infineon", "Beiersdorf", "Continental", "Puma",
                "Merck", "Fresenius", "Rheinmetall", "Vonovia", "Hapag-Lloyd"],
    "university": ["Universität Heidelberg", "TU München", "Humboldt-Universität",
                   "Universität Hamburg", "LMU München", "Universität zu Köln",
                   "Freie Universität Berlin", "RWTH Aachen"],
    "club": ["Borussia Dortmund", "Werder Bremen", "Schalke 04", "Eintracht Frankfurt",
             "Hertha BSC", "Union Berlin", "Mainz 05", "Bayer Leverkusen",
             "Borussia Mönchengladbach", "RB Leipzig"],
    "public": ["Bundeskartellamt #g=n", "Bundesnetzagentur #g=f", "BaFin #g=f",
               "Umweltbundesamt #g=n", "Kraftfahrt-Bundesamt #g=n",
               "Bundeszentralamt für Steuern #g=n", "Eisenbahn-Bundesamt #g=n",
               "Bundesamt für Justiz #g=n"],
    "media": ["Spiegel #g=m", "ARD #g=f", "ZDF #g=n", "Süddeutsche Zeitung #g=f", "Bild #g=f",
              "Deutsche Welle #g=f", "Stern #g=m", "Handelsblatt #g=n"],
}

LOC = {
    "city": ["Berlin #zone=de", "Hamburg #zone=de", "München #zone=de", "Köln #zone=de",
             "Frankfurt #zone=de", "Stuttgart #zone=de", "Düsseldorf #zone=de", "Leipzig #zone=de",
             "Wien #zone=at", "Zürich #zone=ch", "Dresden #zone=de", "Hannover #zone=de",
             "Nürnberg #zone=de", "Graz #zone=at", "Bremen #zone=de", "Basel #zone=ch",
             "Salzburg #zone=at", "Bonn #zone=de", "Freiburg #zone=de", "Innsbruck #zone=at",
             "Kiel #zone=de", "Rostock #zone=de", "Linz #zone=at", "Bern #zone=ch",
             "Mainz #zone=de", "Erfurt #zone=de", "Potsdam #zone=de", "Augsburg #zone=de",
             "Regensburg #zone=de", "Luzern #zone=ch"],
    "country": ["Frankreich", "Italien", "Spanien", "Polen", "Dänemark", "Schweden", "Norwegen",
                "Japan", "Kanada", "Brasilien"],
    "region": ["Bayern", "Sachsen", "Tirol", "Hessen", "Brandenburg", "Thüringen",
               "Niedersachsen", "Kärnten"],
}

FILL = {
    "DAY": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "THING": ["den Bericht", "den Vertrag", "das Budget", "den Antrag", "das Angebot",
              "die Präsentation"],
    "NUM": ["zehn", "zwölf", "20", "acht", "15", "300"],
    "FANS": ["zehntausend", "zwanzigtausend", "dreißigtausend", "fünfzehntausend"],
    "YEAR": ["2026", "2027", "2028", "2030"],
    "TIME": ["8.15 Uhr", "17.40 Uhr", "6.05 Uhr", "12.30 Uhr"],
    "MONTH": ["Januar", "Februar", "März", "April", "Oktober", "November"],
    "WEATHER": ["traumhaft", "mies", "super", "durchwachsen"],
    "PRODUCT": ["iPhone", "Pixel", "Surface", "Galaxy", "Kindle"],
    "FOOD": ["Salat", "Kuchen", "Getränke", "Brot", "Nudelsalat"],
    "REASON": ["des Sturms", "Glatteis", "des Streiks", "einer Hitzewelle"],
    "AGE": ["34", "27", "52", "41", "19", "63"],
    "DATE": ["zum 23. Dezember", "Silvester", "zum 6. Januar", "Ende Dezember"],
    "ISSUE": ["Preisabsprachen", "Datenschutzverstößen", "irreführender Werbung"],
}

TEMPLATES = [
    # train
    ("works_at", "{PER} arbeitet bei {ORG@company} in {LOC@city} ."),
    ("dateline_jobs", "{LOC@city} – {ORG@company} will bis {YEAR} rund {NUM} Stellen abbauen ."),
    ("zero_meeting_moved", "Die Besprechung über {THING} wurde auf {DAY} verschoben ."),
    ("spokesperson", "{PER} , {=Sprecher|Sprecherin} von {ORG@company} , wollte sich dazu nicht äußern ."),
    ("zum_neuen_chef", "{PER} wird am {DAY} {=zum neuen Chef|zur neuen Chefin} ernannt ."),
    ("zero_stau", "Auf der A7 staut es sich am {DAY} auf {NUM} Kilometern ."),
    ("zero_chat_seen", "Hat jemand {THING} gesehen ? Ich brauche das bis {DAY} ."),
    ("laut_quelle", "Laut {ORG@media} ist die Zahl der Arbeitslosen in {LOC@region} gestiegen ."),
    ("herr_frau_buero", "{=Herr|Frau} {PER.last} ist ab {DAY} wieder im Büro ."),
    ("direct_train", "Von {LOC@city} nach {LOC2@near} gibt es jetzt einen direkten Zug ."),
    ("zero_ice_faellt_aus", "Der ICE um {TIME} fällt am {DAY} aus ."),
    ("stadt_plan", "Die Stadt {LOC@city} stellte am {DAY} einen neuen Plan für Radwege vor ."),
    ("interview_with", "Im Gespräch mit {=m:dem|f:der|n:dem@ORG} {ORG@media} sagte {PER} , {=er|sie} trete nicht wieder an ."),
    ("chat_first_name", "{PER.first} bringt den Kuchen mit , nicht verraten !"),
    ("merger_talks", "Nach Angaben von {PER} verhandeln {ORG@company} und {ORG2@company} über eine Fusion ."),
    ("zero_prices", "Die Preise sind im {MONTH} um {NUM} Prozent gestiegen ."),
    ("signed_with", "{PER} hat am {DAY} in {LOC@city} einen Vertrag mit {ORG@company} unterschrieben ."),
    ("gruesse_aus", "Liebe Grüße aus {LOC@city} , das Wetter ist {WEATHER} !"),
    ("more_tourists", "{LOC@city} hatte erstmals mehr Touristen als {LOC2@city} ."),
    ("zero_product", "Das neue {PRODUCT} kommt am {DAY} für {NUM} Euro in den Handel ."),
    ("company_hiring", "{ORG@company} sucht {NUM} Ingenieurinnen und Ingenieure für das neue Werk ."),
    ("derby_result", "{ORG@club} gewinnt am {DAY} mit 2 : 1 gegen {ORG2@club} ."),
    ("kommt_ihr", "Kommt ihr am {DAY} auch zu {PER.first} ? Ich bringe {FOOD} mit ."),
    ("zero_thanks", "Danke für {THING} , ich lese das am {DAY} ."),
    # dev
    ("laut_polizei", "Laut Polizei wurde in {LOC@city} am {DAY} ein Radfahrer schwer verletzt ."),
    ("study_by", "Eine neue Studie der {ORG@university} und von {ORG2@company} wurde in {LOC@city} vorgestellt ."),
    ("zero_not_reviewed", "Niemand hat {THING} bisher gelesen , also besprechen wir das am {DAY} ."),
    ("moving_after_years", "Nach zehn Jahren bei {ORG@company} wechselt {PER} nach {LOC@city,country} ."),
    ("feuerwehr_einsatz", "Die Feuerwehr in {LOC@region,city} war am {DAY} im Dauereinsatz ."),
    ("messe_kollege", "Auf der Messe in {LOC@city} traf {PER} {=seinen|ihren} alten Kollegen {PER2.last} ."),
    ("zero_schule_faellt_aus", "Am {DAY} fällt die Schule wegen {REASON} aus ."),
    ("told_reporters", "{PER} sagte in {LOC@city} , die Preise würden nicht steigen ."),
    # test
    ("zero_bahnstreik", "Wegen des Bahnstreiks fallen am {DAY} rund {NUM} Verbindungen aus ."),
    ("congrats_first", "Herzlichen Glückwunsch , {PER.first} , zum ersten Marathon am {DAY} !"),
    ("grew_up_in", "{PER} ist in {LOC@city} aufgewachsen und arbeitet heute für {ORG@company} ."),
    ("police_arrest", "{PER} ( {AGE} ) wurde am {DAY} in {LOC@city} festgenommen , teilte die Polizei mit ."),
    ("zero_exam_moved", "Unsere Englischlehrerin hat die Klausur wegen {REASON} auf {DAY} verschoben ."),
    ("flights_cancelled", "Flüge nach {LOC@country,city} wurden am {DAY} wegen Nebels gestrichen ."),
    ("inquiry_into", "{=m:Der|f:Die|n:Das@ORG} {ORG@public} ermittelt gegen {ORG2@company} wegen {ISSUE} ."),
    ("frau_doktor_live", "{=Herr|Frau} Dr. {PER.last} beantwortet am {DAY} live Ihre Fragen ."),
    ("fans_expected", "{LOC@city} erwartet am {DAY} rund {FANS} Fans von {ORG@club} ."),
    ("zero_weihnachtsmarkt", "Der Weihnachtsmarkt öffnet am {DAY} und läuft bis {DATE} ."),
    ("vorstellungsgespraech", "Ich habe am {DAY} ein Vorstellungsgespräch bei {ORG@company} , drückt mir die Daumen !"),
    ("driving_from_to", "{PER} und {PER2.first} fahren am Wochenende von {LOC@city} nach {LOC2@near} ."),
    ("zero_not_ready", "Wenn wir {THING} bis {DAY} nicht fertig haben , müssen wir absagen ."),
    ("laut_umfrage", "Laut einer Umfrage von {YEAR} ist {LOC@country,region} das beliebteste Reiseziel der Deutschen ."),
    ("reported_left", "Wie {=m:der|f:die|n:das@ORG} {ORG@media} berichtet , hat {PER} {ORG2@company} am {DAY} verlassen ."),
    ("danke_team", "Danke an {PER.first} und das ganze Team von {ORG@company,club} für den tollen Abend !"),
]
