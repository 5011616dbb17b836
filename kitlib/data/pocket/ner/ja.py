"""Japanese data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``).

News (「〜によると」, 氏 / 社長 / 監督 / 大臣 / 容疑者 after names), train and weather notices,
neighbourhood notices (ごみの日, 停電), social posts and chat (さん / ちゃん / bare given
names). Written segmented into words as in Universal NER's treebanks: family and given
name are two words, multi-word organizations ("東京 大学", "トヨタ 自動車") give I-ORG.
The word after a person varies (さん, 氏, 社長, 先生, 監督, は, と, が...), and the same
particles follow organizations and places too.
"""

FAMILY_FIRST = True

GIVEN = [
    "m:太郎", "f:花子", "m:健太", "f:美咲", "m:翔太", "f:陽子", "m:大輔", "f:恵", "m:拓也", "f:由美",
    "m:直樹", "f:彩", "m:誠", "f:真由美", "m:浩", "f:愛", "m:亮", "f:麻衣", "m:修", "f:智子",
    "m:悠斗", "f:結衣", "m:蓮", "f:さくら", "m:陸", "f:葵", "m:颯太", "f:凛", "m:隆", "f:千尋",
]

FAMILY = [
    "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田",
    "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本",
    "阿部", "石川", "前田", "藤田", "小川", "岡田",
]

ORG = {
    "company": ["トヨタ 自動車", "ソニー", "任天堂", "パナソニック", "日立 製作所", "ホンダ", "楽天",
                "ソフトバンク", "ユニクロ", "キヤノン", "三菱 商事", "東芝", "日産 自動車",
                "セブン-イレブン", "富士通", "NTT", "資生堂", "ヤマト 運輸", "JR 東日本", "全日空"],
    "university": ["東京 大学", "京都 大学", "大阪 大学", "早稲田 大学", "慶應 義塾 大学", "東北 大学",
                   "名古屋 大学", "九州 大学"],
    "club": ["浦和 レッズ", "鹿島 アントラーズ", "川崎 フロンターレ", "横浜 F・マリノス", "ガンバ 大阪",
             "名古屋 グランパス", "FC 東京", "ヴィッセル 神戸", "サンフレッチェ 広島", "セレッソ 大阪"],
    "public": ["日本 銀行", "厚生 労働省", "金融庁", "公正 取引 委員会", "気象庁", "文部 科学省",
               "消費者庁", "警察庁"],
    "media": ["NHK", "朝日 新聞", "読売 新聞", "共同 通信", "日本 経済 新聞", "毎日 新聞", "時事 通信",
              "フジテレビ"],
}

LOC = {
    "city": ["東京 #zone=jp", "大阪 #zone=jp", "京都 #zone=jp", "横浜 #zone=jp", "名古屋 #zone=jp",
             "札幌 #zone=jp", "福岡 #zone=jp", "神戸 #zone=jp", "仙台 #zone=jp", "広島 #zone=jp",
             "ソウル #zone=kr", "那覇 #zone=jp", "金沢 #zone=jp", "奈良 #zone=jp", "千葉 #zone=jp",
             "静岡 #zone=jp", "熊本 #zone=jp", "新潟 #zone=jp", "岡山 #zone=jp", "鹿児島 #zone=jp",
             "松山 #zone=jp", "長崎 #zone=jp", "函館 #zone=jp", "釜山 #zone=kr", "高松 #zone=jp",
             "宮崎 #zone=jp", "青森 #zone=jp", "富山 #zone=jp", "盛岡 #zone=jp", "上海 #zone=cn"],
    "country": ["アメリカ", "中国", "韓国", "フランス", "ドイツ", "タイ", "ベトナム", "オーストラリア",
                "イタリア", "カナダ"],
    "region": ["北海道", "沖縄", "九州", "四国", "関西", "東北", "北陸", "信州"],
}

FILL = {
    "DAY": ["月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"],
    "THING": ["報告書", "契約書", "予算案", "企画書", "資料", "見積書"],
    "EVENT": ["運動会", "花火 大会", "遠足", "夏祭り", "文化祭"],
    "REASON": ["人身 事故", "信号 トラブル", "大雪", "強風"],
    "NUM": ["十", "二十", "十五", "三十"],
    "PCT": ["三", "五", "二", "一"],
    "MONTH": ["一月", "二月", "三月", "四月", "十月", "十一月"],
    "PRODUCT": ["iPhone", "Switch", "PlayStation", "Kindle"],
    "PRICE": ["五万", "三万九千", "十二万", "八万"],
    "NUM3": ["百", "五十", "二百", "三百"],
    "NUM5": ["二", "三", "五", "四"],
    "SUBJECT": ["法律", "物理", "歴史", "経済", "音楽"],
    "CLOCK": ["十時", "正午", "十一時", "一時"],
    "DATE": ["週末", "来週 の 水曜日", "月末"],
    "AGE": ["34", "27", "52", "41", "19", "63"],
    "YEAR": ["2019", "2022", "2023", "2024"],
    "ISSUE": ["価格 カルテル", "不当 表示", "情報 漏えい"],
}

