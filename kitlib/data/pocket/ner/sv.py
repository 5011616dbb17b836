"""Swedish data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``).

News ("enligt TT", "uppger polisen", "Polisen i Malmö larmades..."), traffic notices
("tåget är tio minuter försenat på grund av signalfel"), social posts and chat (fika,
midsommar, Lucia, "Grattis", "Hej Anna!"). Names take no article; weekdays and months are
lowercase; holidays and common nouns at the start of a sentence are capitalized and tagged O.
"""

GIVEN = [
    "m:Erik", "f:Anna", "m:Lars", "f:Maria", "m:Karl", "f:Eva", "m:Johan", "f:Karin", "m:Anders",
    "f:Sara", "m:Per", "f:Emma", "m:Mikael", "f:Elin", "m:Oskar", "f:Linnea", "m:Nils", "f:Ida",
    "m:Gustav", "f:Frida", "m:Axel", "f:Malin", "m:Olof", "f:Hanna", "m:Viktor", "f:Klara",
    "m:Fredrik", "f:Sofia", "m:Henrik", "f:Ebba",
]

FAMILY = [
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson",
    "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindqvist",
    "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren", "Mattsson",
]

ORG = {
    "company": ["Volvo", "Ikea", "Ericsson", "H&M", "Spotify", "Scania", "Saab", "Electrolux",
                "Klarna", "Northvolt", "Atlas Copco", "Sandvik", "Telia", "SEB", "Swedbank",
                "Handelsbanken", "AstraZeneca", "Vattenfall", "ICA", "Systembolaget"],
    "university": ["Uppsala universitet", "Lunds universitet", "KTH", "Stockholms universitet",
                   "Göteborgs universitet", "Chalmers", "Karolinska institutet",
                   "Linköpings universitet"],
    "club": ["AIK", "Djurgården", "Hammarby", "Malmö FF", "IFK Göteborg", "BK Häcken",
             "IF Elfsborg", "Kalmar FF", "IFK Norrköping", "Mjällby AIF"],
    "public": ["Riksbanken", "Skatteverket", "Försäkringskassan", "Konkurrensverket",
               "Folkhälsomyndigheten", "Trafikverket", "Polismyndigheten", "Finansinspektionen"],
    "media": ["SVT", "Dagens Nyheter", "Aftonbladet", "Expressen", "TT", "Sveriges Radio",
              "Svenska Dagbladet", "TV4"],
}

LOC = {
    "city": ["Stockholm #zone=se", "Göteborg #zone=se", "Malmö #zone=se", "Uppsala #zone=se",
             "Västerås #zone=se", "Örebro #zone=se", "Linköping #zone=se", "Helsingborg #zone=se",
             "Oslo #zone=no", "Köpenhamn #zone=dk", "Jönköping #zone=se", "Norrköping #zone=se",
             "Lund #zone=se", "Umeå #zone=se", "Gävle #zone=se", "Bergen #zone=no",
             "Borås #zone=se", "Sundsvall #zone=se", "Luleå #zone=se", "Karlstad #zone=se",
             "Växjö #zone=se", "Halmstad #zone=se", "Aarhus #zone=dk", "Kiruna #zone=se",
             "Visby #zone=se", "Östersund #zone=se", "Trondheim #zone=no", "Falun #zone=se",
             "Kalmar #zone=se", "Helsingfors #zone=fi"],
    "country": ["Norge", "Danmark", "Finland", "Tyskland", "Spanien", "Island", "Polen", "Estland",
                "Italien", "Frankrike"],
    "region": ["Skåne", "Norrland", "Gotland", "Dalarna", "Lappland", "Småland", "Värmland",
               "Halland"],
}

FILL = {
    "DAY": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
    "DAYS": ["lördags", "söndags", "onsdags", "fredags"],
    "THING": ["budgeten", "rapporten", "presentationen", "offerten", "planen", "ansökan"],
    "EVENT": ["konserten", "loppisen", "skolresan", "matchen", "marknaden"],
    "NUM": ["tre", "fem", "tolv", "fyrtio", "tvåhundra", "tio"],
    "FEW": ["två", "tre", "fem", "sju"],
    "MONTH": ["januari", "februari", "mars", "april", "oktober", "november"],
    "PRODUCT": ["iPhone", "Galaxy", "PlayStation", "Kindle", "Xbox"],
    "REASON": ["signalfel", "snöoväder", "ett växelfel", "en olycka"],
    "TIME": ["tiotiden", "midnatt", "sjutiden", "lunchtid"],
    "TIME2": ["kvart över elva", "halv tolv", "tio i tolv", "23.40"],
    "CLOCK": ["åtta", "nio", "sju", "tio"],
    "SUBJECT": ["juridik", "fysik", "historia", "ekonomi", "musik"],
    "FOOD": ["sill", "jordgubbar", "potatissallad", "paj", "snaps"],
    "AGE": ["34", "27", "52", "41", "19", "63"],
    "YEAR": ["2019", "2022", "2023", "2024"],
    "ISSUE": ["misstänkta prissamarbeten", "vilseledande reklam", "brister i säkerheten"],
}

