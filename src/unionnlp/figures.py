"""Key figures: the statistics a report states, as :class:`~unionnlp.model.Figure` records.

A figure is a number followed by a unit (``32689场次``, ``688.31万元``, ``95.96%``).
A number without a unit is never a figure, save a count in 万 or 亿 written in digits
(``会员人数82万``: unit ``""``). The rules:

Numbers
    Arabic digits (half- or full-width), thousands separators (``1,200``, or a space, thin
    space or no-break space between groups of exactly three digits after a lead of one to
    three: ``1 200``, ``3 000 000``; never ``2024 200``) and decimals (``1.76``), with a
    space extraction left before 多/余/万 (``80 多万名``); a minus sign (-, － or −) after a
    word (``同比增长-2.1%``, ``比上年-5%``: -2.1 %, its ``text`` from the sign), a space
    or an opening mark makes a rate or an amount of money negative, never a dash after a
    number (``3-5名``, ``2025-04-24``), before a count (``要闻-3名``) or after a channel's
    name that is all a line holds before it, with the headline going on after the figure
    (``工会动态-1000万元专项资金…``): a site's separator; Chinese
    numerals that contain a place character 十/百/千/万/亿 (``十五``, ``三千``, ``两万``,
    ``一万二千``, ``三万五``); ``百分之…`` is a percentage. One Chinese digit
    before a counter is a count (``拔河三项``, ``合计奖项九个``, ``两名同志``, ``本会二人``),
    save in a name, a slogan or an outline (the lexicon's slogans: ``八项规定``, ``两个维护``,
    ``腊八节``; ``四个一工程``, “四个意识”, ``两节``, ``四个方面``, ``两类学生：``; not a
    list of names after a colon: ``劳模三人：``), as a rank or an ordinal (``前三名``, not
    ``目前三家``; ``三届二次全委会``, ``五次全委会``, ``一、二、三名``); 一 only after
    the noun it counts, ending its clause (``设主任一名、``, ``秘书长一名（兼）``), not as an
    article (``一份力``, ``一次体检``) or in an idiom (``不漏一户``, ``四海一家``). Other
    numerals without a place character (``二〇二三``) are years or labels, not statistics;
    nor is a numeral that the segmenter reads inside a word begun before it (``红十字会``).

Multipliers 万/亿/千/千万/百万/万亿
    Applied to counts: ``1.76万个`` is 17600 个, ``18.99万人`` is 189900 人. Money keeps
    the report's unit: when 元 directly follows 万 or 亿, the unit is 万元 or 亿元 and the
    value is expressed in it (``688.31万元`` is 688.31 万元, ``两万元`` is 2 万元,
    ``3千万元`` is 3000 万元); otherwise money is in 元 (``5千元`` is 5000 元).

Units
    Counters and measures written right after the number (个 家 人 名 位 人次 场 场次 期
    份 条 项 户 所 次 件 起 篇 册 … 元 % ‰ 个百分点 倍 吨 亩 …), kept as written: 名 stays
    名. Time words (年 月 日 天 时 分 秒 周年) and 岁 are not units, so years, dates,
    times, durations (``过去5年``) and ages (``62岁``) are skipped.

Approximation
    ``approximate`` is True for 近/将近/接近/约/大约/超过/超/逾/不少于/不低于 before the
    number, 余/多/来 after it (``5000余名``, ``1万多人次``, ``300多万元``) and 左右/以上/以下
    after the unit. ``value`` is the stated number (``近3000名`` is 3000). ``text`` includes
    these markers, so ``text`` and ``offset`` cover ``近3000名`` from 近.

Skipped
    Ordinals (``第3版``, ``第一届``), digits glued to letters, other digits or a date/time
    separator (``023-6866…``, ``8:30``), numbers with a leading zero, digit strings of 11 or
    more digits (phone-like), years in ``2012届``, a frequency (a clause that ends in
    ``每年…1次``), a count of people after a pronoun (``他们二人``: those just named), a
    collection page's count of its own pieces (``工作总结（精选14篇）``,
    ``调研报告3篇`` ending a title; not ``撰写调研报告3篇，``), a plenary session's number (``十七届四中、五中全会``, ``二十届历次全会``).
    A range ``300元~5000元`` gives two figures.

Subject
    The phrase the figure measures, at most 16 characters cut at a word boundary
    (segmented with the domain dictionary). Normally it is the clause
    before the figure (back to the last punctuation mark or the previous figure), with
    brackets' contents and quote marks removed, cut after the last predicate-opening
    adverb (共, 共有, 累计, 其中, 目前, 已经 …) and stripped of a trailing verb of reaching
    (达到, 达, 为, 超过 …): ``全区总计开展劳动竞赛32689场次`` → ``开展劳动竞赛``,
    ``建会率达到95.96%`` → ``建会率``. When the figure is directly followed by a noun
    phrase (``近3000名失业人员的…``, ``5000余名职工参与学习``), when the clause before ends in
    了 or 的 or 和/与/及 (``困难职工和15名“五老”人员``), or when it is empty, the noun
    phrase after the figure is used instead, cut at the first 的 or verb such as
    参与/提供/为/觉得/认为/申报/荣获, or a word that opens a predicate (也, 将, 被, 把, an
    adverb such as 分别/依次, the preposition 按: ``4名选手分别荣获`` → ``选手``); a verb of
    rising to the next figure is none (``从190元调涨到196元``: both measure what the clause
    before names). A
    transitive verb right after the figure (``慰问金3.1万元打卡发放``) leaves the clause
    before as the subject; a bare verb after an adverb that only verbs follow keeps what
    stands before the adverb (``建设资金累计投入179.4万元``), a time word too
    (``目前已建成``), not other markers (``其中已建成`` → ``建成``); a one-character preposition
    or verb of setting up that opens the clause is dropped (``建站点15个`` → ``站点``). A rate
    stated as a standard measures it for whom it is stated: ``按每户2500元的标准`` →
    ``每户标准``, and the next figure's clause starts after the standard. List labels
    (二是) and bare scopes (全区) are not subjects. After a verb (one that ends in a
    complement such as 下/到/出/去, or takes what is counted as its object: 发放), a word of
    worth, a determiner or a copula, a figure and 的 count the noun after 的, up to a 有 that
    opens the predicate (``记下近80万字的读书笔记`` → ``读书笔记``, ``送去价值0.2万元的学习用品``
    → ``学习用品``); after a noun the figure measures it (``建会率达95%的目标`` →
    ``建会率``). A clause that holds only a total (``资助款，合计23000元``) takes its subject from the clause before it; a figure
    with only a conjunction or a verb of rising to between it and the figure before
    (``达到84.7%和79.3%``, ``从2000元上调到3000元``) measures what that one does, and 从/由
    (with a rate's 每月) before the first is no part of it; so does a multiple or a share
    after a year and 的 or a verb of comparing (``为1999年的1.8倍``). A figure in brackets
    with only a verb of totalling before it measures what the clause names before them
    (``以公务员和事业编居多（共占59.4%）`` → ``公务员和事业编``). A subject
    is empty only when all of these are. Traditional text is read in simplified characters (萬元, 達到) and
    its figures given back in its own.

Everything is compiled regular expressions and bounded look-arounds: linear in the text.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import pairwise

from unionnlp._regex import regex
from unionnlp.lines import bar_cells
from unionnlp.model import Figure
from unionnlp.resources import lexicon
from unionnlp.segment import SegmenterLike

__all__ = ["chinese_integer", "extract_figures"]

_MAX_SUBJECT = 16
_WINDOW = 48  # characters of context looked at on each side of a figure

# Full-width digits read as ASCII; the spaces between groups of digits (1 200) go.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,", " \u00a0\u2009\u202f")


def _optional(pattern: str) -> str:
    """``(?:pattern|)``: matches as ``(?:pattern)?`` does, but the regex engine sets up no
    repetition (an allocation) each time it gets there, and figures are matched often.
    """
    return f"(?:{pattern}|)"


#: What typesetting puts between groups of three digits instead of a comma (1 200, 12 500):
#: a space, a thin space, a no-break space or a narrow one.
_GROUP_SPACES = " \u00a0\u2009\u202f"
# (?:,[0-9]{3})+ written so that the engine gets to the repetition only after a comma.
# Groups apart by a space join only after a lead of one to three digits that no digit and
# space precede, and every group has exactly three digits: 2024 200名 (a year, then a count)
# and 1 2000 stay apart; past four groups the number is phone-like anyway.
_ARABIC = (
    r"[0-9]{1,3},[0-9]{3}(?:,[0-9]{3})*" + _optional(r"\.[0-9]+")
    + rf"|(?<![0-9][{_GROUP_SPACES}])[1-9][0-9]{{0,2}}(?:[{_GROUP_SPACES}][0-9]{{3}}){{1,3}}"
    + rf"(?![{_GROUP_SPACES}]?[0-9])" + _optional(r"\.[0-9]+")
    + r"|[0-9０-９]+" + _optional(r"[.．][0-9０-９]+")
)
_CN_CHARS = "〇零一二两三四五六七八九十百千万亿佰仟"  # 佰, 仟: as money writes 百, 千
#: The longest number looked at, in characters. Bounding every repetition keeps the scan
#: linear: an unbounded one rescans the rest of a run of digits or numerals (``1,1,1,…``,
#: ``一一一…``) from each of its positions.
_MAX_NUMBER = 24
_CN = (rf"[一二两三四五六七八九十][{_CN_CHARS}]{{0,{_MAX_NUMBER}}}"
       r"(?:点[〇零一二三四五六七八九]{1,6})?")  # 九十五点六, 三点五(万)


def _number(prefix: str) -> str:
    """A number pattern with named groups ``<prefix>arabic`` and ``<prefix>cn``."""
    return (
        rf"(?:(?<![0-9０-９A-Za-z.．])(?P<{prefix}arabic>{_ARABIC})"
        rf"|(?<![{_CN_CHARS}几数])(?P<{prefix}cn>{_CN}))"
    )


# Words that make the number after them approximate, each with the characters that must
# not come before it (附近 is no 近). The look-behind follows the word, so that an
# alternative that does not apply fails at once.
_PREFIX_WORDS = {
    "将近": "",
    "接近": "",
    "大约": "",
    "超过": "不",
    "不超过": "",
    "不少于": "",
    "不低于": "",
    "不足": "",
    "不到": "做得",
    "不下": "",
    "逾": "",
    "近": "附最临邻亲",
    "约": "签合契条公节制预履违相邀特续",
    "超": "赶高不",
}
_PREFIX = _optional(
    "(?P<pre>"
    + "|".join(word + (f"(?<![{not_after}]{word})" if not_after else "")
               for word, not_after in _PREFIX_WORDS.items())
    + ")"
)
_PREFIX_ENDS = frozenset(word[-1] for word in _PREFIX_WORDS)
_PREFIX_LEN = max(map(len, _PREFIX_WORDS))
# 仟 and 佰 are the forms of 千 and 百 that money is written in (1亿5仟万元).
_MULT = _optional(r"(?P<mult>万亿|[千仟]万|[百佰]万|万|亿|[千仟])")
# Longest alternatives first; look-aheads keep words such as 项目, 部门, 组织 out
# (``resources/lexicon.toml``).
_UNITS = "|".join(unit + (f"(?!{'|'.join(unless)})" if unless else "")
                  for unit, unless in lexicon().units)
_FIGURE_RE = regex(
    _PREFIX
    + r"(?:百分之"
    + _number("p")
    + r"|"
    + _number("")
    # 80 多万名, 82 万: a space that extraction left inside the number
    + _optional(r"[ \u00a0\u3000](?=[余多来万亿千])")
    + _optional(r"(?P<a1>余|多|来)")
    + _MULT
    + _optional(r"(?P<a2>余|多)")
    # 320 户: a space that extraction left between number and unit; or no unit after a
    # count in 万 or 亿 (会员82万, 近3亿), which _skip keeps for Arabic digits only
    + rf"(?:[ \u00a0\u3000]?(?P<unit>{_UNITS})|(?<=[万亿])|(?<=[万亿][余多])))"
    + _optional(r"(?P<post>左右|以上|以下)")
)
# Where _FIGURE_RE's number can start: a digit not after a digit, a Chinese numeral or 百
# of 百分之, running into a unit. Splitting _UNITS at every | also yields the words of its
# look-aheads, which only makes the filter looser. A pattern that opens with a character
# class is scanned for fast.
_UNIT_STARTS = re.escape("".join(sorted({word[0] for word in _UNITS.split("|")})))
_NUMBER_START_RE = regex(
    rf"[0-9０-９一二两三四五六七八九十百](?<![0-9０-９]{{2}})"
    rf"(?=[0-9０-９,.．{_CN_CHARS}点余多来 \u00a0\u2009\u202f\u3000]{{0,{_MAX_NUMBER}}}"
    rf"(?:[{_UNIT_STARTS}]|(?<=[万亿余多]))|分之)"
)

_CN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_MULTIPLIERS = {
    "": 1,
    "千": 1000,
    "仟": 1000,
    "万": 10**4,
    "百万": 10**6,
    "佰万": 10**6,
    "千万": 10**7,
    "仟万": 10**7,
    "亿": 10**8,
    "万亿": 10**12,
}
_YEAR_UNITS = {"届"}
_SEPARATORS = "-/:－／："  # of dates, times and phone numbers

# --- subject ---------------------------------------------------------------------------

_DELIMS = "，。；：！？、,;:!?\n\r\t 　…—～~|/"
#: A hyphen too, where a site joins a channel's name to a headline by one (首页-50人…), but
#: not one between two digits or two letters: a range or a compound inside the clause
#: (1-6月新增会员, 3-6岁, 2023-2024年度, A-B类企业).
_HYPHEN = r"(?:(?<![0-9A-Za-z])[-－]|[-－](?![0-9A-Za-z]))"
_DELIM_RE = regex(f"[{re.escape(_DELIMS)}]|{_HYPHEN}")
_LAST_DELIM_RE = regex(f"(?s:.*)(?:[{re.escape(_DELIMS)}]|{_HYPHEN})")  # greedy: the last one
_OPEN = "（(【["
_CLOSE = "）)】]"
_QUOTES = "“”‘’\"'「」『』《》〈〉"
_QUOTES_RE = regex(f"[{re.escape(_QUOTES)}\\s]")
_NOISE_RE = regex(f"[{re.escape(_QUOTES + _OPEN + _CLOSE)}\\s]")  # what _clean removes
# Adverbs that open a predicate: the subject starts after the last one. Every alternative
# starts with its character (look-behinds come after it), which the regex engine scans for.
_MARKER_RE = regex(
    r"共建有|共有|现有|拥有|建有|设有|共计|总计|合计|累计|总共|一共|合共有|合共(?![建享赢])"
    r"|共同|共(?<![公总]共)(?![享青产性识赢建])"
    r"|其中|此外|另外|同时|全年|今年以来|去年以来|以来|今年|去年|当年|目前|已经|已(?<!而已)"
    r"|眼下|如今|本年度|一年来|一年里|一年下来|多年来|近年来"
    r"|先后|相继|分别"
    r"|仅(?<!不仅)|还(?<![偿返退归交送奉发追索讨赔找清生]还)(?![款贷原清])|又|便(?![民利捷于])"
)
_MARKER_LEN = 5  # the longest marker
#: A standard a rate is stated as (按每人300元的标准, 按每人3500元至4500元不等的标准).
_STANDARD_RE = regex(r"(?:不等)?的?标准(?![化件间])")
#: Whom or what a rate is stated for, right before it: 每人, 每户, 每名职工.
_PER_RE = regex(r"每[\u4e00-\u9fff]{1,4}$")
#: Markers that only a verb follows (已建成, 累计投入, 分别决出), unlike 其中, 目前 or 全年,
#: which a noun may follow (其中会员, 目前会员).
_VERB_ADVERB_RE = regex("已经|已|累计|共计|总计|合计|总共|一共|共|分别|先后|相继")
#: Markers that say when, unlike 其中, 同时 or 另外: before such an adverb and a bare verb
#: they set the figure's period apart (此前已建成86家, 目前已建成42家; 全年共服务, as the
#: train twins' annotators give it: 全年服务).
_TIME_MARKERS = frozenset((
    "全年", "今年以来", "去年以来", "今年", "去年", "当年", "目前", "眼下", "如今", "本年度",
    "一年来", "一年里", "一年下来", "多年来", "近年来"))
_TRAILING = ("增加到|增加至|增长到|增长至|提高到|提高至|提升到|提升至|上调到|上调至|下调到|下调至"
             "|扩大到|扩大至|调整为|调整到|调整至|增至|降至|降到|升至|高达|定为|订为|定于|订于"
             "|稳定在|保持在|维持在|控制在|一直|始终|若"
             "|突破|达到|达|为|是|超过|超|逾|约|近|就|有|共计|总计|合计|累计|共|计|和|与|及|已经|已|全部|按期"
             "|陆续|顺利|现场|均|都|各|合占|占到|占|新台币|台币|港币|人民币|澳门币").split("|")
# 人均, 户均 and 平均 are what is measured, not 均 (all).
# 成就, 造就 are nouns and verbs of their own, not 就 (then).
_TRAILING_RE = regex(f"(?:{'|'.join(_TRAILING)})(?<![人户月日年平]均)(?<![成造迁将]就)$")
# After a figure, a conjunction, a modal (驿站可提供) or a word of more than one character.
_AFTER_TRAILING_RE = regex(
    f"(?:{'|'.join(w for w in _TRAILING if len(w) > 1 or w in '和与及均都')}|可|能|将)"
    "(?<![人户月日年平]均)$")
_TRAILING_ENDS = frozenset(word[-1] for word in _TRAILING)
_TRAILING_LEN = max(map(len, _TRAILING))
# What a subject does not start with; ``scope`` is a bare scope that is all there is after.
_LEADING_RE = regex(
    "^"
    # 的 left by the figure before (月工资3000元以上的职工有200人): 的士 and 的确 are words
    + _optional(r"的(?![士确])")
    + _optional(r"我们|[一二三四五六七八九十]+是|首先|其次|再次|最后")
    + _optional(r"[0-9]{4}年(?!度)" + _optional(r"底|初|末|以来"))
    + _optional(r"以及|并且|而且|并|和|与|及|且")
    + _optional(
        r"(?P<scope>[为对向给在]?(?:全区|全市|全县|全省|全国|全镇|全集团|全公司|该区|该市|该县|该公司)$)"
    )
)
# A currency written after its amount (592.43万元人民币) belongs to the amount, not to what it measures.
_AFTER_LEADING_RE = regex(r"^(?:的|都是|均为|均是|都|均|是|为|人民币|港币|港元|新台币|台币|澳门币|澳门元|美元)")
#: Verbs that take what a figure counts as their object (发放, 追回, 送去 …).
_OBJECT_VERBS = (r"提供|建立|开展|进行|共计|累计|发放|追回|讨回|挽回|办理|领取|申领|签订|完成|举办"
                 r"|送去|送上|送出|送来")
_AFTER_CUT_RE = regex(
    r"的|参与|参加|摆脱|免费|通过|获得|得到|实现|享受|受益|为|都|均|是|接受|入会"
    r"|逐一|逐个|逐户|逐家|一一|与|以及"
    # verbs that a counted noun is the agent or the receiver of (103名学生申报并通过审核,
    # 14个县区总工会荣获…, 为120名环卫工人送去…)
    r"|荣获|喜获|获评|获颁|申报|惠及|" + _OBJECT_VERBS
)
# The verb of the clause a counted noun opens (3名常务理事觉得…), or a word before it that
# opens the predicate (也, 将, 被, 把, 还, 常, 让, 正在, 属于; an adverb of how the many
# act, 分别, 依次, 纷纷: 4名选手分别荣获; a preposition of manner, 按照 or 按 before what
# it goes by: 23个镇街总工会按抽签顺序依次汇报, not inside a noun: 按压式饮水机, 按需服务站;
# a preposition of what the predicate is about: 三家单位围绕工会工作作交流, 针对 (not in
# 针对性), 聚焦),
# only after a noun of two
# characters and before more of the clause: inside a noun they are none (被褥, 一把手, 老将,
# 棉被, 毛巾被和空调被, 常务理事, 家庭常用药品, 职工常备药箱, 转让). A verb of paying back
# (追还, 偿还, 退还) opens the predicate from its first character (12名职工追还欠薪).
_AFTER_VERB_RE = regex(
    r"觉得|认为|表示|属于|(?<=..)(?:围绕|针对(?!性)|聚焦|正在|[将被把也]|分别|依次|纷纷|相继|先后|按照|按(?=时|月|季|年|日|周|规定|要求|标准|程序|抽签|顺序|比例|每)|[偿返退归交送奉发追索讨赔找清]?还(?![款贷原])"
    r"|(?<![日正经通平非异反寻照家])常(?![务委态规年驻住用备青见设])|(?<![转出])让)(?![和与及或]|$)")
# A transitive verb right after a figure: what the figure counts stands before it, as
# part of the verb's object (慰问金3.1万元打卡发放, 现金300元设置), not after. Not a verb
# whose doer the figure counts (2000多万人次参与, 600人次受益, 20人入会: the verb says what
# they are counted for), nor after a preposition that names whom the verb serves
# (为2700多人提供培训: :data:`_TO_WHOM_RE`).
_AFTER_OBJECT_VERB_RE = regex(_OBJECT_VERBS + "|打卡|设置|命名")
_TO_WHOM_RE = regex(r"[为给向对替帮]$")
#: A phrase before 的 that says what the noun after it is like, not a noun itself: it
#: opens with 有 or an adverb of degree, or ends in an adjective (表现突出, 有求职意向,
#: 比较棘手, 生活困难), unlike 失业人员(的就业难题).
_MODIFIER_RE = regex(
    r"(?:有|没有|比较|较为|十分|非常|特别|表现|成绩)\w*"
    r"|\w*(?:突出|优秀|棘手|困难|先进|严重|贫困|较大|较多|良好|优异)")
#: A verb of rising or falling to a figure (上调到, 调涨至, 提高为, 增至): what leads from one
#: figure of a change to the next (从2000元上调到3000元, 从190元调涨到196元).
_CHANGE_TO = (r"(?:上调|下调|调高|调低|调涨|调升|调降|提高|提升|增加|增长|扩大|减少|下降|降低|上升|调整)"
              r"[到至为]|增至|降至|降到|升至|升到")
# After a figure, an adverb opens a predicate (38件全部办结), not the noun phrase it counts.
_AFTER_PREDICATE_RE = regex(r"全部|全都|均已|已经|已|分别|先后|同比|陆续|顺利|圆满|成功|不等|等|之多|之久"
                            # 从190元调涨到196元: a verb of rising or falling to the next figure
                            r"|" + _CHANGE_TO)
#: A one-character word that opens a clause before the figure without being part of what
#: it measures: a preposition, a conjunction, 另 (besides), or a verb of building or setting
#: up whose object the figure counts (建站点近9.6万个: 9.6万 stations). Not 为: at a
#: clause's start it may be the verb of reaching (为任务的50%).
_LEADING_WORD_RE = regex("[在经或另按对向给从由把将建设]")
#: A clause that compares a figure with a year's (为1999年的1.8倍, 相当于上年的1.2倍):
#: nothing of what is measured.
#: Only a multiple or a share does so, and only after 的 or a verb of comparing: a year that
#: opens a clause (，2023年12名职工…, 去年300人) says when, not than what.
_YEAR = r"(?:[0-9]{4}\s*年|去年|上年|上一年|前年)(?:同期|底|末)?"
_THAN_YEAR_RE = regex(rf"[，,；;：:]\s*(?:(?:为|是|相当于|达到|达|约为|接近)\s*{_YEAR}的?|{_YEAR}的)\s*$")
#: The units of a figure that compares with a year's: a multiple or a share.
_THAN_UNITS = frozenset(("倍", "%", "％"))
#: A clause before a figure and 的 that is the verb leading to it (记下, 能领到, 送去, 发放) or
#: a word of worth (价值), rather than what it measures, when a noun follows 的: it ends in a
#: verb's complement or is an object verb, or it is one character (送, 捐). A noun before
#: the figure (建会率达95%的目标, 会员500名的企业工会) is what it measures; not a determiner, a
#: period or a copula that leads into the figure (我这笔1.5万元的, 每个月3万多元的, 是渔工
#: 19000元的: the noun after 的 is what they measure).
_VERB_BEFORE_RE = regex(rf"(?:[下到出去了回得成有只仅才就]|价值|{_OBJECT_VERBS})$"
                        r"|^(?:是|[我你他她它]?们?[这那每该此][\u4e00-\u9fff]{0,2}$)")
#: 有 after the noun after 的 opens the predicate (…以上的职工有200人).
_HAS_RE = regex("(?<=..)(?<![国所共拥享具含没只还占持私公固特原现专])有")
#: 从 or 由 that opens a change from the figure (月补助从2000元上调到3000元, 补助标准由每月500元
#: 提高到800元), with whom or how often it is for: no part of what is measured. Not in a
#: word (服从, 理由, 自由).
_FROM_RE = regex(r"(?<![服随听跟自打])从(?:每[\u4e00-\u9fff]{1,2})?$"
                 r"|(?<![理自缘事来经因根])由(?:每[\u4e00-\u9fff]{1,2})?$")
#: What joins a figure to the one before it when both measure one thing: a conjunction
#: (84.7%和79.3%) or a verb of rising or falling to (从2000元上调到3000元, 由500元提高到800元).
_JOINED_RE = regex(r"[ \u00a0\u3000]*(?:和|与|及|或|以及|" + _CHANGE_TO + r")[ \u00a0\u3000]*")
#: A clause before a figure that says only that it is a total, an amount or about so much.
#: No run of its words reads two ways (共计 is one word, never 共 and 计), so that the
#: repetition matches in linear time: 共计共计… would otherwise be tried in 2**n splits.
_TOTAL_ONLY_RE = regex(
    r"(?:另|并|还|又|共(?!计)|合计|共计|总计|合共|累计|总共|一共|计|约|近|达|达到|有|为|涉及)+")
#: What may lead into a figure in brackets that only adds an amount to the clause before
#: it (（共占59.4%）, （合计200人）, （约占三成）).
_AMOUNT_LEAD_RE = regex(r"(?:共计|合计|总计|共|合|各|约|仅|均|分别)?(?:占到|占|计|有|为|达|约)?")
#: A clause that names the larger part of a whole: 以公务员和事业编居多, 会员以青年职工为主
#: (not the 以 of 可以, 所以, 予以, nor of 以上, 以下, 以内: 中年以上职工居多).
_MOSTLY_RE = regex(r"(?:.{0,8}?[^可所予加难足得])?以(?![上下内外来后前及])(.{2,}?)(?:居多|为主|为多|最多)")
_SOFT_BOUNDARIES = frozenset("的了出为对向给与将把在从有")


_SESSION_RE = regex(
    r"[一二三四五六七八九十\d]*中?全会|[一二三四五六七八九十]+中(?=[、，,和及与])|历次全会|全国|人大|政协|党代会|代表大会|[一二三四五六七八九十\d]+次"
    r"|全委|常委|执委|委员会|理事会|会员代表|职代会|工代会")


def _slogan(phrase: str) -> str:
    """A pattern that matches ``phrase`` (八项规定, 腊八节) at its digit: what stands
    before the digit is looked behind for."""
    at = next(i for i, ch in enumerate(phrase) if ch in _CN_DIGITS)
    head = f"(?<={re.escape(phrase[:at])})" if at else ""
    return head + re.escape(phrase[at:])


#: A count of one digit in Chinese (三项, 两家) that names, slogans or an outline hold: the
#: lexicon's slogans (八项规定, 两个维护, 腊八节), 两节 (the two festivals), 两个方面, and a
#: count of 个 before 一 (四个一工程, 三个一百, 两个一百年), save 一线 (两个一线班组).
_ONE_DIGIT_PHRASE_RE = regex(
    "|".join(map(_slogan, lexicon().figure_slogans))
    + r"|两节(?!课)|[两三四五六七八九]个(?:方面|层面|部分|一(?!线))")
#: What a count of one digit in Chinese stands after as a rank, an ordinal or a fraction, not
#: a count: 前三名, 三届二次, 一、二、三等奖, 三分之二票数; or a quote mark that opens a slogan (“四个意识”).
_ONE_DIGIT_NOT_AFTER = "前届之“\"「『‘《"
#: How far from a count a slogan's quote marks stand, and what stands between (none of the
#: clause's marks).
_SLOGAN_HEAD = 4
_IN_SLOGAN = "[^，。；：！？、,;:!?\\s“”\"「」『』‘’《》]"
#: What ends a slogan in quote marks after a count of one digit in it (“四个意识”, “做到四个亮”,
#: “五个一”工程): a closing quote mark within a few characters.
_SLOGAN_RE = regex(f"{_IN_SLOGAN}{{0,{_SLOGAN_HEAD}}}[”\"」』’》]")
#: What stands before the digit when the quote mark after it closes a slogan (“做到四个亮”):
#: an opening quote mark within a few characters, none of the clause's marks between.
_SLOGAN_OPEN_RE = regex(f"[“\"「『‘《]{_IN_SLOGAN}{{0,{_SLOGAN_HEAD}}}$")
#: Words ending in 前 that say when (目前, 此前), not a rank (前三名).
_BEFORE_NOW = frozenset(("目前", "此前", "之前", "以前", "日前", "当前", "眼前", "先前", "从前",
                         "提前", "事前", "年前", "月前"))
#: A plenary session that a count of one digit and 次 names (五次全委会, 三次全会).
_PLENARY_RE = regex(r"中?全会|全委|全体委员|常委会|执委会")
#: Counters of people: a count of them before a colon is a list of names, not an outline.
_PERSON_UNITS = frozenset("人名位")
#: The counters 一 counts with as a statistic (主任一名, 礼品一份), not as an article (一份
#: 力, 一次体检, 不漏一人).
_ONE_UNITS = frozenset("名家位个份项户所件篇册本套台辆座间张支队组块")
#: A count of one digit in Chinese that heads an outline of what it counts, its items after
#: a colon or a dash (两类学生：一类是……, 拟定了两类样本——《……》): no statistic.
_OUTLINE_AFTER_RE = regex(r"[\u4e00-\u9fff]{0,8}[：:—]")
#: A clause that ends in a count of times after 每 and a period (群监员每年由群监会调剂1次。)
#: states how often, not how many; not one where the count goes on to what is done (每月开展
#: 12次活动) or to a standard (按每季度2次的标准).
_EVERY_RE = regex(r"每(?:年度?|半年|季度?|月|周|星期|天|日|学期)")
_HAN_RE = regex("[\u4e00-\u9fff]")
_ORDINAL_LIST_RE = regex(rf"第(?:[0-9０-９{_CN_CHARS}]+[、，,和及])+$")
_CURRENCY_SIGN_RE = regex(r"[$¥￥]|MOP")
_CURRENCY_RE = regex(
    r"(?<![A-Za-z])(?P<cur>(?:HK|NT|US|MOP|RMB)?\$|MOP|[¥￥])[ \u00a0]?"
    r"(?P<number>[0-9０-９](?:[0-9０-９]|,(?=[0-9]{3}))*(?:[.．][0-9０-９]+)?)(?![0-9０-９.．])"
    r"(?P<mult>万亿|[千仟]万|[百佰]万|万|亿|[千仟])?(?P<yuan>元)?"
)
# A year and 起 after 自/从/由 or where a clause starts: "since", no count of cases.
_SINCE_YEAR_RE = regex(r"(?:^|[自从由于，。；：,;:\s])\s*(?:19[4-9]\d|20\d\d)\s*年?\s*起")
_RANGE_MARKS = "至到~～-—－"
#: A minus sign: the hyphen-minus, its full-width form and the mathematical minus.
_MINUS = "-－−"
_MINUS_RE = regex(f"[{re.escape(_MINUS)}][0-9０-９]")
#: What a minus sign stands after: a Chinese character that is no numeral or unit of
#: magnitude (增长-2.1%), a colon, a comma, an enumeration comma, a semicolon or an opening
#: bracket, possibly with spaces before the sign.
_MINUS_AFTER_RE = regex(rf"[\u4e00-\u9fff：:，,、；;（(](?<![{_CN_CHARS}第])")
#: A word that a sign joined to it (no space between) stands after: one that states a
#: change, a comparison or a value, or a list's conjunction (增长-2.1%, 同比-3%,
#: 下降为-3.5个百分点, 利润总额-300万元, 分别增长-2.1%和-0.8%). After any other word the
#: dash joins it to the number as a site's separator joins a channel's name to a headline
#: (工会动态-1000万元, 首页-50%): no sign.
_SIGN_WORD_RE = regex(
    r"(?:增长|增加|增速|增幅|下降|下滑|下跌|降低|降幅|减少|减幅|上升|上涨|涨幅|跌幅|回落|提高"
    r"|变动|变化|同比|环比|相比|为|是|达|至|到|计|率|额|值|量|数|差|润|收入|支出|结余|余额|盈亏"
    r"|亏损|和|与|及|或)$")
_SIGN_WORD_LEN = 2
#: The longest channel's name a site puts before a headline (工会动态, 劳模风采, 职工之家).
_MAX_CHANNEL = 6
#: What may stand between that and the sign (同比 -2.1%, a table's 增长率<tab>-2.1%).
_SPACES = " \t\u3000\u00a0"
_RANGE_RE = regex(rf"\s*[{re.escape(_RANGE_MARKS)}]\s*")
_RANGE_MARK_RE = regex(f"[{re.escape(_RANGE_MARKS)}]")
_RANGE_HEAD_RE = regex(
    rf"(?<![0-9０-９.．,/:－／：\-])(?P<number>[0-9０-９]{{1,6}}(?:[.．][0-9０-９]+)?)(?P<mult>万|[千仟]|亿)?"
    rf"\s*[{re.escape(_RANGE_MARKS)}]\s*$")


def extract_figures(text: str, offset: int = 0, *,
                    segmenter: SegmenterLike = "auto") -> list[Figure]:
    """Return the figures stated in ``text``, in text order.

    ``offset`` is added to each figure's position, for text cut from a larger document;
    ``segmenter`` (or its backend name) finds the word boundaries where a long subject is cut.
    Traditional characters are read as their simplified forms (萬元 is 万元, 達到 a verb of
    reaching before the figure), and given back as written.
    """
    from .convert import has_traditional, to_simplified

    if not has_traditional(text):
        return _extract(text, offset, segmenter)
    view = to_simplified(text)  # one character for one: the same offsets
    return [_as_written(f, f.offset - offset, view, text)
            for f in _extract(view, offset, segmenter)]


def _as_written(figure: Figure, start: int, view: str, text: str) -> Figure:
    """``figure``, found at ``start`` in ``view`` (``text`` in simplified characters), in
    ``text``'s own characters."""
    written = text[start:start + len(figure.text)]
    at = figure.text.rfind(figure.unit) if figure.unit else -1
    unit = figure.unit if at < 0 else written[at:at + len(figure.unit)]
    subject = figure.subject
    if subject:
        # The subject stands before the figure, or after it, within the window read.
        lo, hi = max(start - _WINDOW, 0), min(start + len(figure.text) + _WINDOW, len(view))
        places = _places(subject, view, lo, hi) or _places_apart(subject, view, lo, hi)
        subject = "".join(text[i] for i in places) if places else subject
    return Figure(figure.value, unit, subject, written, figure.approximate, figure.offset)


