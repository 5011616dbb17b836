"""English data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``)."""

PER = [
    "John Smith", "Mary Johnson", "Robert Brown", "Patricia Davis", "Michael Miller", "Linda Wilson",
    "James Moore", "Barbara Taylor", "David Anderson", "Susan Thomas", "Richard Jackson", "Karen White",
    "Joseph Harris", "Nancy Martin", "Thomas Thompson", "Lisa Garcia", "Emily", "Daniel Clark",
    "Sarah Lewis", "Matthew Robinson", "Jessica Walker", "Anthony Young", "Ashley Allen", "Mark King",
    "Donna Wright", "Oliver Scott", "Amanda Green", "Kevin Baker", "Laura Adams", "Brian Nelson",
    "Rachel Carter", "Jason Mitchell", "Megan O'Brien", "Ryan Perez", "Hannah Roberts", "Eric Turner",
    "Chloe Phillips", "Samuel Campbell", "Grace Parker", "Benjamin Evans",
]

ORG = [
    "Microsoft", "General Motors", "Goldman Sachs", "Boeing", "Procter & Gamble", "Pfizer",
    "Bank of America", "Netflix", "Harvard University", "Starbucks", "Morgan Stanley", "Intel",
    "Wells Fargo", "Delta Air Lines", "Oracle", "Johnson & Johnson", "Nike", "Stanford University",
    "American Express", "Coca-Cola", "General Electric", "Walmart", "United Nations",
    "Amazon", "Ford Motor Company", "Cisco", "Yale University", "Unilever", "Moody's", "Greenpeace",
]

LOC = [
    "London", "New York", "Chicago", "Los Angeles", "Boston", "San Francisco", "Texas", "Seattle",
    "Manchester", "Dublin", "New Zealand", "Toronto", "Sydney", "Hong Kong", "Atlanta", "Denver",
    "South Africa", "Miami", "Edinburgh", "Cape Town", "Ohio", "Las Vegas", "Vancouver", "Paris",
    "Salt Lake City", "Liverpool", "New Orleans", "Melbourne", "Rio de Janeiro", "Nairobi",
]

FILL = {
    "DAY": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "THING": ["the report", "the contract", "the agreement", "the proposal", "the budget", "the letter"],
}

TEMPLATES = [
    "{PER} works at {ORG} in {LOC} .",
    "{PER} flew to {LOC} on {DAY} to meet {PER2} .",
    "{ORG} announced on {DAY} that it will open a new office in {LOC} .",
    "I had lunch with {PER} in {LOC} on {DAY} .",
    "{PER} , a spokesperson for {ORG} , declined to comment on {THING} .",
    "The meeting about {THING} was moved to {DAY} .",
    "{PER} was born in {LOC} and moved to {LOC2} as a teenager .",
    "Shares of {ORG} fell sharply on {DAY} after {THING} was published .",
    "According to {PER} , {ORG} and {ORG2} are in talks to merge .",
    "We are driving from {LOC} to {LOC2} on {DAY} .",
    "{PER} joined {ORG} as chief executive on {DAY} .",
    "Has anyone seen {THING} ? I need it before {DAY} .",
    "{PER} and {PER2} presented {THING} at {ORG} .",
    "The storm hit {LOC} on {DAY} , cutting power to thousands of homes .",
    "{ORG} hired {PER} to lead its team in {LOC} .",
    "Thanks for sending {THING} , I will read it on {DAY} .",
    "Nobody has reviewed {THING} yet , so we will discuss it on {DAY} .",
    "After ten years at {ORG} , {PER} is moving to {LOC} .",
    "{PER} met {PER2} at a conference in {LOC} on {DAY} .",
    "{PER} told reporters in {LOC} that {ORG} would not raise prices .",
    "A new study by {ORG} and {ORG2} was presented in {LOC} on {DAY} .",
    "{PER} signed {THING} with {ORG} on {DAY} .",
    "Tourists in {LOC} can now take a direct train to {LOC2} , {PER} said .",
    "{PER} , who grew up in {LOC} , now works for {ORG} .",
    "Call {PER} when you land in {LOC} .",
]
