"""Hindi data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``).

Register: everyday Hindi of reviews and posts, with the English loanwords reviewers use
(पैसा वसूल, मज़ा आ गया, ठीक-ठाक, पैसे की बर्बादी, फुल मार्क्स, रिकमेंड); the match domain is
cricket. Verbs and a few adjectives agree with the noun's gender through ``WORDS`` and
inline ``{=m|f}``; targets before a postposition take the oblique form (``{t:obl}``, "हमारे
कमरे").
"""

CASES = ("dir", "obl")

DOMAINS = {
    "hotel": {"t": ["होटल", "my:हमारा कमरा|हमारे कमरे", "रिज़ॉर्ट"],
              "a": ["नाश्ता", "स्टाफ़", "f:लोकेशन", "स्विमिंग पूल", "बिस्तर"]},
    "film": {"t": ["f:फ़िल्म", "f:नई वेब सीरीज़", "सीक्वल"],
             "a": ["f:कहानी", "संगीत", "f:एक्टिंग", "क्लाइमैक्स", "f:पटकथा"]},
    "restaurant": {"t": ["रेस्टोरेंट", "नया कैफ़े|नए कैफ़े", "हाईवे वाला ढाबा|हाईवे वाले ढाबे"],
                   "a": ["खाना", "f:सर्विस", "f:मिठाई", "माहौल", "f:चाय"]},
    "phone": {"t": ["फ़ोन", "my:मेरा नया टैबलेट|मेरे नए टैबलेट"],
              "a": ["f:बैटरी", "f:स्क्रीन", "कैमरा", "स्पीकर", "चार्जर"]},
    "laptop": {"t": ["my:मेरा नया लैपटॉप|मेरे नए लैपटॉप", "लैपटॉप"],
               "a": ["f:बैटरी", "f:स्क्रीन", "कीबोर्ड", "टचपैड", "पंखा"]},
    "delivery": {"t": ["f:डिलीवरी सर्विस", "f:कूरियर कंपनी"],
                 "a": ["f:ग्राहक सेवा", "ऐप", "f:ट्रैकिंग", "f:क़ीमत", "डिलीवरी बॉय"]},
    "airline": {"t": ["f:एयरलाइन", "my:f:हमारी फ़्लाइट"],
                "a": ["चेक-इन", "क्रू", "f:सीट", "किराया", "f:बोर्डिंग"]},
    "match": {"t": ["मैच", "my:कल रात का मैच|कल रात के मैच"],
              "a": ["अंपायर", "f:गेंदबाज़ी", "माहौल", "f:पहली पारी", "f:फ़ील्डिंग"]},
}

GOOD = ["शानदार", "बेहतरीन", "लाजवाब", "ज़बरदस्त", "कमाल का|कमाल की", "बहुत अच्छा|बहुत अच्छी", "उम्दा"]
BAD = ["बेकार", "घटिया", "बकवास", "निराशाजनक", "खराब", "बहुत बुरा|बहुत बुरी", "बेहद खराब"]

WORDS = {
    "tha": "था|थी",
    "hoga": "होगा|होगी",
    "nikla": "निकला|निकली",
}

FILL = {
    "day": ["सोमवार को", "शुक्रवार को", "अगले हफ़्ते", "इस वीकेंड", "बारह तारीख़ को", "मार्च में",
            "कल", "रविवार को"],
}