TEMPLATES = [
    # train
    ("works_at", "{PER} さん は {LOC@city} の {ORG@company} で 働いて います 。"),
    ("hodo_ni_yoruto", "{ORG@media} の 報道 に よると 、 {LOC@region} の 観光客 が 過去 最多 と なった 。"),
    ("zero_meeting_moved", "{THING} に ついて の 会議 は {DAY} に 変更 に なりました 。"),
    ("spokesperson", "{ORG@company,public} の 広報 担当 、 {PER} 氏 は コメント を 控えた 。"),
    ("nomikai", "{DAY} の 飲み会 、 {PER.last} さん も 来る って ！"),
    ("zero_densha_okure", "{REASON} の ため 、 電車 が {NUM} 分 遅れて います 。"),
    ("zero_chat_seen", "誰か {THING} 見た ？ {DAY} まで に 必要 な んだ けど 。"),
    ("coach_said", "{ORG@club} の {PER.last} 監督 は 「 今季 最高 の 試合 だった 」 と 語った 。"),
    ("studied_at", "{ORG@university} で {SUBJECT} を 学んだ 後 、 彼女 は 記者 に なった 。"),
    ("direct_train", "{LOC@city} と {LOC2@near} を 結ぶ 直通 列車 が 運行 を 始めた 。"),
    ("zero_postponed", "{DAY} は 大雨 の 予報 な ので 、 {EVENT} は 延期 に なりました 。"),
    ("bijutsukan_kaikan", "{LOC@city} で {DAY} に 新しい 美術館 が 開館 する 。"),
    ("interview_with", "{PER} 氏 は {ORG@media} の インタビュー で 、 次 の 選挙 に は 出馬 しない と 述べた 。"),
    ("renraku_kita", "{PER.first} から 連絡 来た ？ {DAY} の 件 で 。"),
    ("merger_talks", "{PER} 氏 に よると 、 {ORG@company} と {ORG2@company} は 経営 統合 に 向けて 協議 して いる 。"),
    ("zero_prices", "{MONTH} の 物価 は {PCT} パーセント 上昇 した 。"),
    ("signed_with", "{PER} 社長 は {DAY} 、 {LOC@city} で {ORG@company} と {THING} に 署名 した 。"),
    ("otanjoubi", "{PER.first} ちゃん 、 お誕生日 おめでとう ！ {DAY} の パーティー 楽しみ ！"),
    ("more_tourists", "{LOC@city} の 観光客 数 が 初めて {LOC2@city} を 上回った 。"),
    ("zero_product", "新しい {PRODUCT} は {DAY} に {PRICE} 円 で 発売 される 。"),
    ("company_hiring", "{ORG@company} は 新 工場 の ため に エンジニア を {NUM3} 人 採用 する 。"),
    ("derby_result", "{ORG@club} は {DAY} 、 {ORG2@club} に 2 対 1 で 勝った 。"),
    ("lunch_chat", "{LOC@city} で {PER.first} と ランチ 、 この ラーメン 最高 ！"),
    ("zero_thanks", "{THING} 送って くれて ありがとう 、 {DAY} に 読む ね 。"),
    # dev
    ("koutsuu_jiko", "{LOC@city} で {DAY} 、 交通 事故 が あり 三 人 が けが を した 。"),
    ("study_by", "{ORG@university} と {ORG2@company} の 新しい 研究 が {LOC@city} で 発表 された 。"),
    ("zero_gomi", "{DAY} は 燃える ごみ の 日 です 、 {CLOCK} まで に 出して ください 。"),
    ("moving_after_years", "{ORG@company} で 十 年 働いた {PER} さん が {LOC@city,country} に 引っ越す 。"),
    ("storm_hit", "{DAY} 、 台風 が {LOC@region,city} を 直撃 し 、 数千 世帯 が 停電 した 。"),
    ("met_at_conference", "{PER} 氏 と {PER2} 氏 は {LOC@city} の 学会 で 知り合った 。"),
    ("zero_yoyaku", "{DAY} の {EVENT} 、 予約 は {CLOCK} から です 。"),
    ("daijin_kisha", "{PER} 大臣 は {LOC@city} で 記者 団 に 「 値上げ は しない 」 と 語った 。"),
    # test
    ("zero_ohanami", "今年 の お花見 は {DAY} 、 集合 は {CLOCK} に 駅前 で 。"),
    ("congrats_first", "{PER.first} さん 、 {DAY} の 初 マラソン 完走 おめでとう ！"),
    ("grew_up_in", "{LOC@city} で 育った {PER} さん は 、 現在 {ORG@company,media} に 勤めて いる 。"),
    ("police_arrest", "警察 に よると 、 {DAY} 、 {LOC@city} 市内 で {AGE} 歳 の {PER} 容疑者 が 逮捕 された 。"),
    ("zero_exam_moved", "{EVENT} の ため 、 英語 の テスト は {DAY} に 変更 です 。"),
    ("flights_cancelled", "{DAY} は 濃霧 の ため 、 {LOC@country,city} 行き の 便 が 欠航 した 。"),
    ("inquiry_into", "{ORG@public} は {ISSUE} の 疑い で {ORG2@company} を 調査 して いる 。"),
    ("sensei_online", "{PER.last} 先生 が {DAY} に オンライン で 質問 に 答えます 。"),
    ("fans_expected", "{DAY} は {ORG@club} の サポーター {NUM5} 万 人 が {LOC@city} の スタジアム に 集まる 見込み だ 。"),
    ("zero_natsumatsuri", "夏祭り は {DAY} から {DATE} まで 開催 されます 。"),
    ("job_interview", "{DAY} は {ORG@company,media} の 面接 ！ 応援 して ね 。"),
    ("driving_from_to", "今週末 、 {PER} と {PER2.first} は 車 で {LOC@city} から {LOC2@near} まで 行く 予定 だ 。"),
    ("zero_teiden", "{DAY} の 午前 中 は 点検 の ため {NUM} 分 ほど 停電 します 。"),
    ("chousa_ryokousaki", "{YEAR} 年 の 調査 で は 、 {LOC@country,region} が 人気 の 旅行 先 一 位 だった 。"),
    ("reported_left", "{ORG@media} に よると 、 {PER} 氏 は {DAY} に {ORG2@company} を 退社 した 。"),
    ("thanks_everyone", "{PER.first} さん と {ORG@company,club} の 皆さん 、 素敵 な 夜 を ありがとう ！"),
]
