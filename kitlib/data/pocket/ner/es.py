"""Spanish data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``).

Organizations are ones Spanish uses without an article ("trabaja en Telefónica").
"""

PER = [
    "María García", "José Martínez", "Carmen López", "Antonio Sánchez", "Lucía Fernández", "Manuel Pérez",
    "Laura Gómez", "Francisco Ruiz", "Ana Martín", "David Jiménez", "Marta Hernández", "Javier Díaz",
    "Elena Moreno", "Daniel Álvarez", "Paula Romero", "Carlos Navarro", "Sara Torres", "Miguel Ángel Domínguez",
    "Isabel Vázquez", "Pablo Ramos", "Cristina Gil", "Alejandro Serrano", "Raquel Blanco", "Sergio Molina",
    "Andrea Castro", "Jorge Ortiz", "Natalia Rubio", "Diego Marín", "Beatriz Sanz", "Álvaro Iglesias",
    "Sofía Medina", "Rubén Garrido", "Valentina Rojas", "Mateo Herrera", "Camila Vargas", "Juan Pablo Castillo",
    "Gabriela Mendoza", "Andrés Guerrero", "Daniela Ríos", "Luis Fernando Ortega",
]

ORG = [
    "Telefónica", "Iberia", "Repsol", "Inditex", "Mercadona", "Banco Santander", "Mapfre", "Mercado Libre",
    "Pemex", "Cemex", "Aerolíneas Argentinas", "Televisión Española", "Naturgy", "Endesa", "Iberdrola",
    "BBVA", "CaixaBank", "Bankinter", "Glovo", "Ferrovial", "Acciona", "Indra", "Avianca", "Copa Airlines",
    "LATAM Airlines", "Falabella", "Cencosud", "Banco Sabadell", "Grupo Planeta", "Mahou San Miguel",
]

LOC = [
    "Madrid", "Barcelona", "Sevilla", "Buenos Aires", "Valencia", "Bilbao", "Málaga", "Zaragoza",
    "Ciudad de México", "Bogotá", "Lima", "Santiago de Chile", "Montevideo", "Quito", "Caracas",
    "San Sebastián", "Palma de Mallorca", "Granada", "Salamanca", "Córdoba", "Medellín",
    "Santa Cruz de Tenerife", "Guadalajara", "Monterrey", "San José", "Asunción", "La Paz", "Cartagena",
    "Valparaíso", "Las Palmas",
]

FILL = {
    "DAY": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "THING": ["el informe", "el contrato", "el acuerdo", "el presupuesto", "el borrador", "el documento"],
}

TEMPLATES = [
    "{PER} trabaja en {ORG} en {LOC}.",
    "{PER} voló a {LOC} el {DAY} para reunirse con {PER2}.",
    "{ORG} anunció el {DAY} que abrirá una nueva oficina en {LOC}.",
    "El {DAY} comí con {PER} en {LOC}.",
    "{PER}, portavoz de {ORG}, no quiso comentar {THING}.",
    "La reunión sobre {THING} se aplazó al {DAY}.",
    "{PER} nació en {LOC} y se mudó a {LOC2} de adolescente.",
    "Las acciones de {ORG} cayeron con fuerza el {DAY}.",
    "Según {PER}, {ORG} y {ORG2} negocian una fusión.",
    "El {DAY} vamos en coche de {LOC} a {LOC2}.",
    "{PER} asumió la dirección de {ORG} el {DAY}.",
    "¿Alguien ha visto {THING}? Lo necesito antes del {DAY}.",
    "{PER} y {PER2} presentaron {THING} en {ORG}.",
    "El {DAY} una tormenta dejó sin luz a miles de hogares en {LOC}.",
    "{ORG} contrató a {PER} para dirigir su equipo en {LOC}.",
    "Gracias por enviar {THING}, lo leo el {DAY}.",
    "Nadie ha revisado {THING} todavía, así que lo vemos el {DAY}.",
    "Después de diez años en {ORG}, {PER} se muda a {LOC}.",
    "{PER} conoció a {PER2} en un congreso en {LOC} el {DAY}.",
    "{PER} dijo en {LOC} que {ORG} no subirá los precios.",
    "Un nuevo estudio de {ORG} y {ORG2} se presentó el {DAY} en {LOC}.",
    "{PER} firmó {THING} con {ORG} el {DAY}.",
    "Ya hay un tren directo de {LOC} a {LOC2}, según {PER}.",
    "{PER}, que creció en {LOC}, ahora trabaja en {ORG}.",
    "Llama a {PER} cuando aterrices en {LOC}.",
]
