"""Extractive summaries: the most central, non-redundant whole sentences, in text order.

Sentences are TF-IDF vectors over content words (the keyword stage's blended IDF);
centrality is TextRank over their cosine similarities, nudged towards the opening
sentences of paragraphs, and maximal marginal relevance keeps the picks distinct.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._regex import regex
from .lines import CAPTION, FIGURE
from .normalize import GLOSS_TAIL
from .resources import lexicon

if TYPE_CHECKING:
    from .keyterms import TermTable

__all__ = [
    "FEW", "FIGURE", "LINK", "Graph", "Sentence", "SparseRows", "select", "sentence_vectors",
    "split_sentences", "summarize",
]

#: A sentence: up to 。！？ and the closing quotes after them. A ? right before the rest of
#: a pinyin gloss stands for a character and its bracket lost to a wrong encoding
#: (中國日?qǐng)?bào)網): it ends nothing.
_SENTENCE = regex(rf"[^。！？!?]*(?:\?(?={GLOSS_TAIL})[^。！？!?]*)*(?:[。！？!?]+[”’」』）)]*|$)")
_MIN_CHARS = 12
#: What a piece ends in when it is no statement, closed or not: a question, an exclamation,
#: a clause that runs on.
_OPEN_ENDS = "。！？!?；;，,、：:…—-"
_MIN_SHORT = 6
_MAX_LONG = 600
_MAX_CHARS = 220
#: The sentences a report's summary promises (:data:`unionnlp.pipeline`'s default): a text
#: with fewer whole statements of usual length takes sentences of other lengths too.
FEW = 3
_GRAPH_LIMIT = 150
_REDUNDANT = 0.7
#: Two sentences this similar say one thing (a lead repeated as the body's first sentence,
#: 0.98 apart on the page that showed it): a summary keeps the first only.
_DUPLICATE = 0.9
#: The maximal-marginal-relevance trade-off between centrality and novelty, chosen on the
#: train twins' reference summaries (``bench_summary_real.py --split train``: 0.3 gave
#: ROUGE-L 0.420, 0.5 0.425, 0.6 0.428, 0.65 and 0.7 0.429, 0.8 0.422, 0.9 0.410).
DIVERSITY = 0.65
#: The same trade-off where a learned model's probabilities replace centrality (5-fold CV on
#: the 200 train references of the time, by a script not kept: 0.3 gave ROUGE-L 0.439 and
#: 0.441 in two shuffles, 0.65 0.426 and 0.425, 0 0.438 and 0.437).
LEARNED_DIVERSITY = 0.3
_CONTENT = 0.25
#: What opens a list item (● - 1. (1) （一）), left out of a summary sentence.
_ITEM_MARK = regex(
    rf"^(?:[{re.escape(lexicon().chars['bullets'])}]|[-–](?=\s)|\d{{1,2}}[.、．](?!\d)"
    r"|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）][.．、]?)\s*")
#: A page's date stamp before its text ((2025.04.24)--, （2025-04-24）——, 2025.04.24 ——):
#: when the page was posted, no part of the sentence after it, left out of it. A date
#: that a sentence opens with and goes on from (2025年4月24日，工会……) stays, and so does
#: the first date of a range (2024年1月1日—12月31日, 2024.1.1-2024.12.31期间): a bare date is
#: a stamp only in digits and before a doubled dash.
_STAMP = regex(
    r"^(?:[(（]\s*(?:19|20)\d\d\s*[-./年－]\s*\d{1,2}\s*[-./月－]\s*\d{1,2}\s*日?\s*[)）]"
    r"\s*(?:-{1,3}|－{1,3}|—{1,3}|–{1,3})"
    r"|(?:19|20)\d\d[-./]\d{1,2}[-./]\d{1,2}\s*(?:-{2,3}|－{2,3}|—{2,3}|–{2,3}))\s*")
#: A label that a page puts before its lead (摘要：, 内容提要：, 导读：): no part of the sentence.
_LABEL = regex(r"^\s*(?:内容)?(?:摘要|提要|导读|导语)\s*[:：]\s*")
#: A photo's credit that a sentence opens with (王晓丽 摄 主办方希望……), left by a caption
#: inside a paragraph: no part of the sentence, left out of it. 拍摄 is no credit.
_CREDIT_LEAD = regex(r"^(?:(?:本报|新华社|中新社)?(?:记者|通讯员)\s*)?[\u4e00-\u9fff·]{2,4}"
                     r"(?:[、，,]\s*[\u4e00-\u9fff·]{2,4})*\s*(?<!拍)[摄攝]\s+(?=\S)")
#: A meeting record's speaker label before the words (主席:, 主持人:, 委員王某某:): no
#: part of the sentence, left out of it. 委员会指出: and 委员表示: are a sentence's subject
#: and verb, and stay.
_SPEAKER = regex(r"^\s*(?:主席|主持人|召集委[员員]|委[员員](?![会會])(?:[\u4e00-\u9fff]{2,4}(?<!指出)(?<!强调)(?<!強調)(?<!要求)"
                 r"(?<!认为)(?<!認為)(?<!表示)(?<!提出)(?<![说說讲講称稱]))?)\s*[:：]\s*(?=\S)")
#: A page's contact or application details: a label and its colon opening the sentence
#: (a word or two of it may come first: 咨询电话:, 投稿邮箱:, 技术支持电话:), or after a
#: name set apart by a space: a telephone, a fax, a contact person, an address, a
#: mailbox, an application deadline (市某协会 联系电话:……, 报名截至日期:……). A sentence
#: that tells of a call (工会工作室接到一通求助电话:……), of an application's time
#: (报名时间从3月1日开始……) or gives a number at its end stays.
_CONTACT = regex(r"^\s*(?:[^，,。；;:：\s]{1,12}[ \u3000]+|\d{1,2}[.、．]\s*|[(（][一二三四五六七八九十\d]{1,2}[)）]\s*)?"
                 r"(?![^，,。；;:：\s]{0,6}?(?:接到|拨打|撥打|打来|打來|一通|一个|一個))[^，,。；;:：\s]{0,6}?"
                 r"(?:(?:联系|聯繫|聯絡|联络)\s*(?:电话|電話|人|方式)|联\s+系\s+人|电话|電話|传真|傳真|手机|手機"
                 r"|邮箱|郵箱|电子邮件|電子郵件|[Ee]-?mail|地址|邮编|郵編"
                 r"|(?:报名|報名)(?:截[至止](?:日期|时间|時間)?|时间|時間|日期))\s*[:：]")
#: A form's blank: a unit with no figure before it (工资总额为万元, 同比增(减) %), a field's
#: label printed twice (代表人数:代表人数:). A blank line (____) alone is no sign: a 范文's
#: sentences keep them for names and numbers, and its readers' summaries keep them too.
_BLANK = regex(r"(?:为|為|达到|達到|(?:增|减|減)[)）]?)[ \u3000]*(?:万元|萬元|元|[%％])"
               r"(?![\u4e00-\u9fff\d])|([\u4e00-\u9fff]{2,8}[:：])[ \u3000]*\1")
#: A form's field label printed twice before the text (代表人数:代表人数: 根据……): no part
#: of the sentence, left out of it.
_LABEL_TWICE = regex(r"^\s*([\u4e00-\u9fff]{2,8}[:：])[ \u3000]*\1[ \u3000]*(?=\S)")
#: Opening and closing quotation marks, each pair in its order.
_QUOTES = (("“", "”"), ("「", "」"))


def _form_or_contact(sentence: str) -> bool:
    """Whether a sentence is a page's contact details or a form's blanks (see
    :data:`_CONTACT`, :data:`_BLANK`): nothing a summary states."""
    return _CONTACT.search(sentence) is not None or _BLANK.search(sentence) is not None


def _opens_a_quotation(sentence: str) -> bool:
    """Whether a sentence opens with a quotation it never closes (“每一个……。 and the
    quote goes on in the next sentence): a piece of someone's words, not a statement. A
    quotation mark left open inside a sentence is often a page's typo, and stays."""
    return any(sentence.startswith(a) and sentence.count(a) > sentence.count(b)
               for a, b in _QUOTES)