def _places(subject: str, view: str, lo: int, hi: int) -> list[int] | None:
    """Where ``subject``'s characters stand in ``view[lo:hi]``, in order: as one run, else
    with the quote marks, brackets and spaces that :func:`_clean` removed between them."""
    at = view.rfind(subject, lo, hi)
    if at >= 0:
        return list(range(at, at + len(subject)))
    start = view.find(subject[0], lo, hi)
    while start >= 0:
        places = [start]
        for char in subject[1:]:
            i = places[-1] + 1
            while i < hi and view[i] != char and _NOISE_RE.match(view, i):
                i += 1
            if i >= hi or view[i] != char:
                break
            places.append(i)
        else:
            return places
        start = view.find(subject[0], start + 1, hi)
    return None


def _places_apart(subject: str, view: str, lo: int, hi: int) -> list[int] | None:
    """Where ``subject``'s characters stand in ``view[lo:hi]``, in order, with anything
    between them: a subject put together from two places (每户 … 标准)."""
    places: list[int] = []
    at = lo - 1
    for char in subject:
        at = view.find(char, at + 1, hi)
        if at < 0:
            return None
        places.append(at)
    return places


def _extract(text: str, offset: int, segmenter: SegmenterLike) -> list[Figure]:
    figures: list[Figure] = []
    matches = _matches(text)
    if not matches:
        return figures
    count = len(matches)
    # ranged[i]: matches i and i + 1 are the two ends of a range (300元至5000元).
    ranged = [False] * (count - 1)
    if ranged and _RANGE_MARK_RE.search(text):  # most paragraphs have no range mark
        ranged = [
            _RANGE_RE.fullmatch(text, a[1], b[0]) is not None
            for a, b in pairwise(matches)
        ]
    # first_of[i], last_of[i]: the first and last match of the range that holds match i.
    first_of = list(range(count))
    last_of = list(range(count))
    for i in range(1, count):
        if ranged[i - 1]:
            first_of[i] = first_of[i - 1]
    for i in range(count - 2, -1, -1):
        if ranged[i]:
            last_of[i] = last_of[i + 1]
    table = "\t" in text or "|" in text or "｜" in text
    prev_end = 0
    for i, (start, end, groups) in enumerate(matches):
        pre, parabic, pcn, arabic, cn, a1, mult, a2, unit, post = groups
        first, last = first_of[i], last_of[i]
        if unit is None and last > i:  # 3-5万元: 3万元; 500至1000元: 500元
            last_groups = matches[last][2]
            unit, mult = last_groups[8], mult or last_groups[6]
        if cn is not None and _numeral_in_word(text, start + len(pre or ""), end, segmenter):
            continue  # 红十字会: the numeral is part of a name
        parsed = _value(parabic, pcn, arabic, cn, mult, unit)
        if parsed is None:
            continue
        value, unit = parsed
        next_start = matches[last + 1][0] if last + 1 < count else len(text)
        if first == last:
            subject = _subject(text, start, end, prev_end, next_start, segmenter)
        else:  # both ends of a range measure what follows it, else what precedes it
            range_end = matches[last][1]
            before = matches[first - 1][1] if first > 0 else 0
            subject = (_subject(text, range_end, range_end, range_end, next_start, segmenter)
                       or _subject(text, matches[first][0], range_end, before, next_start,
                                   segmenter))
        if (figures and unit in _THAN_UNITS
                and _THAN_YEAR_RE.search(text, max(prev_end, start - 16), start)):
            # 达到4739个，为1999年的1.8倍: the multiple compares what the figure before
            # measures with a year's.
            subject = figures[-1].subject
        elif ((not subject or _JOINED_RE.fullmatch(subject) is not None)
              and figures and prev_end < start
              and _JOINED_RE.fullmatch(text, prev_end, start) is not None):
            # 从2000元上调到3000元, 84.7%和79.3%: what the figure before measures, this one
            # measures too (the verb between is none of it: 从190元调涨到196元); not after
            # another verb (300户计60万元, 50万元惠及3000人).
            subject = figures[-1].subject
        if table:
            subject = _row_label(text, start, segmenter) or subject
        approximate = bool(pre or a1 or a2 or post)
        # Positional: the frozen dataclass is built faster so, once per figure.
        figures.append(Figure(value, unit, subject, text[start:end], approximate, start + offset))
        prev_end = _standard_end(text, end)
    return figures


