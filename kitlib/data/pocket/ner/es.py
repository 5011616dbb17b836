"""Spanish (Spain) data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``).

News ("según", "fuentes de", headlines without a verb: "Detenido en Vigo un hombre..."),
traffic and fiestas, social posts and chat. Titles agree with the person ("el ministro /
la ministra", "don / doña"); clubs and public bodies take an article that agrees with
their gender (``{=m:El|f:La@ORG}``, ``{=m:del|f:de la@ORG}``); companies, universities,
media, cities, countries and regions are named without one.
"""

GIVEN = [
    "m:Javier", "f:Lucía", "m:Alejandro", "f:Carmen", "m:Pablo", "f:Marta", "m:Diego", "f:Sofía",
    "m:Álvaro", "f:Elena", "m:Sergio", "f:Laura", "m:Miguel Ángel", "f:Ana Belén", "m:Jorge",
    "f:Cristina", "m:Raúl", "f:Paula", "m:Adrián", "f:Irene", "m:Iván", "f:Nuria", "m:Rubén",
    "f:Silvia", "m:Hugo", "f:Beatriz", "m:José Luis", "f:Rocío", "m:Daniel", "f:María José",
]

FAMILY = [
    "García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez",
    "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez",
    "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil",
    "Serrano", "Blanco", "Molina", "Ortega",
]

ORG = {
    "company": ["Telefónica", "Iberdrola", "Inditex", "Repsol", "Mercadona", "Ferrovial",
                "Acciona", "Mapfre", "Seat", "Iberia", "Endesa", "Naturgy", "Indra", "Glovo",
                "Cabify", "Mango", "Puig", "Grifols", "Acerinox", "Meliá"],
    "university": ["Universidad Complutense de Madrid", "Universidad de Salamanca",
                   "Universidad de Barcelona", "Universidad Autónoma de Madrid",
                   "Universidad de Sevilla", "Universidad Politécnica de Valencia",
                   "Universidad de Granada", "Universidad del País Vasco"],
    "club": ["Real Madrid #g=m", "Atlético de Madrid #g=m", "Real Sociedad #g=f", "Betis #g=m",
             "Athletic Club #g=m", "Villarreal #g=m", "Celta de Vigo #g=m", "Osasuna #g=m",
             "Getafe #g=m", "Rayo Vallecano #g=m"],
    "public": ["Ministerio de Sanidad #g=m", "Banco de España #g=m", "CNMV #g=f",
               "Agencia Tributaria #g=f", "Tribunal Supremo #g=m", "CNMC #g=f",
               "Defensor del Pueblo #g=m", "Agencia de Protección de Datos #g=f"],
    "media": ["El País", "El Mundo", "EFE", "RTVE", "Antena 3", "La Vanguardia", "Cadena SER",
              "ABC"],
}

LOC = {
    "city": ["Madrid #zone=es", "Barcelona #zone=es", "Valencia #zone=es", "Sevilla #zone=es",
             "Zaragoza #zone=es", "Málaga #zone=es", "Bilbao #zone=es", "Murcia #zone=es",
             "Palma #zone=es", "Ciudad de México #zone=mx", "Valladolid #zone=es", "Vigo #zone=es",
             "Buenos Aires #zone=ar", "Granada #zone=es", "Córdoba #zone=es", "Alicante #zone=es",
             "Salamanca #zone=es", "Santander #zone=es", "Bogotá #zone=co", "Oviedo #zone=es",
             "Pamplona #zone=es", "Cádiz #zone=es", "Toledo #zone=es", "Burgos #zone=es",
             "Lima #zone=pe", "León #zone=es", "Tarragona #zone=es", "Almería #zone=es",
             "Gijón #zone=es", "San Sebastián #zone=es"],
    "country": ["Francia", "Portugal", "Italia", "Alemania", "Marruecos", "México", "Argentina",
                "Colombia", "Chile", "Perú"],
    "region": ["Andalucía", "Cataluña", "Galicia", "Asturias", "Aragón", "Navarra",
               "Extremadura", "Canarias"],
}

FILL = {
    "DAY": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "THING": ["el informe", "el contrato", "el presupuesto", "el acuerdo", "el borrador",
              "el documento"],
    "EVENT": ["el concierto", "el partido", "la excursión del colegio", "el mercadillo",
              "la feria del libro"],
    "NUM": ["tres", "cinco", "doce", "cuarenta", "doscientos", "diez"],
    "FANS": ["diez", "veinte", "treinta", "quince"],
    "PCT": ["20", "30", "50", "70"],
    "MONTH": ["enero", "febrero", "marzo", "abril", "octubre", "noviembre"],
    "PRODUCT": ["iPhone", "Galaxy", "Kindle", "Xbox", "Pixel"],
    "FOOD": ["la tortilla", "el postre", "las bebidas", "el pan", "una ensalada"],
    "AGE": ["noventa", "cien", "ochenta y cinco", "setenta"],
    "AGE2": ["34", "27", "52", "41", "19", "63"],
    "YEAR": ["2019", "2022", "2023", "2024"],
    "TIME": ["nueve", "diez y media", "doce", "cinco"],
    "DATE": ["el día 15", "el domingo siguiente", "final de mes", "el 8 de septiembre"],
    "ISSUE": ["pactar precios", "publicidad engañosa", "fallos de seguridad"],
}