def _closes_a_quotation(sentence: str) -> bool:
    """Whether a sentence closes a quotation it never opened (……服务好他们。”刘芳说。, the
    quote opened in the sentence before): the other half of :func:`_opens_a_quotation`'s
    piece, refused with it so that neither half stands alone."""
    return any(sentence.count(b) > sentence.count(a) and sentence.find(b) < (
        sentence.find(a) if a in sentence else len(sentence)) for a, b in _QUOTES)


_FORMULA = regex(r"(?:报告|汇报|总结|通知|说明)如下|如下[。：:]$")
#: A quotation with nothing but its speaker after it: “……。”刘芳说。
_BARE_QUOTE = regex(r"^[“「][^”」]*[”」][^，。！？“”]{0,12}[。.]?$")
#: A bare list of names (张明、李华、王芳……), like a photo caption (``lines.CAPTION``),
#: says who was there or what a picture shows, never what the report reports.
_NAME_LIST = regex(r"^(?:[\u4e00-\u9fff·]{2,4}[、，,]){4,}[\u4e00-\u9fff·]{2,4}[。.]?$")
#: What a sentence cut by its site holds: a paywall's teaser where text was left out
#: (……此处隐藏1695个字……) or the markup and entities of a page copied as source
#: (`">`, `&ldquo;`, `rgb(255, 255, 255)`).
_CUT_BY_SITE = regex(r"此处隐藏\s*\d+\s*个?字|\"\s*>|&[a-z]{2,6};|rgb\(")
#: A site speaking of itself, not of the report: a document-sharing site's terms and
#: download prompts, a 范文 site's editor introducing what follows.
_SITE_TALK = regex(r"小编|本站(?:规则|文档|不退款)|(?:如您|已)付费|付费(?:前|下载)|二次下载|欢迎下载|精品文档|供大家(?:参考|阅读|借鉴)|如有侵权|上传者")
#: A word that opens a sentence by pointing back at the one before it (此外，与此同时，据了解，):
#: out of its context, in a summary, it points at nothing, and is left out.
LINK = regex(r"^(?:此外|另外|与此同时|同时|据了解|据悉|据介绍|记者了解到|值得一提的是|不仅如此|"
             r"另一方面|其次|再次|最后|首先|总之|因此|所以|而且|并且)\s*[，,]\s*")