_Groups = tuple[str | None, ...]  # a match's groups, in the pattern's order


def _word_at(text: str, at: int, segmenter: SegmenterLike) -> tuple[int, int]:
    """Start and end of the word that holds ``text[at]``, as the segmenter reads the few
    characters around it."""
    from .segment import resolve

    lo = max(at - 3, 0)
    pos = lo
    for word in resolve(segmenter).cut(text[lo : at + 4]):
        if pos + len(word) > at:
            return pos, pos + len(word)
        pos += len(word)
    return at, at + 1


def _numeral_in_word(text: str, at: int, end: int, segmenter: SegmenterLike) -> bool:
    """Whether the Chinese numeral at ``at`` (its figure ending at ``end``) is inside a word,
    a name or a term that starts before it and goes on past the figure's measure word
    (红十字会: 字会 after 十): no count. A word that only glues the character before onto
    the figure is none (达七|万八千五百元, 近九成, 共五人, 这三名, 镇六所: real counts);
    三八红旗手 is none either (三八 starts there)."""
    if at == 0 or _HAN_RE.match(text, at - 1) is None or text[at - 1] in _CN_CHARS:
        return False
    word_start, word_end = _word_at(text, at, segmenter)
    return word_start < at and word_end > end



def _matches(text: str) -> list[tuple[int, int, _Groups]]:
    """Start, end and groups of ``_FIGURE_RE.finditer(text)``, without the skipped matches.

    The regex is tried only where a number starts and at the few positions before it that
    can hold a prefix (近, 不少于 …): scanning every position of the text costs far more.
    """
    matches: list[tuple[int, int, _Groups]] = []
    pos = 0
    for number in _NUMBER_START_RE.finditer(text):
        at = number.start()
        if at < pos:
            continue
        m = None
        if at > pos and text[at - 1] in _PREFIX_ENDS:
            for start in range(max(pos, at - _PREFIX_LEN), at):
                if (m := _FIGURE_RE.match(text, start)) is not None:
                    break
        if m is None and (m := _FIGURE_RE.match(text, at)) is None:
            continue
        pos = m.end()
        groups = m.groups()
        if not _skip(text, m, groups):
            if groups[8] is not None and (head := _range_head(text, m.start())) is not None:
                if not matches or matches[-1][1] <= head[0]:
                    matches.append(head)  # 3-5名: the range's first end, with no unit of its own
            matches.append((m.start(), pos, groups))
    if any(g[8] is None and g[6] in _JOIN_HEADS for _, _, g in matches):
        matches = _joined(text, matches)
    if _CURRENCY_SIGN_RE.search(text) is not None:
        matches = _with_currency(text, matches)
    if _MINUS_RE.search(text) is not None:  # most paragraphs have no minus sign
        matches = _signed(text, matches)
    return matches


