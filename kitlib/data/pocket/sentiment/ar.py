"""Arabic data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``).

Register: Modern Standard Arabic as written in reviews and tweets, with the colloquial
phrases reviewers mix in (خسارة فلوس، ما يستاهل، يستاهل كل ريال، نص نص، الله يعطيكم
العافية، ما شاء الله). Opinion words agree in gender with their noun and list their
accusative forms (``CASES = ("nom", "acc")``): a predicate after كان / ليس / يكون and the
second object of يرى / وجد take the accusative ("كان الفندق سيئًا"، "أخي يراه سيئًا"), a
predicate of a nominal sentence the nominative ("الفندق سيئ").
"""

CASES = ("nom", "acc")

DOMAINS = {
    "hotel": {"t": ["الفندق", "my:f:غرفتنا", "f:الشقة الفندقية"],
              "a": ["الفطور", "طاقم الاستقبال", "الموقع", "المسبح", "f:النظافة"]},
    "film": {"t": ["الفيلم", "f:السلسلة الجديدة", "الجزء الثاني"],
             "a": ["f:النهاية", "f:الموسيقى التصويرية", "التمثيل", "f:القصة", "السيناريو"]},
    "restaurant": {"t": ["المطعم", "المقهى الجديد في وسط البلد", "f:الكافتيريا"],
                   "a": ["الأكل", "f:الخدمة", "f:الحلويات", "f:القهوة", "الجو العام"]},
    "phone": {"t": ["الجوال", "my:جهازي اللوحي الجديد"],
              "a": ["f:البطارية", "f:الشاشة", "f:الكاميرا", "الصوت", "الشاحن"]},
    "laptop": {"t": ["my:لابتوبي الجديد", "اللابتوب"],
               "a": ["f:البطارية", "f:الشاشة", "f:لوحة المفاتيح", "الأداء", "f:المروحة"]},
    "delivery": {"t": ["f:خدمة التوصيل", "f:شركة الشحن"],
                 "a": ["f:خدمة العملاء", "التطبيق", "التتبع", "السعر", "المندوب"]},
    "airline": {"t": ["f:شركة الطيران", "my:f:رحلتنا"],
                "a": ["تسجيل الوصول", "طاقم الطائرة", "المقعد", "السعر", "f:الوجبة"]},
    "match": {"t": ["f:المباراة", "my:f:مباراة الأمس"],
              "a": ["الحكم", "الدفاع", "f:الأجواء", "الشوط الأول", "الحارس"]},
}

GOOD = ["رائع|رائعة|رائعًا|رائعةً", "ممتاز|ممتازة|ممتازًا|ممتازةً", "مذهل|مذهلة|مذهلًا|مذهلةً",
        "جميل|جميلة|جميلًا|جميلةً", "مميز|مميزة|مميزًا|مميزةً", "جيد|جيدة|جيدًا|جيدةً"]
BAD = ["سيئ|سيئة|سيئًا|سيئةً", "فظيع|فظيعة|فظيعًا|فظيعةً",
       "مخيب للآمال|مخيبة للآمال|مخيبًا للآمال|مخيبةً للآمال", "رديء|رديئة|رديئًا|رديئةً",
       "متواضع|متواضعة|متواضعًا|متواضعةً", "مزعج|مزعجة|مزعجًا|مزعجةً"]

FILL = {
    "day": ["يوم الاثنين", "يوم الجمعة", "الأسبوع القادم", "في نهاية الأسبوع", "في الثاني عشر من الشهر",
            "في مارس", "غدًا", "يوم الأحد"],
}