TEMPLATES = [
    # train
    ("works_at", "{PER} trabaja en {LOC@city} para {ORG@company} ."),
    ("fichaje", "{=m:El|f:La@ORG} {ORG@club} ficha a {PER} por {NUM} millones de euros ."),
    ("zero_meeting_moved", "La reunión sobre {THING} se ha pasado al {DAY} ."),
    ("spokesperson", "{PER} , portavoz de {ORG@company} , declinó hacer comentarios ."),
    ("ministra_visita", "{=El ministro|La ministra} de Sanidad , {PER} , visitará hospitales de toda la región ."),
    ("zero_atasco", "Atasco de {NUM} kilómetros en la A-6 este {DAY} ."),
    ("zero_chat_seen", "¿ Alguien ha visto {THING} ? Lo necesito antes del {DAY} ."),
    ("segun_medio", "Según {ORG@media} , el paro bajó en {LOC@region} durante {MONTH} ."),
    ("quedamos_en_casa", "¿ Quedamos el {DAY} en casa de {PER.first} ? Yo llevo {FOOD} ."),
    ("direct_train", "Ya hay tren directo entre {LOC@city} y {LOC2@near} ."),
    ("zero_postponed", "Se esperan lluvias fuertes el {DAY} , así que {EVENT} se aplaza ."),
    ("carril_bici", "{LOC@city} estrenó el {DAY} un nuevo plan de carriles bici ."),
    ("declaraciones_a", "{PER} , en declaraciones a {ORG@media} : « No pienso dimitir » ."),
    ("chat_first_name", "{PER.first} trae la tarta , ¡ no se lo digáis !"),
    ("merger_talks", "Según {PER} , {ORG@company} y {ORG2@company} negocian una fusión ."),
    ("zero_prices", "Los precios subieron un {NUM} por ciento en {MONTH} ."),
    ("signed_with", "{PER} firmó {THING} con {ORG@company} en {LOC@city} el {DAY} ."),
    ("don_dona_cumple", "{=Don|Doña} {PER.first} cumple hoy {AGE} años , ¡ felicidades !"),
    ("more_tourists", "{LOC@city} recibió por primera vez más turistas que {LOC2@city} ."),
    ("zero_product", "El nuevo {PRODUCT} sale a la venta el {DAY} por {NUM} euros ."),
    ("company_hiring", "Hay {NUM} puestos de ingeniero abiertos en {ORG@company} para su nuevo centro de datos ."),
    ("derby_result", "{=m:El|f:La@ORG} {ORG@club} ganó 2 - 1 {=m:al|f:a la@ORG2} {ORG2@club} el {DAY} ."),
    ("lunch_chat", "Comí con {PER.first} en {LOC@city} , la mejor paella de mi vida ."),
    ("zero_cita_medico", "Me han cambiado la cita del médico al {DAY} a las {TIME} ."),
    # dev
    ("titular_detenido", "Detenido en {LOC@city} un hombre de {AGE2} años por robar {NUM} bicicletas ."),
    ("study_by", "Un estudio de la {ORG@university} y {ORG2@company} se presentó en {LOC@city} ."),
    ("zero_not_reviewed", "Nadie ha revisado {THING} todavía , así que lo vemos el {DAY} ."),
    ("moving_after_years", "Tras diez años en {ORG@company} , {PER} se muda a {LOC@city,country} ."),
    ("storm_hit", "El temporal dejó sin luz a miles de casas en {LOC@region,city} el {DAY} ."),
    ("presidente_reunion", "{=El presidente|La presidenta} de {ORG@company} , {PER} , se reunió con {PER2} en {LOC@city} ."),
    ("zero_running_late", "Llego tarde el {DAY} , ¡ guardadme sitio para {EVENT} !"),
    ("told_reporters", "{PER} dijo a los periodistas en {LOC@city} que los precios no subirán ."),
    # test
    ("zero_huelga", "Por la huelga de transporte , el {DAY} se suspenden {NUM} trenes ."),
    ("congrats_first", "¡ Enhorabuena , {PER.first} , por tu primer maratón del {DAY} !"),
    ("grew_up_in", "{PER} , que creció en {LOC@city} , trabaja ahora para {ORG@company} ."),
    ("police_arrest", "{PER} , de {AGE2} años , fue {=detenido|detenida} el {DAY} en {LOC@city} ."),
    ("zero_exam_moved", "La profesora de inglés ha movido el examen al {DAY} por {EVENT} ."),
    ("flights_cancelled", "Cancelados los vuelos a {LOC@country,city} por la niebla del {DAY} ."),
    ("inquiry_into", "{=m:El|f:La@ORG} {ORG@public} abre una investigación a {ORG2@company} por {ISSUE} ."),
    ("doctora_directo", "{=El doctor|La doctora} {PER.last} responde a vuestras preguntas en directo el {DAY} ."),
    ("fans_expected", "{LOC@city} espera a {FANS} mil aficionados {=m:del|f:de la@ORG} {ORG@club} el {DAY} ."),
    ("zero_fiestas", "Las fiestas del pueblo empiezan el {DAY} y duran hasta {DATE} ."),
    ("job_interview", "¡ Mañana tengo entrevista en {ORG@company} a las {TIME} , deseadme suerte !"),
    ("driving_from_to", "{PER} y {PER2.first} van en coche de {LOC@city} a {LOC2@near} este fin de semana ."),
    ("zero_rebajas", "Las rebajas empiezan el {DAY} con descuentos de hasta el {PCT} por ciento ."),
    ("encuesta_destino", "Según una encuesta de {YEAR} , {LOC@country,region} es el destino favorito de los españoles ."),
    ("reported_left", "{ORG@media} informa de que {PER} dejó {ORG2@company} el {DAY} ."),
    ("thanks_everyone", "¡ Gracias a {PER.first} y a todo el equipo de {ORG@company} por la noche de ayer !"),
]
