"""English data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``).

News, social posts and chat. Weekdays, months, nationalities ("English"), events ("the
Olympics", "Christmas") and products ("iPhone") are capitalized but tagged O, as in
Universal NER. The frame keys are the vocabulary other languages use to mark a counterpart
of an English frame.
"""

GIVEN = [
    "m:John", "f:Mary", "m:Robert", "f:Patricia", "m:Michael", "f:Linda", "m:James", "f:Barbara",
    "m:David", "f:Susan", "m:Richard", "f:Karen", "m:Joseph", "f:Nancy", "m:Thomas", "f:Lisa",
    "m:Daniel", "f:Sarah", "m:Matthew", "f:Jessica", "m:Anthony", "f:Ashley", "m:Mark", "f:Donna",
    "m:Oliver", "f:Amanda", "m:Kevin", "f:Laura", "m:Brian", "f:Rachel",
]

FAMILY = [
    "Smith", "Johnson", "Brown", "Davis", "Miller", "Wilson", "Moore", "Taylor", "Anderson",
    "Hughes", "Jackson", "White", "Harris", "Morgan", "Thompson", "Garcia", "Clark", "Lewis",
    "Robinson", "Walker", "Price", "Bennett", "Ward", "Wright", "Cooper", "Foster", "Baker",
    "Adams", "Nelson", "Carter",
]

ORG = {
    "company": ["Microsoft", "General Motors", "Goldman Sachs", "Boeing", "Procter & Gamble",
                "Pfizer", "Bank of America", "Netflix", "Starbucks", "Morgan Stanley", "Intel",
                "Wells Fargo", "Delta Air Lines", "Oracle", "Johnson & Johnson", "Nike",
                "American Express", "Coca-Cola", "Walmart", "Ford Motor Company"],
    "university": ["Harvard University", "Stanford University", "Yale University", "MIT",
                   "University of Oxford", "Princeton University", "Columbia University",
                   "University of Toronto"],
    "club": ["Manchester United", "Liverpool FC", "Chelsea", "Arsenal", "Tottenham Hotspur",
             "Everton", "Aston Villa", "Newcastle United", "Leeds United", "West Ham United"],
    "public": ["Federal Trade Commission", "Department of Justice", "European Commission", "FBI",
               "Competition and Markets Authority", "Financial Conduct Authority",
               "Securities and Exchange Commission", "Food and Drug Administration"],
    "media": ["BBC", "CNN", "Reuters", "The New York Times", "Bloomberg", "Associated Press",
              "The Guardian", "Fox News"],
}

LOC = {
    "city": ["London #zone=gb", "New York #zone=us", "Chicago #zone=us", "Manchester #zone=gb",
             "Los Angeles #zone=us", "Boston #zone=us", "Edinburgh #zone=gb",
             "San Francisco #zone=us", "Seattle #zone=us", "Dublin #zone=ie", "Toronto #zone=ca",
             "Sydney #zone=au", "Melbourne #zone=au", "Atlanta #zone=us", "Denver #zone=us",
             "Glasgow #zone=gb", "Vancouver #zone=ca", "Miami #zone=us", "Birmingham #zone=gb",
             "Montreal #zone=ca", "Liverpool #zone=gb", "New Orleans #zone=us",
             "Brisbane #zone=au", "Houston #zone=us", "Leeds #zone=gb", "Ottawa #zone=ca",
             "Perth #zone=au", "Dallas #zone=us", "Bristol #zone=gb", "Cork #zone=ie"],
    "country": ["New Zealand", "South Africa", "Canada", "Ireland", "Australia", "India", "Japan",
                "Mexico", "Brazil", "Kenya"],
    "region": ["Texas", "California", "Ohio", "Scotland", "Wales", "Ontario", "Queensland",
               "Florida"],
}

FILL = {
    "DAY": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "THING": ["the report", "the contract", "the agreement", "the proposal", "the budget",
              "the letter"],
    "EVENT": ["the concert", "the parade", "the final", "the school trip", "the book fair",
              "the street market"],
    "NUM": ["three", "five", "twelve", "40", "250", "ten"],
    "DATE": ["January 6", "New Year's Eve", "the 23rd", "March 1"],
    "PRODUCT": ["iPhone", "PlayStation", "Kindle", "Galaxy tablet", "Xbox"],
    "AGE": ["34", "27", "52", "41", "19", "63"],
    "YEAR": ["1979", "1985", "1990", "1962", "2001"],
    "SUBJECT": ["law", "physics", "history", "economics", "music"],
    "ISSUE": ["accounts", "safety record", "prices", "data practices"],
}