#: What describes a place's setting rather than its union's work: where it lies (位于X省中部,
#: 地处……交界), its extent (幅员面积, 平方公里), its people (总人口, 常住人口), its history and
#: culture (历史悠久, 人文厚重, 文化底蕴), its resources and climate. A county's report may open
#: with them as background; a reader's summary never takes them (no train reference does).
_SETTING_CUE = regex(
    r"(?:位于|地处)[^，。,；;]{0,12}(?:[东南西北中]部|[东西][南北]|腹地|交界|之间|沿海|境内)"
    r"|幅员|平方公里|(?:总|常住|户籍)人口|辖\d+个(?:乡|镇|街道)|历史悠久|源远流长"
    r"|人文(?:厚重|荟萃|底蕴)|文化底蕴|资源丰富|物产丰富|气候(?:宜人|温和|湿润)|素有[^，。,]{1,12}之称"
    r"|区位(?:优势|独特)|交通便利")
#: Two setting cues (:data:`_SETTING_CUE`) make a sentence background: one alone is often
#: union work (工会驿站位于园区内, 交通便利的服务点).
_SETTING_CUES = 2
#: Who a union's work is done by or for: a sentence naming them reports that work, whatever
#: setting it opens with (依托交通便利条件,县总工会在服务区建成司机之家10个).
_UNION_WORK = regex(r"工会|职工|会员|工人|劳模|工匠|建会|入会|帮扶|慰问|驿站|司机之家")
#: A sentence that is only a purpose clause (为进一步健全服务体系，让更多户外劳动者感受到
#:关怀。): it opens with 为 and every clause after the first goes on saying what for (让,
#: 使, 以, 从而, 进而), so no one does anything in it; its main clause was cut off by a stray
#: 。. A clause opening with 推动, 全面, 努力 … is a main clause as often (为切实维护职工合法
#: 权益，推动建立劳动关系协商协调机制。): such a sentence stays.
_PURPOSE_OPEN = regex(r"^为(?:了|进一步|切实|更好地?|全面|深入|加快|充分|持续|不断|有效|推动|确保)")
_PURPOSE_ON = regex(r"^(?:让|使|以|从而|进而)")
_CLAUSE_MARK = regex(r"[，,]")
#: A sentence that opens as the second half of one (并对……进行了总结。): its subject is in
#: the sentence before, so out of its context it names no one. 并且， is a link
#: (:data:`LINK`) that a sentence with its own subject may open with, and a word opening
#: with 并 is a noun or verb of its own (并购重组过程中, 并网发电以来, 并轨改革中). Not 同时 without a
#: comma: the train twins' references keep such sentences (同时挑选人员参加……).
_NO_SUBJECT = regex(r"^(?:并(?![且列肩行存非不未购网轨入联举发重表线排])|并且(?![，,\s]))")
_ATTRIBUTION = regex(r"^[^，。！？“”]{0,16}(?:说|表示|介绍|告诉|指出|强调|坦言|感慨|笑着说|回忆)")


#: How much more central a sentence that reports a figure counts, and how much less one
#: that carries a political slogan (chosen on the train twins' reference summaries,
#: ``benchmarks/bench_summary_real.py --split train``: ROUGE-L 0.389 -> 0.412).
_FIGURE_WEIGHT = 3.0
_SLOGAN_WEIGHT = 0.3


def _weights(texts: Sequence[str]) -> list[float]:
    """Each sentence's weight: results stated with figures before slogans."""
    from .keyterms import has_slogan

    return [(_FIGURE_WEIGHT if FIGURE.search(t) else 1.0)
            * (_SLOGAN_WEIGHT if has_slogan(t) else 1.0) for t in texts]


@dataclass(frozen=True)
class Sentence:
    """A candidate summary sentence: its text, its place in its paragraph, and its mass (the
    norm of its TF-IDF vector: how much distinctive content it carries)."""

    text: str
    position: int
    mass: float = 1.0


