"""Portuguese (Brazilian) data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``).

Every organization takes the feminine article ("na Petrobras", "a Embraer"), and no city
takes one ("em Curitiba"), so the templates' articles always agree.
"""

PER = [
    "João Silva", "Maria Santos", "Pedro Oliveira", "Ana Souza", "Lucas Rodrigues", "Juliana Ferreira",
    "Gabriel Alves", "Fernanda Pereira", "Rafael Lima", "Camila Gomes", "Bruno Costa", "Larissa Ribeiro",
    "Thiago Martins", "Beatriz Carvalho", "Felipe Almeida", "Mariana Lopes", "Gustavo Barbosa", "Letícia Rocha",
    "Rodrigo Dias", "Aline Cardoso", "Marcelo Teixeira", "Patrícia Moreira", "Eduardo Nunes", "Vanessa Mendes",
    "Ricardo Araújo", "Tatiana Castro", "André Correia", "Carolina Pinto", "Diego Fernandes", "Renata Moura",
    "Luiz Carlos Campos", "Ana Clara Freitas", "Paulo Henrique Vieira", "Isabela Monteiro", "Vinícius Ramos",
    "Débora Farias", "Leonardo Batista", "Priscila Cunha", "Matheus Duarte", "Sofia Tavares",
]

ORG = [
    "Petrobras", "Embraer", "Vale", "Natura", "Ambev", "Gol Linhas Aéreas", "Magazine Luiza",
    "Caixa Econômica Federal", "Rede Globo", "Azul Linhas Aéreas", "Fundação Getulio Vargas",
    "Universidade de São Paulo", "Universidade de Coimbra", "Galp", "Sonae", "TAP Air Portugal",
    "Jerónimo Martins", "Renner", "Eletrobras", "Braskem", "Gerdau", "Vivo", "Localiza", "Suzano",
    "Sabesp", "Cemig", "Votorantim", "Unicamp", "Fiocruz", "Usiminas",
]

LOC = [
    "São Paulo", "Belo Horizonte", "Salvador", "Brasília", "Curitiba", "Porto Alegre", "Fortaleza",
    "Manaus", "Lisboa", "Coimbra", "Braga", "Campinas", "Florianópolis", "Belém", "Goiânia", "Juiz de Fora",
    "Natal", "Maceió", "Foz do Iguaçu", "Ribeirão Preto", "Luanda", "Maputo", "São Luís", "Vitória",
    "Niterói", "Santos", "Faro", "Campo Grande", "Londrina", "Aveiro",
]

FILL = {
    "DAY": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira"],
    "THING": ["o relatório", "o contrato", "o acordo", "o orçamento", "o documento", "o projeto"],
}

TEMPLATES = [
    "{PER} trabalha na {ORG} em {LOC}.",
    "{PER} viajou para {LOC} na {DAY} para se encontrar com {PER2}.",
    "A {ORG} anunciou na {DAY} que vai abrir um novo escritório em {LOC}.",
    "Na {DAY} almocei com {PER} em {LOC}.",
    "{PER}, porta-voz da {ORG}, não quis comentar {THING}.",
    "A reunião sobre {THING} foi adiada para a {DAY}.",
    "{PER} nasceu em {LOC} e se mudou para {LOC2} aos quinze anos.",
    "As ações da {ORG} caíram muito na {DAY}.",
    "Segundo {PER}, a {ORG} e a {ORG2} estão negociando uma fusão.",
    "Na {DAY} vamos de carro de {LOC} para {LOC2}.",
    "{PER} assumiu a presidência da {ORG} na {DAY}.",
    "Alguém viu {THING}? Preciso dele até {DAY}.",
    "{PER} e {PER2} apresentaram {THING} na {ORG}.",
    "Na {DAY}, uma tempestade deixou milhares de casas sem luz em {LOC}.",
    "A {ORG} contratou {PER} para liderar a equipe em {LOC}.",
    "Obrigado por enviar {THING}, vou ler na {DAY}.",
    "Ninguém revisou {THING} ainda, então vamos discutir isso na {DAY}.",
    "Depois de dez anos na {ORG}, {PER} vai se mudar para {LOC}.",
    "{PER} conheceu {PER2} num congresso em {LOC} na {DAY}.",
    "{PER} disse em {LOC} que a {ORG} não vai aumentar os preços.",
    "Um novo estudo da {ORG} e da {ORG2} foi apresentado em {LOC} na {DAY}.",
    "{PER} assinou {THING} com a {ORG} na {DAY}.",
    "Agora há um trem direto de {LOC} para {LOC2}, disse {PER}.",
    "{PER}, que cresceu em {LOC}, hoje trabalha na {ORG}.",
    "Ligue para {PER} quando chegar em {LOC}.",
]