def _can_fall(unit: str) -> bool:
    """Whether a figure in ``unit`` can be negative: a rate (%, ‰, 个百分点) or money."""
    return unit in ("%", "％", "‰", "个百分点", "百分点") or unit.endswith("元")


def _signed(text: str, matches: list[tuple[int, int, _Groups]]) -> list[tuple[int, int, _Groups]]:
    """``matches`` with a minus sign before a number in digits taken in (增长-2.1%,
    下降为－3.5个百分点): the figure starts at the sign, its number is negative. A dash is
    a minus only after a word or an opening mark: after a digit, a numeral or 万 it marks a
    range or a date (3-5名, 2025-04-24, 5万-8万元), right after a figure a range
    (300元-5000元), after a code's 号 (备12004590号-1) part of the code. Only a rate or
    an amount of money can be below zero: before a count the dash is a site's separator
    (工会要闻-3名职工获表彰). A dash joined to a word is a sign only after a word that
    states a change or a value (:data:`_SIGN_WORD_RE`): after a channel's name it is the
    separator of a site's title (工会动态-1000万元); after a space, a tab or a mark it
    stands before the number as a sign does (同比 -2.1%, a table's 增长率<tab>-2.1%)."""
    out: list[tuple[int, int, _Groups]] = []
    prev_end = 0
    for start, end, groups in matches:
        before = start - 2
        while before >= 0 and text[before] in _SPACES:
            before -= 1
        if (groups[3] and groups[0] is None and before >= 0 and text[start - 1] in _MINUS
                and groups[8] is not None and _can_fall(groups[8])
                and _MINUS_AFTER_RE.match(text, before) is not None
                and (before < start - 2 or not _HAN_RE.match(text, before)
                     or _SIGN_WORD_RE.search(text, max(before + 1 - _SIGN_WORD_LEN, 0),
                                             before + 1) is not None
                     or not _is_separator(text, start - 1, end))
                and text[prev_end:start - 1].strip()
                and not text[before - 1 : before].isdigit()):
            out.append((start - 1, end, (*groups[:3], "-" + groups[3], *groups[4:])))
        else:
            out.append((start, end, groups))
        prev_end = end
    return out