#: A run of ASCII characters between Chinese ones, as a candidate for :func:`_is_noise`.
_ASCII_RUN = regex(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?")
#: Characters that random anti-copying text and leftover markup are full of.
_NOISE = frozenset('%&#$`~{}[]^@|\\*+"!;<>=')
_NOISE_CHAR = regex("[" + re.escape("".join(sorted(_NOISE))) + "]")
_ADDRESS = regex(r"://|www\.|^[\w.+-]+@[\w-]+\.[\w.]+$")
_WORD = regex(r"[A-Za-z0-9.+\-/ ]+")
_MARKUP = regex(r"</?[a-zA-Z][^<>]*>|&[a-z]{2,6};")


def _is_noise(run: str) -> bool:
    """Whether an ASCII run is noise, not text: random characters a forum sprinkles to spoil
    copying (q0`Vw%, ! p! M$ w, h2 t%: letters of both cases or letters and digits among two
    or more kinds of symbol), a markup remnant (</span>, &nbsp;); never an address, a figure,
    a number or a term such as "AI+" or "5G+"."""
    if _ADDRESS.search(run) is not None or len(_NOISE.intersection(run)) < 2:
        return False
    if _MARKUP.search(run):
        return True
    if _WORD.fullmatch(run.strip(" \"'!;,.?:()[]{}%")):
        return False  # a term in quotes and punctuation ("PM2.5"!)
    kinds = any(c.islower() for c in run) + any(c.isupper() for c in run) + any(
        c.isdigit() for c in run)
    return len(run) >= 6 and kinds >= 2


def _between_noise(text: str) -> list[str]:
    """The stretches of ``text`` between runs of noise (:func:`_is_noise`), each a substring."""
    if text.isascii() or _NOISE_CHAR.search(text) is None:
        return [text]
    out, last = [], 0
    for m in _ASCII_RUN.finditer(text):
        if _is_noise(m.group()):
            out.append(text[last:m.start()])
            last = m.end()
    out.append(text[last:])
    return out


#: An ASCII full stop that a Chinese text ends a sentence with (…慰问活动.随后…, …送温暖. 活动中):
#: after a Chinese character (or a closing mark after one) and before another, a space or
#: the end. After a numeral it is a list label or a date (一.、第二.、五.一), after 的/和/与
#: a number a site left out (新的.和副.); with a digit or a Latin letter beside it, a
#: number (2.1%), a date (2025.04.24), an address or a file name (www.acftu.org, 报告.pdf);
#: one of several, an ellipsis (...).
_DOT_END = regex(
    r"(?:(?<=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff][”’」』）)]))"
    r"(?<![〇零一二两三四五六七八九十百千万亿第的和与及或])\.(?=[\u4e00-\u9fff]|\s|$)")
_OPENERS, _CLOSERS = "“「『《【（(", "”」』》】）)"
#: A name's dot (买买提.艾力, 格桑.卓玛) is told from a sentence's end by what stands around
#: it, not by its characters, which are common ones (合, 江, 福, 利, 克, 拉): the part
#: before it stands alone after a mark (,格桑.) or after a title (副主席买买提.), the part
#: after it is short and followed by what a name is (带队, 一行, 当选, 同志, 、 …), and
#: no word that opens a sentence follows the dot (….随后, ….会上).
_NAME_TITLE = regex(
    r"(?:主席|书记|同志|主任|经理|代表|部长|局长|厂长|队长|组长|委员|会长|理事长|秘书长|劳模"
    r"|工匠|师傅|老师|选手|干部|院长|校长|站长|处长|科长|所长)([\u4e00-\u9fff]{2,5})$")
_NAME_ROLE = regex(
    r"带队|一行|当选|同志|表示|说|介绍|指出|强调|讲话|发言|主持|陪同|等人|等同志|夫妇|老人"
    r"|师傅|、|和|与|及")
#: After a name that no title announces, only what follows a person's name alone
#: (格桑.卓玛一行; not 效果明显.李明表示, where 表示 follows 李明).
_NAME_ROLE_ALONE = regex(r"带队|一行|当选|同志|等人|等同志|夫妇|、")
_SENTENCE_OPENER = regex(
    r"随后|同时|此外|另外|会上|会后|会议|活动|目前|其中|今年|去年|我们|他们|大家|这|该|此|据"
    r"|在|为|对|从|经|截至|通过|下一步")
_HAN_CHAR = regex("[\u4e00-\u9fff]")


def _in_name(piece: str, dot: int) -> bool:
    """Whether the dot at ``piece[dot]`` joins the parts of a transliterated name (see
    :data:`_NAME_TITLE`): 副主席买买提.艾力带队, ,阿依古丽.吐尔逊一行; not 职工福利.阿克苏地区,
    活动圆满.随后,. Traditional text is read in simplified characters."""
    from .convert import to_simplified

    lo = max(dot - 16, 0)
    view = to_simplified(piece[lo:dot + 8])
    dot -= lo
    start = dot
    while start > 0 and _HAN_CHAR.match(view, start - 1):
        start -= 1
    run = view[start:dot]
    titled = _NAME_TITLE.search(run) is not None
    # The run before the dot is the name alone: two to five characters after a mark or at
    # the piece's start.
    alone = 2 <= len(run) <= 5 and (start > 0 or lo == 0)
    if not (titled or alone) or _SENTENCE_OPENER.match(view, dot + 1):
        return False
    for k in (2, 3, 4) if titled else (2, 3):
        after = dot + 1 + k
        if len(view) < after or not all(_HAN_CHAR.match(c) for c in view[dot + 1:after]):
            return False
        if titled and (_NAME_ROLE.match(view, after) or not _HAN_CHAR.match(view, after)):
            return True
        if _NAME_ROLE_ALONE.match(view, after):
            return True
    return False


def _at_dots(piece: str) -> list[str]:
    """``piece`` cut after each full stop :data:`_DOT_END` finds, save one inside quotation
    marks or brackets (遵循“安全第一.预防为主”: a slogan's parts) or a transliterated name
    (副主席买买提.艾力带队, see :func:`_in_name`)."""
    if "." not in piece:
        return [piece]
    out, last, depth, seen = [], 0, 0, 0
    for m in _DOT_END.finditer(piece):
        for ch in piece[seen:m.start()]:
            depth += (ch in _OPENERS) - (ch in _CLOSERS and depth > 0)
        seen = m.start()
        if depth == 0 and not _in_name(piece, m.start()):
            out.append(piece[last:m.end()])
            last = m.end()
    out.append(piece[last:])
    return out


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences at 。！？ (and at a Chinese sentence's ASCII full
    stop, see :data:`_DOT_END`, in a text that ends sentences so far more often than with
    。); closing quotes stay with their sentence, and an attribution after a quotation
    (“……！”他说，……) stays with the quotation. Random
    anti-copying characters and markup remnants (:func:`_is_noise`) end a sentence and are
    left out; every sentence is a substring of ``text``."""
    out: list[str] = []
    # A text that ends its sentences with 。 writes a dot between characters for something
    # else (买买提.艾力, a transliterated name; 达到.亿元, a number a site left out).
    dots = "." in text and ("。" not in text
                            or sum(1 for _ in _DOT_END.finditer(text)) > 2 * text.count("。"))
    for piece in (d for part in _between_noise(text) for p in _SENTENCE.findall(part)
                  for d in (_at_dots(p) if dots else (p,))):
        piece = piece.strip()
        if not piece:
            continue
        if out and out[-1][-1:] in "”」』" and _ATTRIBUTION.match(piece):
            out[-1] += piece
        else:
            out.append(piece)
    return out


#: A clause up to its semicolon, or the rest of a sentence after the last one.
_CLAUSE = regex(r"[^；;]*[；;]|[^；;]+$")


def _clauses(sentence: str) -> list[str]:
    """A sentence too long to be taken whole (past :data:`_MAX_CHARS`) as its clauses at
    ；: each, like a list item that ends in one, is a statement of its own."""
    if len(sentence) <= _MAX_CHARS or ("；" not in sentence and ";" not in sentence):
        return [sentence]
    return [c for c in map(str.strip, _CLAUSE.findall(sentence)) if c]


def _whole(
    sentence: str, min_chars: int = _MIN_CHARS, ends: str = "。.；;",
    max_chars: int = _MAX_CHARS,
) -> bool:
    """A summary sentence must be a complete statement of reasonable length, ending in 。
    or ； (a list item's, a long sentence's clause): not an exclamation or a question
    (slogans, rhetoric), not a bare quotation, not a formula (现将有关情况报告如下。), not a
    photo caption or a bare list of names, not a record's fields
    (【发布单位】……【发布日期】……【文件来源】……), not a sentence a site cut (a paywall's
    teaser, page markup) or in which a site speaks of itself, not the place's setting
    (its geography and history, see :func:`_is_setting`), not one that opens as the
    second half of a sentence (并对……) or a bare purpose clause (为进一步……，让……。), not
    a page's contact details or a form's blanks, not one that opens a quotation it never
    closes or closes one it never opened."""
    return (
        min_chars <= len(sentence) <= max_chars
        and sentence.rstrip("”’」』）)")[-1:] in ends
        and sentence[0] not in "，、；：,;:”’」』）)】》]"
        and sentence.count("【") < 3
        and _BARE_QUOTE.match(sentence) is None
        and _FORMULA.search(sentence) is None
        and CAPTION.search(sentence) is None
        and _NAME_LIST.match(sentence) is None
        and _CUT_BY_SITE.search(sentence) is None
        and _SITE_TALK.search(sentence) is None
        and not _is_setting(sentence)
        and _NO_SUBJECT.match(sentence) is None
        and not _purpose_only(sentence)
        and not _form_or_contact(sentence)
        and not _opens_a_quotation(sentence)
        and not _closes_a_quotation(sentence)
    )


def _purpose_only(sentence: str) -> bool:
    """Whether a sentence is only a purpose clause, its main clause missing (see
    :data:`_PURPOSE_OPEN`)."""
    if _PURPOSE_OPEN.match(sentence) is None:
        return False
    return all(_PURPOSE_ON.match(c.strip()) is not None
               for c in _CLAUSE_MARK.split(sentence)[1:])


def _is_setting(sentence: str) -> bool:
    """Whether a sentence describes the place's setting (its geography, people, history),
    background to a report rather than what its union did (see :data:`_SETTING_CUE`)."""
    return (len({m.group() for m in _SETTING_CUE.finditer(sentence)}) >= _SETTING_CUES
            and _UNION_WORK.search(sentence) is None)


#: A sentence that gives what a person said (李某表示，……; 他说，……).
_SAID = regex(r"^[^，。！？“”,!?]{1,16}?(?:表示|说)[，,：:]")


def _said_slogan(sentence: str) -> bool:
    """Whether a sentence gives a person's words that carry a slogan (某某表示，劳动最光荣、
    劳动最伟大……): praise or a pledge in set words, not what a union did."""
    from .keyterms import has_slogan

    return _SAID.match(sentence) is not None and has_slogan(sentence)


def sentence_vectors(
    paragraphs: Sequence[str], table: TermTable, idf: Any
) -> tuple[list[list[Sentence]], Any]:
    """The whole sentences of each paragraph that may enter a summary (a long one's clauses,
    see :func:`_clauses`; without a list item's marker, a page's date stamp or a photo's
    credit before them), and their unit TF-IDF vectors over content words
    (:class:`SparseRows`, one row per sentence in order).

    ``table`` holds the paragraphs' segmentation (one piece each) and ``idf`` the weight of
    each of its distinct words.
    """
    import numpy as np

    pieces: list[tuple[int, str, int]] = []
    starts: list[int] = []  # every sentence's offset in the joined paragraphs
    offset = 0
    for d, paragraph in enumerate(paragraphs):
        pos = 0
        for j, piece in enumerate(c for s in split_sentences(paragraph) for c in _clauses(s)):
            piece = _LABEL.sub("", _STAMP.sub("", piece, count=1), count=1)
            piece = _LABEL_TWICE.sub("", _SPEAKER.sub("", piece, count=1), count=1)
            piece = _ITEM_MARK.sub("", _CREDIT_LEAD.sub("", piece, count=1), count=1)
            pos = paragraph.index(piece, pos)
            # Words before the first sentence (leading spaces) belong to it.
            starts.append(offset + (pos if j else 0))
            pieces.append((d, piece, j))
            pos += len(piece)
        offset += len(paragraph)
    whole = [_whole(piece) and not _said_slogan(piece) for _, piece, _ in pieces]
    if sum(whole) < FEW:
        # A very short or long-winded text, a list, one whose opening statement runs past
        # :data:`_MAX_CHARS` with no ；: the sentences of other lengths fill a summary that
        # would otherwise say less than it promises.
        whole = [keep or _whole(piece, _MIN_SHORT, max_chars=_MAX_LONG)
                 for keep, (_, piece, _) in zip(whole, pieces, strict=True)]
    if not any(whole):  # a post with no sentence ends: a paragraph that ends in no mark
        whole = [piece.rstrip()[-1:] not in _OPEN_ENDS
                 and _whole(piece.rstrip() + "。", _MIN_SHORT, max_chars=_MAX_LONG)
                 for _, piece, _ in pieces]
    found = [x for x, keep in zip(pieces, whole, strict=True) if keep]
    ranks = itertools.accumulate(int(keep) for keep in whole)
    rows = [r - 1 if keep else -1 for r, keep in zip(ranks, whole, strict=True)]
    docs = [d for d, _, _ in pieces]
    # Each content word's sentence, found from its offset; arrays freed as soon as used, as a
    # large text's peak memory is here.
    begin = np.fromiter(map(len, table.flat), np.int64, len(table.flat))
    ends = np.cumsum(begin)
    begin = ends - begin
    del ends
    at = np.flatnonzero(table.content)
    which = np.searchsorted(starts, begin[at], side="right") - 1
    del begin
    doc = np.searchsorted(table.bounds, at, side="right") - 1
    ok = which >= 0
    which[~ok] = 0
    row = np.asarray([*rows, -1], dtype=np.int64)[which]
    ok &= np.asarray([*docs, -1], dtype=np.int32)[which] == doc
    del which, doc
    ok &= row >= 0
    width = len(table.words)
    row = row[ok]
    row *= width
    row += table.token[at[ok]]
    del at, ok
    cells, tf = np.unique(row, return_counts=True)
    del row
    per_row, columns = cells // width, cells % width
    data = (np.log(tf) + 1.0) * np.asarray(idf, dtype=float)[columns]
    mass = np.sqrt(np.bincount(per_row, weights=data ** 2, minlength=len(found)))
    data /= np.where(mass > 0, mass, 1.0)[per_row]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(per_row, minlength=len(found)))])
    matrix = SparseRows(indptr, columns, data, width)
    out: list[list[Sentence]] = [[] for _ in paragraphs]
    for (d, piece, j), m in zip(found, mass.tolist(), strict=True):
        out[d].append(Sentence(piece, j, m))
    return out, matrix


class SparseRows:
    """Row vectors in compressed sparse row form (row pointers, column ids, values): the
    little of a sparse matrix that the sentence graph needs, in numpy."""

    def __init__(self, indptr: Any, indices: Any, data: Any, width: int) -> None:
        self.indptr, self.indices, self.data, self.width = indptr, indices, data, width

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def __getitem__(self, rows: slice | Sequence[int]) -> SparseRows:
        """The rows selected by a slice or a list of row numbers, in that order (all of
        them in order: these rows themselves, as they are never changed)."""
        import numpy as np

        if (rows.indices(len(self)) == (0, len(self), 1) if isinstance(rows, slice)
                else len(rows) == len(self) and list(rows) == list(range(len(self)))):
            return self
        picked = (np.arange(len(self))[rows] if isinstance(rows, slice)
                  else np.asarray(rows, dtype=np.int64))
        starts = self.indptr[picked]
        lengths = self.indptr[picked + 1] - starts
        indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        at = np.repeat(starts - indptr[:-1], lengths) + np.arange(indptr[-1])
        return SparseRows(indptr, self.indices[at], self.data[at], self.width)

    def _row_of_each_value(self) -> Any:
        import numpy as np

        return np.repeat(np.arange(len(self)), np.diff(self.indptr))

    def column_sums(self) -> Any:
        import numpy as np

        return np.bincount(self.indices, weights=self.data, minlength=self.width)

    def dot(self, vector: Any) -> Any:
        """Each row's dot product with a dense vector."""
        import numpy as np

        return np.bincount(self._row_of_each_value(), weights=self.data * vector[self.indices],
                           minlength=len(self))

    def compact(self) -> Any:
        """The rows as a dense matrix over the columns they use (dot products unchanged)."""
        import numpy as np

        used, column = np.unique(self.indices, return_inverse=True)
        dense = np.zeros((len(self), len(used)))
        dense[self._row_of_each_value(), column] = self.data
        return dense