TEMPLATES = [
    # train
    ("works_at", "{PER} works at {ORG@company} in {LOC@city} ."),
    ("flew_to_meet", "{PER} flew to {LOC@city} on {DAY} to meet {PER2.first} ."),
    ("zero_meeting_moved", "The meeting about {THING} was moved to {DAY} ."),
    ("spokesperson", "{PER} , a spokesperson for {ORG@company} , declined to comment ."),
    ("born_in", "She was born in {LOC@country,region} in {YEAR} and still calls it home ."),
    ("investors_lost", "Investors in {ORG@company} lost money on {DAY} after {THING} was published ."),
    ("zero_chat_seen", "Has anyone seen {THING} ? I need it before {DAY} ."),
    ("coach_said", "{ORG@club} coach {PER.last} said the team had played its best game of the season ."),
    ("studied_at", "After studying {SUBJECT} at {ORG@university} , he moved into journalism ."),
    ("direct_train", "There is now a direct train from {LOC@city} to {LOC2@near} ."),
    ("zero_postponed", "Heavy rain is expected on {DAY} , so {EVENT} has been postponed ."),
    ("mayor_of", "The mayor of {LOC@city} announced a new cycling plan on {DAY} ."),
    ("interview_with", "In an interview with {ORG@media} , {PER} said {=he|she} would not run again ."),
    ("chat_first_name", "{PER.first} is bringing the cake , don't tell anyone ."),
    ("merger_talks", "According to {PER} , {ORG@company} and {ORG2@company} are in talks to merge ."),
    ("zero_prices", "Prices rose by {NUM} percent last year , and {THING} does not change that ."),
    ("signed_with", "{PER} signed {THING} with {ORG@company} in {LOC@city} on {DAY} ."),
    ("minister_visit", "Health minister {PER} will visit hospitals across the region next week ."),
    ("more_tourists", "{LOC@city} welcomed more tourists than {LOC2@city} for the first time ."),
    ("zero_product", "The new {PRODUCT} goes on sale on {DAY} for {NUM} dollars ."),
    ("company_hiring", "{ORG@company} is hiring {NUM} engineers for its new data centre ."),
    ("derby_result", "{ORG@club} beat {ORG2@club} 2 - 1 on {DAY} night ."),
    ("lunch_chat", "Had lunch with {PER.first} in {LOC@city} , best pasta ever ."),
    ("zero_thanks", "Thanks for sending {THING} , I will read it on {DAY} ."),
    # dev
    ("joined_board", "{PER} joined the board as chief executive on {DAY} ."),
    ("study_by", "A new study by {ORG@university} and {ORG2@company} was presented in {LOC@city} ."),
    ("zero_not_reviewed", "Nobody has reviewed {THING} yet , so we will discuss it on {DAY} ."),
    ("moving_after_years", "After ten years at {ORG@company} , {PER} is moving to {LOC@city,country} ."),
    ("storm_hit", "The storm hit {LOC@region,country} on {DAY} , cutting power to thousands of homes ."),
    ("met_at_conference", "{PER} met {PER2} at a conference in {LOC@city} ."),
    ("zero_running_late", "Running late on {DAY} , save me a seat for {EVENT} !"),
    ("told_reporters", "{PER} told reporters in {LOC@city} that prices would not rise ."),
    # test
    ("zero_final_tickets", "{EVENT} is on {DAY} and tickets cost {NUM} dollars ."),
    ("congrats_first", "Congratulations to {PER.first} , who ran {=his|her} first marathon on {DAY} !"),
    ("grew_up_in", "{PER} , who grew up in {LOC@city} , now works for {ORG@company,media} ."),
    ("police_arrest", "{LOC@city} police said {PER} , {AGE} , was arrested on {DAY} ."),
    ("zero_exam_moved", "Our English teacher moved the exam to {DAY} because of {EVENT} ."),
    ("flights_cancelled", "Flights to {LOC@country,city} were cancelled on {DAY} because of fog ."),
    ("inquiry_into", "The {ORG@public} has opened an inquiry into {ORG2@company} over its {ISSUE} ."),
    ("doctor_live", "Dr. {PER.last} will answer your questions live on {DAY} ."),
    ("fans_travelled", "Fans of {ORG@club} travelled to {LOC@city} for the final ."),
    ("zero_christmas_market", "The Christmas market opens on {DAY} and runs until {DATE} ."),
    ("job_interview", "I finally got an interview at {ORG@company,media,university} for {DAY} , wish me luck !"),
    ("driving_from_to", "{PER} and {PER2.first} are driving from {LOC@city} to {LOC2@near} this weekend ."),
    ("zero_not_ready", "If {THING} is not ready by {DAY} , we will have to cancel {EVENT} ."),
    ("medals", "{LOC@country} is expected to win the most medals at the Olympics , {NUM} more than last time ."),
    ("reported_left", "{ORG@media} reported that {PER} had left {ORG2@company} on {DAY} ."),
    ("thanks_everyone", "Thanks to {PER.first} and everyone at {ORG@company,club,university} for a great evening ."),
]