TEMPLATES = {
    "negative": [
        ("plain", "*", "{t} {bad} جدًا."),
        ("negated_good", "*", "{t} {=ليس|ليست} {good:acc} أبدًا."),
        ("contrast_bad_overall", "*", "{a} {good@a}، لكن {t} بشكل عام {bad}."),
        ("khasara_fulus", "hotel restaurant airline delivery phone laptop",
         "خسارة فلوس! {a} {bad@a} والسعر مبالغ فيه."),
        ("la_ansah", "*", "لا أنصح {=به|بها} أبدًا، {a} {=كان|كانت@a} {bad@a:acc}."),
        ("never_again", "*", "{t}؟ {=ليس|ليست} {good:acc}، آسف. لن أكررها."),
        ("lil_asaf", "*", "للأسف {a} {=كان|كانت@a} {bad@a:acc}، وهذا أفسد كل شيء."),
        ("expectation_fail", "*",
         "توقعت أن {=يكون|تكون} {t} {good:acc}، {=لكنه كان|لكنها كانت} {bad:acc}."),
        ("la_ukarriruha", "*", "تجربة لن أكررها: {a} {=كان|كانت@a} {bad@a:acc} من البداية."),
        ("hearsay_wrong_neg", "* generic", "الكل يقول إن {t} {good}، وهذا غير صحيح إطلاقًا."),
        ("far_from", "*",
         "{t} {=كان بعيدًا|كانت بعيدةً} عن أن {=يكون|تكون} {good:acc}، و{a} {=كان|كانت@a} {bad@a:acc} أيضًا."),
        ("ma_ajabni", "*", "بصراحة ما {=عجبني|عجبتني} {t}، و{a} {bad@a} جدًا."),
        ("sure_but_itself_bad", "*",
         "صحيح أن {a} {good@a}، لكن {t} {=نفسه|نفسها} {bad}. لا أنصح {=به|بها}."),
        ("najma_wahida", "*", "نجمة واحدة فقط، و{a} {=كان|كانت@a} {bad@a:acc} بصراحة."),
        ("yarahu_wajadtuhu", "* generic",
         "يرى البعض {t} {good:acc}، أما أنا {=فوجدته|فوجدتها} {bad:acc}."),
        ("ma_yistahil", "hotel restaurant airline delivery phone laptop",
         "ما {=يستاهل|تستاهل} {t} ولا ريال، {a} {bad@a}."),
    ],
    "neutral": [
        ("question_or", "hotel restaurant phone laptop delivery airline generic", "هل جرّب أحد {t}؟ هل {=هو|هي} {good} أم {bad}؟"),
        ("aadi", "*", "{t} {=عادي|عادية}، لا أكثر ولا أقل."),
        ("evens_out", "*", "{a} {good@a} و{a2} {bad@a2}، فالأمر متعادل."),
        ("plan_try", "hotel restaurant phone laptop delivery airline generic", "سأجرب {t} {day} وأخبركم."),
        ("fact_reopens", "hotel restaurant generic",
         "{=يعيد|تعيد} {t} فتح {=أبوابه|أبوابها} {day} بعد التجديد."),
        ("fact_release", "film generic", "{=يُعرض|تُعرض} {t} على منصات البث {day}."),
        ("nuss_nuss", "*", "نص نص: {a} {good@a} و{a2} {=عادي|عادية@a2}."),
        ("fact_open_question", "hotel restaurant generic",
         "هل يعرف أحد إن كان {t} {=مفتوحًا|مفتوحةً} {day}؟"),
        ("araa_mutabayina", "* generic", "قرأت آراء متباينة عن {t}، سأحكم بنفسي {day}."),
        ("fact_new_prices", "airline delivery hotel restaurant generic",
         "{=أعلن|أعلنت} {t} أسعارًا جديدة {day}."),
        ("not_sure", "*", "لا أعرف بعد هل {t} {good} أم {bad}."),
        ("fact_idrab", "airline delivery generic", "تنبيه: إضراب في {t} {day}."),
        ("really_as_bad", "*", "هل {a} فعلًا {bad@a} كما يقول الناس؟"),
        ("hearsay_split", "*", "أختي ترى {t} {good:acc}، وأخي {=يراه|يراها} {bad:acc}. لا رأي لي بعد."),
        ("fact_mughlaq", "hotel restaurant generic",
         "للعلم، {t} {=سيكون مغلقًا|ستكون مغلقةً} {day}."),
        ("tajruba_mutawassita", "*",
         "تجربة متوسطة مع {t}: {a} {good@a}، لكن {a2} {=يحتاج|تحتاج@a2} إلى تحسين."),
    ],
    "positive": [
        ("absolutely_good", "*", "{t} {good} جدًا."),
        ("mashallah", "*", "ما شاء الله، {a} {good@a} جدًا."),
        ("contrast_good_overall", "*", "{a} {bad@a}، لكن {t} بشكل عام {good} وأنصح {=به|بها}."),
        ("worry_relief", "*",
         "كنت أخشى أن {=يكون|تكون} {t} {bad:acc}، {=لكنه كان|لكنها كانت} {good:acc}."),
        ("negated_bad", "*", "{t} {=ليس|ليست} {bad:acc} أبدًا، استمتعت كثيرًا."),
        ("yistahil", "hotel restaurant airline delivery phone laptop",
         "{=يستاهل|تستاهل} كل ريال! {a} {good@a}."),
        ("yatikum_alafia", "hotel restaurant airline delivery",
         "الله يعطيكم العافية، {a} {=كان|كانت@a} {good@a:acc}."),
        ("never_expected", "*", "لم أتوقع أن {=يكون|تكون} {t} {good:acc} إلى هذا الحد."),
        ("min_ajmal", "*", "من أجمل التجارب، {a} {good@a} بكل معنى الكلمة."),
        ("khams_nujum", "*", "خمس نجوم بلا تردد، {a} {=كان|كانت@a} {good@a:acc}."),
        ("wasnt_bad_and_good", "*", "{t} {=ليس|ليست} {bad:acc} على الإطلاق، و{a} {good@a} أيضًا."),
        ("ashra_min_ashra", "*", "عشرة من عشرة، {a} {good@a}."),
        ("hearsay_wrong_pos", "* generic", "قال الناس إن {t} {bad}، {=لكنه|لكنها} بصراحة {good}."),
        ("jarrabtu_wajadtu", "*", "جرّبت {t} {=ووجدته|ووجدتها} {good:acc} فعلًا."),
        ("ansah_bishidda", "hotel restaurant airline delivery phone laptop",
         "أنصح {=به|بها} بشدة، {a} {good@a} والسعر معقول."),
        ("sa_audu", "hotel restaurant generic", "سأعود {=إليه|إليها} بالتأكيد، {a} {=كان|كانت@a} {good@a:acc}."),
    ],
}
