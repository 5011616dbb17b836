"""Spanish data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``)."""

DOMAINS = [
    {"t": ["el hotel", "f:nuestra habitación"], "a": ["el desayuno", "el personal", "f:la ubicación", "f:la piscina"]},
    {"t": ["f:la película", "f:la nueva serie"], "a": ["el final", "f:la banda sonora", "f:la actuación", "el guion"]},
    {"t": ["el restaurante", "el sitio nuevo del centro"], "a": ["f:la comida", "el servicio", "el postre", "f:la carta de vinos"]},
    {"t": ["el móvil", "mi portátil nuevo"], "a": ["f:la batería", "f:la pantalla", "f:la cámara", "el teclado"]},
    {"t": ["el servicio de mensajería", "f:la aerolínea"], "a": ["f:la atención al cliente", "f:la app", "el precio", "f:la facturación"]},
]

GOOD = ["genial", "excelente", "fantástico|fantástica", "increíble", "buenísimo|buenísima",
        "estupendo|estupenda", "maravilloso|maravillosa"]
BAD = ["malo|mala", "horrible", "pésimo|pésima", "decepcionante", "terrible", "fatal", "malísimo|malísima"]

TEMPLATES = {
    "negative": [
        "{t} estuvo {bad}.",
        "{t} no estuvo {good} para nada.",
        "{a} estuvo {good@a}, pero en general {t} fue {bad}.",
        "Esperaba que {t} fuera {good}, pero fue {bad}.",
        "{a} estuvo {good@a}, pero {a2} fue {bad@a2} y arruinó toda la experiencia.",
        "Sinceramente, {bad@m}. {t} no vale lo que cuesta.",
        "¿{t}? Para nada {good}, lo siento. Nunca más.",
        "Todo el mundo dice que {t} es {good}, pero de verdad que no lo es.",
        "{t} estuvo lejos de ser {good}, y {a} también fue {bad@a}.",
        "Vale, {a} estuvo {good@a}, pero {t} en sí fue {bad}. No lo recomiendo.",
    ],
    "neutral": [
        "¿Alguien ha probado {t}? ¿Es {good} o {bad}?",
        "{t} no fue ni {good} ni {bad}, sin más.",
        "{a} estuvo {good@a} y {a2} fue {bad@a2}, así que una cosa por la otra.",
        "La semana que viene pruebo {t} y ya veremos.",
        "Todavía no sé si {t} es {good} o {bad}.",
        "¿De verdad {a} es tan {bad@a} como dicen?",
        "Mi hermana dice que {t} es {good} y mi hermano que es {bad}. Yo no tengo ni idea.",
        "Leyendo opiniones sobre {t} antes de decidirme. Unos dicen que es {good}, otros que es {bad}.",
        "{t} no fue {good}, pero tampoco fue {bad}.",
        "Una pregunta: ¿{a} es {good@a} o {bad@a}? Lo decido este fin de semana.",
    ],
    "positive": [
        "{t} estuvo realmente {good}.",
        "Sinceramente, {t} fue {good}. ¡Muy recomendable!",
        "{a} fue {bad@a}, pero en general {t} estuvo {good} y vale la pena.",
        "Tenía miedo de que {t} fuera {bad}, pero resultó {good}.",
        "{t} no estuvo {bad} para nada, lo disfruté muchísimo.",
        "No me puedo quejar, {t} estuvo {good} de principio a fin.",
        "Nunca pensé que {t} fuera tan {good}.",
        "{t} no fue {bad} en absoluto, y {a} también estuvo {good@a}.",
        "La gente decía que {t} era {bad}, pero la verdad es que fue {good}.",
        "Sí, {a} fue {bad@a}, pero {t} en sí estuvo {good}. Vale cada euro.",
    ],
}
