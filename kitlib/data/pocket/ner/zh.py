"""Chinese (Simplified) data of pocket-ner (format: ``kitlib.data.pocket.ner_gen``).

News ("据新华社报道", "警方通报", "立案调查"), seasonal notices (春运、高考、庙会、双十一), social
posts and chat. Written segmented into words as in Universal NER's treebanks: a personal
name (family + given name) is one word, each city one word, multi-word organizations
("北京 大学") give I-ORG.
"""

FAMILY_FIRST = True
PERSON_JOINER = ""

GIVEN = [
    "m:伟", "f:芳", "m:磊", "f:娜", "m:洋", "f:敏", "m:勇", "f:静", "m:军", "f:艳", "m:杰", "f:娟",
    "m:涛", "f:霞", "m:明", "f:婷", "m:超", "f:秀英", "m:刚", "f:桂英", "m:浩然", "f:雨涵", "m:子轩",
    "f:欣怡", "m:宇航", "f:梓涵", "m:俊杰", "f:思琪", "m:志强", "f:丽娟",
]

FAMILY = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林",
    "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧",
]

ORG = {
    "company": ["华为", "阿里巴巴", "腾讯", "百度", "小米", "京东", "比亚迪", "中国 移动", "中国 银行",
                "美团", "字节跳动", "联想", "海尔", "格力", "茅台", "中石油", "大疆", "蔚来", "网易",
                "宁德时代"],
    "university": ["北京 大学", "清华 大学", "复旦 大学", "浙江 大学", "南京 大学", "武汉 大学",
                   "中山 大学", "同济 大学"],
    "club": ["上海 海港", "山东 泰山", "北京 国安", "成都 蓉城", "天津 津门虎", "武汉 三镇",
             "长春 亚泰", "青岛 海牛", "沧州 雄狮", "梅州 客家"],
    "public": ["国家 统计局", "中国 人民 银行", "国家 市场 监管 总局", "教育部", "卫健委", "公安部",
               "海关 总署", "证监会"],
    "media": ["新华社", "人民 日报", "央视", "澎湃 新闻", "财新", "环球 时报", "新京报", "南方 周末"],
}

LOC = {
    "city": ["北京 #zone=cn", "上海 #zone=cn", "广州 #zone=cn", "深圳 #zone=cn", "成都 #zone=cn",
             "杭州 #zone=cn", "武汉 #zone=cn", "西安 #zone=cn", "南京 #zone=cn", "重庆 #zone=cn",
             "天津 #zone=cn", "苏州 #zone=cn", "长沙 #zone=cn", "郑州 #zone=cn", "东京 #zone=jp",
             "青岛 #zone=cn", "厦门 #zone=cn", "昆明 #zone=cn", "大连 #zone=cn", "沈阳 #zone=cn",
             "哈尔滨 #zone=cn", "香港 #zone=cn", "首尔 #zone=kr", "济南 #zone=cn", "福州 #zone=cn",
             "合肥 #zone=cn", "南宁 #zone=cn", "兰州 #zone=cn", "贵阳 #zone=cn", "新加坡 #zone=sg"],
    "country": ["日本", "韩国", "美国", "法国", "德国", "泰国", "越南", "俄罗斯", "澳大利亚", "意大利"],
    "region": ["云南", "四川", "广东", "浙江", "新疆", "西藏", "海南", "内蒙古"],
}

FILL = {
    "DAY": ["周一", "周二", "周三", "周四", "周五", "周六", "周日"],
    "THING": ["报告", "合同", "预算", "方案", "计划书", "文件"],
    "EVENT": ["音乐会", "运动会", "春游", "庙会", "书展"],
    "NUM": ["五", "十", "三", "二十"],
    "PCT": ["百分之三", "百分之五", "百分之二", "百分之一"],
    "MONTH": ["一月", "二月", "三月", "四月", "十月", "十一月"],
    "PRODUCT": ["iPhone", "平板", "耳机", "手表"],
    "PRICE": ["五千", "三千九", "六千", "两千五"],
    "NUM3": ["一百", "五十", "两百", "三百"],
    "NUM4": ["三十", "二十", "十五", "四十"],
    "NUM5": ["两", "三", "五", "四"],
    "SUBJECT": ["法律", "物理", "历史", "经济", "音乐"],
    "YEAR": ["2021", "2022", "2023", "2024"],
    "AGE": ["34", "27", "52", "41", "19", "63"],
    "ISSUE": ["垄断", "虚假 宣传", "数据 违规"],
    "DATE": ["元宵节", "正月 十五", "月底"],
}