def summarize(
    paragraphs: Sequence[str],
    tokens: Callable[[str], Sequence[str]],
    idf: Callable[[str], float],
    *,
    k: int = FEW,
    diversity: float = DIVERSITY,
) -> list[str]:
    """The ``k`` best sentences of ``paragraphs`` in text order.

    ``tokens`` segments a paragraph; ``idf`` weighs a content word. ``diversity`` is
    the MMR trade-off: 0 ranks by centrality alone, 1 by novelty alone.
    """
    from .keyterms import TermTable

    if k <= 0:
        return []
    table = TermTable([tokens(p) for p in paragraphs], max_phrase=1)
    found, vectors = sentence_vectors(paragraphs, table, [idf(w) for w in table.words])
    return select([x for f in found for x in f], vectors, k=k, diversity=diversity)


class Graph:
    """The similarity graph of a text's candidate sentences and their centrality, built once
    so that the text and any run of its sentences (a section) can be summarised from it."""

    def __init__(self, candidates: Sequence[Sentence], vectors: Any,
                 scores: Sequence[float] | None = None) -> None:
        """``scores``, one per candidate, replace the centrality that picks (a learned
        model's, see :mod:`unionnlp.sentences`)."""
        import numpy as np

        self.candidates = list(candidates)
        self.vectors = vectors
        n = len(self.candidates)
        keep = list(range(n))
        if n > _GRAPH_LIMIT:
            # The graph is quadratic: keep the sentences closest to the text's centroid.
            near = vectors.dot(vectors.column_sums()).tolist()
            keep = sorted(sorted(keep, key=lambda i: (-near[i], i))[:_GRAPH_LIMIT])
        self.row = {i: r for r, i in enumerate(keep)}
        pool = [self.candidates[i] for i in keep]
        self.sim = _similarities(vectors[keep]) if pool else np.zeros((0, 0))
        prior = np.array([1.5 if c.position == 0 else 1.0 for c in pool])
        rank = _textrank(self.sim, prior) if pool else np.zeros(0)
        self.textrank = rank
        # A slogan of everyday words is central to everything and says nothing: centrality
        # is weighed by how much distinctive content a sentence carries.
        content = np.array([c.mass for c in pool]) ** _CONTENT
        top = float(content.max()) if len(content) else 0.0
        self.rank = rank * content / (top or 1.0)  # 0 when no sentence has a content word
        # A sentence that states results with figures is preferred to a slogan.
        self.rank = self.rank * np.array(_weights([c.text for c in pool]))
        self.centrality = self.rank
        self._keep = keep
        self.scores: list[float] | None = None
        self.diversity = DIVERSITY
        if scores is not None:
            self.rescore(scores)
        self._finite = bool(np.isfinite(self.rank).all() and np.isfinite(self.sim).all())

    def rescore(self, scores: Sequence[float]) -> None:
        """Pick by ``scores`` (one per candidate) instead of centrality from now on."""
        import numpy as np

        self.scores = list(scores)
        self.rank = np.asarray(self.scores, dtype=float)[self._keep]
        self.diversity = LEARNED_DIVERSITY
        self._finite = bool(np.isfinite(self.rank).all() and np.isfinite(self.sim).all())
        self.__dict__.pop("_as_lists", None)

    def _lists(self) -> tuple[list[float], list[list[float]]]:
        """The centralities and similarities as Python lists, made on first use."""
        lists = self.__dict__.get("_as_lists")
        if lists is None:
            lists = self.__dict__["_as_lists"] = (self.rank.tolist(), self.sim.tolist())
        return lists

    def _pick_arrays(self, rows: list[int], k: int, diversity: float) -> list[int]:
        """Maximal marginal relevance with arrays: where a centrality is not a finite number,
        whose comparisons the plain Python loop of :meth:`pick` would treat differently."""
        import numpy as np

        idx = np.array(rows)
        sim = self.sim[np.ix_(idx, idx)]
        rank = self.rank[idx]
        chosen: list[int] = []
        closest = np.zeros(len(rows))
        available = np.ones(len(rows), dtype=bool)
        order = np.arange(len(rows))
        while len(chosen) < k and available.any():
            fresh = available & (closest < _REDUNDANT)
            pool = fresh if fresh.any() else available
            value = np.where(pool, (1 - diversity) * rank - diversity * closest, -np.inf)
            best = int(order[value == value.max()][0])
            chosen.append(best)
            available[best] = False
            closest = np.maximum(closest, sim[best])
        return chosen

    def _distinct(self, members: Sequence[int]) -> Sequence[int]:
        """``members`` without a sentence that says what an earlier one says all but word
        for word (a page's lead repeated as its body's first sentence, with a label or a
        word more): a summary never gives one statement twice, however few it has."""
        rows = [self.row.get(i) for i in members]
        if len(rows) < 2 or None in rows:
            return members
        sims = self._lists()[1]
        kept: list[int] = []
        out = []
        for i, r in zip(members, rows, strict=True):
            assert r is not None
            if all(sims[r][k] < _DUPLICATE for k in kept):
                kept.append(r)
                out.append(i)
        return out if len(out) < len(rows) else members

    def pick(self, members: Sequence[int], *, k: int = FEW,
             diversity: float | None = None, min_chars: int = 0) -> list[str]:
        """The ``k`` most central, mutually distinct candidates among ``members`` (indices
        into the candidates, in text order), returned in text order; ``diversity`` defaults
        to the graph's (:data:`DIVERSITY`, or :data:`LEARNED_DIVERSITY` with scores). One
        more when the ``k`` hold fewer than ``min_chars`` characters (three short sentences
        say too little)."""
        if min_chars and k < len(members):
            picked = self.pick(members, k=k, diversity=diversity)
            if sum(map(len, picked)) >= min_chars:
                return picked
            return self.pick(members, k=k + 1, diversity=diversity)
        if diversity is None:
            diversity = self.diversity
        if k <= 0 or not members:
            return []
        first: dict[str, int] = {}
        for i in members:
            first.setdefault(self.candidates[i].text, i)
        if len(first) < len(members):  # a page that repeats a block says its sentence once
            members = sorted(first.values())
        if len(members) <= k:
            # Too few to choose from: every one is taken, save one that says what an
            # earlier one says (MMR, below, keeps such a one out while it has others).
            return [self.candidates[i].text for i in self._distinct(members)]
        rows = [self.row[i] for i in members if i in self.row]
        if len(rows) < min(k, len(members)):  # the section fell outside the pruned graph
            return Graph([self.candidates[i] for i in members], self.vectors[list(members)],
                         None if self.scores is None else [self.scores[i] for i in members],
                         ).pick(range(len(members)), k=k, diversity=diversity)
        if not self._finite:
            chosen = self._pick_arrays(rows, k, diversity)
        else:
            # Plain Python over a few dozen sentences: the same IEEE operations, one value
            # at a time, pick the same sentences as arrays would, without their overhead.
            ranks, sims = self._lists()
            rank = [ranks[r] for r in rows]
            chosen = []
            closest = [0.0] * len(rows)
            available = [True] * len(rows)
            keep, weigh = 1 - diversity, diversity
            while len(chosen) < k and any(available):
                fresh = [a and c < _REDUNDANT for a, c in zip(available, closest, strict=True)]
                pool = fresh if any(fresh) else available
                best, top = -1, -math.inf
                for j, ok in enumerate(pool):
                    if ok:
                        value = keep * rank[j] - weigh * closest[j]
                        if value > top:  # the first of equals, as arrays find it
                            best, top = j, value
                chosen.append(best)
                available[best] = False
                row = sims[rows[best]]
                closest = [max(c, row[r]) for c, r in zip(closest, rows, strict=True)]
        by_row = {r: i for i, r in self.row.items()}
        return [self.candidates[by_row[rows[c]]].text for c in sorted(chosen)]