TEMPLATES = {
    "negative": [
        ("plain", "*", "{t} {bad} {tha}।"),
        ("negated_good", "*", "{t} बिल्कुल भी {good} नहीं {tha}।"),
        ("contrast_bad_overall", "*", "{a} {good@a} {tha@a}, लेकिन कुल मिलाकर {t} {bad} {tha}।"),
        ("paise_ki_barbadi", "*", "पैसे की बर्बादी! {a} {bad@a} {tha@a}।"),
        ("dobara_nahi", "hotel restaurant", "दोबारा कभी नहीं जाऊँगा, {a} {bad@a} {tha@a}।"),
        ("never_again", "*", "{t}? {good} नहीं, माफ़ करना। फिर कभी नहीं।"),
        ("mood_kharab", "*", "बिल्कुल बेकार अनुभव, {a} ने पूरा मूड खराब कर दिया।"),
        ("expectation_fail", "*", "मुझे लगा था {t} {good} {hoga}, लेकिन वो तो {bad} {nikla}।"),
        ("bata_nahi_sakta", "*", "{a} {=इतना|इतनी@a} {bad@a} {tha@a} कि बता नहीं सकता।"),
        ("hearsay_wrong_neg", "* generic", "सब कहते हैं {t} {good} है, पर ऐसा बिल्कुल नहीं है।"),
        ("far_from", "*", "{t} {good} होने से कोसों दूर {tha}, और {a} भी {bad@a} {tha@a}।"),
        ("ek_star_bhi_zyada", "*", "एक स्टार भी ज़्यादा है। {a} {bad@a} {tha@a}।"),
        ("sure_but_itself_bad", "*",
         "माना कि {a} {good@a} {tha@a}, पर {t} खुद {bad} {tha}। सलाह नहीं दूँगा।"),
        ("time_aur_paisa", "*", "टाइम और पैसे दोनों की बर्बादी, {a} तो और भी {bad@a} {tha@a}।"),
        ("pachhta_raha", "*", "{t} चुनकर पछता रहा हूँ, {a} {bad@a} {tha@a}।"),
        ("bharosa_mat", "hotel restaurant delivery airline phone laptop",
         "इन पर भरोसा मत करना, {a} {bad@a} {nikla@a}।"),
    ],
    "neutral": [
        ("question_or", "hotel restaurant phone laptop delivery airline generic", "किसी ने {t} ट्राई {=किया|की} है? {good} है या {bad}?"),
        ("theek_thaak", "*", "{t} ठीक-ठाक {tha}, कुछ खास नहीं।"),
        ("evens_out", "*", "{a} {good@a} {tha@a} और {a2} {bad@a2} {tha@a2}, तो हिसाब बराबर।"),
        ("plan_try", "hotel restaurant phone laptop delivery airline generic", "{day} {t} ट्राई करूँगा, फिर बताऊँगा।"),
        ("fact_reopens", "hotel restaurant generic", "{t} मरम्मत के बाद {day} फिर से {=खुलेगा|खुलेगी}।"),
        ("fact_release", "film generic", "{t} {day} ओटीटी पर {=रिलीज़ होगा|रिलीज़ होगी}।"),
        ("kuch_achha_kuch_bura", "*", "कुछ अच्छा, कुछ बुरा: {a} {good@a}, {a2} {bad@a2}।"),
        ("fact_open_question", "hotel restaurant generic",
         "किसी को पता है कि {t} {day} {=खुला रहेगा|खुली रहेगी}?"),
        ("reviews_mile_jule", "* generic", "{t:obl} के रिव्यू मिले-जुले हैं, {day} खुद देखूँगा।"),
        ("fact_new_prices", "airline delivery hotel restaurant generic",
         "{t:obl} ने {day} नए दाम घोषित किए।"),
        ("not_sure", "*", "अभी तय नहीं कर पाया कि {t} {good} है या {bad}।"),
        ("fact_hadtaal", "airline delivery generic", "ध्यान दें: {day} {t:obl} में हड़ताल है।"),
        ("really_as_bad", "*", "क्या {a} सच में {=उतना|उतनी@a} {bad@a} है जितना लोग कहते हैं?"),
        ("paanch_mein_teen", "*", "पाँच में से तीन: {a} ठीक, {a2} में सुधार की ज़रूरत।"),
        ("fact_band", "hotel restaurant generic", "जानकारी के लिए: {t} {day} बंद {=रहेगा|रहेगी}।"),
        ("alag_raay", "*", "घर में सबकी अलग राय है, किसी को {a} पसंद {=आया|आई@a}, किसी को नहीं।"),
    ],
    "positive": [
        ("absolutely_good", "*", "{t} सच में {good} {tha}।"),
        ("paisa_vasool", "*", "पैसा वसूल! {a} {good@a} {tha@a}।"),
        ("contrast_good_overall", "*",
         "{a} {bad@a} {tha@a}, लेकिन कुल मिलाकर {t} {good} {tha}, ज़रूर ट्राई करें।"),
        ("worry_relief", "*", "डर था कि {t} {bad} {hoga}, लेकिन {good} {nikla}।"),
        ("negated_bad", "*", "{t} बिल्कुल भी {bad} नहीं {tha}, बहुत मज़ा आया।"),
        ("maza_aa_gaya", "*", "मज़ा आ गया! {a} {good@a} {tha@a}।"),
        ("dil_khush", "*", "दिल खुश हो गया, {a} एकदम {good@a} {tha@a}।"),
        ("never_expected", "*", "सोचा नहीं था कि {t} {=इतना|इतनी} {good} {hoga}।"),
        ("zaroor_try", "*", "एक बार ज़रूर ट्राई करें, {a} {good@a} है।"),
        ("full_marks", "*", "फुल मार्क्स! {a} {good@a} {tha@a}, {a2} भी।"),
        ("wasnt_bad_and_good", "*", "{t} ज़रा भी {bad} नहीं {tha}, और {a} भी {good@a} {tha@a}।"),
        ("paanch_mein_paanch", "*", "पाँच में से पाँच, {a} {good@a} {tha@a}।"),
        ("hearsay_wrong_pos", "* generic",
         "लोगों ने कहा था कि {t} {bad} है, पर सच कहूँ तो {good} {nikla}।"),
        ("dobara_zaroor", "hotel restaurant", "दोबारा ज़रूर आऊँगा, {a} {good@a} {tha@a}।"),
        ("sabko_recommend", "* generic", "सबको {t} रिकमेंड कर रहा हूँ, {a} {good@a} है।"),
        ("ummeed_se_behtar", "*", "उम्मीद से कहीं बेहतर, {a} {good@a} {tha@a}।"),
    ],
}