TEMPLATES = [
    # train
    ("works_at", "{PER} 在 {LOC@city} 的 {ORG@company} 工作 。"),
    ("ju_baodao", "据 {ORG@media} 报道 ， {LOC@region} 今年 的 游客 人数 创 新高 。"),
    ("zero_meeting_moved", "关于 {THING} 的 会议 改到 {DAY} 了 。"),
    ("spokesperson", "{ORG@company,public} 发言人 {PER} 拒绝 置评 。"),
    ("chi_huoguo", "{DAY} 和 {PER} 一起 吃 火锅 ， 你 来 吗 ？"),
    ("zero_chunyun", "春运 期间 ， {DAY} 的 高铁票 {NUM} 分钟 就 卖完 了 。"),
    ("zero_chat_seen", "有人 看到 {THING} 了 吗 ？ 我 {DAY} 之前 要 用 。"),
    ("coach_said", "{ORG@club} 主教练 {PER} 表示 ， 球队 踢出 了 本赛季 最好 的 比赛 。"),
    ("studied_at", "她 在 {ORG@university} 读 完 {SUBJECT} 后 当 了 记者 。"),
    ("direct_train", "{LOC@city} 到 {LOC2@near} 的 直达 高铁 开通 了 。"),
    ("zero_postponed", "{DAY} 有 大雨 ， {EVENT} 推迟 举行 。"),
    ("zixingche_guihua", "{LOC@city} {DAY} 公布 了 新 的 自行车道 规划 。"),
    ("interview_with", "{PER} 在 接受 {ORG@media} 采访 时 表示 不 会 再 参选 。"),
    ("dai_dangao", "{PER} 带 蛋糕 ， 先 别 告诉 别人 ！"),
    ("merger_talks", "{PER} 透露 ， {ORG@company} 和 {ORG2@company} 正在 洽谈 合并 。"),
    ("zero_prices", "{MONTH} 物价 上涨 了 {PCT} 。"),
    ("signed_with", "{PER} {DAY} 在 {LOC@city} 与 {ORG@company} 签署 了 {THING} 。"),
    ("shuang_shiyi", "{YEAR} 年 双十一 ， {ORG@company} 的 销售额 又 破 了 纪录 。"),
    ("more_tourists", "{LOC@city} 首次 超过 {LOC2@city} ， 成为 最 受 欢迎 的 旅游 城市 。"),
    ("zero_product", "新款 {PRODUCT} {DAY} 开售 ， 售价 {PRICE} 元 。"),
    ("company_hiring", "{ORG@company} 正在 为 新 工厂 招聘 {NUM3} 名 工程师 。"),
    ("derby_result", "{DAY} 晚 ， {ORG@club} 2 比 1 战胜 {ORG2@club} 。"),
    ("lunch_chat", "和 {PER} 在 {LOC@city} 吃 了 午饭 ， 这 家 面 太 好吃 了 。"),
    ("zero_thanks", "谢谢 你 发 来 的 {THING} ， 我 {DAY} 看 。"),
    # dev
    ("jingfang_tongbao", "{LOC@city} 警方 {DAY} 通报 了 一 起 交通 事故 。"),
    ("study_by", "{ORG@university} 和 {ORG2@company} 的 一 项 新 研究 在 {LOC@city} 发布 。"),
    ("zero_kuaidi", "{DAY} 起 快递 网点 恢复 正常 派件 ， 积压 的 包裹 {NUM} 天 内 送达 。"),
    ("moving_after_years", "在 {ORG@company} 工作 十 年 后 ， {PER} 将 搬 到 {LOC@city,country} 。"),
    ("storm_hit", "{DAY} 台风 袭击 {LOC@region,city} ， 数千 户 家庭 停电 。"),
    ("met_at_conference", "{PER} 和 {PER2} 在 {LOC@city} 的 一 次 会议 上 认识 。"),
    ("zero_qunliao", "群里 说 一下 ： {DAY} 的 {EVENT} 改成 线上 了 。"),
    ("fabuhui", "在 {LOC@city} 举行 的 发布会 上 ， {PER} 宣布 了 新 计划 。"),
    # test
    ("zero_gaokao", "今年 高考 {DAY} 开始 ， 考生 需 提前 {NUM4} 分钟 入场 。"),
    ("congrats_first", "恭喜 {PER} {DAY} 跑 完 了 第一 个 马拉松 ！"),
    ("grew_up_in", "在 {LOC@city} 长大 的 {PER} 现在 在 {ORG@company,media} 工作 。"),
    ("police_arrest", "{LOC@city} 警方 {DAY} 通报 ， {AGE} 岁 的 {PER} 已 被 刑事 拘留 。"),
    ("zero_exam_moved", "因为 {EVENT} ， 英语 老师 把 考试 改到 了 {DAY} 。"),
    ("flights_cancelled", "{DAY} 因 大雾 ， 飞往 {LOC@country,city} 的 航班 全部 取消 。"),
    ("inquiry_into", "{ORG@public} 对 {ORG2@company} 涉嫌 {ISSUE} 立案 调查 。"),
    ("yisheng_zaixian", "{PER} 医生 将 于 {DAY} 在线 回答 大家 的 问题 。"),
    ("fans_expected", "{DAY} 预计 将 有 {NUM5} 万 名 {ORG@club} 球迷 前往 {LOC@city} 。"),
    ("zero_miaohui", "春节 庙会 {DAY} 开幕 ， 一直 持续 到 {DATE} 。"),
    ("job_interview", "{DAY} 去 {ORG@company,media} 面试 ， 求 好运 ！"),
    ("driving_from_to", "这 个 周末 {PER} 和 {PER2} 要 从 {LOC@city} 开车 去 {LOC2@near} 。"),
    ("zero_tingshui", "{DAY} 上午 小区 停水 ， 预计 {NUM4} 分钟 后 恢复 。"),
    ("diaocha_mudidi", "一 项 {YEAR} 年 的 调查 显示 ， {LOC@country,region} 是 国内 游客 最 喜欢 的 目的地 。"),
    ("reported_left", "据 {ORG@media} 报道 ， {PER} {DAY} 离开 了 {ORG2@company} 。"),
    ("thanks_everyone", "感谢 {PER} 和 {ORG@company,club} 的 全体 同事 ， 今晚 太 棒 了 ！"),
]
