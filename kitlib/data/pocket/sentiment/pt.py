"""Brazilian Portuguese data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``).

Register: Brazilian reviews and posts ("Amei!", "nota 10", "ninguém merece", "deixou a
desejar", "custo-benefício", "recomendo demais", "não é não"). Adjectives agree with the
noun; targets list their forms after "de" and "em" (``{t:de}`` "do hotel", ``{t:em}`` "no
hotel").
"""

CASES = ("nom", "de", "em")

DOMAINS = {
    "hotel": {"t": ["o hotel|do hotel|no hotel", "my:o nosso quarto|do nosso quarto|no nosso quarto",
                    "f:a pousada|da pousada|na pousada"],
              "a": ["o café da manhã", "o atendimento", "f:a localização", "f:a piscina", "f:a cama"]},
    "film": {"t": ["o filme|do filme|no filme", "f:a nova série|da nova série|na nova série",
                   "f:a continuação|da continuação|na continuação"],
             "a": ["o final", "f:a trilha sonora", "f:a atuação", "o roteiro", "f:a dublagem"]},
    "restaurant": {"t": ["o restaurante|do restaurante|no restaurante",
                         "o lugar novo da Rua Augusta|do lugar novo da Rua Augusta|no lugar novo "
                         "da Rua Augusta",
                         "f:a lanchonete|da lanchonete|na lanchonete"],
                   "a": ["f:a comida", "o atendimento", "f:a sobremesa", "o café", "o ambiente"]},
    "phone": {"t": ["o celular|do celular|no celular",
                    "my:o meu tablet novo|do meu tablet novo|no meu tablet novo"],
              "a": ["f:a bateria", "f:a tela", "f:a câmera", "o alto-falante", "o carregador"]},
    "laptop": {"t": ["my:o meu notebook novo|do meu notebook novo|no meu notebook novo",
                     "o notebook|do notebook|no notebook"],
               "a": ["f:a bateria", "f:a tela", "o teclado", "o touchpad", "o cooler"]},
    "delivery": {"t": ["o app de entrega|do app de entrega|no app de entrega",
                       "f:a transportadora|da transportadora|na transportadora"],
                 "a": ["o SAC", "o rastreamento", "o preço", "o entregador", "o prazo de entrega"]},
    "airline": {"t": ["f:a companhia aérea|da companhia aérea|na companhia aérea",
                      "my:o nosso voo|do nosso voo|no nosso voo"],
                "a": ["o check-in", "f:a tripulação", "o espaço para as pernas", "o preço",
                      "o embarque"]},
    "match": {"t": ["o jogo|do jogo|no jogo",
                    "my:o clássico de ontem|do clássico de ontem|no clássico de ontem"],
              "a": ["o juiz", "f:a defesa", "f:a torcida", "o primeiro tempo", "o goleiro"]},
}

GOOD = ["ótimo|ótima", "excelente", "incrível", "maravilhoso|maravilhosa", "perfeito|perfeita",
        "sensacional", "muito bom|muito boa"]
BAD = ["péssimo|péssima", "horrível", "ruim", "decepcionante", "terrível", "fraco|fraca",
       "muito ruim"]

FILL = {
    "day": ["na segunda", "na sexta", "semana que vem", "neste fim de semana", "no dia 12",
            "em março", "amanhã", "no domingo"],
}

