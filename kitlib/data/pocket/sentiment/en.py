"""English data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``).

The frame keys used here are the vocabulary other languages use to mark a counterpart of
an English frame; a key not in this file is a frame of that language's own.
"""

DOMAINS = {
    "hotel": {"t": ["the hotel", "my:our room", "the resort"],
              "a": ["the breakfast", "the staff", "the location", "the pool", "the bed"]},
    "film": {"t": ["the film", "the new series", "the sequel"],
             "a": ["the ending", "the soundtrack", "the acting", "the plot", "the dialogue"]},
    "restaurant": {"t": ["the restaurant", "the new place on Main Street", "the café"],
                   "a": ["the food", "the service", "the dessert", "the coffee", "the atmosphere"]},
    "phone": {"t": ["the phone", "my:my new tablet"],
              "a": ["the battery", "the screen", "the camera", "the speaker", "the charger"]},
    "laptop": {"t": ["my:my new laptop", "the laptop"],
               "a": ["the battery", "the screen", "the keyboard", "the trackpad", "the fan"]},
    "delivery": {"t": ["the delivery service", "the courier"],
                 "a": ["the customer support", "the app", "the tracking", "the price", "the driver"]},
    "airline": {"t": ["the airline", "my:our flight"],
                "a": ["the check-in", "the crew", "the legroom", "the price", "the boarding"]},
    "match": {"t": ["the match", "my:last night's game"],
              "a": ["the referee", "the defence", "the atmosphere", "the first half", "the goalkeeper"]},
}

GOOD = ["great", "excellent", "fantastic", "amazing", "superb", "brilliant", "wonderful"]
BAD = ["terrible", "awful", "bad", "disappointing", "horrible", "poor", "dreadful"]

FILL = {
    "day": ["on Monday", "on Friday", "next week", "this weekend", "on the 12th", "in March",
            "tomorrow", "on Sunday"],
    "date": ["Saturday", "next week", "the 12th", "Friday night", "our anniversary"],
}

TEMPLATES = {
    "negative": [
        ("plain", "*", "{t} was {bad}."),
        ("negated_good", "*", "{t} was not {good} at all."),
        ("contrast_bad_overall", "*", "{a} was {good}, but {t} was {bad} overall."),
        ("expectation_fail", "*", "I expected {t} to be {good}, but it was {bad}."),
        ("aspect_ruined", "*", "{a} was {good}, but {a2} was {bad} and ruined the whole experience."),
        ("never_again", "*", "{t}? Not {good}, sorry. Never again."),
        ("hearsay_wrong_neg", "* generic", "Everyone says {t} is {good}, but it really isn't."),
        ("waited_then_bad", "hotel restaurant delivery airline",
         "Two hours of waiting, and then {a} was {bad}. Not worth it."),
        ("skip_it", "* generic", "Save your money and skip {t}. {a} was {bad}."),
        ("so_disappointed", "*", "So disappointed with {t} 😞 {a} was {bad}."),
        ("far_from", "*", "{t} was far from {good}, and {a} was {bad} too."),
        ("not_worth_money", "*", "Honestly {bad}. {t} is not worth the money."),
        ("sure_but_itself_bad", "*", "Sure, {a} was {good}, but {t} itself was {bad}. Would not recommend it."),
        ("second_chance_fail", "*", "Gave {t} a second chance. Big mistake: {a} was just as {bad} as last time."),
        ("one_star", "*", "One star. {a} was {bad} and nobody seemed to care."),
        ("wanted_to_like", "*", "I really wanted to like {t}, but {a} was {bad} and so was everything else."),
    ],
    "neutral": [
        ("question_or", "hotel restaurant phone laptop delivery airline generic", "Has anyone tried {t}? Is it {good} or {bad}?"),
        ("neither_nor", "*", "{t} was neither {good} nor {bad}, just okay."),
        ("evens_out", "*", "{a} was {good} and {a2} was {bad}, so it evens out."),
        ("plan_try", "hotel restaurant phone laptop delivery airline generic", "I'll try {t} {day} and see."),
        ("fact_reopens", "hotel restaurant generic", "{t} reopens {day} after the renovation."),
        ("fact_release", "film", "{t} comes out on streaming {day}."),
        ("hearsay_split", "*", "My sister thinks {t} is {good}, my brother thinks it's {bad}. No idea myself."),
        ("fact_open_question", "hotel restaurant generic", "Does anyone know if {t} is open {day}?"),
        ("fact_watched", "film", "Watched {t} {day} with my parents."),
        ("fact_new_prices", "airline delivery hotel restaurant generic", "{t} announced new prices {day}."),
        ("not_sure", "*", "Not sure yet whether {t} is {good} or {bad}."),
        ("fact_strike", "airline delivery generic", "Heads up: staff at {t} are on strike {day}."),
        ("really_as_bad", "*", "Is {a} really as {bad} as people say?"),
        ("not_good_not_bad", "*", "{t} was not {good}, but not {bad} either."),
        ("fact_booked", "hotel restaurant generic", "Booked {t} for {date}. Will report back."),
        ("reviews_split", "* generic", "Reviews of {t} are split: some love {a}, others call it {bad}."),
    ],
    "positive": [
        ("absolutely_good", "*", "{t} was absolutely {good}."),
        ("would_recommend", "*", "Honestly, {t} was {good}. Would recommend!"),
        ("contrast_good_overall", "*", "{a} was {bad}, but overall {t} was {good} and I'd recommend it."),
        ("worry_relief", "*", "I was worried {t} would be {bad}, but it turned out {good}."),
        ("negated_bad", "*", "{t} was not {bad} at all, really enjoyed it."),
        ("start_to_finish", "*", "Can't complain, {t} was {good} from start to finish."),
        ("never_expected", "*", "Never expected {t} to be so {good}."),
        ("going_back", "hotel restaurant generic", "Already planning to go back to {t}. {a} was {good}."),
        ("big_thanks", "hotel restaurant airline delivery generic", "Big thanks to {t}, {a} was {good} 🙌"),
        ("better_than_expected", "*", "{a} was way better than I expected, {good} really."),
        ("wasnt_bad_and_good", "*", "{t} wasn't {bad} at all, and {a} was {good} too."),
        ("ten_out_of_ten", "*", "Ten out of ten. {a} was {good}."),
        ("hearsay_wrong_pos", "* generic", "People said {t} was {bad}, but honestly it was {good}."),
        ("yes_but_itself_good", "*", "Yes, {a} was {bad}, but {t} itself was {good}. Worth every penny."),
        ("still_thinking", "*", "Still thinking about {a}. Just {good}."),
        ("cant_stop_recommending", "* generic", "Can't stop recommending {t} to everyone, {a} alone is {good}."),
    ],
}
