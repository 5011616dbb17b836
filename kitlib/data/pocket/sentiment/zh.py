"""Chinese (Simplified) data of pocket-sentiment (format: ``kitlib.data.pocket.sentiment_gen``).

Register: Chinese review-site and Weibo habits (踩雷、避雷、差评、吐槽、一般般、无功无过、中规中矩、
性价比、五星好评、绝了、种草、满分). Opinion words are bare adjectives so that 很 / 太…了 / 一点也不
combine with them; written without spaces.
"""

DOMAINS = {
    "hotel": {"t": ["这家酒店", "my:我们的房间", "这家民宿"],
              "a": ["早餐", "前台服务", "位置", "泳池", "床"]},
    "film": {"t": ["这部电影", "这部新剧", "这部续集"],
             "a": ["结局", "配乐", "演技", "剧情", "台词"]},
    "restaurant": {"t": ["这家餐厅", "市中心新开的那家店", "这家咖啡馆"],
                   "a": ["菜", "服务", "甜点", "咖啡", "环境"]},
    "phone": {"t": ["这款手机", "my:我的新平板"],
              "a": ["电池", "屏幕", "摄像头", "扬声器", "充电器"]},
    "laptop": {"t": ["my:我的新笔记本电脑", "这台笔记本"],
               "a": ["电池", "屏幕", "键盘", "触控板", "风扇"]},
    "delivery": {"t": ["这家快递", "这个外卖平台"],
                 "a": ["客服", "应用", "物流信息", "价格", "配送员"]},
    "airline": {"t": ["这家航空公司", "my:我们这趟航班"],
                "a": ["值机", "机组人员", "座位空间", "票价", "登机"]},
    "match": {"t": ["这场比赛", "my:昨晚的比赛"],
              "a": ["裁判", "防守", "现场气氛", "上半场", "门将"]},
}

GOOD = ["好", "棒", "出色", "令人满意", "给力", "惊艳"]
BAD = ["差", "糟糕", "烂", "让人失望", "差劲", "拉胯"]

FILL = {
    "day": ["周一", "周五", "下周", "这个周末", "12号", "三月", "明天", "周日"],
}

TEMPLATES = {
    "negative": [
        ("plain", "*", "{t}真的很{bad}。"),
        ("negated_good", "*", "{t}一点也不{good}。"),
        ("contrast_bad_overall", "*", "{a}还算{good}，但{t}总体来说很{bad}。"),
        ("cai_lei", "*", "踩雷了，{a}太{bad}了。"),
        ("bi_lei", "* generic", "避雷！{t}千万别选，{a}非常{bad}。"),
        ("never_again", "*", "{t}？一点都不{good}，不会再选了。"),
        ("bu_zhi_zhe_ge_jia", "hotel restaurant phone laptop delivery airline",
         "{t}完全不值这个价，{a}很{bad}。"),
        ("expectation_fail", "*", "本来以为{t}会很{good}，结果很{bad}。"),
        ("cha_ping", "*", "差评！{a}太{bad}了，完全没法接受。"),
        ("hearsay_wrong_neg", "* generic", "大家都说{t}很{good}，但其实根本不是。"),
        ("far_from", "*", "{t}远远谈不上{good}，{a}也很{bad}。"),
        ("tu_cao", "*", "忍不住吐槽一下，{a}真的太{bad}了。"),
        ("sure_but_itself_bad", "*", "没错，{a}确实{good}，但{t}本身很{bad}，不推荐。"),
        ("zai_ye_bu_xuan", "*", "再也不会选{t}了，{a}太{bad}了，让人无语。"),
        ("yi_xing_dou_bu", "*", "一星都不想给。{a}很{bad}，{a2}也好不到哪去。"),
        ("hou_hui", "*", "后悔选了{t}，{a}简直太{bad}了。"),
    ],
    "neutral": [
        ("question_or", "hotel restaurant phone laptop delivery airline generic",
         "有人体验过{t}吗？到底{good}不{good}？"),
        ("yi_ban_ban", "*", "{t}一般般吧，没什么特别的。"),
        ("evens_out", "*", "{a}很{good}，{a2}比较{bad}，算是扯平了。"),
        ("plan_try", "hotel restaurant phone laptop delivery airline generic", "打算{day}试试{t}，到时候再来说。"),
        ("fact_reopens", "hotel restaurant generic", "{t}装修完，{day}重新开业。"),
        ("fact_release", "film generic", "{t}{day}上线流媒体平台。"),
        ("you_hao_you_huai", "*", "有好有坏：{a}{good}，{a2}{bad}。"),
        ("fact_open_question", "hotel restaurant generic", "有人知道{t}{day}营业吗？"),
        ("wu_gong_wu_guo", "*", "{t}无功无过，{a}也就那样。"),
        ("fact_new_prices", "airline delivery hotel restaurant generic", "{t}宣布{day}起调整价格。"),
        ("not_sure", "*", "还说不好{t}到底是{good}还是{bad}。"),
        ("fact_yan_wu", "airline delivery generic", "提醒一下：受天气影响，{t}{day}可能会延误。"),
        ("really_as_bad", "*", "{a}真的像大家说的那么{bad}吗？"),
        ("zhong_gui_zhong_ju", "*", "中规中矩，{a}还行，{a2}有待提高。"),
        ("fact_zan_ting", "hotel restaurant generic", "通知：{t}{day}暂停营业。"),
        ("liang_ji_fen_hua", "* generic", "{t}的评价两极分化，有人夸{a}{good}，有人说{bad}。"),
    ],
    "positive": [
        ("absolutely_good", "*", "{t}真的太{good}了。"),
        ("jue_le", "*", "绝了！{a}太{good}了。"),
        ("contrast_good_overall", "*", "{a}有点{bad}，但{t}整体很{good}，推荐。"),
        ("worry_relief", "*", "本来担心{t}会很{bad}，没想到挺{good}的。"),
        ("negated_bad", "*", "{t}一点也不{bad}，挺喜欢的。"),
        ("xing_jia_bi", "hotel restaurant phone laptop delivery airline", "性价比超高，{a}很{good}。"),
        ("wu_xing_hao_ping", "*", "五星好评！{a}非常{good}。"),
        ("never_expected", "*", "没想到{t}这么{good}。"),
        ("qiang_lie_tui_jian", "* generic", "强烈推荐{t}，{a}真的{good}。"),
        ("hai_hui_zai_lai", "hotel restaurant", "还会再来的，{a}很{good}。"),
        ("wasnt_bad_and_good", "*", "{t}一点都不{bad}，{a}也很{good}。"),
        ("chao_chu_yu_qi", "*", "超出预期！{a}特别{good}。"),
        ("hearsay_wrong_pos", "* generic", "大家都说{t}很{bad}，但我觉得很{good}。"),
        ("zhong_cao", "* generic", "被朋友种草的{t}，果然没让我失望，{a}很{good}。"),
        ("man_fen", "*", "满分！{a}和{a2}都很{good}。"),
        ("still_thinking", "*", "到现在还在回味{a}，太{good}了。"),
    ],
}
