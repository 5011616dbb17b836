"""The label set and slot names of ``pocket-intent`` (a small MASSIVE-like intent task).

Why fixed here: the per-language template files in ``kitlib/data/pocket/intent/<lang>.py``
are written independently, and must agree on intents and slot names.

Each language file defines two dicts:

``TEMPLATES: dict[str, list[str]]``
    intent -> at least 8 templates, each a natural way a speaker of that language would say
    it (translated in spirit, not word for word), with ``{slot}`` placeholders from ``SLOTS``.
    Order matters: the generator assigns templates to splits by position (see
    ``kitlib.data.pocket.intent_gen``), so train, dev and test never share a template.
``SLOTS: dict[str, list[str]]``
    slot -> at least 6 localized values (names, cities, dishes... of that language's world).
    A value may list forms ``"в пятницу|на пятницу"`` (a template picks one with
    ``{date:1}``) and carry tags ``" #dim=tag1,tag2"``; the generator only combines values
    that agree on every dimension they share, and a template may require tags, e.g.
    ``{time:part=morning}`` or ``{date:1;span=day}``. Dimensions in use: ``part`` (part of
    the day: morning, midday, afternoon, evening, night; on times, dates and events),
    ``span`` (``part`` on dates that name a part of the day, so that "what day is it
    {date:span=day}" never gets "tonight"), ``named`` (a time or date whose words name the
    part of the day, so "eight in the morning" never meets "tomorrow morning"),
    ``cuisine`` (dish and restaurant) and ``list`` (list and item kind: shopping, packing,
    gifts, books...). Numbers are written in words, as MASSIVE writes them ("seven am",
    "forty percent"), except inside names ("BBC Radio 2").

Confusable siblings (alarm_set / alarm_query / alarm_remove, lights on / off / dim, ...)
share vocabulary on purpose, so that keywords alone do not decide the label.
"""
from __future__ import annotations

# intent -> what it means (the brief a template writer follows)
INTENTS: dict[str, str] = {
    "alarm_set": "set a new alarm / wake-up call at {time}, optionally {date}",
    "alarm_query": "ask which alarms are set / when the alarm will ring",
    "alarm_remove": "cancel / delete / turn off an alarm (e.g. the one at {time})",
    "calendar_set": "add an event / meeting / reminder ({event}) to the calendar on {date} or at {time}, maybe with {person}",
    "calendar_query": "ask what is on the calendar / when an event is / whether {date} is free",
    "calendar_remove": "delete / cancel an event ({event}) from the calendar",
    "iot_lights_on": "turn on / switch on the lights (in the {room})",
    "iot_lights_off": "turn off / switch off the lights (in the {room})",
    "iot_lights_dim": "dim / lower / soften the lights (in the {room}), maybe to {level}",
    "play_music": "play a song / music by {artist} or of {genre}",
    "play_radio": "play / tune in to a radio station ({station})",
    "play_podcasts": "play a podcast / the next episode of {podcast}",
    "transport_ticket": "book / buy a train or bus ticket to {city} (maybe on {date})",
    "transport_taxi": "order / call a taxi (to {place_or_city}); use {city} or {restaurant} as destination",
    "transport_query": "ask about train / bus times, delays, how to get to {city}",
    "lists_createoradd": "create a list or add {item} to the {list} list",
    "lists_query": "ask what is on the {list} list / which lists exist",
    "lists_remove": "remove {item} from the {list} list / delete a list",
    "takeaway_order": "order food ({dish}) for delivery / takeaway, maybe from {restaurant}",
    "takeaway_query": "ask about a food order's status / whether {restaurant} delivers / delivery time",
    "email_sendemail": "send / write an email to {person} (about {event})",
    "email_query": "ask whether there are new emails / emails from {person}",
    "weather_query": "ask about the weather / rain / temperature (in {city}, {date})",
    "datetime_query": "ask what time or date it is (in {city}) / what day {date} is",
}

SCENARIOS: dict[str, str] = {intent: intent.split("_")[0] for intent in INTENTS}

# Every slot a template may use; each language file gives >= 6 localized values for each
# slot its templates use. {time}, {date} and {level} are written in that language's own way.
SLOT_NAMES: tuple[str, ...] = (
    "time",        # "seven thirty", "6 am", "19:00"
    "date",        # "tomorrow", "on Friday", "next Monday"
    "person",      # a first name common in that language
    "city",        # a city of that language's world
    "room",        # kitchen, bedroom, living room...
    "level",       # "half", "twenty percent"...
    "artist",      # singers / bands popular in that language
    "genre",       # jazz, rock, ...
    "station",     # a radio station name
    "podcast",     # a podcast name or topic
    "event",       # dentist, team meeting, birthday party...
    "item",        # milk, batteries...
    "list",        # shopping, to-do, packing...
    "dish",        # pizza, a local dish...
    "restaurant",  # a restaurant name
)

LANGUAGES: tuple[str, ...] = ("en", "es", "de", "fr", "pt", "id", "sw", "ru", "ar", "hi", "zh", "ja")