#: What a site's navigation puts between a line's parts (首页 > 工会要闻, 首页 | 要闻).
_NAV_MARKS = " \u3000\t>＞|｜/／»"
_SEPARATED_RUN_RE = regex(f"[^{re.escape(_DELIMS + _NAV_MARKS)}]{{1,{_MAX_CHANNEL}}}")


def _is_separator(text: str, dash: int, end: int) -> bool:
    """Whether the dash at ``text[dash]``, joined to the word before it and to the figure
    ``text[dash + 1:end]``, is a site's separator between a channel's name and a headline
    (首页-50%以上职工…, 首页 > 工会动态-1000万元专项资金…): the word before it is all the
    line holds before the dash (after the navigation marks), short and without a mark,
    and the headline goes on after the figure. A sign ends its clause or its line (比上年
    -5%。, 财政拨款-200万元)."""
    if not _HAN_RE.match(text, end):
        return False
    line = text.rfind("\n", 0, dash) + 1
    head = max(line, *(text.rfind(c, line, dash) + 1 for c in _NAV_MARKS))
    return _SEPARATED_RUN_RE.fullmatch(text, head, dash) is not None


#: The multipliers of a count that a smaller one with the unit may follow (1亿5000万元).
_JOIN_HEADS = ("万", "亿")


def _joined(text: str, matches: list[tuple[int, int, _Groups]]
            ) -> list[tuple[int, int, _Groups]]:
    """``43万6千人``, ``1亿2千万元``, ``1亿5000万元`` and ``1万5000元`` as one figure each:
    a count in 万 or 亿 with no unit and the smaller count right after it
    (or after the one space a PDF's extraction leaves: ``1亿 5000万元``) that carries one.
    A smaller count without a multiplier fills a 万's four places (1万5000元, not 1万5元)."""
    out: list[tuple[int, int, _Groups]] = []
    for start, end, groups in matches:
        if (out and start - out[-1][1] <= 1 and not text[out[-1][1]:start].strip()
                and groups[3] and groups[8] is not None
                and groups[6] in (None, "千", "仟", "千万", "仟万", "百万", "佰万", "万")):
            head_start, _, head = out[-1]
            if head[3] and head[8] is None and head[6] in _JOIN_HEADS:
                big = _parse_arabic(head[3])
                small = _parse_arabic(groups[3])
                scale = _MULTIPLIERS[groups[6] or ""]
                top = _MULTIPLIERS[head[6]]
                if (big is not None and small is not None and small * scale < top
                        and (groups[6] or small * 10 >= top)):
                    total = big * top + small * scale
                    # Money keeps its 万元/亿元: the total in the unit's own scale.
                    mult = (groups[6] or "")[-1:] if groups[8] == "元" else ""
                    mult = mult if mult in ("万", "亿") else ""
                    number = total / _MULTIPLIERS[mult]
                    out[-1] = (head_start, end, (head[0], None, None, f"{number.normalize():f}",
                                                 None, head[5], mult or None, groups[7],
                                                 groups[8], groups[9]))
                    continue
        out.append((start, end, groups))
    return out


def _range_head(text: str, start: int) -> tuple[int, int, _Groups] | None:
    """The bare number that opens a range ending in the figure at ``start`` (the 3 of
    ``3-5名``, the 500 of ``500至1000元``), as a match without a unit; None if there is none."""
    if start == 0 or text[start - 1] not in _RANGE_MARKS + " ":
        return None
    m = _RANGE_HEAD_RE.search(text, max(start - 20, 0), start)
    if m is None or text[m.start() - 1 : m.start()] == "第":
        return None
    return (m.start(), m.end("number") if m["mult"] is None else m.end("mult"),
            (None, None, None, m["number"], None, None, m["mult"], None, None, None))


