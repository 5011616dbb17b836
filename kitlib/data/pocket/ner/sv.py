"""Swedish data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``)."""

PER = [
    "Anna Andersson", "Erik Johansson", "Maria Karlsson", "Lars Nilsson", "Karin Eriksson", "Anders Larsson",
    "Eva Olsson", "Johan Persson", "Sara Svensson", "Per Gustafsson", "Emma Pettersson", "Mikael Jonsson",
    "Linnea Jansson", "Oskar Hansson", "Elin Bengtsson", "Fredrik Lindberg", "Ida Lindström", "Magnus Lindqvist",
    "Johanna Berg", "Henrik Axelsson", "Maja Bergström", "Niklas Lundberg", "Frida Lind", "Gustav Lundgren",
    "Klara Mattsson", "Viktor Berglund", "Ebba Fredriksson", "Hugo Sandberg", "Alva Henriksson", "Axel Forsberg",
    "Astrid Sjöberg", "Nils Wallin", "Greta Engström", "Olle Danielsson", "Agnes Håkansson", "Jonas Holm",
    "Ingrid Sundberg", "Emil Nyström", "Wilma Björk", "Karl-Johan Ek",
]

ORG = [
    "Volvo", "Ericsson", "IKEA", "H&M", "Spotify", "Scania", "Svenska Handelsbanken", "SEB", "Swedbank",
    "Saab", "Electrolux", "Atlas Copco", "Sveriges Radio", "Karolinska Institutet", "Lunds universitet",
    "Systembolaget", "Vattenfall", "Telia", "Klarna", "Skanska", "SSAB", "Alfa Laval", "Sandvik",
    "Uppsala universitet", "Arla Foods", "SJ", "Postnord", "Stockholms universitet", "Husqvarna", "Northvolt",
]

LOC = [
    "Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Upplands Väsby", "Örebro", "Linköping",
    "Helsingborg", "Jönköping", "Norrköping", "Lund", "Umeå", "Gävle", "Borås", "Sankt Petersburg",
    "Sundsvall", "Kiruna", "Visby", "Karlstad", "Växjö", "Luleå", "Nya Zeeland", "Oslo", "Köpenhamn",
    "Helsingfors", "New York", "Los Angeles", "Åre", "Falun",
]

FILL = {
    "DAY": ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"],
    "THING": ["rapporten", "avtalet", "budgeten", "förslaget", "kontraktet", "protokollet"],
}

TEMPLATES = [
    "{PER} jobbar på {ORG} i {LOC}.",
    "{PER} flög till {LOC} för att träffa {PER2}.",
    "{ORG} meddelade i dag att företaget öppnar ett nytt kontor i {LOC}.",
    "Jag åt lunch med {PER} i {LOC} i går.",
    "{PER}, talesperson för {ORG}, ville inte kommentera {THING}.",
    "Mötet om {THING} har flyttats till {DAY}.",
    "{PER} föddes i {LOC} och flyttade till {LOC2} som tonåring.",
    "Aktien i {ORG} föll kraftigt i går.",
    "Enligt {PER} förhandlar {ORG} och {ORG2} om en sammanslagning.",
    "Vi kör från {LOC} till {LOC2} på {DAY}.",
    "{PER} blev vd för {ORG} förra året.",
    "Var är {THING}? Jag behöver kolla en sak före {DAY}.",
    "{PER} och {PER2} presenterade {THING} på {ORG}.",
    "Stormen slog ut strömmen för tusentals hushåll i {LOC} i natt.",
    "{ORG} har anställt {PER} för att leda teamet i {LOC}.",
    "Tack för {THING}! Jag återkommer på {DAY}.",
    "Ingen har läst {THING} än, så vi tar det på {DAY}.",
    "Efter tio år på {ORG} flyttar {PER} till {LOC}.",
    "{PER} ska träffa {PER2} på en konferens i {LOC} på {DAY}.",
    "{PER} sa i {LOC} att {ORG} inte kommer att höja priserna.",
    "En ny studie från {ORG} och {ORG2} presenterades i {LOC} i veckan.",
    "{PER} ska skriva under {THING} med {ORG} på {DAY}.",
    "Nu går det ett direkttåg från {LOC} till {LOC2}, säger {PER}.",
    "{PER}, som växte upp i {LOC}, jobbar nu på {ORG}.",
    "Ring {PER} när du landar i {LOC}.",
]
