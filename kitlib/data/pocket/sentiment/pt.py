"""Portuguese (Brazilian) data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``)."""

DOMAINS = [
    {"t": ["o hotel", "o nosso quarto"], "a": ["o café da manhã", "f:a equipe", "f:a localização", "f:a piscina"]},
    {"t": ["o filme", "f:a série nova"], "a": ["o final", "f:a trilha sonora", "f:a atuação", "o roteiro"]},
    {"t": ["o restaurante", "o lugar novo do centro"], "a": ["f:a comida", "o atendimento", "f:a sobremesa", "f:a carta de vinhos"]},
    {"t": ["o celular", "o meu notebook novo"], "a": ["f:a bateria", "f:a tela", "f:a câmera", "o teclado"]},
    {"t": ["o serviço de entrega", "f:a companhia aérea"], "a": ["o suporte ao cliente", "o aplicativo", "o preço", "o check-in"]},
]

GOOD = ["ótimo|ótima", "excelente", "incrível", "maravilhoso|maravilhosa", "sensacional",
        "perfeito|perfeita", "fantástico|fantástica"]
BAD = ["ruim", "péssimo|péssima", "horrível", "decepcionante", "terrível", "fraco|fraca", "horroroso|horrorosa"]

TEMPLATES = {
    "negative": [
        "{t} foi {bad}.",
        "{t} não foi {good} de jeito nenhum.",
        "{a} foi {good@a}, mas no geral {t} foi {bad}.",
        "Eu esperava que {t} fosse {good}, mas foi {bad}.",
        "{a} foi {good@a}, mas {a2} foi {bad@a2} e estragou toda a experiência.",
        "Sinceramente, {bad}. {t} não vale o que custa.",
        "{t}? Nada {good}, foi mal. Nunca mais.",
        "Todo mundo diz que {t} é {good}, mas não é mesmo.",
        "{t} passou longe de ser {good}, e {a} também foi {bad@a}.",
        "Tá, {a} foi {good@a}, mas {t} em si foi {bad}. Não recomendo.",
    ],
    "neutral": [
        "Alguém já experimentou {t}? É {good} ou {bad}?",
        "{t} não foi nem {good} nem {bad}, foi normal.",
        "{a} foi {good@a} e {a2} foi {bad@a2}, então uma coisa compensa a outra.",
        "Vou experimentar {t} semana que vem, depois eu conto.",
        "Ainda não sei se {t} é {good} ou {bad}.",
        "{a} é mesmo tão {bad@a} quanto dizem?",
        "Minha irmã acha {t} {good}, meu irmão acha {bad}. Eu não faço ideia.",
        "Lendo avaliações sobre {t} antes de decidir. Uns dizem que é {good}, outros que é {bad}.",
        "{t} não foi {good}, mas também não foi {bad}.",
        "Uma pergunta: {a} é {good@a} ou {bad@a}? Vou decidir no fim de semana.",
    ],
    "positive": [
        "{t} foi simplesmente {good}.",
        "Sinceramente, {t} foi {good}. Recomendo!",
        "{a} foi {bad@a}, mas no geral {t} foi {good} e vale a pena.",
        "Eu tinha medo de que {t} fosse {bad}, mas foi {good}.",
        "{t} não foi {bad} de jeito nenhum, curti demais.",
        "Não tenho do que reclamar, {t} foi {good} do começo ao fim.",
        "Nunca imaginei que {t} fosse tão {good}.",
        "{t} não foi nada {bad}, e {a} também foi {good@a}.",
        "O pessoal dizia que {t} era {bad}, mas sinceramente foi {good}.",
        "Sim, {a} foi {bad@a}, mas {t} em si foi {good}. Vale cada centavo.",
    ],
}
