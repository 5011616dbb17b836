"""Brazilian Portuguese data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``).

News ("segundo a Folha", "em entrevista ao G1"), traffic, Carnaval and Enem notices, social
posts and chat ("Bora no aniversário da Ana?"). Organizations of both genders, so the word
before one varies (o / a / do / da / no / na / ao / à / com / contra...); Brazilians put the
article before first names too ("a Ana", "na casa do João"), and before some places
("no Rio de Janeiro", "na Bahia", but "em São Paulo"): every article and contraction agrees
with the name it precedes (``{=m:no|f:na|0:em@LOC}``).
"""

GIVEN = [
    "m:João", "f:Ana", "m:Pedro", "f:Mariana", "m:Lucas", "f:Juliana", "m:Gabriel", "f:Fernanda",
    "m:Rafael", "f:Beatriz", "m:Thiago", "f:Camila", "m:Bruno", "f:Larissa", "m:Felipe",
    "f:Patrícia", "m:Gustavo", "f:Aline", "m:Rodrigo", "f:Carolina", "m:Mateus", "f:Vanessa",
    "m:Diego", "f:Renata", "m:Leonardo", "f:Tatiana", "m:Vinícius", "f:Luana", "m:Marcelo",
    "f:Priscila",
]

FAMILY = [
    "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima",
    "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes",
    "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques",
    "Machado", "Mendes", "Freitas",
]

ORG = {
    "company": ["Petrobras #g=f", "Vale #g=f", "Itaú #g=m", "Bradesco #g=m", "Embraer #g=f",
                "Natura #g=f", "Ambev #g=f", "Magazine Luiza #g=f", "Nubank #g=m", "iFood #g=m",
                "Gol #g=f", "Azul #g=f", "Localiza #g=f", "Renner #g=f", "Americanas #g=f",
                "Mercado Livre #g=m", "Sadia #g=f", "JBS #g=f", "Totvs #g=f", "Eletrobras #g=f"],
    "university": ["USP #g=f", "Unicamp #g=f", "UFRJ #g=f", "UFMG #g=f", "PUC-Rio #g=f",
                   "UnB #g=f", "UFRGS #g=f", "Unesp #g=f"],
    "club": ["Flamengo #g=m", "Corinthians #g=m", "Palmeiras #g=m", "Grêmio #g=m",
             "Internacional #g=m", "Cruzeiro #g=m", "Atlético Mineiro #g=m", "Fluminense #g=m",
             "Botafogo #g=m", "Vasco #g=m"],
    "public": ["Anvisa #g=f", "Receita Federal #g=f", "Polícia Federal #g=f", "Banco Central #g=m",
               "STF #g=m", "Ibama #g=m", "IBGE #g=m", "Procon #g=m"],
    "media": ["Folha de S.Paulo #g=f", "Globo #g=f", "Estadão #g=m", "G1 #g=m", "UOL #g=m",
              "Band #g=f", "Veja #g=f", "CNN Brasil #g=f"],
}

LOC = {
    "city": ["São Paulo #zone=br", "Rio de Janeiro #zone=br #g=m", "Belo Horizonte #zone=br",
             "Salvador #zone=br", "Brasília #zone=br", "Fortaleza #zone=br", "Recife #zone=br",
             "Porto Alegre #zone=br", "Curitiba #zone=br", "Lisboa #zone=pt", "Manaus #zone=br",
             "Belém #zone=br", "Goiânia #zone=br", "Campinas #zone=br", "Florianópolis #zone=br",
             "Natal #zone=br", "Vitória #zone=br", "Porto #zone=pt #g=m", "João Pessoa #zone=br",
             "Maceió #zone=br", "Niterói #zone=br", "Londrina #zone=br", "Juiz de Fora #zone=br",
             "Coimbra #zone=pt", "Ribeirão Preto #zone=br", "Aracaju #zone=br", "Cuiabá #zone=br",
             "Teresina #zone=br", "São Luís #zone=br", "Braga #zone=pt"],
    "country": ["Argentina #g=f", "Portugal", "Chile #g=m", "Japão #g=m", "França #g=f",
                "Itália #g=f", "Uruguai #g=m", "Paraguai #g=m", "México #g=m", "Angola"],
    "region": ["Bahia #g=f", "Minas Gerais", "Pernambuco", "Paraná #g=m", "Ceará #g=m",
               "Amazonas #g=m", "Santa Catarina", "Pará #g=m"],
}