def select(
    candidates: Sequence[Sentence], vectors: Any, *, k: int = FEW, diversity: float | None = None
) -> list[str]:
    """The ``k`` most central, mutually distinct of ``candidates`` (given in text order, with
    their vectors as the rows of a matrix)."""
    if k <= 0 or not candidates:
        return []
    return Graph(candidates, vectors).pick(range(len(candidates)), k=k, diversity=diversity)


#: Where OpenBLAS (its defaults) shares a product among threads: m·n·k of a matrix product,
#: m·n of a matrix times a vector. Past these, a sentence graph's products are run on one
#: thread: the threads BLAS wakes for them spin after each and burn more CPU than they
#: save (the command line sets one thread for the process; a library call cannot).
_BLAS_SHARED_PRODUCT = 65_536 * 4
_BLAS_SHARED_VECTOR = 2_304 * 4


class _OneBlasThread:
    """While inside, in the main thread, BLAS runs on one thread (threadpoolctl, which
    scikit-learn brings; nothing where it is missing), restored on leaving the outermost.
    Elsewhere it does nothing: OpenBLAS takes its thread count from the main thread only,
    so a worker thread could set it but never restore it. Products are the same to the last
    bit on one thread or several."""

    def __init__(self) -> None:
        self._inside = 0
        self._limit: Any = None

    def __enter__(self) -> None:
        import threading

        if threading.current_thread() is not threading.main_thread():
            return
        if self._inside == 0:
            controller = _blas_controller()
            if controller is not None:
                self._limit = controller.limit(limits=1, user_api="blas")
        self._inside += 1

    def __exit__(self, *exc: object) -> None:
        import threading

        if threading.current_thread() is not threading.main_thread():
            return
        self._inside -= 1
        if self._inside == 0 and self._limit is not None:
            self._limit.restore_original_limits()
            self._limit = None