def _with_currency(text: str, matches: list[tuple[int, int, _Groups]]
                   ) -> list[tuple[int, int, _Groups]]:
    """``matches`` with amounts written after a currency sign (HK$500万, $37.5, ￥3000) in
    their place: the sign is their unit, as written, and what overlaps them goes."""
    found: list[tuple[int, int, _Groups]] = []
    for m in _CURRENCY_RE.finditer(text):
        cur, number, mult, yuan = m.group("cur", "number", "mult", "yuan")
        if _implausible(number, None):
            continue
        found.append((m.start(), m.end(),
                      (None, None, None, number, None, None, mult, None, yuan or cur, None)))
    if not found:
        return matches
    kept: list[tuple[int, int, _Groups]] = []
    k = 0  # both lists run in text order: one pass finds what overlaps an amount
    for match in matches:
        while k < len(found) and found[k][1] <= match[0]:
            k += 1
        if k == len(found) or match[1] <= found[k][0]:
            kept.append(match)
    return sorted(kept + found, key=lambda x: x[0])


# --- numbers ---------------------------------------------------------------------------


def _skip(text: str, m: re.Match[str], groups: _Groups) -> bool:
    """True for ordinals, codes, dates, phone-like digit strings and paywall teasers."""
    start = m.start()
    if start > 0 and text[start - 1] == "第":
        return True
    before = start - 1
    while before >= max(start - 3, 0) and text[before] in " \u3000":
        before -= 1
    if before < start - 1 and before >= 0 and text[before] == "第":
        return True  # 第 十 條, spaced out as some sites set an article's number
    if before >= 0 and text[before] in "、，,和及" and _ORDINAL_LIST_RE.search(
            text, max(before - _MAX_NUMBER * 3, 0), before + 1) is not None:
        return True  # 第11、12批: the last of a list of ordinals
    if text.endswith("隐藏", 0, start):
        return True  # ……此处隐藏2632个字……: how much of the page a site hides, no figure
    _, parabic, pcn, arabic, cn, _, mult, _, unit, _ = groups
    if unit == "届" and _SESSION_RE.match(text, m.end()):
        return True  # 党的二十届三中全会: which congress, not how many
    if (unit == "次" and (m.end() == len(text) or text[m.end()] in _DELIMS)
            and _EVERY_RE.search(_clause_before(text, start, 0)) is not None):
        return True  # 群监会每年度评比表彰群监员1次。: how often, not how many times
    if unit == "起" and _SINCE_YEAR_RE.fullmatch(text, max(start - 1, 0), m.end()):
        return True  # 自2012起 / 2012 起，: since when, not how many cases
    if unit in _PERSON_UNITS and text.endswith(_PRONOUNS, 0, start):
        return True  # 他们二人秉承…: the people just named, counted again, no statistic
    if unit == "篇" and _own_pieces(text, start, m.end()):
        return True  # 工作总结（精选14篇）, 调研报告3篇: the page's own pieces
    if unit is None and not (parabic or pcn or (arabic and mult in ("万", "亿", "万亿"))):
        return True  # only a count in 万 or 亿 stands without a unit (一万年, 千万不要)
    if cn is not None and cn in _CN_DIGITS:
        return not _one_digit_counts(text, m.start("cn"), m.end(), cn, unit)
    if not (arabic or parabic):
        return False
    num_start, end = m.span("arabic" if arabic else "parabic")
    if (num_start >= 2 and text[num_start - 1] in _SEPARATORS and text[num_start - 2].isdigit()
            and (unit is None or _range_head(text, num_start) is None)):
        return True
    if end < len(text) and text[end] in _SEPARATORS and text[end + 1 : end + 2].isdigit():
        return True
    return _implausible(arabic or parabic or "", unit)


#: Personal pronouns that a count of people after them stands in apposition to (他们二人,
#: 我们三位): it counts the people just named.
_PRONOUNS = ("他们", "她们", "我们", "你们", "咱们", "他們", "她們", "我們", "你們", "咱們")
#: The kinds of writing a 范文 or 文库 page collects, ending the title that it counts the
#: pieces of (工作总结精选5篇, 调研报告3篇).
_GENRE_RE = regex(r"(?:报告|总结|范文|范例|例文|方案|计划|讲话|讲话稿|发言|发言稿|致辞|心得|体会"
                  r"|演讲稿|材料|制度|汇报|简报|感言|合集|大全|模板|稿)$")
#: What opens a collection's count in brackets: （精选14篇）, 【合集4篇】, （通用17篇）, （6 篇）.
_COLLECTION_RE = regex(r"(?:精选|通用|合集|汇编|集锦|优选|热门|推荐|最新|优秀|共)?\s*$")
#: Verbs of writing or handing in that make a count of pieces a statistic (撰写调研报告3篇).
_WRITTEN_RE = regex(r"撰写|撰稿|形成|发表|刊发|刊登|编写|编印|上报|报送|提交|征集|收集|收到|评出|评选"
                    r"|完成|推送|录用|采用|获奖")

#: A piece's number opening the text after a collection's count (……3篇第1篇).
_PIECE_NUMBER_RE = regex(r"\s*第\s*[\d一二三四五六七八九十]{1,3}\s*篇")


def _own_pieces(text: str, start: int, end: int) -> bool:
    """Whether a count in 篇 at ``text[start:end]`` counts a collection page's own pieces,
    not a statistic: in brackets after a title (…走访慰问方案（精选14篇）), or ending a
    title that no punctuation follows (乡镇工会调研报告3篇, a line of its own or run on
    into the page's first piece) and no verb of writing opens (撰写调研报告3篇，is one)."""
    line = text.rfind("\n", 0, start) + 1
    opening = max(text.rfind(c, line, start) for c in "（(【[")
    mark = _COLLECTION_RE.fullmatch(text, opening + 1, start) if opening >= 0 else None
    if mark is not None:
        if text[end:end + 1] not in "）)】]":
            return False
        if mark.group().strip() not in ("", "共"):
            return True  # （精选14篇）, 【合集4篇】: a collection's own words
        # （120篇）, （共120篇）: a title's count only where the bracket ends its line, and
        # no verb of writing before it (各级工会报送工作总结（120篇）均已审核 is one).
        return (_WRITTEN_RE.search(_clause_before(text, opening, line)) is None
                and (end + 1 == len(text) or text[end + 1] == "\n"))
    clause = _clause_before(text, start, line)
    if _GENRE_RE.search(clause) is None or _WRITTEN_RE.search(clause) is not None:
        return False
    # The count ends the title's line, or the page's text runs on after it: the title
    # again or its first piece's number (……总结5篇社区工会……, ……3篇第1篇). Text that
    # goes on otherwise is a sentence about the pieces (调研报告3篇获省级表彰).
    return (end == len(text) or text[end] == "\n"
            or (start - line >= 4 and text.startswith(text[line:line + 4], end))
            or _PIECE_NUMBER_RE.match(text, end) is not None)


def _one_digit_counts(text: str, start: int, end: int, digit: str, unit: str | None) -> bool:
    """Whether a count written as one Chinese digit and a counter (``text[start:end]``: 三项,
    两家, 主任一名) states a statistic: not in a name, a slogan or an outline
    (:data:`_ONE_DIGIT_PHRASE_RE`, a quote mark around it), not a rank or an ordinal (前三名,
    三届二次全委会, 一、二、三等奖). 一 counts only after the noun it counts, at the end of
    its clause (设主任一名、, 另送礼品一份。): before a noun it is mostly an article (一份力,
    一项重要举措, 一家机械公司)."""
    if unit == "成":
        return True  # 八成: a share (its value is read in _value)
    if digit == "二" and unit != "人":
        return False  # a count of two is 两 (两类) or 二人; 二类, 二次下载 are labels and ordinals
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if before == "前" and text[start - 2 : start] in _BEFORE_NOW:
        before = text[start - 2 : start]  # 目前三家企业: now, not the first three
    if before in _ONE_DIGIT_NOT_AFTER or (
            _SLOGAN_RE.match(text, end) is not None
            and _SLOGAN_OPEN_RE.search(text, max(start - _SLOGAN_HEAD - 1, 0), start) is not None):
        return False  # “四个意识”, “做到四个亮”: a slogan in quote marks
    if before == "、" and text[start - 2 : start - 1] in _CN_DIGITS:
        return False  # 二、三名: a list of ranks
    if _ONE_DIGIT_PHRASE_RE.match(text, start) is not None:
        return False
    if unit == "次" and (_PLENARY_RE.match(text, end) is not None
                        or (before == "届" and _SESSION_RE.match(text, end) is not None)):
        return False  # 五次全委会, 三届二次职代会: which meeting; 召开三次职代会 counts them
    if digit != "一":
        # 两类学生：一类是…: an outline; 劳模三人：张三、李四、王五 counts the people it names.
        return (_OUTLINE_AFTER_RE.match(text, end) is None
                or (unit in _PERSON_UNITS and text[end:end + 1] in "：:"))
    # Not after a verb that makes it a grouping or a share (编为一组, 分成一组, 尽了一份力).
    return (unit in _ONE_UNITS and (after in _DELIMS or after in _OPEN)
            and _HAN_RE.match(before) is not None
            and before not in "每这那哪某其的之另单唯同为成作是有了漏落缺少海")


@lru_cache(maxsize=4096)
def _implausible(arabic: str, unit: str | None) -> bool:
    """True for a leading zero, 11 or more digits (phone-like), or a year before 届."""
    digits = arabic.translate(_FULLWIDTH).replace(",", "")
    whole = digits.split(".")[0]
    if len(whole) > 1 and whole.startswith("0"):
        return True
    if len(whole) >= 11:
        return True
    if unit == "成":
        return int(whole or 0) > 10  # 八成 is eight tenths; 20成 no share
    return unit in _YEAR_UNITS and len(whole) == 4 and 1900 <= int(whole) <= 2100


def _parse_arabic(s: str) -> Decimal | None:
    try:
        return Decimal(s.translate(_FULLWIDTH).replace(",", ""))
    except InvalidOperation:
        return None