TEMPLATES = [
    # train
    ("works_at", "{PER} jobbar på {ORG@company} sedan {YEAR} ."),
    ("enligt_media", "{LOC@region} har fått högre arbetslöshet , enligt {ORG@media} ."),
    ("zero_meeting_moved", "Mötet om {THING} har flyttats till {DAY} ."),
    ("mejl_till_media", "{PER} på {ORG@company,public} skriver i ett mejl till {ORG2@media} att man inte vill kommentera ."),
    ("fika_med", "Fika med {PER.first} på {DAY} , någon mer som vill med ?"),
    ("zero_tag_forsenat", "Tåget mot centrum är {NUM} minuter försenat på grund av {REASON} ."),
    ("zero_chat_seen", "Har någon sett {THING} ? Behöver kolla en sak före {DAY} ."),
    ("coach_said", "Tränaren för {ORG@club} , {PER.last} , var nöjd med matchen ."),
    ("studied_at", "Efter studier i {SUBJECT} vid {ORG@university} började hon som journalist ."),
    ("direct_train", "Nu går det direkttåg mellan {LOC@city} och {LOC2@near} ."),
    ("zero_postponed", "Det väntas kraftigt regn på {DAY} , så {EVENT} skjuts upp ."),
    ("polisen_larmades", "Polisen i {LOC@city,region} larmades vid {TIME} på {DAY} ."),
    ("interview_with", "I en intervju med {ORG@media} säger {PER} att {=han|hon} inte ställer upp igen ."),
    ("chat_first_name", "{PER.first} tar med tårtan , säg inget !"),
    ("merger_talks", "Enligt {PER} för {ORG@company} och {ORG2@company} samtal om en sammanslagning ."),
    ("zero_prices", "Priserna steg med {NUM} procent i {MONTH} ."),
    ("klart_fabrik", "Klart : {ORG@company} bygger ny fabrik utanför {LOC@city} , bekräftar {PER} ."),
    ("grattis_fodelsedag", "Grattis på födelsedagen {PER.first} , hoppas du får en fin {DAY} !"),
    ("more_tourists", "{LOC@city} hade för första gången fler turister än {LOC2@city} ."),
    ("zero_product", "Nya {PRODUCT} släpps på {DAY} och kostar {NUM} tusen kronor ."),
    ("company_hiring", "{ORG@company} ska anställa {NUM} ingenjörer till den nya fabriken ."),
    ("derby_result", "{ORG@club} slog {ORG2@club} med 2 - 1 på {DAY} ."),
    ("afterwork", "Afterwork i {LOC@city} på {DAY} , {PER.first} bjuder !"),
    ("zero_midsommar", "Vi firar midsommar på {DAY} , ta med {FOOD} !"),
    # dev
    ("myndighet_meddelar", "{ORG@public} meddelade på {DAY} att reglerna ändras från {MONTH} ."),
    ("study_by", "En ny studie från {ORG@university} och {ORG2@company} presenterades i {LOC@city} ."),
    ("zero_not_reviewed", "Ingen har läst {THING} än , så vi tar det på {DAY} ."),
    ("moving_after_years", "Efter tio år på {ORG@company} flyttar {PER} till {LOC@city,country} ."),
    ("storm_hit", "Stormen drog in över {LOC@region,city} på {DAY} och tusentals hushåll blev strömlösa ."),
    ("met_at_conference", "{PER} träffade {PER2} på en konferens i {LOC@city} ."),
    ("zero_running_late", "Blir sen på {DAY} , håll en plats åt mig på {EVENT} !"),
    ("told_reporters", "{PER} sa till journalister i {LOC@city} att priserna inte ska höjas ."),
    # test
    ("zero_sista_bussen", "Sista bussen går {TIME2} på {DAY} , missa den inte ."),
    ("congrats_first", "Stort grattis , {PER.first} , till första maran i {DAYS} !"),
    ("grew_up_in", "{PER} växte upp i {LOC@city} och jobbar i dag på {ORG@company,media} ."),
    ("police_arrest", "{PER} , {AGE} , greps på {DAY} i {LOC@city} , uppger polisen ."),
    ("zero_sportlov", "Sportlovet börjar på {DAY} och skolan är stängd i {FEW} dagar ."),
    ("flights_cancelled", "Flygen till {LOC@country,city} ställdes in på {DAY} på grund av dimma ."),
    ("inquiry_into", "{ORG@public} granskar {ORG2@company} efter {ISSUE} ."),
    ("hej_ses_vi", "Hej {PER.first} ! Ses vi på {DAY} ?"),
    ("fans_expected", "Över {FEW} tusen supportrar till {ORG@club} väntas i {LOC@city} på {DAY} ."),
    ("zero_luciatag", "Luciatåget går på {DAY} klockan {CLOCK} i skolans aula ."),
    ("job_interview", "Har anställningsintervju på {ORG@company,media} på {DAY} , håll tummarna !"),
    ("driving_from_to", "{PER} och {PER2.first} kör från {LOC@city} till {LOC2@near} i helgen ."),
    ("zero_not_ready", "Om {THING} inte är klar till {DAY} får vi ställa in {EVENT} ."),
    ("undersokning_resmal", "Enligt en undersökning från {YEAR} är {LOC@country,region} svenskarnas favoritresmål ."),
    ("reported_left", "{ORG@media} rapporterar att {PER} lämnade {ORG2@company} på {DAY} ."),
    ("thanks_everyone", "Tack {PER.first} och alla på {ORG@company,club} för en grym kväll !"),
]