FILL = {
    "DAY": ["na segunda", "na terça", "na quarta", "na quinta", "na sexta", "no sábado",
            "no domingo"],
    "DAYB": ["segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo"],
    "THING": ["o relatório", "o contrato", "o orçamento", "a proposta", "o acordo", "a planilha"],
    "EVENT": ["o show", "o jogo", "o passeio da escola", "o churrasco", "o bazar"],
    "NUM": ["três", "cinco", "doze", "quarenta", "duzentos", "dez"],
    "FANS": ["dez", "vinte", "trinta", "quinze"],
    "PCT": ["20", "30", "50", "70"],
    "MONTH": ["janeiro", "fevereiro", "março", "abril", "outubro", "novembro"],
    "PRODUCT": ["iPhone", "Galaxy", "Kindle", "Xbox", "PlayStation"],
    "AGE": ["34", "27", "52", "41", "19", "63"],
    "YEAR": ["2019", "2022", "2023", "2024"],
    "TIME": ["treze horas", "nove horas", "oito e meia", "dez da manhã"],
    "PLACE": ["na fila", "perto do palco", "na mesa", "no ônibus"],
    "REASON": ["da chuva", "do feriado", "da greve", "da reunião de pais"],
    "ISSUE": ["cartel", "propaganda enganosa", "falhas de segurança"],
}