def chinese_integer(s: str) -> int | None:
    """The whole number a Chinese numeral writes (三 → 3, 十二 → 12, 两百 → 200), None if
    ``s`` is not one."""
    if s in _CN_DIGITS:
        return _CN_DIGITS[s]
    value = _parse_cn(s) if s and "点" not in s else None
    return None if value is None else int(value)


def _parse_cn(s: str) -> Decimal | None:
    """Parse a Chinese numeral with at least one place character or a decimal part
    (九十五点六, 三点五); None if malformed."""
    whole, point, decimals = s.partition("点")
    if point:
        if not whole or not decimals:
            return None
        fraction = Decimal("0." + "".join(str(_CN_DIGITS.get(c, 0)) for c in decimals))
        if len(whole) == 1 and whole in _CN_DIGITS:
            return _CN_DIGITS[whole] + fraction
        integer = _parse_cn(whole)
        return None if integer is None else integer + fraction
    if not any(c in "十百佰千仟万亿" for c in s):
        return None
    total = 0  # complete 亿 groups
    wan = 0  # the 万 group
    section = 0  # below 万
    digit: int | None = None
    last_place = 0  # place value just written, for 三万五 / 一千二
    for ch in s:
        if ch in _CN_DIGITS:
            if digit is not None:
                return None
            digit = _CN_DIGITS[ch]
        elif ch in "零〇":
            if digit is not None:
                return None
            last_place = 0
        elif ch in _CN_SMALL:
            place = _CN_SMALL[ch]
            section += (1 if digit is None else digit) * place
            digit, last_place = None, place
        elif ch == "万":
            wan = (section + (digit or 0)) * 10**4
            section, digit, last_place = 0, None, 10**4
        elif ch == "亿":
            total = (total + wan + section + (digit or 0)) * 10**8
            wan, section, digit, last_place = 0, 0, None, 10**8
        else:
            return None
    if digit is not None:
        section += digit * (last_place // 10 if last_place >= 10 else 1)
    return Decimal(total + wan + section)


@lru_cache(maxsize=4096)
def _value(
    parabic: str | None,
    pcn: str | None,
    arabic: str | None,
    cn: str | None,
    mult: str | None,
    written_unit: str | None,
) -> tuple[float, str] | None:
    """The figure's value and unit, with the multiplier applied (money keeps 万元/亿元).

    Takes the match's groups: reports repeat their figures' spellings, so the Decimal
    arithmetic is cached on them.
    """
    if parabic or pcn:
        number = _parse_arabic(parabic) if parabic else _parse_cn(pcn or "")
        return None if number is None else (float(number), "%")
    number = _parse_arabic(arabic) if arabic else _parse_cn(cn or "")
    if number is None and written_unit and cn in _CN_DIGITS:
        number = Decimal(_CN_DIGITS[cn])  # 八成, 三项: _skip let it through
    if number is None:
        return None
    mult = mult or ""
    total = number * _MULTIPLIERS[mult]
    unit = "%" if written_unit == "％" else written_unit or ""
    if unit == "元":
        scale = mult[-1:] or (cn[-1] if cn else "")
        if scale in ("万", "亿"):
            total /= _MULTIPLIERS[scale]
            unit = scale + "元"
    return float(total), unit


# --- subject ---------------------------------------------------------------------------


def _subject(
    text: str, start: int, end: int, prev_end: int, next_start: int, segmenter: SegmenterLike
) -> str:
    """The phrase a figure at ``text[start:end]`` measures (see the module docstring).

    Each side is worked out only when the choice between them needs it.
    """
    after: str | None = None
    predicate = ""
    follower = text[end : end + 1]
    if _standard_end(text, end) > end:
        # 按每户2500元的标准: the figure is a rate, the standard for each household.
        per = _PER_RE.search(text, max(start - 8, prev_end), start)
        if per is not None:
            return per.group() + "标准"
    # "N个B…" names what is counted after the figure, unless B is a verb phrase ("…建起了").
    if ("\u4e00" <= follower <= "\u9fff" or follower == "〇") and follower != "的":
        after = _phrase_after(text, end, next_start, segmenter)
        if _opens_with_conjunction(after, segmenter) or not _strip_trailing(after):
            # 达到84.7%和79.3%, 副主席22名和专职人员22人: the next item of a list; 从2000元
            # 上调到: a verb of rising to the next figure. No noun.
            after = ""
        if after and "了" not in after:
            if (_AFTER_OBJECT_VERB_RE.match(after)
                    and not _TO_WHOM_RE.search(text, max(start - 2, prev_end), start)):
                # 慰问金3.1万元打卡发放, 现金300元设置: the figure ends the noun phrase
                # before it, a verb follows; that is what it measures unless there is none.
                predicate = after
            elif not _AFTER_PREDICATE_RE.match(after):
                return _shorten(after, False, segmenter)
            after = ""  # 38件全部办结, 500至1000元不等: a predicate, no noun
    raw = _clause_before(text, start, prev_end)
    # "A和N个B": the clause before is the previous item of a list, not this subject.
    before = "" if raw.endswith(("和", "与", "及")) else _trim_before(raw, segmenter)
    if follower == "的" and (len(before) <= 1 or _VERB_BEFORE_RE.search(before) is not None):
        # 记下近80万字的读书笔记, 送去价值0.2万元的学习用品: a verb or a word of worth
        # before the figure, the noun it counts after 的.
        after = _phrase_after(text, end, next_start, segmenter)
        has = _HAS_RE.search(after)
        after = after if has is None else after[: has.start()]
        if len(after) > 1:
            return _shorten(after, False, segmenter)
    # One character before the figure (给, 共, 有, 占) is a word that leads into it, or a
    # piece of one, never what it measures.
    if len(before) > 1 and not before.endswith(("了", "的")):
        return _shorten(before, True, segmenter)
    if after is None:
        after = _phrase_after(text, end, next_start, segmenter)
    # The clause before is a fallback only where no such word was cut from it.
    fallback = (raw, True) if len(before) > 1 else ("", True)
    if before.endswith("了"):
        before = _without_perfect(before, segmenter)
    elif before.endswith("的") and len(before) > 2:
        # 事故占特种设备事故的八成: 的 links what is measured to the share; it is no part of it.
        before = before[:-1]
    for candidate, keep_end in ((after, False), (before, True), fallback, (predicate, False)):
        if len(candidate) > 1:
            return _shorten(candidate, keep_end, segmenter)
    aside = _aside_subject(text, start, prev_end, segmenter)
    if aside is not None:
        return aside
    if _TOTAL_ONLY_RE.fullmatch(raw) is not None:
        # The clause holds only a total (资助款，合计23000元; 共100余人; 涉及71万): it goes
        # on from the clause before it, which names what is totalled.
        return _previous_clause_subject(text, start, prev_end, segmenter)
    return ""


def _aside_subject(text: str, start: int, prev_end: int, segmenter: SegmenterLike) -> str | None:
    """What a figure in brackets measures when the bracket holds only it and words that
    lead into it (以在编人员居多（共占59.4%）, 两类会员（合占40%）): what the clause names
    before the bracket, 以 … 居多/为主 read as the group it names. None when the figure
    stands in no such bracket."""
    lo = max(prev_end, start - _WINDOW)
    opening = max(text.rfind(c, lo, start) for c in _OPEN)
    if opening < 0 or any(c in _CLOSE for c in text[opening:start]):
        return None
    inner = text[opening + 1:start].strip(" \u00a0\u3000")
    if inner and _AMOUNT_LEAD_RE.fullmatch(inner) is None:
        return None
    before = _clause_before(text, opening, prev_end)
    mostly = _MOSTLY_RE.fullmatch(before)
    before = _trim_before(mostly[1] if mostly is not None else before, segmenter)
    return _shorten(before, True, segmenter) if len(before) > 1 else None


def _previous_clause_subject(text: str, start: int, prev_end: int,
                             segmenter: SegmenterLike) -> str:
    """What the clause before the one that ends at ``start`` names, read as a subject before a
    figure is (after its markers, at most 16 characters from its end); "" when a figure or
    the window's edge stands between."""
    lo = max(prev_end, start - _WINDOW)
    delim = _LAST_DELIM_RE.match(text, lo, start)
    if delim is None:
        return ""
    before = _trim_before(_clause_before(text, delim.end() - 1, prev_end), segmenter)
    if before.startswith("有") and len(before) > 2:
        # 还有来自各个商户的职工代表，总共15人: 有 says there are such, it is none of them
        # (unless it opens a word: 有色金属企业, 有关部门).
        from .segment import resolve

        if resolve(segmenter).cut(before[:6])[0] == "有":
            before = before[1:]
    return _shorten(before, True, segmenter) if len(before) > 1 else ""


def _standard_end(text: str, end: int) -> int:
    """Where the standard that a rate ending at ``end`` is stated as ends (按每户2000元的标准
    慰问…: after 标准), else ``end``: the next figure's clause starts after it."""
    if text[end:end + 1] in "不的标" and text[end - 1] in "元%％‰点":
        standard = _STANDARD_RE.match(text, end)
        if standard is not None:
            return standard.end()
    return end


def _without_perfect(before: str, segmenter: SegmenterLike) -> str:
    """A clause before a figure that ends in a verb and 了 without them, when the verb is
    one character (法治体检做了11场次 → 法治体检, 集体合同签了17份 → 集体合同); a longer
    verb says what is counted and stays (任务完成了53%)."""
    from .segment import resolve

    s = before[:-1]
    reached = s
    while (stripped := _strip_trailing(reached)) != reached and len(stripped) > 1:
        reached = stripped  # 会员就突破了 → 会员: the adverb before the verb goes too
    if reached != s:
        return reached  # 入会率达到了 → 入会率: the verb of reaching goes as without 了
    words = resolve(segmenter).cut(s[-6:])
    if len(words) > 1 and len(words[-1]) == 1 and len(s) >= 3:
        return s[:-1]
    return s


def _row_label(text: str, start: int, segmenter: SegmenterLike) -> str:
    """In a table row (cells apart by tabs or bars), what a cell's figure measures: the
    row's first cell (``新建基层工会（家）`` → ``新建基层工会``), when the figure is in a
    later cell."""
    row = line = text.rfind("\n", 0, start) + 1
    while line < start and text[line] in " |｜":  # | 新建基层工会 | 42 |
        line += 1
    tab = min((i for i in (text.find(c, line, start) for c in "\t|｜") if i >= 0), default=-1)
    if tab < 0:
        return ""
    if text[tab] != "\t":
        stop = text.find("\n", tab)
        if not bar_cells(text[row:stop if stop >= 0 else len(text)]):
            return ""  # one bar is no table
    label = _clean(text[line:tab], keep_open=False).strip()
    return _shorten(label, False, segmenter) if _HAN_RE.search(label) else ""


def _clause_before(text: str, start: int, prev_end: int) -> str:
    lo = max(prev_end, start - _WINDOW)
    window = text[lo:start].rstrip(" \u00a0\u3000")
    delim = _LAST_DELIM_RE.match(window)
    if delim is not None:
        window = window[delim.end() :]
    return _clean(window)


def _trim_before(clause: str, segmenter: SegmenterLike = "auto") -> str:
    s = clause
    # A marker first: 会员现有 loses 现有, not the 有 of it.
    while (stripped := _strip_marker(s)) != s or (stripped := _strip_trailing(s)) != s:
        s = stripped
    cut, last, head = 0, None, 0
    marker = _MARKER_RE.search(s)  # most clauses have none: cheaper than finditer
    while marker is not None:
        head = cut  # where the stretch before this marker starts
        cut, last = marker.end(), marker
        marker = _MARKER_RE.search(s, cut)
    if cut < len(s):
        # 建设资金累计投入: after an adverb that only a verb follows, a verb of one or two
        # characters is all there is; what it acts on stands before the adverb, and stays
        # with it. Not when only other markers stand there (其中已建成, 同时共发放: the
        # verb), save a time word that sets the figure's period apart (目前已建成).
        keep = (last is not None and len(s) - cut <= 2 and last.start() >= 2
                and _VERB_ADVERB_RE.fullmatch(last.group()) is not None)
        if keep and last is not None and head == last.start():
            previous = _MARKER_RE.search(s, max(head - _MARKER_LEN, 0), head)
            while previous is not None and previous.end() < head:
                previous = _MARKER_RE.search(s, previous.end(), head)
            keep = previous is None or previous.group() in _TIME_MARKERS
            head = head if previous is None else previous.start()
        s = s[head if keep else cut:]
    leading = _LEADING_RE.match(s)
    if leading is not None:
        if leading["scope"]:
            return ""
        s = s[leading.end() :]
    return _drop_leading_word(s, segmenter)


def _drop_leading_word(s: str, segmenter: SegmenterLike) -> str:
    """``s`` without a one-character preposition or verb of setting up that opens it (经收缴
    系统办理的…, 在县城务工的, 建站点, 设岗位): what the figure measures is the rest, when
    the segmenter reads that character as a word of its own and a word of two or more
    characters after it (not 在岗职工, 建会率, 设施)."""
    if len(s) < 3 or _LEADING_WORD_RE.match(s) is None:
        return s
    from .segment import resolve

    words = resolve(segmenter).cut(s[:6])
    return s[1:] if len(words) > 1 and words[0] == s[0] and len(words[1]) > 1 else s


def _is_modifier(phrase: str, segmenter: SegmenterLike) -> bool:
    """Whether ``phrase``, which :data:`_MODIFIER_RE` matches, describes: one that opens with
    有 does where 有 is a word of its own (有求职意向) or the phrase an adjective of two
    characters (有益, 有效), not where 有 starts a longer word, a noun's (有色金属企业,
    有限责任公司)."""
    if not phrase.startswith(("有", "没有")):
        return True
    from .segment import resolve

    first = resolve(segmenter).cut(phrase[:8])[0]
    return first in ("有", "没有") or (first == phrase and len(first) == 2)


def _phrase_after(text: str, end: int, next_start: int, segmenter: SegmenterLike) -> str:
    stop = min(next_start, end + _WINDOW)
    delim = _DELIM_RE.search(text, end, stop)
    window = text[end : stop if delim is None else delim.start()]
    phrase = _clean(window, keep_open=False)
    leading = _AFTER_LEADING_RE.match(phrase)
    if leading is not None:
        phrase = phrase[leading.end() :]
    m = _AFTER_CUT_RE.search(phrase)
    if (m is not None and m.group() == "的" and _MODIFIER_RE.fullmatch(phrase, 0, m.start())
            and _is_modifier(phrase[: m.start()], segmenter)):
        # 50名表现突出的选手, 15名有求职意向的返乡农民工: what 的 follows describes the
        # noun after it, which is what is counted.
        phrase = phrase[m.end() :]
        m = _AFTER_CUT_RE.search(phrase)
    cut = m.start() if m is not None and m.start() > 0 else len(phrase)
    m = _AFTER_VERB_RE.search(phrase, 1)
    cut = cut if m is None else min(cut, m.start())
    if cut < len(phrase):
        cut = _word_start(phrase, cut, segmenter)
    phrase = phrase[:cut]
    # A noun after the figure may end as a verb before one does (商超, 高达): only a
    # conjunction or a word of more than one character is cut from its end.
    m = _AFTER_TRAILING_RE.search(phrase, max(len(phrase) - _TRAILING_LEN, 0))
    # A word that ends in one (参与, 技能) is no noun with a conjunction after it.
    return phrase if m is None or m.start() < 2 else phrase[: m.start()]


def _opens_with_conjunction(phrase: str, segmenter: SegmenterLike) -> bool:
    """Whether ``phrase``'s first word is a conjunction (和慰问品, 与专职人员): the next item
    of a list. A word that only starts with one (与会人员, 和谐企业) is a noun."""
    if not phrase.startswith(("和", "与", "及", "或")):
        return False
    from .segment import resolve

    first = next(iter(resolve(segmenter).cut(phrase[:8])), "")
    return first in ("和", "与", "及", "或")


def _word_start(phrase: str, cut: int, segmenter: SegmenterLike) -> int:
    """``cut``, or the start of the word that holds ``phrase[cut]`` when that word starts
    before it (单位作为试点: 为 is no word of its own there, and the noun ends before 作为):
    a cut falls between words. A cut inside the phrase's first word stays."""
    from .segment import resolve

    pos = 0
    for word in resolve(segmenter).cut(phrase[: cut + 4]):
        if pos + len(word) > cut:
            return pos if 0 < pos < cut else cut
        pos += len(word)
    return cut


def _strip_marker(s: str) -> str:
    """``s`` without a marker (:data:`_MARKER_RE`) that ends it after two characters or more:
    nothing follows it for it to open (财政划拨眼下(已达), 会员现有)."""
    for m in _MARKER_RE.finditer(s, max(len(s) - _MARKER_LEN, 0)):
        if m.end() == len(s) and m.start() >= 2:
            return s[: m.start()]
    return s


def _strip_trailing(s: str) -> str:
    """``s`` without one trailing verb of reaching or conjunction (``_TRAILING_RE``), or the
    preposition that opens a change from the figure (月补助从, 补助标准由每月:
    :data:`_FROM_RE`)."""
    if s[-1:] not in _TRAILING_ENDS:
        m = _FROM_RE.search(s, max(len(s) - 6, 0))
        return s if m is None or m.start() < 2 else s[: m.start()]
    m = _TRAILING_RE.search(s, max(len(s) - _TRAILING_LEN, 0))
    return s if m is None else s[: m.start()]


def _clean(s: str, keep_open: bool = True) -> str:
    """``s`` without bracketed spans (see :func:`_drop_brackets`), quote marks and spaces."""
    if _NOISE_RE.search(s) is None:
        return s
    return _QUOTES_RE.sub("", _drop_brackets(s, keep_open))


def _drop_brackets(s: str, keep_open: bool = True) -> str:
    """Remove bracketed spans; an unclosed bracket keeps only what follows it (or precedes,
    with ``keep_open`` False: the text after a figure, where a bracket that closes unopened
    ends what is kept, and one before, where it drops what precedes it)."""
    out: list[str] = []
    marks: list[int] = []
    for ch in s:
        if ch in _OPEN:
            marks.append(len(out))
        elif ch in _CLOSE:
            if marks:
                del out[marks.pop() :]
            elif keep_open:
                out.clear()
            else:
                # After a figure, a bracket that closes without opening closes the aside
                # the figure stands in (（推荐1名一线岗位职工）): the phrase ends there.
                return "".join(out)
        else:
            out.append(ch)
    if marks:
        out = out[marks[-1] :] if keep_open else out[: marks[0]]
    return "".join(out)


def _shorten(s: str, keep_end: bool, segmenter: SegmenterLike) -> str:
    """Cut ``s`` to at most 16 characters, at a function word where one allows it, else at
    a word boundary (never inside a word, unless a single word is longer)."""
    if len(s) <= _MAX_SUBJECT:
        return s
    if keep_end:
        for i, ch in enumerate(s):
            if ch in _SOFT_BOUNDARIES and 2 <= len(s) - i - 1 <= _MAX_SUBJECT:
                return s[i + 1 :]
    from .segment import resolve

    words = resolve(segmenter).cut(s)
    if keep_end:
        words.reverse()
    kept = 0
    for word in words:
        if kept + len(word) > _MAX_SUBJECT:
            break
        kept += len(word)
    if kept == 0:
        return s[-_MAX_SUBJECT:] if keep_end else s[:_MAX_SUBJECT]
    # A cut inside a range or a code (2024-2025学年, COVID-19) leaves no dash in front.
    return s[len(s) - kept :].lstrip("-－") if keep_end else s[:kept]