TEMPLATES = {
    "negative": [
        ("plain", "*", "{t} foi {bad}."),
        ("negated_good", "*", "{t} não foi nada {good}."),
        ("contrast_bad_overall", "*", "{a} foi {good@a}, mas no geral {t} foi {bad}."),
        ("ninguem_merece", "hotel restaurant airline delivery",
         "Ninguém merece: {a} {bad@a} e ainda {=caro|cara@a}."),
        ("nunca_mais_volto", "hotel restaurant generic",
         "Nunca mais volto. {^a} foi {bad@a} do começo ao fim."),
        ("never_again", "*", "{t}? Nada {good}, desculpa. Nunca mais."),
        ("deixou_a_desejar", "*", "{a} deixou muito a desejar. Não recomendo."),
        ("expectation_fail", "*", "Esperava que {t} fosse {good}, mas foi {bad}."),
        ("custo_beneficio_neg", "hotel restaurant phone laptop delivery airline",
         "Custo-benefício {bad@m}: {a} não vale o que a gente pagou."),
        ("hearsay_wrong_neg", "* generic", "Todo mundo fala que {t} é {good}, mas não é não."),
        ("far_from", "*", "{t} passou longe de ser {good}, e {a} também foi {bad@a}."),
        ("que_decepcao", "*", "Que decepção, {t}. {^a} estava {bad@a}."),
        ("sure_but_itself_bad", "*", "Tá, {a} foi {good@a}, mas {t} em si foi {bad}. Não recomendo."),
        ("nota_zero", "*", "Nota zero. {^a} {bad@a}, {a2} pior ainda."),
        ("dinheiro_jogado_fora", "*", "Dinheiro jogado fora: {a} {bad@a} e {t}, uma bagunça."),
        ("me_arrependi", "*", "Me arrependi de ter escolhido {t}. {^a}, {bad@a} demais."),
    ],
    "neutral": [
        ("question_or", "hotel restaurant phone laptop delivery airline generic", "Alguém já testou {t}? É {good} ou {bad}?"),
        ("mais_ou_menos", "*", "{t}, mais ou menos. Nada de especial."),
        ("evens_out", "*", "{a} foi {good@a} e {a2} foi {bad@a2}, então uma coisa compensa a outra."),
        ("plan_try", "hotel restaurant phone laptop delivery airline generic", "Vou testar {t} {day} e conto pra vocês."),
        ("fact_reopens", "hotel restaurant generic", "{t} reabre {day} depois da reforma."),
        ("fact_release", "film generic", "{t} estreia no streaming {day}."),
        ("meio_termo", "*", "Meio-termo: {a} {good@a}, {a2} {bad@a2}."),
        ("fact_open_question", "hotel restaurant generic", "Alguém sabe se {t} abre {day}?"),
        ("nota_seis", "*", "Nota seis para {t}: nem {=bom|boa} nem ruim."),
        ("fact_new_prices", "airline delivery hotel restaurant generic",
         "{t} anunciou preços novos {day}."),
        ("not_sure", "*", "Ainda não sei se {t} é {good} ou {bad}."),
        ("fact_greve", "airline delivery generic", "Atenção: greve {t:em} {day}."),
        ("really_as_bad", "*", "{a} é tão {bad@a} quanto dizem?"),
        ("depende", "*", "Depende do que você procura: {a} é {good@a}, mas {a2} deixa a desejar."),
        ("fact_fechado", "hotel restaurant generic",
         "Pra quem tiver interesse: {t} vai estar {=fechado|fechada} {day}."),
        ("opinioes", "* generic", "Alguém tem opinião sobre {t}? Li avaliações boas e ruins sobre {a}."),
    ],
    "positive": [
        ("absolutely_good", "*", "{t} foi {good} demais."),
        ("amei", "*", "Amei {t}! {^a} {good@a}."),
        ("contrast_good_overall", "*", "{a} foi {bad@a}, mas no geral {t} foi {good} e eu recomendo."),
        ("worry_relief", "*", "Tinha medo de que {t} fosse {bad}, mas acabou sendo {good}."),
        ("negated_bad", "*", "{t} não foi nada {bad}, gostei muito."),
        ("nota_dez", "*", "Nota 10! {^a} {good@a}, {a2} também."),
        ("vale_a_pena", "*", "Vale muito a pena: {a} é {good@a}."),
        ("never_expected", "*", "Nunca imaginei que {t} fosse tão {good}."),
        ("custo_beneficio_pos", "hotel restaurant phone laptop delivery airline",
         "Custo-benefício {good@m}, {a} {good@a}."),
        ("recomendo_demais", "* generic", "Recomendo demais {t}, {a} é {good@a}!"),
        ("wasnt_bad_and_good", "*", "{t} não foi {bad} em nada, e {a} foi {good@a} também."),
        ("cinco_estrelas", "*", "Cinco estrelas, sem dúvida. {^a} foi {good@a}."),
        ("hearsay_wrong_pos", "* generic", "O pessoal dizia que {t} era {bad}, mas sinceramente foi {good}."),
        ("top_demais", "*", "Top demais! {^a} {good@a} e {a2} {good@a2}."),
        ("surpreendeu", "*", "{t} me surpreendeu: {a} foi {good@a}."),
        ("ja_quero_voltar", "hotel restaurant", "Já quero voltar! {^a} foi {good@a}."),
    ],
}
