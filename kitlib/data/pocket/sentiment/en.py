"""English data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``)."""

DOMAINS = [
    {"t": ["the hotel", "our room"], "a": ["the breakfast", "the staff", "the location", "the pool"]},
    {"t": ["the film", "the movie", "the new series"], "a": ["the ending", "the soundtrack", "the acting", "the plot"]},
    {"t": ["the restaurant", "the new place on Main Street"], "a": ["the food", "the service", "the dessert", "the wine list"]},
    {"t": ["the phone", "my new laptop"], "a": ["the battery", "the screen", "the camera", "the keyboard"]},
    {"t": ["the delivery service", "the airline"], "a": ["the customer support", "the app", "the price", "the check-in"]},
]

GOOD = ["great", "excellent", "fantastic", "amazing", "superb", "brilliant", "wonderful"]
BAD = ["terrible", "awful", "bad", "disappointing", "horrible", "poor", "dreadful"]

TEMPLATES = {
    "negative": [
        "{t} was {bad}.",
        "{t} was not {good} at all.",
        "{a} was {good}, but {t} was {bad} overall.",
        "I expected {t} to be {good}, but it was {bad}.",
        "{a} was {good}, but {a2} was {bad} and ruined the whole experience.",
        "Honestly {bad}. {t} is not worth the money.",
        "{t}? Not {good}, sorry. Never again.",
        "Everyone says {t} is {good}, but it really isn't.",
        "{t} was far from {good}, and {a} was {bad} too.",
        "Sure, {a} was {good}, but {t} itself was {bad}. Would not recommend it.",
    ],
    "neutral": [
        "Has anyone tried {t}? Is it {good} or {bad}?",
        "{t} was neither {good} nor {bad}, just okay.",
        "{a} was {good} and {a2} was {bad}, so it evens out.",
        "I'll try {t} next week and see.",
        "Not sure yet whether {t} is {good} or {bad}.",
        "Is {a} really as {bad} as people say?",
        "My sister thinks {t} is {good}, my brother thinks it's {bad}. No idea myself.",
        "Reading reviews of {t} before deciding. Some say {good}, some say {bad}.",
        "{t} was not {good}, but not {bad} either.",
        "Quick question: is {a} {good} or {bad}? Deciding this weekend.",
    ],
    "positive": [
        "{t} was absolutely {good}.",
        "Honestly, {t} was {good}. Would recommend!",
        "{a} was {bad}, but overall {t} was {good} and I'd recommend it.",
        "I was worried {t} would be {bad}, but it turned out {good}.",
        "{t} was not {bad} at all, really enjoyed it.",
        "Can't complain, {t} was {good} from start to finish.",
        "Never expected {t} to be so {good}.",
        "{t} wasn't {bad} at all, and {a} was {good} too.",
        "People said {t} was {bad}, but honestly it was {good}.",
        "Yes, {a} was {bad}, but {t} itself was {good}. Worth every penny.",
    ],
}