@functools.cache
def _blas_controller() -> Any:
    """threadpoolctl's view of the BLAS libraries loaded (numpy's among them), made once;
    None without threadpoolctl, or where the process was started with one BLAS thread (the
    command line and its workers: no need to pay for looking)."""
    import os

    import numpy  # noqa: F401  # its BLAS is loaded before the libraries are looked for

    # What unionnlp._env.single_threaded_blas sets before numpy loads.
    if all(os.environ.get(name) == "1"
           for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")):
        return None
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:
        return None
    return ThreadpoolController()


_ONE_BLAS_THREAD = _OneBlasThread()


def _similarities(vectors: Any) -> Any:
    """Cosine similarities of unit row vectors (a dense matrix), zero on the diagonal."""
    import numpy as np

    dense = vectors.compact()
    rows, width = dense.shape
    if rows * rows * width < _BLAS_SHARED_PRODUCT:
        sim = dense @ dense.T
    else:
        with _ONE_BLAS_THREAD:
            sim = dense @ dense.T
    np.fill_diagonal(sim, 0.0)
    return sim


def _textrank(sim: Any, prior: Any, damping: float = 0.85) -> Any:
    """PageRank over the similarity graph with a personalised jump towards ``prior``,
    scaled so that the most central sentence scores 1."""
    import numpy as np

    jump = prior / prior.sum()
    out_weight = sim.sum(axis=1)
    out_weight[out_weight == 0] = 1.0
    transition = (sim / out_weight[:, None]).T
    rank = jump.copy()
    teleport = (1 - damping) * jump  # the same each step
    with (_ONE_BLAS_THREAD if len(rank) ** 2 >= _BLAS_SHARED_VECTOR
          else contextlib.nullcontext()):
        for _ in range(40):
            new = teleport + damping * (transition @ rank)
            delta = float(np.abs(new - rank).sum())
            rank = new
            if delta < 1e-6:
                break
    return rank / (rank.max() or 1.0)