TEMPLATES = [
    # train
    ("works_at", "{PER} trabalha {=m:no|f:na@ORG} {ORG@company} {=m:no|f:na|0:em@LOC} {LOC@city} ."),
    ("clube_contrata", "{=m:O|f:A@ORG} {ORG@club} contratou {PER} por {NUM} milhões de reais ."),
    ("zero_meeting_moved", "A reunião sobre {THING} foi remarcada para {DAYB} ."),
    ("spokesperson", "{PER} , porta-voz {=m:do|f:da@ORG} {ORG@company,public} , não quis comentar ."),
    ("bora_aniversario", "Bora no aniversário {=do|da} {PER.first} {DAY} ?"),
    ("zero_transito", "Trânsito pesado na saída da cidade {DAY} , são {NUM} quilômetros de lentidão ."),
    ("zero_chat_seen", "Alguém viu {THING} ? Preciso disso até {DAYB} ."),
    ("segundo_a", "Segundo {=m:o|f:a@ORG} {ORG@media} , o desemprego caiu {=m:no|f:na|0:em@LOC} {LOC@region} ."),
    ("casa_da", "Vou passar {DAY} na casa {=do|da} {PER.first} ."),
    ("voo_direto", "Agora tem voo direto entre {LOC@city} e {LOC2@near} ."),
    ("zero_postponed", "Vai chover forte {DAY} , então {EVENT} foi adiado ."),
    ("ciclovia", "{=m:O|f:A|0:@LOC} {LOC@city} ganha {NUM} quilômetros de ciclovia {DAY} ."),
    ("interview_with", "Em entrevista {=m:ao|f:à@ORG} {ORG@media} , {PER} disse que não vai concorrer de novo ."),
    ("chat_first_name", "{=O|A} {PER.first} vai levar o bolo , não conta pra ninguém !"),
    ("merger_talks", "Segundo {PER} , {=m:o|f:a@ORG} {ORG@company} e {=m:o|f:a@ORG2} {ORG2@company} negociam uma fusão ."),
    ("zero_prices", "Os preços subiram {NUM} por cento em {MONTH} ."),
    ("signed_with", "{PER} assinou {THING} com {=m:o|f:a@ORG} {ORG@company} {=m:no|f:na|0:em@LOC} {LOC@city} ."),
    ("partiu_feriadao", "Partiu feriadão {=m:no|f:na|0:em@LOC} {LOC@city,region} !"),
    ("more_tourists", "{=m:O|f:A|0:@LOC} {LOC@city} recebeu mais turistas que {=m:o|f:a|0:@LOC2} {LOC2@city} pela primeira vez ."),
    ("zero_product", "O novo {PRODUCT} chega às lojas {DAY} por {NUM} reais ."),
    ("company_hiring", "{=m:O|f:A@ORG} {ORG@company} abriu {NUM} vagas para engenheiros ."),
    ("classico", "{=m:O|f:A@ORG} {ORG@club} venceu {=m:o|f:a@ORG2} {ORG2@club} por 2 a 1 {DAY} ."),
    ("lunch_chat", "Almocei com {=o|a} {PER.first} {=m:no|f:na|0:em@LOC} {LOC@city} , melhor feijoada da vida ."),
    ("zero_thanks", "Valeu por mandar {THING} , vou ler {DAY} ."),
    # dev
    ("divulgou_dados", "{=m:O|f:A@ORG} {ORG@public,media} divulgou novos dados {DAY} ."),
    ("study_by", "Um estudo da {ORG@university} com {=m:o|f:a@ORG2} {ORG2@company} foi apresentado {=m:no|f:na|0:em@LOC} {LOC@city} ."),
    ("zero_not_reviewed", "Ninguém revisou {THING} ainda , então a gente vê isso {DAY} ."),
    ("moving_after_years", "Depois de dez anos {=m:no|f:na@ORG} {ORG@company} , {PER} vai se mudar para {=m:o |f:a |0:@LOC}{LOC@city,country} ."),
    ("storm_hit", "O temporal deixou milhares de casas sem luz {=m:no|f:na|0:em@LOC} {LOC@region,city} {DAY} ."),
    ("met_at_conference", "{PER} conheceu {PER2} num congresso {=m:no|f:na|0:em@LOC} {LOC@city} ."),
    ("zero_atrasado", "Vou chegar atrasado {DAY} , me guarda um lugar {PLACE} !"),
    ("told_reporters", "{PER} disse a jornalistas {=m:no|f:na|0:em@LOC} {LOC@city} que os preços não vão subir ."),
    # test
    ("zero_enem", "As provas do Enem começam {DAY} às {TIME} ."),
    ("congrats_first", "Parabéns , {PER.first} , pela primeira maratona {DAY} !"),
    ("grew_up_in", "{PER} , que cresceu {=m:no|f:na|0:em@LOC} {LOC@city} , hoje trabalha {=m:no|f:na@ORG} {ORG@company} ."),
    ("police_arrest", "{PER} , de {AGE} anos , foi {=preso|presa} {DAY} {=m:no|f:na|0:em@LOC} {LOC@city} ."),
    ("zero_exam_moved", "A professora de inglês mudou a prova para {DAYB} por causa {REASON} ."),
    ("flights_cancelled", "Voos para {=m:o |f:a |0:@LOC}{LOC@country,city} foram cancelados {DAY} por causa da neblina ."),
    ("inquiry_into", "{=m:O|f:A@ORG} {ORG@public} abriu investigação contra {=m:o|f:a@ORG2} {ORG2@company} por {ISSUE} ."),
    ("doutora_ao_vivo", "{=O doutor|A doutora} {PER.last} responde às suas perguntas ao vivo {DAY} ."),
    ("fans_expected", "{=m:O|f:A|0:@LOC} {LOC@city} espera {FANS} mil torcedores {=m:do|f:da@ORG} {ORG@club} {DAY} ."),
    ("zero_carnaval", "O bloco de Carnaval sai {DAY} às {TIME} , concentração na praça ."),
    ("job_interview", "{DAY} tenho entrevista {=m:no|f:na@ORG} {ORG@company,media} , torçam por mim !"),
    ("driving_from_to", "{PER} e {=o|a@PER2} {PER2.first} vão de carro {=m:do|f:da|0:de@LOC} {LOC@city} para {=m:o |f:a |0:@LOC2}{LOC2@near} no fim de semana ."),
    ("zero_black_friday", "A Black Friday começa {DAY} com descontos de até {PCT} por cento ."),
    ("pesquisa_destino", "Segundo uma pesquisa de {YEAR} , {=m:o |f:a |0:@LOC}{LOC@country,region} é o destino preferido dos brasileiros ."),
    ("reported_left", "{=m:O|f:A@ORG} {ORG@media} informou que {PER} deixou {=m:o|f:a@ORG2} {ORG2@company} {DAY} ."),
    ("thanks_everyone", "Obrigado {=ao|à} {PER.first} e a toda a equipe {=m:do|f:da@ORG} {ORG@company,club} pela noite incrível !"),
]
