"""Find a report's structure: articles with their title blocks, sections by headline,
repaired paragraphs with their lead-in phrases.

On a page of several articles, layout may print an article's first paragraphs
before its title block, or drop a title block into the previous article: the
blocks around each title block go to the article they resemble (average-link
similarity of character bigrams, a two-state Viterbi that switches rarely).
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from re import Match, escape
from typing import Any

from ._regex import regex
from .convert import analysis_view
from .gapbreaks import gap_breaks
from .labelheads import label_or_question, labels_as_headlines
from .lines import (
    BULLETS,
    COMMA,
    HEADLINE_MAX,
    LONG_LINE,
    Line,
    LineKind,
    breaks_off,
    classify,
    ends_sentence,
    furniture_rule,
    numbering,
    opens_model_text,
    runs_into,
    split_lines,
    style_depth,
)
from .listlines import dated_entries, numbers_over_items, sentences_numbered_as_items
from .model import Article, Paragraph, ParagraphKind, Part, Report, Section, Source, writable
from .normalize import fold_newlines
from .repair import DATE_LINE, RAGGED, Block, display_width, page_width, repair
from .resources import lexicon
from .segment import SegmenterLike
from .shortlines import (
    article_titles_joined,
    dates_wrapped_under_titles,
    numbers_before_marks,
    ordinals_rejoined,
    wrapped_sentences,
)

__all__ = ["as_part", "blank_junk", "inline_heading", "lead_in", "parse"]

_RUN_LIMIT = 40
_SWITCH = 0.05
_TITLE_WEIGHT = 6.0
_LAYOUT_BIAS = 0.005
#: The quotes and brackets that may close a sentence after its mark.
_CLOSERS = lexicon().chars["closers"]
#: Closing lines of a report: the issuing body and the date, not headlines.
_SIGNATURE = regex(
    rf"^(?:[（(]?\s*{lexicon().dates['month'].pattern}\s*[)）]?"
    r"|[\u4e00-\u9fff（）()×＊*○]{2,24}(?:工会|总工会|委员会|公司|办公室|联合会|局|厂|集团)"
    r"|[（(]\s*(?:本报|本刊|本网)?(?:特约)?(?:记者|通讯员)[^（）()]{1,30}[)）])$"  # （本报记者 孙丽）
)
#: A news item's dateline and reporters, opening its first paragraph: 本报讯（记者 王晓燕）,
#: 中工网讯（记者 …）, 浙江工人日报讯 方晓东、钱锋报道, 【记者林佩珊/苗栗报导】, 【特讯】,
#: 红安网消息, 〔记者李雅雯／新北报导〕, （中央社记者苏木春台中15日电）, 人民网北京10月24日电,
#: 本报济南8月12日讯 (a place and a date between the paper and 讯, as before 电).
#: The outlet may name its channel before 讯/消息 (某某晨报全媒体平台消息, 某某日报客户端讯,
#: 中国网·滨海高新讯, 商洛日报 - 商洛之窗讯), end in 在线 or 信息港, give its web address
#: (中国小康网(chinaxiaokang.com)讯), a date in Chinese numerals (中新社澳门四月三十日电) or an
#: hour (华龙网12月25日14时15分讯); 据新华社电 and (星岛日报报道) are datelines too. Its
#: reporters may follow as words apart (聂文君 通讯员 张晓雯 杭州报道).
#: What a sentence opens with, never an outlet's name: a pronoun, a verb or a preposition
#: (我们从电视台消息“春暖”中得知, 这是社区三月五日电话回访…).
_NOT_AN_OUTLET = r"(?:这|那|我|你|他|她|它|从|在(?!线)|据悉|通过)"
_DATE_IN_DATELINE = (r"[^\s，。,（(【\d]{0,8}?[\d〇一二三四五六七八九十]{1,3}月"
                     r"[\d〇一二三四五六七八九十]{1,3}日")
_DATELINE = regex(
    r"^(?:(?:本报讯|本报\S{0,6}电|据?新华社\S{0,8}电"
    r"|(?!" + _NOT_AN_OUTLET + r")[^\s，。,（(【]{0,12}?(?:[报网台社刊]|在线|信息港)"
    r"(?:[（(][A-Za-z0-9.\-]{4,30}[)）])?"
    r"(?:\s?[·・\-—]\s?[^\s，。,（(【]{2,8}?|全媒体(?:平台)?|融媒体?(?:平台)?|新媒体"
    r"|(?:新闻)?客户端|(?:手机|数字)?报|在线)?"
    rf"(?:{_DATE_IN_DATELINE}(?:\d{{1,2}}时(?:\d{{1,2}}分)?)?)?(?:讯|消息)(?=[\s（(:：“「])"
    rf"|(?!{_NOT_AN_OUTLET})[^\s，。,（(【]{{0,12}}?[报网台社刊]{_DATE_IN_DATELINE}电"
    r"(?:/|(?=[\s（(:：“「【]|$)))"
    r"(?:\s*[（(][^（）()]{2,40}[)）])?"
    r"(?:\s*(?:[^\s，。,:：（(]{1,16}[ \u3000]+){0,4}[^\s，。,:：（(]{2,16}报道(?=\s))?"
    r"|[【〔［\[](?:[^【】〔〕［］\[\]]{0,20}(?:讯|消息|报道|报导|专访|电)|转自[^【】〔〕]{2,12})[】〕］\]]"
    r"(?:(?:记者|通讯员)[^\s，。,:：]{1,12}?(?:报道|报导)[:：])?"
    r"|[（(][^（）()\s]{0,8}记者[^（）()]{1,24}(?:电|报道|报导)[)）]"
    r"|[（(][^（）()\s]{2,12}[报网台社](?:报道|报导)[)）])[:：]?\s*")
#: A news source's name in brackets opening a news item ([某某新闻], 【某某网】, [某某日报]),
#: its reporters' bracket after it: the byline's, as a dateline is (see ``_DATELINE``).
#: A tag naming the item's kind or column rather than its source ([图片新闻], 【工会快报】:
#: ``column_tags`` of the lexicon) is no source.
_SOURCE_BRACKET = regex(r"^[【〔［\[](?![^【】〔〕［］\[\]]*?(?:"
                        + "|".join(map(escape, lexicon().column_tags)) + r")[】〕］\]])"
                        r"[^【】〔〕［］\[\]\s]{1,12}?"
                        r"(?:新闻网?|网|在线|日报|晚报|报|电视台|融媒)[】〕］\]]"
                        r"(?:\s*[（(][^（）()]{0,8}(?:记者|通讯员)[^（）()]{1,30}[)）])?\s*")
#: A tag in brackets opening a paragraph or a headline: 【织密服务网】, 【党史学习教育】.
_BRACKET_TAG = regex(r"^\s*[【〔［\[][^【】〔〕［］\[\]]{1,16}[】〕］\]]")


#: Tags that point past the article's own text rather than name a part of it (【相关链接】,
#: 【延伸阅读】, 【编者按】, 【记者手记】): one of them after a news item makes no series.
_ASIDE_TAG = regex(r"^\s*[【〔［\[][^【】〔〕［］\[\]]{0,6}(?:链接|阅读|编者按|编后|手记|背景|相关|"
                   r"鏈接|閱讀|編者按|編後)[^【】〔〕［］\[\]]{0,6}[】〕］\]]")


def _source_bracket(view: str, block: Block, items: Sequence[Block]) -> Match[str] | None:
    """A news source's name in brackets opening an article's first paragraph ``block``
    (``_SOURCE_BRACKET``), unless the article's other paragraphs or headlines open with a
    series of tags in brackets: two or more, or one heading a section (【织密服务网】……
    【拓宽服务面】……), name the article's parts or topics, not where it came from. A tag
    pointing past the text (【相关链接】, 【延伸阅读】: ``_ASIDE_TAG``) counts for none. Of the
    train twins' articles whose first paragraph opens with a source's bracket (6), none has
    such a series; of those with a series (【党史学习教育】/【旗帜鲜明讲政治】, 【国中组】/
    【大学组】), every tag is annotated as the text's (a lead-in, an item, a headline), none
    as a byline."""
    found = _SOURCE_BRACKET.match(view)
    if found is None:
        return None
    tagged = [b for b in items if b is not block and _BRACKET_TAG.match(b.view) is not None
              and _ASIDE_TAG.match(b.view) is None]
    if len(tagged) >= 2 or any(b.kind == "headline" for b in tagged):
        return None
    return found


#: A reporter's credit after a dateline, closed by a colon: 本报讯 记者王某报道：…,
#: 本报讯刘某记者孙某报道： (the byline's too, see :func:`_dateline_end`).
_REPORTER_CREDIT = regex(r"[^\s，。,:：；;（(]{0,6}?(?:记者|通讯员)\s?[^\s，。,:：；;！!？?]{1,16}?"
                         r"(?:报道|报导)[:：]\s*")
_LEAD_STOP = regex(
    r"^(?:这|那|我们|他们|她|他|它|其|此)|[了的吗呢啊吧]$|(?:说|表示|指出|介绍|强调|认为|告诉记者)$")
_FIRST_SENTENCE = regex(r"^([^。！？!?：:，,；;]{2,20})[。：:]")
#: A numbered headline that runs straight into its paragraph's first item (1、强化组织领导，
#: 加强自身建设一是……): it ends where 一是 or 首先 begins.
_BEFORE_ITEMS = regex(r"^([^。！？!?：:；;]{2,40}?)(?=[一二三四五六七八九十]是|首先)")
#: A numbered headline of a text flattened to one line, where its line break became a gap
#: (一、强化领导，健全措施 做好帮扶解困……): it ends at the first gap between two characters
#: that are not digits or Latin letters (not 2023 年, not PDF 版).
_BEFORE_GAP = regex(r"^\s*([^。！？!?：:；;\s]{1,39}[^。！？!?：:；;\s，、,（(“‘《—-])[ \u3000\xa0]+"
                    r"(?=[^\sA-Za-z0-9])(?<![A-Za-z0-9][ \u3000\xa0])")


def _lead_in(text: str, view: str) -> str | None:
    """A paragraph's lead-in, decided on its normalised view, returned in original characters."""
    phrase = lead_in(view)
    if phrase is None:
        return None
    start = view.index(phrase)
    return text[start:start + len(phrase)]


#: Where the text begins after a headline (一、 （一）) that runs into it with no mark in a
#: page whose line breaks were lost: it opens with a time or a purpose, a clause up to its
#: comma (（一）扎实推动工会组建上半年，镇总工会……).
_TEXT_OPENER = regex(r"(?:上半年|下半年|今年|去年|全年|近年来|一年来|年初以来|\d{1,2}月|为了|为把|为使"
                     r"|为进一步|按照|根据|针对|围绕|结合|通过|随着)[^，,。；;：:]{0,18}[，,。]")
_HEAD_MARK = regex("[，,。；;：:！？!?]")


def _before_opener(text: str, style: str, marker: int) -> int:
    """Where a numbered headline running into its text with no mark ends (see
    ``_TEXT_OPENER``), 0 when it does not: at least 4 characters, none of them a mark."""
    if style not in ("cn", "ordinal", "paren_cn"):
        return 0
    m = _TEXT_OPENER.search(text, marker + 4, marker + 26)
    if m is None or _HEAD_MARK.search(text, marker, m.start()) \
            or not "\u4e00" <= text[m.start() - 1] <= "\u9fff":
        return 0
    return m.start()


def _learned_end(text: str, style: str, marker: int) -> int:
    """Where the head-end model (:mod:`unionnlp.headend`) ends a numbered headline that runs
    into its text with no mark, 0 where it is unsure (the rules then decide)."""
    from .headend import default_head_ends

    return default_head_ends().end(text, style, marker)


def _learned_whole(text: str, style: str, marker: int, original: str | None) -> bool:
    """Whether the model of the first mark is sure that a numbered paragraph's first
    sentence is its content, not its headline (2、企业氛围好，……才有凝聚力。社里……);
    ``original``, the paragraph as the page writes it, tells traditional characters."""
    from .headend import default_head_marks, is_traditional

    return default_head_marks().whole(text, style, marker,
                                      original is not None and is_traditional(original))


#: A numbered headline's sentence before its paragraph, when it is longer than a lead-in:
#: up to 40 characters and two commas (（四）擦亮工会“帮扶”品牌，为职工……做好事。).
_NUMBERED_SENTENCE = regex(r"^([^。！？!?：:；;]{2,40})[。：:]")


#: A figure spelt out digit by digit after what reads as a number's mark (1、0、0……作品完成
#:的那一刻): the paragraph's first figure, no list's number. A comma before three digits
#: is a thousands separator (2、12,000名职工……: a list's item 2 and its figure).
_SPELT_FIGURE = regex(r"[ \u3000]*\d{1,3}[ \u3000]*(?:[、，]|,(?!\d{3}(?!\d)))(?![ \u3000]*[^\d\s])")


def inline_heading(text: str, original: str | None = None) -> int:
    """Where a numbered headline that opens a paragraph ends (``一、加强组织建设。`` in
    ``一、加强组织建设。全年新建……``), white space after it included; 0 when there is none.
    Where the head-end model is sure of a place with no mark (二、帮扶措施对于……), there;
    where the model of the first mark is sure that none ends there, nowhere (it reads
    whether the page writes traditional characters in ``original``, the paragraph as
    written); else by the rules."""
    style, marker = numbering(text)
    if style not in _CANONICAL or _SPELT_FIGURE.match(text, marker):
        return 0
    if learned := _learned_end(text, style, marker):
        return learned
    if _learned_whole(text, style, marker, original):
        return 0
    if lead_in(text) is not None:
        m = _FIRST_SENTENCE.match(text[marker:])
    else:
        m = _NUMBERED_SENTENCE.match(text[marker:])
        if m is None:
            m = _BEFORE_ITEMS.match(text[marker:])
        commas = 2
        if m is None:
            m, commas = _BEFORE_GAP.match(text[marker:]), 3
        if m is not None and (len(COMMA.findall(m.group(1))) > commas
                              or len(text) - marker - m.end() < 8
                              or _LEAD_STOP.search(m.group(1))):
            m = None
    if m is None:
        return _before_opener(text, style, marker)
    end = marker + m.end()
    while end < len(text) and text[end].isspace():
        end += 1
    return end


def lead_in(text: str) -> str | None:
    """The bold-style phrase that opens a paragraph (``思想研判机制。坚持……``), if any."""
    style, marker = numbering(text)
    body = text[marker:] if style and not style.startswith("md") else text
    body = body.lstrip("*_")  # Markdown bold: **劳动法律监督。**……
    m = _FIRST_SENTENCE.match(body)
    if not m:
        return None
    phrase = m.group(1).strip().strip("*_")
    limit = 20 if marker else 14
    if len(phrase) > limit or len(body) - m.end() < 8 or _LEAD_STOP.search(phrase) \
            or _left_open(phrase) or _reads_as_clause(phrase) or _joins_with_is(phrase) \
            or _TEXT_LABEL.fullmatch(phrase):
        return None
    return phrase


#: What only a clause with its subject holds, never a bold-style phrase: an agent (由),
#: a modal (应, 须), a passive or a tense (被, 已, 将): 活动由中心主任主持。, 理事应亲自出席会议。
#: Each is a word of its own, not a character inside another word: 自由, 理由, 由点及面,
#: 由衷; 适应, 应对, 应届, 应知应会, 应收尽收, 应急; 须知, 须臾; 已建 (工会); 被派遣, 被子;
#: 将心比心, 将士, 将军, 将领.
_CLAUSE_WORD = regex(r"(?<![自理缘緣事来來因])由(?!衷|点及面|點及面)"
                     r"|(?<![顺順適适反相对對供响響效回呼答感照知])[应應]"
                     r"(?![用急对對届屆知收保聘征徵变變酬])"
                     r"|[须須](?![知臾])|已(?![建婚故])|被(?![派子褥])"
                     r"|将(?![军軍士领領帅帥心])|將(?![军軍士领領帅帥心])")


def _reads_as_clause(phrase: str) -> bool:
    """Whether a paragraph's short first sentence is an ordinary sentence (see
    ``_CLAUSE_WORD``), no lead-in. On the train twins' paragraphs, 8 phrases that read as
    lead-ins hold such a word; none is annotated a lead-in (66 phrases are)."""
    return _CLAUSE_WORD.search(phrase) is not None


#: A label that introduces a text (摘要:, 内容提要:, 编者按:): no bold-style lead-in. On the
#: train twins' paragraphs, 9 phrases that read as lead-ins are such a label (摘要 6 times,
#: 内容提要, 编者按 twice); none is annotated a lead-in.
_TEXT_LABEL = regex(r"摘要|内容摘要|内容提要|提要|导读|编者按|按语")


#: 是 joining a subject to what it is (下星期四是五一劳动节, 贵阳是大赛的主赛区): not the
#: ordinal's 是 of 一是/二是, nor 是 inside a word (就是, 但是, 于是, 总是, 而是, 是否, 是非,
#: 实事求是).
_IS = regex(r"(?<![就也还還總总但於于可凡正都只更要若而求])是(?![否非])")
_ORDINAL_IS = regex(r"^[一二三四五六七八九十]+是")
#: The most characters of a slogan ``X是Y`` (帮扶是重点) that is a lead-in all the same.
_IS_SLOGAN = 6


def _joins_with_is(phrase: str) -> bool:
    """Whether a paragraph's short first sentence says what something is (see ``_IS``):
    an ordinary sentence, no lead-in. On the train twins' paragraphs, 14 phrases that read
    as lead-ins hold such a 是; 13 are not annotated lead-ins (本次会议的主要任务是,
    贵阳是大赛的主赛区), 1 is (困难劳模是慰问的重点对象). A slogan of at most
    ``_IS_SLOGAN`` characters with words on both sides of its 是 (帮扶是重点) is a lead-in:
    the shortest of the 13 that has words after its 是 has 7 (接下來是調薪案)."""
    ordinal = _ORDINAL_IS.match(phrase)
    found = _IS.search(phrase, ordinal.end() if ordinal else 0)
    if found is None:
        return False
    return not (len(phrase) <= _IS_SLOGAN and 0 < found.start() < len(phrase) - 1)


#: Marks that open and close a title or a quotation.
_PAIRED = ("《》", "〈〉", "“”", "「」", "『』", "（）", "()")


def _left_open(phrase: str) -> bool:
    """Whether ``phrase`` opens a title, quotation or bracket it does not close: it ends
    inside it (专题短片《石桥村三代人: ……》, “我的家就在这儿。”……), no lead-in. On the
    train twins' paragraphs, 2 phrases read as lead-ins end so; neither is annotated one."""
    return any(phrase.count(pair[0]) > phrase.count(pair[1]) for pair in _PAIRED)


@dataclass
class _Draft:
    """An article being assembled: its title block and its headline/paragraph blocks.

    ``parts`` are the title blocks its title block was put together from, in page order
    (a page may print a kicker, the title and the byline apart, with its furniture
    between); ``title`` holds all their lines.
    """

    title: Block | None
    items: list[Block] = field(default_factory=list)
    parts: list[Block] = field(default_factory=list)
    #: Where the first of ``parts`` stands among the page's blocks.
    at: int | None = None
    #: The authors a stamp line set aside under the title names (作者:……), if any.
    authors: str | None = None

    def __post_init__(self) -> None:
        if self.title is not None and not self.parts:
            self.parts = [self.title]

    def add_title(self, block: Block) -> None:
        """Put ``block`` on the article's title block."""
        self.parts.append(block)
        self.title = Block("title", tuple(x for part in self.parts for x in part.lines))

    @property
    def headline(self) -> str | None:
        """The title right above the text as the analysis reads it, to recognise a web page
        repeating it."""
        return next((h for h in map(_headline, reversed(self.parts)) if h), None)


def _headline(block: Block) -> str | None:
    return "".join(x.view for x in block.lines if x.kind in ("headline", "title")) or None


#: A title that names a collection of model texts (工会工作总结(精选5篇), ……合集): the
#: page's title, over the model texts' own titles (see :func:`_joins_title`).
_COLLECTION = regex(r"[\d一二三四五六七八九十两]{1,3}\s*篇|合集|汇编|合辑|汇总|大全")
#: A title that numbers one of several model texts: 第1篇 or 篇一 anywhere in it, 范文一：……,
#: or a number at its end (……工作总结1, ……总结 2).
_MODEL_TEXT = regex(r"第\s*[\d一二三四五六七八九十]{1,3}\s*篇|篇\s*[\d一二三四五六七八九十]{1,3}"
                    r"|^(?:范文|总结)[一二三四五六七八九十\d]{1,3}[:：]"
                    r"|[\u4e00-\u9fff\s)）】\]]\d{1,2}$")


#: A column's or a series' name in brackets over a title (【工会理论研究】,
#: 【奋进新征程 建功新时代】): never a model text's number (【篇一】).
_COLUMN = regex(r"[【〖［\[][^【】〖〗［］\[\]]{2,30}[】〗］\]]")


#: A channel's name, a word or two naming a kind of news (工会动态, 基层风采, 工会要闻).
_CHANNEL = regex(r"[\u4e00-\u9fff]{0,4}(?:动态|新闻|要闻|风采|资讯|快讯|频道|专栏|视点|速递)")


def _columns_aside(drafts: list[_Draft], dropped: list[str]) -> None:
    """An article's title block without the column's name in brackets (【奋进新征程
    建功新时代】) or the channel's name (工会动态) that opens it over the title: it goes to
    ``dropped``."""
    for draft in drafts:
        lines = [x for part in draft.parts for x in part.lines]
        heads = [x for x in lines if x.kind in _TITLE_KINDS]
        if len(heads) < 2 or lines[0] is not heads[0] or not (
                _COLUMN.fullmatch(heads[0].view) or _CHANNEL.fullmatch(heads[0].view)) \
                or opens_model_text(heads[0].view) or _MODEL_TEXT.search(heads[0].view):
            continue
        dropped.append(heads[0].text)
        parts = [replace(part, lines=tuple(x for x in part.lines if x is not heads[0]))
                 for part in draft.parts]
        draft.parts = [part for part in parts if part.lines]
        draft.title = Block("title", tuple(x for part in draft.parts for x in part.lines))


#: A menu's item: a word or two, no digit (首页, 工会动态, 维权服务).
_MENU_ITEM = regex(r"[^\d\s]{0,7}[\u4e00-\u9fff][^\d\s]{0,7}")


def _amid_a_menu(blocks: Sequence[Block], at: int | None) -> bool:
    """Whether the block at ``at`` is a line of one word or two standing between two
    furniture lines that are such words too: an item of a menu the labeller took for a
    title (首页 / 工会动态 / 维权服务)."""
    if at is None or not 0 < at < len(blocks) - 1:
        return False
    around = (blocks[at - 1], blocks[at], blocks[at + 1])
    return around[0].kind == around[2].kind == "furniture" and all(
        len(x.lines) == 1 and len(x.lines[0].view) <= 6 and _MENU_ITEM.fullmatch(x.lines[0].view)
        for x in around)


def _joins_title(current: _Draft | None, block: Block) -> bool:
    """Whether a title block goes on the title block of the article being assembled
    rather than opening an article of its own.

    A title block with no title (bylines, a date line such as ``104.8.21.`` over a
    regulation's articles, a reporter's credit under the text) opens no article; nor does
    one right under a title block with nothing but furniture between, as a page prints its
    own title and then the story's, or a kicker over the title (the train twins mark both
    lines ``title``, or the kicker ``subtitle``, never an article with no text) — save a
    model text's title on a 范文 page (篇一, ……总结1, under a title such as ……(精选5篇)),
    which opens an article of its own after the one that holds the page's title.
    """
    if current is None:
        return False
    title, subtitle, _ = _title_parts(block)
    if title is None:
        # A ——line alone under text heads a news item of its own (——某县总工会……).
        return subtitle is None or not current.items
    if current.items or current.title is None:
        return False
    head = _headline(block) or ""
    return not (opens_model_text(head) or _MODEL_TEXT.search(head)
                or _COLLECTION.search(current.headline or ""))


#: The shortest title whose repetition opening a paragraph is cut off (a shorter one may be
#: the paragraph's own words).
_TITLE_AGAIN = 8


def _without_title(block: Block, title: str | None, dropped: list[str]) -> Block:
    """An article's first paragraph without the title that a page whose line breaks were lost
    runs into it (XX区总工会2020年工作总结在区委……), when ten characters or more of text
    follow it: the repetition goes to ``dropped``."""
    first = block.lines[0]
    if title is None or len(title) < _TITLE_AGAIN or not first.view.startswith(title):
        return block
    rest = first.view[len(title):]
    cut = len(first.view) - len(rest.lstrip())
    if len(first.view) - cut < 10:
        return block
    dropped.append(first.text[:cut].strip())
    return replace(block, lines=(_piece(first, cut, len(first.view)), *block.lines[1:]))


def _same_title(a: str | None, b: str | None) -> bool:
    """Whether two titles are one, their spaces apart (a page prints its title again with
    more spaces between its phrases)."""
    return a is not None and b is not None and "".join(a.split()) == "".join(b.split())


def _title_again(block: Block, title: str | None) -> bool:
    """Whether a paragraph of one line is the article's title printed again (under a date
    stamp, above the photos), its spaces apart: a repeated title is set aside."""
    if title is None or block.kind != "para" or len(block.lines) != 1:
        return False
    squeezed = "".join(title.split())
    return len(squeezed) >= _TITLE_AGAIN and "".join(block.lines[0].view.split()) == squeezed


def _runs(values: Any) -> Any:
    """Where the runs of equal values of a sorted array start (True there)."""
    import numpy as np

    new = np.empty(len(values), dtype=bool)
    new[:1] = True
    np.not_equal(values[1:], values[:-1], out=new[1:])
    return new


def _gram(texts: Sequence[str]) -> Any:
    """Dot products of the texts' IDF-weighted character-bigram vectors.

    Each product adds its terms one at a time in order of the bigrams' first appearance,
    as a sparse product over a vocabulary filled while reading does, so that similarities
    (and the decisions made on them) agree with it to the last bit.
    """
    import numpy as np

    n = len(texts)
    codes = np.frombuffer("\n".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    han = codes - 0x4E00 <= 0x9FFF - 0x4E00  # [\u4e00-\u9fff]: code points below wrap round
    starts = np.flatnonzero(han[:-1] & han[1:])
    if not len(starts):
        return np.zeros((n, n))
    # Occurrences by bigram (two 16-bit code points), then position: the first of each run
    # is where that bigram first appears.
    shift = len(codes).bit_length()
    keys = np.sort((((codes[starts].astype(np.int64) << 16) | codes[starts + 1]) << shift) | starts)
    at = keys & ((1 << shift) - 1)
    new = _runs(keys >> shift)
    rows = np.repeat(np.arange(n), np.fromiter(map(len, texts), dtype=np.int64, count=n) + 1)
    # Cells (bigram, text) with their counts, bigrams by first appearance, then texts.
    row_bits = n.bit_length()
    cell_keys = np.sort((at[new][np.cumsum(new) - 1] << row_bits) | rows[at])
    new_cell = _runs(cell_keys)
    counts = np.diff(np.append(np.flatnonzero(new_cell), len(cell_keys)))
    cells = cell_keys[new_cell]
    cell_first, cell_rows = cells >> row_bits, cells & ((1 << row_bits) - 1)
    new_col = _runs(cell_first)
    col = np.cumsum(new_col) - 1
    df = np.bincount(col)
    idf = np.log(n / np.maximum(df.astype(float), 1.0)) + 1.0
    weights = counts * idf[col]
    # Every pair of cells of one bigram: a product term of the two texts' dot product.
    size = df[col]
    other = np.repeat(np.flatnonzero(new_col)[col] - (np.cumsum(size) - size), size)
    other += np.arange(len(other))
    terms = np.repeat(weights, size) * weights[other]
    return np.bincount(np.repeat(cell_rows, size) * n + cell_rows[other], weights=terms,
                       minlength=n * n).reshape(n, n)


def _average_link(cos: Any, members: list[bool], title: int) -> Any:
    """Each unit's mean similarity to one side: its other units and, weighted, its title."""
    import numpy as np

    mask = np.array([*members, False, False], dtype=float)
    mask[title] = _TITLE_WEIGHT
    n = len(members)
    total = cos[:n] @ mask
    count = mask.sum() - np.array(members, dtype=float)
    return total / np.maximum(count, 1e-12)


def _assign(gram: Any, start_b: int, fixed_a: int, n_units: int) -> list[bool]:
    """Which units belong to article A (True) or B: two-state Viterbi over how much more each
    unit resembles A's side than B's, with a price on every switch, re-estimated until stable.

    Rows ``n_units`` and ``n_units + 1`` of ``gram`` are A's and B's title blocks; units
    before ``start_b`` stand before B's title; the first ``fixed_a`` units stay with A.
    """
    import numpy as np

    a_row, b_row = n_units, n_units + 1
    units = list(range(n_units))
    norms = np.sqrt(np.maximum(np.diag(gram), 1e-12))
    cos = gram / np.outer(norms, norms)
    np.fill_diagonal(cos, 0.0)
    in_a = [i < start_b for i in units]
    bias = np.array([_LAYOUT_BIAS if i < start_b else -_LAYOUT_BIAS for i in units])
    for _ in range(10):
        prefer_a = _average_link(cos, in_a, a_row) - _average_link(cos, [not x for x in in_a],
                                                                   b_row) + bias
        # score_a, score_b: best totals ending in A or B; back[i]: the previous state of each.
        # On a tie the path comes from B, as comparing (score, state) pairs would choose.
        score_a = score_b = 0.0
        back: list[tuple[int, int]] = []
        for i, prefer in enumerate(prefer_a.tolist()):
            from_b = score_b - _SWITCH
            from_a = score_a - _SWITCH
            into_a, prev_a = (from_b, 1) if from_b >= score_a else (score_a, 0)
            into_b, prev_b = (from_a, 0) if from_a > score_b else (score_b, 1)
            back.append((prev_a, prev_b))
            score_a, score_b = into_a + prefer, into_b + (-prefer if i >= fixed_a else -math.inf)
        state = 0 if score_a >= score_b else 1
        path = [0] * n_units
        for i in reversed(units):
            path[i] = state
            state = back[i][state]
        new = [s == 0 for s in path]
        if new == in_a:
            break
        in_a = new
    return in_a


def _block_text(block: Block | None) -> str:
    if block is None:
        return ""
    return block.view if block.kind == "para" else "\n".join(x.view for x in block.lines)


def _units(blocks: Sequence[Block]) -> list[list[Block]]:
    """Blocks grouped so that a headline travels with the paragraph after it."""
    units: list[list[Block]] = []
    pending: list[Block] = []
    for block in blocks:
        pending.append(block)
        if block.kind != "headline":
            units.append(pending)
            pending = []
    if pending:
        units.append(pending)
    return units


def _in_page_order(in_a: list[bool], before: int) -> list[bool]:
    """Which units go to article A (True) or B when A is the text a page prints above its
    first title, with no title of its own (a lead, a photo's caption, a feature's opening
    paragraphs): none of it moves under B's title, below it in the page, and of the units
    after B's title only a first run may go back to A. (Between two titled articles a
    newspaper's layout may print an article's first paragraphs above its title: those
    move.) On the train twins, this keeps 8 twins' page head above their first title
    (news125, pdf126, pdf163, trad19, trad80, trad84, trad165, trad184: a caption, a
    preamble, a teaser or a kicker read as text; none of them is the title's text)."""
    first_b = next((i for i in range(before, len(in_a)) if not in_a[i]), len(in_a))
    return [i < first_b for i in range(len(in_a))]


def _reassign(drafts: list[_Draft]) -> None:
    """Give each article of a multi-article page the blocks that are about it.

    Newspaper layout may print an article's first paragraphs before its title
    block, or drop a title block into the middle of the previous article, or
    alternate the two: the blocks around each title block go to the article
    whose text and title they resemble, switching articles as rarely as possible.
    """
    for a, b in itertools.pairwise(drafts):
        if b.title is None or not a.items or not b.items:
            continue
        head = max(0, len(a.items) - _RUN_LIMIT)
        before, after = _units(a.items[head:]), _units(b.items[:_RUN_LIMIT])
        units = before + after
        texts = ["\n".join(_block_text(x) for x in u) for u in units]
        gram = _gram([*texts, _block_text(a.title), _block_text(b.title)])
        fixed_a = 1 if a.title is not None and head == 0 else 0
        in_a = _assign(gram, len(before), fixed_a, len(units))
        if a.title is None:
            in_a = _in_page_order(in_a, len(before))
        if all(in_a) and _title_parts(b.title)[0]:
            # A title left with no text is no article: texts alike all round (a 范文 page's
            # model texts) keep the order they are printed in. (A block of bylines alone
            # amid an article's text heads nothing.)
            in_a = [i < len(before) for i in range(len(units))]
        a.items[head:] = [x for u, keep in zip(units, in_a, strict=True) if keep for x in u]
        b.items[:_RUN_LIMIT] = [
            x for u, keep in zip(units, in_a, strict=True) if not keep for x in u]


#: The usual nesting of Chinese numbering, outermost first.
_CANONICAL = ("part", "cn", "ordinal", "paren_cn", "arabic", "dec2", "dec3", "dec4", "paren_arabic",
              "circled")


def _opening_headings(blocks: Sequence[Block]) -> dict[int, int]:
    """Where the numbered headline opening each paragraph block ends, by the block's id
    (only blocks that have one)."""
    out = {}
    for block in blocks:
        if block.kind == "para" and block.lines[0].kind == "body":
            # Read on the whole paragraph: a hard-wrapped line holds too little of its text
            # to tell a headline that runs into it.
            cut = inline_heading(block.view, block.lines[0].text)
            if 0 < cut < len(block.lines[0].text):
                out[id(block)] = cut
    out.update(_like_sibling_headlines(blocks, out))
    return out


#: A numbered headline written as a sentence of its own (1、组织会员重温党史,坚定理想信念。).
_SENTENCE_HEAD = regex(r"^([^。！？!?；;：:]{4,40})。")


def _like_sibling_headlines(blocks: Sequence[Block], opening: dict[int, int]) -> dict[int, int]:
    """Paragraphs that open with a numbered sentence shaped like the headlines of their
    list (2、开展业务学习,提高工作水平。区审计局先后…… amid 1、……。 and 3、……。 that head
    their sections): the sentence is the paragraph's headline too. Siblings: at least two
    headlines of the same numbering style (a headline line, or one opening a paragraph,
    see ``opening``), each one sentence ending in 。; the paragraph's first sentence is as
    long as theirs (within their shortest and longest, give or take 4 characters) with no
    more commas than the most of theirs, and text follows it."""
    heads: dict[str, list[Match[str]]] = {}
    for block in blocks:
        x = block.lines[0]
        if block.kind == "headline" and len(block.lines) == 1:
            head = x.view.strip()
        elif id(block) in opening:
            head = block.view[:opening[id(block)]].strip()
        else:
            continue
        style, marker = numbering(head)
        m = _SENTENCE_HEAD.fullmatch(head[marker:])
        if style in _CANONICAL and m is not None:
            heads.setdefault(style or "", []).append(m)
    out: dict[int, int] = {}
    for block in blocks:
        x = block.lines[0]
        if block.kind != "para" or x.kind != "body" or id(block) in opening:
            continue
        style, marker = numbering(block.view)
        shaped = heads.get(style or "", [])
        m = _SENTENCE_HEAD.match(block.view[marker:]) if len(shaped) >= 2 else None
        if m is None:
            continue
        sizes = [len(h.group(1)) for h in shaped]
        commas = max(len(COMMA.findall(h.group(1))) for h in shaped)
        end = marker + m.end()
        if min(sizes) - 4 <= len(m.group(1)) <= max(sizes) + 4 \
                and len(COMMA.findall(m.group(1))) <= commas \
                and len(block.view) - end >= 8 and end < len(x.text):
            out[id(block)] = end
    return out


def _levels(blocks: Sequence[Block], opening: dict[int, int]) -> dict[str, int]:
    """Nesting level of each numbering style the document uses: the usual order
    (第一部分 > 一、 > （一） > 1. > （1） > ①), numbered densely so no level is skipped;
    ``opening`` names the paragraph blocks that open with a numbered headline."""
    present = {
        block.lines[0].style for block in blocks
        if block.lines[0].style in _CANONICAL
        and (block.kind == "headline" or id(block) in opening)
    }
    return {style: i + 1 for i, style in enumerate(s for s in _CANONICAL if s in present)}


def _level(line: Line, levels: dict[str, int]) -> int:
    depth = style_depth(line.style)
    if depth is not None:
        return max(1, depth)
    return levels.get(line.style or "plain", 1)


_TITLE_KINDS = ("headline", "body", "title")
#: What opens a phrase, never a name (在……工会委员会 / 成立会上的致辞 is a title in two).
_PHRASE = regex("在|关于|对|为|向|致|给")


def _sign_offs(drafts: list[_Draft]) -> None:
    """A title block with no text under it that names only an issuer, a date or a
    reporter (堡子里街道总工会 / 赵丹丹 under a news item) is the sign-off of the article
    above it: its lines join that article's byline."""
    for k in range(len(drafts) - 1, 0, -1):
        draft, above = drafts[k], drafts[k - 1]
        if draft.items or draft.title is None or not above.items:
            continue
        heads = [x for x in draft.title.lines if x.kind in _TITLE_KINDS]
        if not heads or any(x.kind == "subtitle" for x in draft.title.lines) \
                or not all(_SIGNATURE.match(x.view) for x in heads):
            continue
        for part in draft.parts:
            above.add_title(replace(part, lines=tuple(
                replace(x, kind="byline") if x.kind in _TITLE_KINDS else x for x in part.lines)))
        del drafts[k]


#: A kicker (引题) over a title ends on a dash (……开展技术革新——); the original title a
#: page notes under its own (原标题：……) is a subtitle too.
_KICKER = regex(r"(?:[—─―－]|--)\s*$")
_ORIGINAL_TITLE = regex(r"^[（(]?原[标標][题題]")


def _title_parts(*blocks: Block) -> tuple[str | None, str | None, str | None]:
    """Title, subtitle and byline of an article's title block, put together from
    ``blocks`` (see :class:`_Draft`): the title lines of one block are one title, those of
    several blocks one title spaced between them, save a kicker over a later title line
    (not a title wrapped at its dash onto the next line) and an original title under an
    earlier one, which are subtitles."""
    lines = [(k, x) for k, block in enumerate(blocks) for x in block.lines]
    heads = [i for i, (_, x) in enumerate(lines) if x.kind in _TITLE_KINDS]
    pieces: dict[int, list[str]] = {}
    subs: list[str] = []
    for i, (k, x) in enumerate(lines):
        below = next((lines[j][1] for j in heads if j > i), None)
        if x.kind == "subtitle" or (x.kind in _TITLE_KINDS and (
                (_KICKER.search(x.text) and below is not None and below.number > x.number + 1)
                or (pieces and _ORIGINAL_TITLE.match(x.text)))):
            subs.append(x.text)
        elif x.kind in _TITLE_KINDS:
            pieces.setdefault(k, []).append(x.text)
    titles = ["".join(piece) for piece in pieces.values()]
    # A subtitle goes with a title: with none beside it, the first one not led by a dash is
    # the title the labeller misread.
    kicker = next((i for i, sub in enumerate(subs) if not sub.lstrip().startswith(("—", "－", "-"))),
                  None)
    if not titles and kicker is not None:
        titles = [subs.pop(kicker)]
    bylines = [x.text for block in blocks for x in block.lines
               if x.kind not in (*_TITLE_KINDS, "subtitle")]
    return (
        " ".join(titles) or None,
        "\n".join(subs) or None,
        "\n".join(bylines) or None,
    )


def _dateline_end(view: str, end: int) -> int:
    """Where a dateline matched up to ``end`` ends: past a reporter's credit closed by a
    colon right after it (本报讯 记者王某报道：), which is the byline's, not the news."""
    credit = _REPORTER_CREDIT.match(view, end)
    return credit.end() if credit else end


def _drop_head(cut: int, text: str, view: str, start: int, spans: tuple[tuple[int, int], ...]
               ) -> tuple[str, str, int, tuple[tuple[int, int], ...]]:
    """A paragraph without its first ``cut`` characters (they went to a byline or heading)."""
    return (text[cut:], view[cut:], start + cut,
            ((spans[0][0] + cut, spans[0][1] - cut), *spans[1:]))


def _names_what_follows(view: str) -> bool:
    """Whether a headline is a label or a question with no number of its own
    (:mod:`unionnlp.labelheads`): a numbered one (四.範圍:) is its list's sibling."""
    return numbering(view.strip())[0] is None and label_or_question(view.strip())


def _article(draft: _Draft, levels: dict[str, int], opening: dict[int, int],
             dropped: list[str]) -> Article:
    title, subtitle, byline = _title_parts(*draft.parts) if draft.parts else (None, None, None)
    if byline is None and title is not None:
        byline = draft.authors
    sections: list[Section] = []
    heading: Line | None = None
    head_spans: tuple[tuple[int, int], ...] = ()
    paras: list[Paragraph] = []
    numbered = 0  # the level of the last numbered headline of the article

    def close() -> None:
        nonlocal numbered
        if heading is None and not paras:
            return
        level = _level(heading, levels) if heading else 0
        if heading is not None and heading.style in _CANONICAL:
            numbered = level
        elif heading is not None and numbered and _names_what_follows(heading.view):
            # 一、主要工作 then 主要做法： / 如何破解这一难题？: the label or question heads a
            # part of the numbered headline's section.
            level = numbered + 1
        sections.append(Section(
            heading=heading.text if heading else None,
            level=level,
            paragraphs=tuple(paras),
            offset=heading.offset if heading else None,
            spans=head_spans if heading else (),
        ))

    captions: list[bool] = []  # whether each paragraph of ``paras`` is a photo caption
    for block in draft.items:
        if block.kind == "headline":
            close()
            heading, paras, captions = block.lines[0], [], []
            head_spans = tuple((x.offset, len(x.text)) for x in block.lines)
            if len(block.lines) > 1:  # a headline wrapped over lines
                heading = replace(heading, text=block.text, view=block.view)
        else:
            text, view, start = block.text, block.view, block.offset
            spans = tuple((x.offset, len(x.text)) for x in block.lines)
            # Only the news itself opens with a dateline: the article's first paragraph, or
            # its first after photo captions.
            first = not sections and all(captions)
            dateline = (_DATELINE.match(view) or _source_bracket(view, block, draft.items)
                        ) if first else None
            if dateline and dateline.end() < len(block.lines[0].text):
                # The dateline joins the byline; the paragraph is the news itself.
                cut = _dateline_end(view, dateline.end())
                byline = "\n".join(x for x in (byline, text[:cut].strip()) if x)
                text, view, start, spans = _drop_head(cut, text, view, start, spans)
            cut = 0 if dateline else opening.get(id(block), 0)
            if cut:
                # A numbered headline opening the paragraph heads a section of its own.
                close()
                heading = replace(block.lines[0], text=text[:cut].rstrip(),
                                  view=view[:cut].rstrip(), kind="headline")
                head_spans = ((start, len(heading.text)),)
                paras, captions = [], []
                text, view, start, spans = _drop_head(cut, text, view, start, spans)
            kinds = {x.kind for x in block.lines}
            kind: ParagraphKind = ("table" if kinds == {"table"}
                                   else "caption" if kinds == {"caption"} else "text")
            paras.append(Paragraph(text=text, offset=start, lead_in=_lead_in(text, view),
                                   spans=spans, kind=kind))
            captions.append(kind == "caption")
    close()
    signature: list[str] = []
    while sections and not sections[-1].paragraphs and sections[-1].heading \
            and _SIGNATURE.match(sections[-1].heading) and len(sections) > 1:
        signature.insert(0, sections.pop().heading or "")
    # An issuer and a date before an attachment are the sign-off too; what follows the
    # date (an attachment's table) is a section of its own.
    for k in range(1, len(sections) - 1) if not signature else ():
        issuer, date = sections[k].heading, sections[k + 1].heading
        if issuer and date and not sections[k].paragraphs \
                and _SIGNATURE.match(issuer) and DATE_LINE.match(date):
            signature = [issuer, date]
            after = sections[k + 1].paragraphs
            sections[k:k + 2] = [replace(sections[k + 1], heading=None, level=0, spans=())] if after else []
            break
    # Formats that mark headings (.docx, Markdown) leave the signature as paragraphs.
    last = sections[-1].paragraphs if sections else ()
    kept = len(last)
    while kept > 1 and _SIGNATURE.match(last[kept - 1].text):
        kept -= 1
    if kept < len(last):
        signature[:0] = [p.text for p in last[kept:]]
        sections[-1] = replace(sections[-1], paragraphs=last[:kept])
    signature[:0] = _closing_names(sections) or _closing_unit_and_names(sections)
    signature[:0] = _closing_credits(sections, dropped)
    if signature:
        byline = _with_signature(byline, signature)
    sections = _parents_of_numbered(sections)
    offset = draft.title.offset if draft.title else (draft.items[0].offset if draft.items else None)
    return Article(title=title, subtitle=subtitle, byline=byline, sections=tuple(sections),
                   offset=offset)


def _parents_of_numbered(sections: list[Section]) -> list[Section]:
    """Sections whose numbered headlines stand under an unnumbered headline with no text
    of its own (上半年工作回顾 / 一、…… / 二、……): they go a level deeper than it, as do
    the labels under them, until the next unnumbered headline. On the train twins, all 19
    numbered headlines annotated right under an unnumbered one are a level deeper."""
    out = list(sections)
    shift = 0
    numbered = False  # a numbered headline since the last unnumbered one
    for k, section in enumerate(sections):
        if not section.heading or section.level < 1:
            continue
        style = numbering(section.heading.strip())[0]
        if style in _CANONICAL:
            numbered = True
            if shift:
                out[k] = replace(section, level=section.level + shift)
            continue
        if style is not None:
            shift, numbered = 0, False
            continue
        if shift and numbered and _names_what_follows(section.heading):
            out[k] = replace(section, level=section.level + shift)  # a label under 一、
            continue
        below = sections[k + 1] if k + 1 < len(sections) else None
        shift, numbered = 0, False
        if not section.paragraphs and below is not None and below.heading \
                and numbering(below.heading.strip())[0] in _CANONICAL:
            shift = max(0, section.level + 1 - below.level)
    return out


#: A credit in brackets that closes an article's last paragraph after its last sentence:
#: the reporters' (（记者 李溪）, （通讯员 王某 记者 张某）), which the twins mark ``byline`` on
#: a line of their own, or the editor's or the source's ((责任编辑：张三), （来源：工人日报）),
#: which they mark ``furniture``. A photo's credit (……摄, 图/……) is the caption's.
_CREDIT = regex(r"(?<=[。！？!?”’」』）)\]】])[ \u3000]*"
                r"([（(【\[][^（）()【】\[\]]{0,12}?(?:(记者|記者|通讯员|通訊員|作者|撰稿|供稿)"
                r"|责任编辑|責任編輯|责编|責編|编辑|編輯|来源|來源|校对|校對)"
                r"[^（）()【】\[\]]{0,40}[)）】\]])[ \u3000]*$")
_PHOTO_CREDIT = regex("摄|攝|图|圖|照片")


def _last_text(sections: Sequence[Section]) -> tuple[int, int] | None:
    """Where the article's last text paragraph is: its section's index and its own."""
    return next(((k, i) for k in range(len(sections) - 1, -1, -1)
                 for i in range(len(sections[k].paragraphs) - 1, -1, -1)
                 if sections[k].paragraphs[i].kind == "text"), None)


def _closing_credits(sections: list[Section], dropped: list[str]) -> list[str]:
    """The reporters' credits cut off the end of the article's last text paragraph (for its
    byline), the editor's and the source's set aside in ``dropped``; ``sections`` keep the
    paragraph without them."""
    at = _last_text(sections)
    if at is None:
        return []
    k, i = at
    para = sections[k].paragraphs[i]
    text = para.text
    credits: list[str] = []
    while (m := _CREDIT.search(text)) is not None and not _PHOTO_CREDIT.search(m.group(1)) \
            and len(text[:m.start()].strip()) >= 8 \
            and para.spans and len(text) - m.start() <= para.spans[-1][1]:
        credit = m.group(1)
        if m.group(2):
            credits.insert(0, credit)
        else:
            dropped.append(credit)
        spans = (*para.spans[:-1], (para.spans[-1][0], para.spans[-1][1] - (len(text) - m.start())))
        text = text[:m.start()]
        para = replace(para, text=text, spans=spans)
    if para is not sections[k].paragraphs[i]:
        paragraphs = sections[k].paragraphs
        sections[k] = replace(sections[k], paragraphs=(*paragraphs[:i], para, *paragraphs[i + 1:]))
    return credits


#: A signature of names alone in brackets that closes a news item: one to four names of two
#: or three characters ((张衍 桂子), (陈涛)), a stray mark of a lost character after it. A
#: longer bracket is a unit's name or a source ((市总工会), (据新华社)), which the twins
#: keep in the text as often as they sign with it.
_NAMES = r"[（(][ \u3000]*[\u4e00-\u9fff]{2,3}(?:[ \u3000、，,]+[\u4e00-\u9fff]{2,3}){0,3}[ \u3000]*[)）][?？]*"
_CLOSING_NAMES = regex(rf"(?<=[。！？!?”’」』])[ \u3000]*({_NAMES})[ \u3000]*$")
_NAMES_ALONE = regex(rf"^{_NAMES}$")
#: What such a bracket may not hold (lexicon's ``not_names``: (掌声), (待续), (全文完)).
_NOT_NAMES = lexicon().not_names


def _names_only(bracket: str) -> bool:
    """Whether ``bracket`` (matched by ``_NAMES``) holds names, not a stage direction or a note."""
    return not any(word in bracket for word in _NOT_NAMES)


#: A bare dateline as a byline holds it (本报讯, 51网讯, 本报北京5月3日电): no reporters.
_BARE_DATELINE = regex(r"^[^\s，。,（(【\[]{0,14}(?:讯|消息|电)$")
#: Reporters in brackets closing the item: (于健), (记者 李某 通讯员 王某).
_REPORTERS_BRACKET = regex(rf"^(?:{_NAMES}|[（(][^（）()]{{0,8}}(?:记者|通讯员)[^（）()]{{1,30}}[)）])$")


def _with_signature(byline: str | None, signature: list[str]) -> str:
    """The byline with the article's closing signature under it, a line each; the
    reporters' bracket closing a news item goes beside a bare dateline opening it, as one
    line of the page has them (本报讯 + (于健) → 本报讯 (于健))."""
    if byline and _BARE_DATELINE.match(byline.strip()) \
            and _REPORTERS_BRACKET.match(signature[0].strip()):
        return "\n".join([f"{byline.strip()} {signature[0].strip()}", *signature[1:]])
    return "\n".join([byline, *signature] if byline else signature)


def _closing_names(sections: list[Section]) -> list[str]:
    """The signature of names (see ``_NAMES``) that closes the article's last text paragraph
    or stands after it as a paragraph of its own, for the byline; ``sections`` keep the
    paragraph without it."""
    at = _last_text(sections)
    if at is None:
        return []
    k, i = at
    paragraphs = sections[k].paragraphs
    para = paragraphs[i]
    if _NAMES_ALONE.match(para.text) and not _PHOTO_CREDIT.search(para.text) \
            and _names_only(para.text) and any(p.kind == "text" for p in paragraphs[:i]):
        sections[k] = replace(sections[k], paragraphs=(*paragraphs[:i], *paragraphs[i + 1:]))
        return [para.text]
    m = _CLOSING_NAMES.search(para.text)
    if m is None or _PHOTO_CREDIT.search(m.group(1)) or not _names_only(m.group(1)) \
            or not _tail_cuttable(para, m.start()):
        return []
    _cut_tail(sections, k, i, m.start())
    return [m.group(1)]


def _tail_cuttable(para: Paragraph, start: int) -> bool:
    """Whether the paragraph's text from ``start`` on can leave it: eight characters of text
    stay, and the tail lies in the paragraph's last span."""
    return len(para.text[:start].strip()) >= 8 and bool(para.spans) \
        and len(para.text) - start <= para.spans[-1][1]


def _cut_tail(sections: list[Section], k: int, i: int, start: int) -> None:
    """Section ``k``'s paragraph ``i`` without its text from ``start`` on (its last span
    shortened to match)."""
    paragraphs = sections[k].paragraphs
    para = paragraphs[i]
    cut = len(para.text) - start
    spans = (*para.spans[:-1], (para.spans[-1][0], para.spans[-1][1] - cut))
    para = replace(para, text=para.text[:start], spans=spans)
    sections[k] = replace(sections[k], paragraphs=(*paragraphs[:i], para, *paragraphs[i + 1:]))


#: A signature in brackets that closes a news item with the reporting unit and the names
#: of its writers, apart by spaces, no 记者 or 通讯员 ((某县总工会 张三 李四)).
_CLOSING_UNIT = regex(
    r"(?<=[。！？!?”’」』])[ \u3000]*([（(][ \u3000]*[\u4e00-\u9fff]{1,20}"
    r"(?:总工会|工会|委员会|公司|办公室|联合会|局|厂|集团|中心|协会)"
    r"((?:[ \u3000]+[\u4e00-\u9fff]{2,3}){1,4})[ \u3000]*[)）])[ \u3000]*$")


def _closing_unit_and_names(sections: list[Section]) -> list[str]:
    """The signature of a unit and its writers' names (see ``_CLOSING_UNIT``) that closes the
    article's last text paragraph, for the byline, when every word after the unit is a
    person's name (:func:`unionnlp.keyterms.person_name`); ``sections`` keep the paragraph
    without it. No train twin's paragraph closes so (the twins' closing brackets with a
    unit name a reporter, 记者, which ``_CREDIT`` reads)."""
    at = _last_text(sections)
    if at is None:
        return []
    k, i = at
    paragraphs = sections[k].paragraphs
    para = paragraphs[i]
    m = _CLOSING_UNIT.search(para.text)
    if m is None or not _tail_cuttable(para, m.start()):
        return []
    from .keyterms import person_name

    if not all(person_name(name) for name in m.group(2).split()):
        return []
    _cut_tail(sections, k, i, m.start())
    return [m.group(1)]


#: Numbering of items (1、 （1） ①), whose line cut inside a word is an item's text, where a
#: part's headline (一、 （一）) cut so is still its headline.
_ITEM_STYLES = ("arabic", "paren_arabic", "circled")


#: The marks a clause, not a sentence, ends on, and those a lead-in ends on.
_MID_CLAUSE = frozenset("，,、；;")
_LEADS_IN = frozenset("：:")


def _fills_row(line: Line, view: str, width: int) -> bool:
    """Whether ``line`` ends its row of the page, and the row reaches the page's width."""
    end = line.offset + len(line.view)
    stop = view.find("\n", end)
    if view[end:None if stop < 0 else stop].strip():
        return False
    start = view.rfind("\n", 0, line.offset) + 1
    return display_width(view[start:end]) >= width - RAGGED


def _clauses_cut_at_width(lines: list[Line], view: str, width: int) -> list[Line]:
    """On a hard-wrapped page (its long lines ``width`` columns), an unnumbered line the rules
    read as a headline that breaks off a clause (:func:`unionnlp.lines.breaks_off`) and fills
    its row is a paragraph's first line: a headline names a topic, it does not run on into
    the next line (``受市总工会第十届委员会委托，我向`` / ``大会作工作报告……``). Nor does
    one open mid-clause: such a line right under a line of text that fills its row and
    breaks off a clause, or ends on a comma, goes on with that text
    (``在组织职工、引导职工、`` / ``服务职工以及维护职工权益等方面充分发挥工会``), and so
    does a caption's last row under a full row that ends no sentence (``……看电影，其乐`` /
    ``融融。范志刚 摄``): its photo credit ends the paragraph."""
    out = [replace(x, kind="body", style=None)
           if x.kind == "headline" and x.hint is None and numbering(x.view)[0] is None
           and breaks_off(x.view) and _fills_row(x, view, width) else x
           for x in lines]
    for k in range(1, len(out)):
        above, x = out[k - 1], out[k]
        if x.kind == "headline" and x.hint is None and numbering(x.view)[0] is None \
                and above.kind == "body" and above.number == x.number - 1 \
                and (breaks_off(above.view) or above.view.rstrip()[-1:] in _MID_CLAUSE) \
                and _fills_row(above, view, width):
            out[k] = replace(x, kind="body", style=None)
        elif x.kind == "caption" and above.kind == "body" and above.number == x.number - 1 \
                and not ends_sentence(above.view) and above.view.rstrip()[-1:] not in _LEADS_IN \
                and _fills_row(above, view, width):
            out[k] = replace(x, kind="body", style=None)
    return out


#: Where an article numbered in figures starts inside a long line (……订定之。第 2 条:本会……,
#: ……(第2条) 第 1 条:本规则……): after a sentence's end, or after a space when a colon
#: follows its number. 依第 3 条规定 inside a sentence is no article's start.
_ARTICLE_IN_FIGURES = regex(r"(?:(?<=[。！？；;])[ \u3000]*|(?<=\s)(?=第\s*\d{1,3}\s*条\s*[:：]))"
                            r"(?=第\s*\d{1,3}\s*条)")


def _articles_in_figures_apart(lines: list[Line]) -> list[Line]:
    """A long line (``LONG_LINE`` characters or more) of a rules text pasted as one line, cut
    where each article numbered in figures starts (第 1 條:…… 第 2 條:……, see
    ``_ARTICLE_IN_FIGURES``): each article is a paragraph of its own, as the line rules cut
    articles numbered in Chinese numerals (第二条……)."""
    out: list[Line] = []
    for x in lines:
        cuts = [m.start() for m in _ARTICLE_IN_FIGURES.finditer(x.view) if m.start() > 0] \
            if x.kind == "body" and x.hint is None and len(x.view) >= LONG_LINE else []
        if len(cuts) < 2:
            out.append(x)
            continue
        bounds = [0, *cuts, len(x.view)]
        out.extend(replace(_piece(x, a, b), opens=x.opens if a == 0 else True)
                   for a, b in itertools.pairwise(bounds) if x.view[a:b].strip())
    return out


def _piece(line: Line, start: int, stop: int) -> Line:
    """Characters ``start:stop`` of a line (of its text and view alike), white space trimmed."""
    text = line.text[start:stop]
    lead = len(text) - len(text.lstrip())
    stop = start + len(text.rstrip())
    start += lead
    return replace(line, text=line.text[start:stop], view=line.view[start:stop],
                   offset=line.offset + start, indent=0)


def _run_on_headlines(blocks: list[Block], view: str, width: int) -> list[Block]:
    """A numbered headline cut at a hard-wrapped page's width, joined with the rest of it on
    the next line (一、紧扣……组织系列活 / 动，带领职工……建功立业。): a headline block of
    both pieces, the paragraph (if any) starting after it.

    The headline ends where a paragraph opened by the joined text would end its headline
    (:func:`inline_heading`), else at the next line's end when the rules read the two lines
    joined as a headline and that line ends the paragraph or falls short of the page's width.
    Ended neither way, an item (1、 （1）) is a paragraph, and so is a headline that ends
    inside its own row (its paragraph opens there and runs on).
    """
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block, nxt = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
        i += 1
        head = block.lines[0]
        if head.style not in _CANONICAL or ends_sentence(head.view) \
                or not _fills_row(head, view, width):
            out.append(block)
            continue
        if block.kind == "para" and head.kind == "body" and len(block.lines) > 1 \
                and block.lines[1].number == head.number + 1:
            found = _split_run_on(block, nxt is not None and nxt.kind == "para", view, width)
            out += found or [block]
            continue
        if block.kind != "headline" or len(block.lines) > 1 or nxt is None:
            out.append(block)
            continue
        first = nxt.lines[0]
        if not (first.number == head.number + 1 and numbering(first.view)[0] is None
                and ((nxt.kind == "para" and first.kind == "body")
                     or (nxt.kind == "headline" and first.style == "plain"))):
            out.append(block)
            continue
        joined = Block("para", (head, *nxt.lines)) if nxt.kind == "para" else None
        found = _split_run_on(joined, True, view, width) if joined is not None else None
        if found is not None:
            out += found
            i += 1
        elif len(nxt.lines) == 1 and classify(head.view + first.view)[0] == "headline":
            out.append(Block("headline", (head, first)))
            i += 1
        elif joined is not None and (
                head.style in _ITEM_STYLES
                or 0 < inline_heading(joined.view, head.text) < len(head.text)):
            # Its row full and its sentence unfinished, the line runs on into the next: an
            # item is a paragraph, and a headline that ends inside the row is the lead of the
            # paragraph the rest of the row opens (`_opening_headings` reads it there).
            out.append(Block("para", (replace(head, kind="body"), *nxt.lines)))
            i += 1
        else:
            out.append(block)
    return out


#: What a headline printed over two lines never holds in either: a sentence's or a
#: clause's end, a label's colon.
_NOT_IN_TWO_LINE_HEAD = regex("[。！？!?；;：:]")


def _headlines_over_two_lines(blocks: list[Block]) -> list[Block]:
    """Two unnumbered headline lines, one right under the other (no blank line between),
    that together are no longer than a headline, as one headline printed over two lines
    (本地勞工團體曾經風光 / 從「五一」遊行走到博彩業工運, a news story's 小标题; a caption and
    the rest of it): the second line goes on from the first and heads no section of its
    own. Numbered lines, bulleted ones, lines that end a sentence or a label and a closing
    signature's lines (an issuer over a date) keep their blocks.

    Only on a page whose every headline is such a pair: where another headline stands on
    its own line (帮扶救助精准有力 after 工作回顾 / 组织建设成效显著) or is numbered (第一部分
    over 坚持党的领导 / 全面加强政治引领), a pair is a part's heading over its first
    sub-heading, as text copied from Word prints them with no blank line between."""
    pairs: list[int] = []
    lone = False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.kind != "headline":
            i += 1
            continue
        if _two_line_head(block, nxt):
            pairs.append(i)
            i += 2
            continue
        lone = True
        i += 1
    if lone or not pairs:
        return blocks
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        if pairs and pairs[0] == i:
            pairs.pop(0)
            out.append(Block("headline", (blocks[i].lines[0], blocks[i + 1].lines[0])))
            i += 2
            continue
        out.append(blocks[i])
        i += 1
    return out


#: The first number of the level under each numbering style (一、 > （一） or 1. > （1）):
#: a headline running straight into it, with no mark between, ends there
#: (（一）抓好政治建设，紧扣中心建功立业1.站稳政治立场……, 一、……擦亮中心医院品牌（一）完善制度).
_FIRST_UNDER = {
    "part": r"一[、．](?![二两三四五六七八九十][、．等])|[（(]一[）)]|1[、.．](?!\d)",
    "cn": r"[（(]一[）)]|1[、.．](?!\d)|[（(]1[）)](?![号號])",
    "ordinal": r"[（(]一[）)]|1[、.．](?!\d)",
    "paren_cn": r"1[、.．](?!\d)|[（(]1[）)](?![号號])",
}
#: A mark between clauses or sentences: a text holding one is no headline line of its own
#: (一、二、三等奖各若干名，获奖选手……).
_CLAUSE_MARK = regex(r"[，,；;。！？!?]")
_RUNS_INTO_FIRST = {style: regex(rf"[^。！？!?；;：:\s]{{2,40}}?(?<=[\u4e00-\u9fff）)”])(?P<under>{under})")
                    for style, under in _FIRST_UNDER.items()}


def _headlines_over_their_first(blocks: list[Block]) -> list[Block]:
    """A numbered headline that runs straight into the first number of the level under it
    (see ``_FIRST_UNDER``), in a page whose line breaks were lost: the headline ends where
    that number begins, which opens a paragraph of its own (whose own headline the rules
    for a numbered paragraph then read). Only the line's first headline is read, up to 40
    characters with no sentence mark or colon. On the train twins 13 lines open so: 10 of
    the numbers are annotated headings, 3 list items (1.项目上会员人数达到3人以上……), which
    the rules for a numbered paragraph read as before."""
    out: list[Block] = []
    for block in blocks:
        first = block.lines[0]
        style, marker = numbering(first.view)
        runs = _RUNS_INTO_FIRST.get(style or "") if first.hint is None and (
            (block.kind == "para" and first.kind == "body")
            or (block.kind == "headline" and len(block.lines) == 1)) else None
        m = runs.match(first.view, marker) if runs is not None else None
        if m is None:
            out.append(block)
            continue
        cut = m.start("under")
        head = replace(_piece(first, 0, cut), kind="headline", style=style)
        rest = _piece(first, cut, len(first.text))
        kind, rest_style = classify(rest.view)
        out.append(Block("headline", (head,)))
        if len(block.lines) == 1 and kind == "headline" \
                and _CLAUSE_MARK.search(rest.view) is None:
            # The line ends with the sub-headline: it is a headline line of its own (not a
            # sentence: 一、二、三等奖各若干名，获奖选手由市总工会颁发证书。).
            out.append(Block("headline", (replace(rest, kind="headline", style=rest_style),)))
        else:
            rest = replace(rest, kind="body", style=numbering(rest.view)[0], opens=True)
            out.append(Block("para", (rest, *block.lines[1:])))
    return out


_LIST_STYLES = frozenset({"cn", "ordinal", "paren_cn", "arabic", "paren_arabic", "circled"})


def _list_place(block: Block) -> tuple[str, int] | None:
    """The numbering style of a block's first line and the number it counts, if numbered."""
    from .figures import chinese_integer

    view = block.lines[0].view.strip()
    style, width = numbering(view)
    if style not in _LIST_STYLES:
        return None
    marker = view[:width]
    digits = "".join(ch for ch in marker if ch.isascii() and ch.isdigit())
    if digits:
        return style, int(digits)
    circled = next((ch for ch in marker if "①" <= ch <= "⑳"), None)
    if circled is not None:
        return style, ord(circled) - ord("①") + 1
    value = chinese_integer("".join(ch for ch in marker if ch in "一二两三四五六七八九十百零〇"))
    return None if value is None else (style, value)


def _items_between_items(blocks: list[Block]) -> list[Block]:
    """A numbered headline with nothing under it, the next block its list's next item, and
    its list's items before and after it paragraphs (一、…… / 二、…… / 三、……办法: / 四、……),
    is an item too (a paragraph its numbered headline opens, 2、……难点作为突破口。对职工……, is
no item): siblings of one list, a clause of a contract or a form with its blank
    left empty, not a section's headline over the items that follow it. (The labeller
    reads such a line alone; train twins: 3 such lines, all paragraphs.)"""
    out = list(blocks)
    places = [_list_place(b) if b.kind in ("headline", "para") and b.lines[0].hint is None
              else None for b in blocks]

    def item(j: int) -> bool:  # a paragraph, not one its numbered headline opens
        return blocks[j].kind == "para" and not inline_heading(blocks[j].view, blocks[j].text)

    for k, block in enumerate(blocks):
        place = places[k]
        if block.kind != "headline" or place is None or k + 1 >= len(blocks):
            continue
        style, value = place
        if places[k + 1] != (style, value + 1) or not item(k + 1):
            continue
        before = next((j for j in range(k - 1, -1, -1)
                       if (p := places[j]) is not None and p[0] == style), None)
        if before is None or places[before] != (style, value - 1) or not item(before):
            continue
        out[k] = Block("para", tuple(replace(x, kind="body") for x in block.lines))
    return out


def _two_line_head(block: Block, nxt: Block | None) -> bool:
    """Whether headline ``block`` and ``nxt`` read as one headline printed over two lines
    (see :func:`_headlines_over_two_lines`)."""
    if nxt is None or block.kind != "headline" or nxt.kind != "headline" \
            or len(block.lines) != 1 or len(nxt.lines) != 1:
        return False
    head, second = block.lines[0], nxt.lines[0]
    views = (head.view.strip(), second.view.strip())
    return not (
        second.number != head.number + 1 or head.hint is not None or second.hint is not None
        or any(numbering(v)[0] is not None or v[:1] in BULLETS
               or _NOT_IN_TWO_LINE_HEAD.search(v) or _SIGNATURE.match(v) for v in views)
        or len(views[0]) + len(views[1]) > HEADLINE_MAX)


def _split_run_on(block: Block, text_follows: bool, view: str, width: int) -> list[Block] | None:
    """A paragraph block whose first line is a numbered headline cut at the page's width,
    as a headline block and the paragraph after it (see :func:`_run_on_headlines`); None
    when its headline does not end on its second line."""
    head, second = block.lines[0], block.lines[1]
    joined = head.view + second.view
    # Latin words joined over a line break gain a space: offsets in the block's text are
    # then no offsets in its lines.
    ends = inline_heading(block.view, head.text) \
        if len(block.view) == sum(len(x.view) for x in block.lines) else -1
    cut = ends - len(head.view)
    if 0 < cut <= len(second.view):
        rest = _piece(second, cut, len(second.view))
        lines = (rest, *block.lines[2:]) if rest.view else block.lines[2:]
        return [Block("headline", (head, _piece(second, 0, cut))),
                *([replace(block, lines=lines)] if lines else [])]
    if ends != 0 or classify(joined)[0] != "headline":
        return None
    if len(block.lines) == 2 and text_follows:
        return [Block("headline", block.lines)]
    if len(block.lines) > 2 and not _fills_row(second, view, width):
        return [Block("headline", block.lines[:2]), replace(block, lines=block.lines[2:])]
    return None


def _run_in_headlines(blocks: list[Block]) -> list[Block]:
    """A numbered headline line that holds its text too, with no mark between (the rules
    read ``二、帮扶措施对于走访中……解决掉。`` as a headline of one sentence), as the headline
    the head-end model ends and the paragraph after it."""
    out: list[Block] = []
    for block in blocks:
        line = block.lines[0]
        # A headline alone names a topic (一、回顾2025年的工作): only one that ends a sentence
        # or runs longer than a headline may hold its text.
        if block.kind == "headline" and len(block.lines) == 1 and line.hint is None \
                and line.style in _CANONICAL \
                and (ends_sentence(line.view) or len(line.view) > HEADLINE_MAX):
            style, marker = numbering(line.view)
            end = _learned_end(line.view, style, marker) if style in _CANONICAL else 0
            if 0 < end < len(line.view):
                body = replace(_piece(line, end, len(line.text)), kind="body", style=None)
                out += [Block("headline", (_piece(line, 0, end),)), Block("para", (body,))]
                continue
        out.append(block)
    return out


#: A Chinese ordinal with its mark, alone on a line or with two characters after it at most
#: (``一、``, ``一、星期``): a number the page's text enumerates (评出一、二、三等奖,
#: 每逢星期一、星期二), which a PDF's extraction broke onto a line of its own.
_BARE_ORDINAL = regex(r"^([一二三四五六七八九])、[\u4e00-\u9fff]{0,2}$")
#: A Chinese ordinal and its mark with nothing after them: no headline, whatever read it so.
_MARK_ALONE = regex(r"^\s*[一二三四五六七八九]、\s*$")
#: A line that opens with a Chinese ordinal and its mark.
_ORDINAL_OPENS = regex(r"^([一二三四五六七八九])、")
_ORDINALS = "一二三四五六七八九"
#: The shortest last line of a paragraph whose sentence an enumeration goes on.
_ENUMERATES_FROM = 10


def _breaks_off_on_a_word(view: str) -> bool:
    """Whether a paragraph's last line breaks off a clause on a Han character: ten
    characters or more, a comma among them (numbered or not)."""
    view = view.rstrip()
    return len(view) >= _ENUMERATES_FROM and COMMA.search(view) is not None \
        and "\u4e00" <= view[-1:] <= "\u9fff"


def _ordinal(block: Block) -> int | None:
    """The value of the Chinese ordinal ``block``'s first line opens with (一、 is 1)."""
    m = _ORDINAL_OPENS.match(block.lines[0].view.strip())
    return _ORDINALS.index(m.group(1)) + 1 if m else None


def _ordinals_in_running_text(blocks: list[Block]) -> list[Block]:
    """An enumeration inside a sentence that a PDF's extraction broke at its ordinals, each
    on a line of its own between blank lines (``……三个项目各自评出`` / ``一、`` /
    ``二、三等奖，合计奖项九个。``; ``……每逢星期`` / ``一、星期`` / ``二、星期`` /
    ``三、星期四；……``), as the paragraph it goes on: the ordinals number no rules or
    headlines. It takes a paragraph that breaks off a clause on a Han character, then a bare
    ordinal (:data:`_BARE_ORDINAL`), then the next ordinal, each read as text (a line the
    rules or the labeller read as a headline, 一、总则, keeps its section, unless it is the
    mark alone); the run goes on while the line joined is bare."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        i += 1
        if not (block.kind == "para" and block.lines[-1].kind == "body"
                and _breaks_off_on_a_word(block.lines[-1].view)):
            out.append(block)
            continue
        run: list[Block] = []
        j = i
        while j < len(blocks) and _ordinal(blocks[j]) == len(run) + 1 \
                and ((blocks[j].kind == "para" and all(x.kind == "body" for x in blocks[j].lines))
                     or (blocks[j].kind == "headline" and _MARK_ALONE.match(blocks[j].text))):
            run.append(blocks[j])
            j += 1
            if len(blocks[j - 1].lines) > 1 \
                    or not _BARE_ORDINAL.match(blocks[j - 1].lines[0].view.strip()):
                break
        if len(run) < 2:
            out.append(block)
            continue
        lines = [replace(x, kind="body", style=None, opens=False) for b in run for x in b.lines]
        out.append(Block("para", (*block.lines, *lines)))
        i = j
    return out


def _items_run_on(blocks: list[Block]) -> list[Block]:
    """A numbered line read as a headline that breaks off a clause (a comma after its
    number, no mark at its end) and runs on into the paragraph under it, a bracket it
    opened closed there (``1、绑腿协力跑项目，每各工会出8名选手参加（其`` / ``中男、女选手各
    4人）每2人编为一组……``), as an item's first line: one paragraph. A PDF whose extraction
    prints every line between blank lines leaves the page's width no sign of the wrap
    (:func:`_run_on_headlines` reads a hard-wrapped page's). A word the segmenter reads
    across the break is no sign: 四、夯实基层基础，提升工会组织力 / 以党建带工建为抓手……
    reads 力以 as one word, under a headline."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block, nxt = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
        i += 1
        if nxt is not None and block.kind == "headline" and len(block.lines) == 1 \
                and nxt.kind == "para" and nxt.lines[0].kind == "body":
            head, first = block.lines[0], nxt.lines[0]
            style, marker = numbering(head.view)
            last = head.view.rstrip()[-1:]
            if style is not None and head.hint is None \
                    and COMMA.search(head.view, marker) is not None \
                    and ("\u4e00" <= last <= "\u9fff" or last.isdigit()) \
                    and numbering(first.view)[0] is None and first.view[:1] not in BULLETS \
                    and runs_into(head.view, first.view):
                out.append(Block("para", (replace(head, kind="body", style=None), *nxt.lines)))
                i += 1
                continue
        out.append(block)
    return out


#: A numbered item's label and colon, then its value on the same line (二、普查的时间:2015年
#: 3月9至31日, 1、竞赛活动时间:2010年12月下旬至): the label heads, the value is text.
_LABEL_THEN_VALUE = regex(r"^([^。！？!?：:，,；;]{1,14}?[：:])[ \u3000]*(?=\S)")

#: What makes the part after the colon a value rather than the second half of a headline
#: (一、坚持党建引领：把牢工会工作正确政治方向, a theme and a verb phrase that elaborates it):
#: the label names a field (活动时间:, 對象:), or the value holds a figure or a date, a
#: list or a sentence (a digit, a comma, a stop; a 、 only with no text paragraph under
#: the line: 二、强化服务保障：让职工群众更有获得感、幸福感、安全感 over its paragraph
#: lists the theme's aims, one headline).
_FIELD_LABEL = regex(r"(?:时间|時間|日期|期间|期間|期限|时段|時段|地点|地點|对象|對象|内容|內容"
                     r"|方式|方法|电话|電話|单位|單位|范围|範圍|条件|條件|要求|名称|名稱|主题|主題"
                     r"|目的|依据|依據|标准|標準|程序|形式|人员|人員|名额|名額|费用|費用|办法|辦法)"
                     r"[ \u3000]*[：:]$")
_VALUE_MARK = regex(r"[0-9０-９，,；;。.！？!?]")
_LIST_MARK = "、"


def _reads_as_value(label: str, value: str, text_follows: bool = False) -> bool:
    """Whether ``value``, after ``label`` and its colon on a numbered line, is a field's value
    (see ``_FIELD_LABEL``): on the train twins, 114 of the 118 numbered lines of a label, a
    colon and more (whatever the labeller reads them as) read so; the other 4 are short
    values with no figure and no stop (按年繳交, 頒發獎狀一張) or a line cut off. A 、 alone
    makes a value only when no text paragraph follows (``text_follows``)."""
    return (_FIELD_LABEL.search(label) is not None or _VALUE_MARK.search(value) is not None
            or (not text_follows and _LIST_MARK in value))


def _labelled_headlines(blocks: list[Block]) -> list[Block]:
    """A numbered headline line that holds a label and its value (see
    ``_LABEL_THEN_VALUE``) as the headline up to the colon and a paragraph of the value, as
    a text line that opens so is cut (:func:`inline_heading`). A part's headline (第三章、
    ……：……) names its topic whole. A theme and the phrase that elaborates it (一、坚持党建
    引领：把牢工会工作正确政治方向) is one headline: the part after the colon must read as a
    value (see ``_reads_as_value``). On the train twins, of the 35 whole numbered headline
    lines of a label, a colon and more that reach this rule, 34 still read so; the one left
    whole is a line the page cut off (2. 任期:每一届教代会代表任职时间为两)."""
    out: list[Block] = []
    for at, block in enumerate(blocks):
        line = block.lines[0]
        if block.kind == "headline" and len(block.lines) == 1 and line.hint is None \
                and line.style in _CANONICAL and line.style != "part":
            style, marker = numbering(line.view)
            m = _LABEL_THEN_VALUE.match(line.view[marker:]) if style == line.style else None
            text_follows = at + 1 < len(blocks) and blocks[at + 1].kind == "para"
            if m is not None and _reads_as_value(line.view[:marker + m.end(1)],
                                                 line.view[marker + m.end():], text_follows):
                end = marker + m.end(1)
                body = replace(_piece(line, end, len(line.text)), kind="body", style=None)
                out += [Block("headline", (_piece(line, 0, end),)), Block("para", (body,))]
                continue
        elif block.kind == "para" and len(block.lines) == 1 and _theme_over_text(blocks, at):
            # Read as text, it would be cut at the colon (inline_heading); it heads.
            out.append(Block("headline", (replace(line, kind="headline"),)))
            continue
        out.append(block)
    return out


#: The longest line a theme and its elaboration make (二、强化服务保障：让职工群众更有获得感、
#: 幸福感、安全感 is 27 characters).
_THEME_LINE = 40


def _theme_over_text(blocks: list[Block], at: int) -> bool:
    """Whether the one-line paragraph ``blocks[at]`` is a numbered theme, a colon and its
    elaboration (no field's value: ``_reads_as_value``) over a paragraph of text: a headline
    the labeller read as text. On the train twins no line the labeller reads as text reads
    so."""
    line = blocks[at].lines[0]
    view = line.view.strip()
    if line.style not in _CANONICAL or line.style == "part" or len(view) > _THEME_LINE \
            or at + 1 >= len(blocks) or blocks[at + 1].kind != "para":
        return False
    style, marker = numbering(view)
    m = _LABEL_THEN_VALUE.match(view[marker:]) if style == line.style else None
    return m is not None and not _reads_as_value(view[:marker + m.end(1)],
                                                 view[marker + m.end():], True)


#: A numbering marker that numbers the first of its list (1、 一、 （一） (1) ① 第一).
_FIRST_NUMBER = regex(r"^[^\d一二三四五六七八九十百]*(?:1|一|①|⑴|⒈)[^\d一二三四五六七八九十百]*$")


def _body_item_style(blocks: Sequence[Block], style: str) -> bool:
    """Whether the page numbers paragraphs, and no headline, in ``style``: its items are a
    list of text (1、…… 2、…… under a headline), not headlines."""
    firsts = [(b.kind, numbering(b.lines[0].view)[0]) for b in blocks]
    return ("para", style) in firsts and ("headline", style) not in firsts[:-1]


def _trailing_headline_as_text(blocks: list[Block]) -> list[Block]:
    """The blocks with an unnumbered headline that ends the text, with nothing under it,
    read as a paragraph: a headline introduces text, and a page's last line that looks
    like one is mostly its last words cut off (``市总工会常务副主席、党组书记刘振``). A
    numbered one is a headline cut off: on the train twins, 17 of the 23 such lines are
    annotated headings, and of the 5 numbered as the page numbers paragraphs and no
    headline, 4. But a list's first item, numbered as the page numbers paragraphs and no
    headline, opens one more list of text that the page cut (``1、……反馈`` after
    ``二、``, on a page with 1、 2、 3、 items of text under ``一、``): text (no train line)."""
    last = next((i for i in range(len(blocks) - 1, -1, -1) if blocks[i].kind != "furniture"),
                None)
    if last is None or blocks[last].kind != "headline":
        return blocks
    head = blocks[last].lines[0]
    style, marker = numbering(head.view)
    if _SIGNATURE.match(head.view) or (style is not None and not (
            _FIRST_NUMBER.match(head.view[:marker]) and _body_item_style(blocks, style))):
        return blocks  # a numbered headline cut off; the sign-off is read as such later
    return [*blocks[:last], replace(blocks[last], kind="para"), *blocks[last + 1:]]


#: A line that names where a news item was taken from (转自:劳动午报, 来源:某某网,
#: (信息来源:……)): the site's credit, never a title or a headline; one that names the
#: author too (来源:某报 作者:……) is a byline, the labeller's to read.
_SOURCE_TAG = regex(r"^[（(]?\s*(?:转自|转载自|转载于|来源|稿源|文章来源|信息来源|新闻来源)\s*[:：]")
_AUTHOR = regex(r"作者|记者|通讯员")
#: A Markdown table's rule under its header row (---|---|, |:--|--:|): a line of bars and
#: dashes only.
_TABLE_RULE = regex(r"^[|｜]?\s*:?-{2,}:?\s*(?:[|｜]\s*:?-*:?\s*)+$")


def _credits_and_rules_aside(blocks: list[Block]) -> list[Block]:
    """The blocks with a title's or a headline's line that is a site's credit
    (``_SOURCE_TAG``) or a table's rule (``_TABLE_RULE``) read as furniture: neither is
    the text's. On the train twins, of the 65 lines that open with such a credit, 62 are
    annotated furniture (the other 3 name the author, a byline); the one table rule,
    furniture."""
    out: list[Block] = []
    for block in blocks:
        if block.kind not in ("title", "headline"):
            out.append(block)
            continue
        keep: list[Line] = []
        for x in block.lines:
            if _TABLE_RULE.match(x.view) or (_SOURCE_TAG.match(x.view)
                                             and not _AUTHOR.search(x.view)):
                if keep:
                    out.append(Block(block.kind, tuple(keep)))
                    keep = []
                out.append(Block("furniture", (replace(x, kind="furniture", style=None),)))
            else:
                keep.append(x)
        if len(keep) == len(block.lines):
            out.append(block)
        elif keep:
            out.append(Block(block.kind, tuple(keep)))
    return out


#: A line of a table drawn with bars (會長 | 陳大文 |, 總部 |): it ends with a cell's bar.
_BAR_ROW = regex(r"[|｜]\s*$")


def _amid_bar_rows(blocks: Sequence[Block], at: int) -> bool:
    """Whether the block ``at`` stands between two lines of a table drawn with bars, right
    between them: a blank line apart, it is a headline between two tables."""
    if not 0 < at < len(blocks) - 1:
        return False
    before, after = blocks[at - 1].lines[-1], blocks[at + 1].lines[0]
    number = blocks[at].lines[0].number
    return "|" in before.view and "|" in after.view \
        and before.number + 1 == number == after.number - 1


def _table_cells_aside(blocks: list[Block]) -> list[Block]:
    """The blocks with a one-line headline that is a row of a table drawn with bars (an
    infobox's ``總部 |``), or a one-line title or headline without bars between two such
    rows (a logo's caption), read as furniture, as the table's other rows are. A title
    that ends with a bar is a page's title (``……表彰会 |``). On the train twins this
    touches one line, a table's row read as a headline. A numbered headline is never a
    cell, nor is a headline without bars over a table or text: it heads them."""
    out: list[Block] = []
    for at, block in enumerate(blocks):
        numbered = block.lines[0].style not in (None, "plain")
        if block.kind in ("title", "headline") and len(block.lines) == 1 and not numbered \
                and ((block.kind == "headline" and _BAR_ROW.search(block.lines[0].view))
                     or (block.kind == "title" and "|" not in block.lines[0].view
                         and _amid_bar_rows(blocks, at))):
            x = block.lines[0]
            out.append(Block("furniture", (replace(x, kind="furniture", style=None),)))
        else:
            out.append(block)
    return out


#: A site's name after a page's title in its own title line (…… - 某某网, ……_首页).
_SITE_SUFFIX = regex(r"\s*(?:\s[-–—|]\s|_)\s*[^\s，。,；;：:！!？?]{1,20}$")


def _near_copy(a: str, b: str) -> bool:
    """Whether two titles are one printed twice, once with a slip of a character
    (工会换届换举工作报告, 工会换届选举工作报告); never a collection's title over one of its
    model texts (……总结7篇, ……总结篇1)."""
    return (a != b and len(a) == len(b) >= 6
            and sum(x != y for x, y in zip(a, b, strict=True)) <= 1
            and not any(p.search(t) for p in (_COLLECTION, _MODEL_TEXT) for t in (a, b)))


def _site_title_copies(blocks: list[Block]) -> list[Block]:
    """The blocks with a site's copy of a page's title read as furniture: a one-line title
    that is an earlier title with the site's name after it (…… - 某某网), and a one-line
    title right over the same title with one character otherwise (a site's title line,
    mistyped, over the article's own). On the train twins it touches no line."""
    out = list(blocks)
    seen: set[str] = set()
    last: int | None = None  # the last one-line title, with only furniture after it
    for at, block in enumerate(blocks):
        if block.kind == "furniture":
            continue
        if block.kind != "title" or len(block.lines) != 1:
            seen.update(h for h in [_headline(block)] if h and block.kind == "title")
            last = None
            continue
        x = block.lines[0]
        cut = _SITE_SUFFIX.search(x.view)
        if cut is not None and x.view[:cut.start()].strip() in seen:
            out[at] = Block("furniture", (replace(x, kind="furniture", style=None),))
            continue
        if last is not None and _near_copy(blocks[last].lines[0].view, x.view):
            y = blocks[last].lines[0]
            out[last] = Block("furniture", (replace(y, kind="furniture", style=None),))
        seen.add(x.view)
        last = at
    return out


#: The bars a page prints before a section's headline (▌前言, ▍一年来的工作, █ 下一步打算):
#: Unicode's block elements, then the headline's text.
_BAR = regex(r"^[\u2580-\u259f]+[ \u3000\xa0]*(?=[^\s\u2580-\u259f])")


def _bars_apart(lines: list[Line], boilerplate: Collection[int]
                ) -> tuple[list[Line], dict[int, list[str]]]:
    """The lines without the bar that opens a line before its text (▌一、组织建设), each read
    again as the page would be without it (its numbering, whether it is a headline); the
    bars, decoration, by the offset of the line they stood before. A line the reader found
    to be boilerplate stays furniture."""
    out: list[Line] = []
    bars: dict[int, list[str]] = {}
    for x in lines:
        bar = _BAR.match(x.text)
        if bar is None:
            out.append(x)
            continue
        rest = _piece(x, bar.end(), len(x.text))
        kind, style = ("furniture", None) if x.number in boilerplate else classify(rest.view, x.hint)
        out.append(replace(rest, kind=kind, style=style, indent=x.indent))
        bars[rest.offset] = [bar.group().strip()]
    return out, bars


#: The part of a title block an e-paper page names in brackets: the kicker (引题, 肩题, 眉题),
#: the title (主题, 正题) and the subtitle (副题, 子题), before or after the line's text.
_TITLE_MARK = regex(r"[（(【\[〔]\s*(引题|引題|肩题|肩題|眉题|眉題|主题|主題|正题|正題|副题|副題|子题|子題)"
                    r"\s*[)）】\]〕]")


#: The longest line read as a marked part of a title block, and what may follow a mark
#: that ends its text: a few characters with no mark of a sentence (a site's stray words).
_TITLE_MARKED_MAX = 80
_AFTER_MARK = regex(r"[^，,。；;：:！？!?]{0,6}")


def _title_marks_apart(lines: list[Line], aside: dict[int, list[str]]
                       ) -> tuple[list[Line], dict[int, list[str]]]:
    """The lines with the marks an e-paper page puts in its title block (（引题）……,
    ……(主题)) taken off, each such line a title (主题) or subtitle (引题, 副题) whatever the
    labeller read (a mark opening the line, or ending its text, up to 80 characters; a
    sentence that names a 主题 in passing is left alone); the marks, and what a page prints
    after a mark that ends the text, join ``aside`` (by the offset of the line they stood
    on) for ``dropped``. A mark in 【】, [] or 〔〕 counts only next to another mark: alone it
    is a notice's field (【主题】致敬劳动者 over 【地点】……), as the train twins' e-paper
    blocks mark in round brackets. ``aside`` is not changed; a new one is returned."""
    marks = [_title_mark(x) for x in lines]
    out: list[Line] = []
    for k, x in enumerate(lines):
        mark = marks[k]
        if mark is not None and mark.group()[0] not in "（(" and not any(
                0 <= j < len(lines) and marks[j] is not None for j in (k - 1, k + 1)):
            mark = None  # 【主题】 alone: a notice's field (【主题】…… 【地点】……)
        if mark is None:
            out.append(x)
            continue
        if mark.start() == 0:
            cut, gone = _piece(x, mark.end(), len(x.text)), x.text[:mark.end()]
        else:
            cut, gone = _piece(x, 0, mark.start()), x.text[mark.start():]
        if not cut.text:
            out.append(x)
            continue
        kind: LineKind = "title" if mark.group(1)[0] in "主正" else "subtitle"
        out.append(replace(cut, kind=kind, style=None, indent=x.indent))
        moved = aside.get(x.offset, [])
        aside = {o: v for o, v in aside.items() if o != x.offset}
        aside[cut.offset] = [*moved, gone.strip()]
    return out, aside


#: A date in brackets that a site's list prints before each title ([ 2009/07/14 ] ……).
_DATE_BEFORE_TITLE = regex(r"^[\[［【〔(（][ \u3000]*(?:19|20)?\d{2}[ \u3000]*[-/.．][ \u3000]*\d{1,2}"
                           r"[ \u3000]*[-/.．][ \u3000]*\d{1,2}[ \u3000]*[\]］】〕)）][ \u3000]*(?=\S{4})")


def _heads_off_titles(lines: list[Line], aside: dict[int, list[str]],
                      head: Callable[[str], int | None]
                      ) -> tuple[list[Line], dict[int, list[str]]]:
    """Title lines without what ``head`` finds opening their view (it gives where that
    ends, or None): the head joins ``aside`` (by the offset of the title's piece) for
    ``dropped``. ``aside`` is not changed; a new one is returned."""
    out: list[Line] = []
    for x in lines:
        end = head(x.view) if x.kind == "title" else None
        if end is None:
            out.append(x)
            continue
        cut = _piece(x, end, len(x.text))
        out.append(cut)
        moved = aside.get(x.offset, [])
        aside = {o: v for o, v in aside.items() if o != x.offset}
        aside[cut.offset] = [*moved, x.text[:end].strip()]
    return out, aside


def _dates_off_titles(lines: list[Line], aside: dict[int, list[str]]
                      ) -> tuple[list[Line], dict[int, list[str]]]:
    """A title line without the bracketed date that opens it ([ 2009/07/14 ] 大事紀要_78年度),
    the date set aside (:func:`_heads_off_titles`). On the train twins, 3 title lines open
    so; all 3 dates are annotated furniture, the rest title. A date alone in brackets
    ((2023年5月10日), a speech's) is no title's."""
    def head(view: str) -> int | None:
        m = _DATE_BEFORE_TITLE.match(view)
        return None if m is None else m.end()

    return _heads_off_titles(lines, aside, head)


#: A series' slogan in brackets opening a title line (【团结奋斗开新局 喜迎工会十八大·奋进新征程】
#: ……): phrases apart by a space, · or 丨; not a place or a site's tag (【延安】, 【推荐】),
#: nor a year (【2018-2019】).
_SERIES_BEFORE_TITLE = regex(r"^[【〖][ \u3000]*([^【】〖〗]{2,30}?[ \u3000·・丨|｜][^【】〖〗]{2,30}?)"
                             r"[ \u3000]*[】〗][ \u3000]*(?=\S{6})")


def _series_off_titles(lines: list[Line], aside: dict[int, list[str]]
                       ) -> tuple[list[Line], dict[int, list[str]]]:
    """A title line without the series' slogan in brackets that opens it
    (:data:`_SERIES_BEFORE_TITLE`), set aside as a column's name over a title is
    (:func:`_heads_off_titles`)."""
    def head(view: str) -> int | None:
        m = _SERIES_BEFORE_TITLE.match(view)
        if m is None or not any("\u4e00" <= c <= "\u9fff" for c in m.group(1)):
            return None
        return m.end()

    return _heads_off_titles(lines, aside, head)


#: A table's header of one word, its characters spread over the columns (事         由).
_SPREAD_HEADER = regex(r"[\u4e00-\u9fff](?:[ \u3000]{3,}[\u4e00-\u9fff]){1,3}")


def _spread_headers_as_table(lines: list[Line]) -> list[Line]:
    """A headline of two to four characters spread apart by runs of three spaces or more is
    a table's header row (事         由 over a chronicle's rows), no headline: a table line.
    On the train twins, 2 lines are spread so, neither annotated a heading (a table's header,
    a notice's 通   知 set aside); the rule changes only headlines."""
    return [replace(x, kind="table", style=None)
            if x.kind == "headline" and _SPREAD_HEADER.fullmatch(x.view.strip()) else x
            for x in lines]


def _title_mark(x: Line) -> Match[str] | None:
    """The e-paper title mark (see ``_TITLE_MARK``) that opens ``x`` or ends its text, if
    ``x`` is short enough to be a part of a title block."""
    mark = _TITLE_MARK.search(x.view)
    if mark is None or x.kind == "table" or len(x.view) > _TITLE_MARKED_MAX or not (
            mark.start() == 0 or _AFTER_MARK.fullmatch(x.view, mark.end())):
        return None
    return mark


#: A year and a few words, the first line of a headline in two (2025 工作谋划 / 突出特色，
#: 统筹全局): no date, no mark after the words.
_YEAR_HEAD = regex(r"(?:19|20)\d{2}(?:\s+|\s*[:：]\s*)[\u4e00-\u9fff]{2,8}")


def _years_over_headlines(ruled: Sequence[Line], lines: list[Line]) -> list[Line]:
    """``lines`` (as the labeller gave them) with a year and a few words that the rules read
    as a headline, right over another headline with text under it, a headline again: the
    labeller takes the year for a date stamp (furniture)."""
    if len(ruled) != len(lines):
        return lines
    out = list(lines)
    for k in range(len(out) - 2):
        x, below, text = out[k], out[k + 1], out[k + 2]
        if x.kind == "furniture" and ruled[k].kind == "headline" \
                and _YEAR_HEAD.fullmatch(x.view) is not None \
                and below.kind == "headline" and below.number == x.number + 1 \
                and text.kind == "body" and numbering(below.view)[0] is None:
            out[k] = ruled[k]
    return out


def _line_shape(view: str) -> str:
    """A line's shape: each run of ideographs, digits, Latin letters or white space as one
    class letter (H, D, A, a space), every other character as itself (企业+社区 接力服务职工
    and 生活圈+商圈 拓展服务空间 are both ``H+H H``)."""
    shape: list[str] = []
    for ch in view.strip():
        if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
            kind = "H"
        elif ch.isdigit():
            kind = "D"
        elif ch.isascii() and ch.isalpha():
            kind = "A"
        elif ch.isspace():
            kind = " "
        else:
            kind = ch
        if not shape or shape[-1] != kind:
            shape.append(kind)
    return "".join(shape)


def _sibling_headlines_kept(ruled: Sequence[Line], lines: list[Line]) -> list[Line]:
    """``lines`` (as the labeller gave them) with a headline of the rules that the labeller
    set aside, below the first line of text and right over a line of text, a headline
    again where another headline over text has its shape (see :func:`_line_shape`) and a
    mark, a space or a digit among its words: siblings share a role, wherever they stand
    (the labeller is surer of a page's first headline than of the ones after it). On the
    train twins the rule touches 1 line, annotated a heading; read without the mark (any
    run of ideographs alike) it would touch 3 more, all annotated furniture, and without
    the text around it 6 more, all furniture (a site's name, a 文库 page's title)."""
    if len(ruled) != len(lines):
        return lines
    first = next((k for k, x in enumerate(lines) if x.kind == "body"), len(lines))

    def over_text(k: int) -> bool:
        return k + 1 < len(lines) and lines[k + 1].kind == "body"

    kept: dict[str, set[str]] = {}
    for k, x in enumerate(lines):
        if x.kind == "headline" and over_text(k):
            kept.setdefault(_line_shape(x.view), set()).add(x.view.strip())
    out = list(lines)
    for k in range(first + 1, len(lines)):
        x = lines[k]
        shape = _line_shape(x.view)
        if x.kind == "furniture" and ruled[k].kind == "headline" and len(shape) > 1 \
                and over_text(k) and kept.get(shape, set()) - {x.view.strip()}:
            out[k] = ruled[k]
    return out


def _year_headlines_joined(blocks: list[Block]) -> list[Block]:
    """A headline of a year and a few words (see ``_YEAR_HEAD``) right over another unnumbered
    headline: one headline in two lines, as the twins mark a headline wrapped."""
    out: list[Block] = []
    for block in blocks:
        above = out[-1] if out else None
        if above is not None and above.kind == block.kind == "headline" \
                and len(above.lines) == len(block.lines) == 1 \
                and _YEAR_HEAD.fullmatch(above.lines[0].view) is not None \
                and block.lines[0].number == above.lines[0].number + 1 \
                and numbering(block.lines[0].view)[0] is None:
            out[-1] = Block("headline", (above.lines[0], block.lines[0]))
            continue
        out.append(block)
    return out


#: The shortest text whose copy right after it on its line is read as printed twice, and
#: the shortest title that :func:`_title_printed_twice` takes from a page's head (one
#: bar for both: the same length was in force for both when it was chosen).
_TWICE_MIN = 8


def _twice_at(view: str) -> int:
    """Where the copy starts of a line that is one text printed twice, joined with at most a
    few spaces (``……图为验收现场。某市总工会供图近日，……图为验收现场。某市总工会供图``);
    0 when it is not."""
    n = len(view)
    for gap in range(4):
        half, odd = divmod(n - gap, 2)
        if odd or half < _TWICE_MIN or view[half:n - half].strip():
            continue
        if view[:half] == view[n - half:]:
            return n - half
    return 0


def _printed_once(block: Block, dropped: list[str]) -> Block:
    """A paragraph without the copy of a line that prints one text twice (a caption and its
    credit pasted again): the copy goes to ``dropped``. The block itself when no line
    does (what is decided about a block later goes by its identity)."""
    cuts = [_twice_at(x.view) for x in block.lines]
    if not any(cuts):
        return block
    dropped.extend(x.text[at:] for x, at in zip(block.lines, cuts, strict=True) if at)
    return replace(block, lines=tuple(_piece(x, 0, at) if at else x
                                      for x, at in zip(block.lines, cuts, strict=True)))


#: A photo caption a flattened page left inside a paragraph, between two of its sentences
#: and apart from them by white space (never at a line's end: a caption line of its own is
#: the labeller's to read): a short sentence, if any, then the credit, a name
#: (or names) before 摄 (……表示感谢。 慰问现场。王晓丽 摄 主办方希望……). ``拍摄`` is no credit.
_INLINE_CAPTION = regex(
    r"(?<=[。！？!?”」』])[ \u3000]+"
    r"((?:[^。！？!?\s]{2,40}[。！？!?][ \u3000]*)?"
    r"(?:(?:本报|新华社|中新社)?(?:特约)?(?:记者|通讯员)[ \u3000]*)?"
    r"[\u4e00-\u9fff·]{2,4}(?:[、，,][ \u3000]*[\u4e00-\u9fff·]{2,4})*[ \u3000]*(?<!拍)[摄攝])"
    r"(?=[ \u3000]+\S)")


def _part(line: Line, start: int, stop: int, kind: LineKind) -> Line | None:
    """:func:`_piece` of ``line`` as a line of ``kind``; None where it is blank."""
    part = _piece(line, start, stop)
    return replace(part, kind=kind, style=None) if part.text else None


def _inline_captions(blocks: list[Block]) -> list[Block]:
    """Paragraphs with a photo caption inside (see ``_INLINE_CAPTION``) cut around it: the
    text before it, the caption as a paragraph of its own, the text after it (a new
    paragraph: a flattened page's paragraphs stand apart by white space too)."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "para" or not any(x.kind == "body" for x in block.lines):
            out.append(block)
            continue
        pending: list[Line] = []
        for line in block.lines:
            m = _INLINE_CAPTION.search(line.view) if line.kind == "body" else None
            if m is None:
                pending.append(line)
                continue
            before = _part(line, 0, m.start(1), line.kind)
            caption = _part(line, m.start(1), m.end(1), "caption")
            after = _part(line, m.end(1), len(line.text), line.kind)
            if before is not None:
                pending.append(before)
            if pending:
                out.append(replace(block, lines=tuple(pending)))
            if caption is not None:
                out.append(Block("para", (caption,)))
            pending = [after] if after is not None else []
        if pending:
            out.append(replace(block, lines=tuple(pending)))
    return out


#: A model text's number where a document-share page runs it into its first line after the
#: title's words (……调研报告第1篇一、……): the words, if any, then 第N篇.
_PIECE_MARK = regex(r"^([^。！？!?；;，,、：:\s]{0,40}?第\s*[\d一二三四五六七八九十]{1,3}\s*篇)")
#: A collection's count at the end of its title (……调研报告3篇, ……总结（精选5篇）).
_COUNT_AT_END = regex(r"[（(【\[]?(?:精选|通用)?\s*[\d一二三四五六七八九十]{1,3}\s*篇[)）】\]]?$")

#: What shows a document-share page in its title block: a count of its pieces (……3篇, 第2篇)
#: or the words such a site names its collections with.
_SHARE_SIGN = regex(r"[\d一二三四五六七八九十]\s*篇|精选|精選|范文|範文|合集|大全|汇编|彙編")
#: A text that opens with a mark: the copy before it was a sentence's subject.
_OPENS_WITH_MARK = regex(r"\s*[，,、。；;：:！？!?）)”]")


def _share_page_head(blocks: list[Block]) -> list[Block]:
    """A document-share page's head: a title block of two lines or more whose last line
    alone is printed again at the head of the text (……调研报告3篇……调研报告3篇……第1篇……)
    has the site's category above its title: the lines above go to furniture, the copy at
    the head of the text too, and a model text's number run on after it (……调研报告第1篇,
    the title's words then 第N篇) is that model text's title, ahead of its text. The title
    alone printed again at the head of the text is :func:`_without_title`'s."""
    at = next((i for i, b in enumerate(blocks) if b.kind == "title"), None)
    if at is None:
        return blocks
    para = next((i for i in range(at + 1, len(blocks)) if blocks[i].kind != "furniture"), None)
    title = blocks[at]
    if para is None or blocks[para].kind != "para" or len(title.lines) < 2 \
            or any(x.kind != "title" for x in title.lines):
        return blocks
    last = title.lines[-1].view.strip()
    first = blocks[para].lines[0]
    joined = "".join(x.view.strip() for x in title.lines)
    if len(last) < _TITLE_AGAIN or not first.view.startswith(last) \
            or first.view.startswith(joined):
        return blocks
    cut = len(last)
    rest = first.view[cut:]
    if len(rest.strip()) < 10 or (_SHARE_SIGN.search(joined) is None \
            and _PIECE_MARK.match(rest) is None) or _OPENS_WITH_MARK.match(rest):
        # A news title over two lines whose second line opens the lead (……活动 / 弘扬劳模
        # 精神……，是……) is no share page: such a page counts its pieces or names itself.
        return blocks
    head = [Block("furniture", (x,)) for x in title.lines[:-1]]
    head += [Block("title", title.lines[-1:]), Block("furniture", (_piece(first, 0, cut),))]
    mark = _PIECE_MARK.match(rest)
    stem = _COUNT_AT_END.sub("", last)
    if mark is not None and stem.startswith(mark.group(1)[:mark.group(1).find("第")].strip()) \
            and len(rest) - mark.end() >= 10:
        named = _part(first, cut, cut + mark.end(), "title")
        if named is not None:
            head.append(Block("title", (named,)))
        cut += mark.end()
    body = _piece(first, cut, len(first.text))
    tail = replace(blocks[para], lines=(body, *blocks[para].lines[1:]))
    return [*blocks[:at], *head, *blocks[at + 1:para], tail, *blocks[para + 1:]]


#: A chapter's headline run into a line with the article it opens (……管理办法第一章 总则第一条
#: 依据……, ……制定本办法。第二章 机构设置及职责第二条 公司设立……): a PDF or a viewer's page of a
#: regulation with its line breaks lost. The chapter (or section) number, a name of a few
#: words with no punctuation, then the article's number and its text; an article cited in a
#: sentence (依照第二章总则第五条的规定) is no article opening.
_CN = lexicon().chars["cn_numerals"]
_CHAPTER_IN_LINE = regex(
    rf"第[{_CN}]{{1,3}}[章节節][ \u3000]*[^。！？!?；;，,：:、\s第]{{1,24}}?"
    rf"(?:[ \u3000]+[^。！？!?；;，,：:、\s第]{{1,12}}?)*[ \u3000]*"
    rf"(?=第[{_CN}0-9]{{1,4}}[条條][ \u3000]*(?!处理|执行|办理|處理|執行|辦理)"
    rf"[^\s的之中规規，,。；;、])")
#: Where a chapter run into a line can open: a sentence's end or white space before it, or
#: a regulation's title (……管理办法第一章, ……办法(暂行)第一章, ……专项协议书第一章) or the
#: note of its adoption (……予以修订第一章), not the same word cited (依照本办法第五章……).
_CHAPTER_OPENS_AFTER = regex(r"(?:[。！？!?；;\s)）]|(?<![本该此該])(?:办法|辦法|条例|條例|规定|規定|章程"
                             r"|细则|細則|制度|准则|準則|协议|協議|协议书|協議書|合同|公约|公約)"
                             r"|修订|修訂|通过|通過)$")


def _chapters_apart(lines: list[Line]) -> list[Line]:
    """Lines with a chapter's headline inside (see ``_CHAPTER_IN_LINE``) cut around it: the
    text before it keeps its kind, the chapter's name is a headline of its own, the article
    after it opens a paragraph. On the train twins the pattern holds 12 chapter headlines
    inside a line or opening one with its first article (all of them annotated headings) and
    nothing else."""
    out: list[Line] = []
    for line in lines:
        found = [m for m in _CHAPTER_IN_LINE.finditer(line.view)
                 if not line.view[:m.start()].strip()
                 or _CHAPTER_OPENS_AFTER.search(line.view, 0, m.start())] \
            if line.hint is None and line.kind not in ("furniture", "table") else []
        if not found:
            out.append(line)
            continue
        if (before := _part(line, 0, found[0].start(), line.kind)) is not None:
            out.append(replace(before, style=line.style))
        for k, m in enumerate(found):
            stop = found[k + 1].start() if k + 1 < len(found) else len(line.text)
            out.append(replace(_piece(line, m.start(), m.end()), kind="headline", style="part",
                               opens=False))
            if (article := _part(line, m.end(), stop, "body")) is not None:
                out.append(replace(article, opens=True))
    return out


#: A site's note of how long its page is, after the title on the same line
#: (工会工作情况汇报 (本页约2200+字)): page furniture. It says 本页/本文/全文, so a template's
#: heading that counts its own words (第一段:导语(150字), 第一部分：工作概述（约300字）) keeps
#: its count.
_PAGE_SIZE_NOTE = regex(r"[ \u3000]*[（(][ \u3000]*(?:本页|本頁|本文|全文)[ \u3000]*(?:约|約|共)?"
                        r"[ \u3000]*[0-9０-９.]+\+?[ \u3000]*千?字[ \u3000]*[)）]$")


def _page_size_notes(lines: list[Line]) -> list[Line]:
    """Lines that end with a page's size note (see ``_PAGE_SIZE_NOTE``) cut before it: the
    note is furniture, the line before it keeps its kind."""
    out: list[Line] = []
    for x in lines:
        m = _PAGE_SIZE_NOTE.search(x.view) if x.kind != "furniture" else None
        if m is None:
            out.append(x)
            continue
        before = _part(x, 0, m.start(), x.kind)
        note = _part(x, m.start(), len(x.text), "furniture")
        out += [y for y in (before, note) if y is not None]
    return out


#: A newspaper's or a document's jump mark at a line's head: the text goes on from another
#: page or column ((上接一版), (上接第1版), [接上页], [接上頁], (续上页), 【承上】): a page
#: or column word always, never a parenthetical such as (接上級工會通知).
_JUMP_MARK = regex(r"^[ \u3000]*[(（\[［【〔][ \u3000]*(?:上接第?[一二三四五六七八九十\d]{1,3}[版页頁]"
                   r"|(?:接上|续上|續上|续前|續前)[页頁版期]|承上[页頁文版]?|上接[页頁版])"
                   r"[ \u3000]*[)）\]］】〕][ \u3000]*")


def _jump_marks_apart(lines: list[Line]) -> list[Line]:
    """A jump mark opening a line (see ``_JUMP_MARK``) is furniture, as its partner
    ``(下转二版)`` alone on a line is; the text after it goes on from another page, so it
    is text, never a title or a byline the mark made it look like. The train twins hold
    no such mark (0 lines), so the rule changes none of them."""
    out: list[Line] = []
    for x in lines:
        m = _JUMP_MARK.match(x.view)
        if m is None or m.end() >= len(x.view.rstrip()):
            out.append(x if m is None else replace(x, kind="furniture", style=None))
            continue
        kind: LineKind = x.kind if x.kind in ("body", "headline", "table") else "body"
        out += [y for y in (_part(x, 0, m.end(), "furniture"), _part(x, m.end(), len(x.text), kind))
                if y is not None]
    return out


#: Web addresses opening a line, glued or apart by spaces: a page's image addresses
#: (http://pic.example.cn/1/2_3.jpghttp://pic.example.cn/1/2_4.jpg), its own address.
_ADDRESSES_OPEN = regex(r"(?i)^[ \u3000]*(?:(?:https?://|www\.)[!-~]+[ \u3000]*)+")


#: A line's end that closes a sentence (or a label, a quotation): what may come before a
#: line an address opens.
_SENTENCE_CLOSED = regex(r"[。！？!?；;：:”」』)）][ \u3000]*$")
#: A sentence ending after the addresses: text, whatever the labeller read the line as.
_SENTENCE_AFTER = regex(r"[\u4e00-\u9fff].*[。！？!?][”」』]?[ \u3000]*$")


def _addresses_apart(lines: list[Line]) -> list[Line]:
    """Web addresses opening a line (see ``_ADDRESSES_OPEN``) are furniture; the text after
    them keeps the line's kind (text, where a sentence ends after them on a line the
    labeller set aside). A line that goes on with a sentence broken before it (the line
    above is text with no sentence closed, no blank between) keeps its address: a
    hard-wrapped ……登录市总工会网站 / www.szgh.org.cn查询…… is one sentence. On the train
    twins, 12 lines open with an address: 10 are the address alone, annotated furniture;
    2 are image addresses, annotated furniture, and a paragraph after them, annotated
    body."""
    out: list[Line] = []
    before: Line | None = None
    for x in lines:
        m = _ADDRESSES_OPEN.match(x.view)
        rest = x.view[m.end():] if m is not None else ""
        wrapped = (before is not None and before.kind == "body" and x.number == before.number + 1
                   and not _SENTENCE_CLOSED.search(before.view))
        before = x
        if m is None or (x.kind == "furniture" and not _SENTENCE_AFTER.match(rest)):
            out.append(x)
        elif not rest.strip():
            out.append(replace(x, kind="furniture", style=None))
        elif wrapped:
            out.append(x)
        else:
            kind: LineKind = "body" if x.kind == "furniture" else x.kind
            out += [y for y in (_part(x, 0, m.end(), "furniture"),
                                _part(x, m.end(), len(x.text), kind)) if y is not None]
    return out


#: A site's weather widget: the word alone, as a menu's link (-- 天氣), or with the day's
#: temperatures (天气 晴 18~25℃), a few words after them at most: a line short of any
#: sentence's end or clause (……最高气温达39℃，各单位要…… is text).
_WEATHER_WIDGET = regex(r"^[ \u3000\-—–―|｜·•>]*(?:今日|今天)?(?:天气|天氣)(?:预报|預報)?"
                        r"(?:[ \u3000:：]*[^。！？!?，,；;]{0,16}?-?\d+\s*(?:[~～至/-]\s*-?\d+\s*)?[°℃]"
                        r"[^。！？!?，,；;]{0,16}?)?"
                        r"[ \u3000]*$")


def _weather_aside(lines: list[Line]) -> list[Line]:
    """A weather widget's line (see ``_WEATHER_WIDGET``) is furniture, never a subtitle.
    The train twins hold no such line (their weather words are all in sentences and
    headlines: 天氣酷熱, 極端天氣下), so the rule changes none of them."""
    return [replace(x, kind="furniture", style=None)
            if x.kind != "furniture" and _WEATHER_WIDGET.match(x.view) else x for x in lines]


#: A paper's or a site's name alone on its line, its masthead (香港商報, 工人日报, 某某新闻网).
_MASTHEAD = regex(r"^[ \u3000]*[\u4e00-\u9fff]{1,6}(?:日报|日報|晚报|晚報|商报|商報|时报|時報|早报|早報"
                  r"|工人报|工人報|导报|導報|(?P<site>(?<![联聯互])网|(?<![联聯互])網))[ \u3000]*$")


def _mastheads_aside(lines: list[Line]) -> list[Line]:
    """A paper's or a site's name alone (see ``_MASTHEAD``) is furniture, never a title:
    the page's headline is the story's. A name in 网 stands where a masthead stands: after
    the text, or over the page's furniture or its own title, never right over the text or
    a subtitle (织密职工服务网 / ——…纪实 / 本报讯…… is the story's title). On the train
    twins, all 16 such lines are annotated furniture (工人日报, 陕西工人报, 中國日報網,
    桂工网, 安全管理网 …), each at the page's head or foot."""
    last_body = max((i for i, x in enumerate(lines) if x.kind == "body"), default=-1)
    out = list(lines)
    for i, x in enumerate(lines):
        m = _MASTHEAD.match(x.view) if x.kind != "furniture" else None
        if m is None:
            continue
        after = lines[i + 1] if i + 1 < len(lines) else None
        if (m.group("site") is None or i > last_body or after is None
                or (after.kind not in ("body", "subtitle") and not _DASHED_DECK.match(after.view))):
            out[i] = replace(x, kind="furniture", style=None)
    return out


#: A line opening with a dash, a subtitle's or a deck's (——记某某).
_DASHED_DECK = regex(r"^[ \u3000]*(?:——|--|—|－－)")


#: A sentence closed by its reporters' credit: ……宣布竞赛开赛。(记者 某某) — the story's
#: last line and its byline, not a photo's caption (a caption credits 摄, 图).
_CLOSING_CREDIT = regex(r"[。！？!?”」][ \u3000]*[(（][ \u3000]*(?:本报|本報|本网|本網)?(?:特约|特約)?"
                        r"(?:记者|記者|通讯员|通訊員)[^()（）摄攝图圖]{1,30}[)）][ \u3000]*$")
#: A label alone over a news story's lede (大綱, 摘要): no byline.
_LABEL_ALONE = regex(r"^[ \u3000]*[【\[]?(?:大纲|大綱|摘要|内容摘要|內容摘要|提要|内容提要|內容提要|导读|導讀"
                     r"|导语|導語)[】\]]?[:：]?[ \u3000]*$")


def _credited_text_is_no_caption(lines: list[Line]) -> list[Line]:
    """A caption line that ends a sentence with a reporters' credit (see
    ``_CLOSING_CREDIT``) is text: the story's last line, its credit the byline. On the
    train twins, all 27 lines so closed are annotated body (20 with the credit as byline),
    none caption."""
    return [replace(x, kind="body", style=None)
            if x.kind == "caption" and _CLOSING_CREDIT.search(x.view) else x for x in lines]


def _labels_are_no_bylines(lines: list[Line]) -> list[Line]:
    """A label alone (see ``_LABEL_ALONE``) read as a byline is furniture: it names no
    one. On the train twins, no such label is annotated byline (摘要 once a heading,
    【導讀】 once furniture); the rule touches bylines only."""
    return [replace(x, kind="furniture", style=None)
            if x.kind == "byline" and _LABEL_ALONE.match(x.view) else x for x in lines]


#: A site's path to the page laid out one step a line: 首頁, then each step after a
#: separator line (>, », /) or a step's count (1, 2, 3: an icon a copy turns into digits).
_PATH_HOME = regex(r"^[ \u3000]*(?:首[页頁]|主[页頁]|网站首页|網站首頁)[ \u3000]*$")
_PATH_SEPARATOR = regex(r"^[ \u3000]*[>＞»›/／|｜][ \u3000]*$")
_PATH_STEP = regex(r"^[^。！？!?，,；;：:]{1,24}$")
_PATH_MIN = 2


def _path_lines_aside(lines: list[Line]) -> list[Line]:
    """A site's path laid out one step a line (see ``_PATH_HOME``): 首頁, a separator or
    a step's count, a step, and so on, the last step with its count glued on (相關辦法 /
    3 / ⑧ 某某規則4); all of it is furniture, the page's own title comes after. On the
    train twins one page lays its path out so (首页 / > / 市总要闻 / > / 正文), all 5
    lines annotated furniture."""
    out = list(lines)
    scanned = 0
    for at, x in enumerate(lines):
        if at < scanned or not _PATH_HOME.match(x.view):
            continue
        run, count, i = [at], 0, at + 1
        while i + 1 < len(lines):
            sep, step = lines[i].view.strip(), lines[i + 1].view.strip()
            counted = sep == str(count + 1)
            if not (counted or _PATH_SEPARATOR.match(sep)) or not _PATH_STEP.match(step):
                break
            count += counted
            run += [i, i + 1]
            i += 2
        scanned = i  # a 首页 inside the run read is one of its steps, not a path's start
        if (len(run) - 1) // 2 >= _PATH_MIN:
            for k in run:
                out[k] = replace(lines[k], kind="furniture", style=None)
    return out


#: A page's or a paper's keywords line (關鍵詞:外賣送餐員;勞動權益保障;工會): metadata.
_KEYWORDS_LINE = regex(r"^[ \u3000]*(?:关键词|關鍵詞|关键字|關鍵字|主题词|主題詞)[ \u3000]*[:：]"
                       r"[^。！？!?]{0,80}$")


#: A keywords line's list: two terms or more, apart by a stop or white space.
_KEYWORDS_LIST = regex(r"[:：][ \u3000]*[^ \u3000；;，,、]+[ \u3000]*[ \u3000；;，,、][ \u3000]*[^ \u3000；;，,、]")


def _keyword_lines_aside(lines: list[Line]) -> list[Line]:
    """A keywords line (see ``_KEYWORDS_LINE``) is furniture: no text to theme or
    summarise. A lone term amid the text (2023年盘点 / …… / 关键词：改革 / ……) heads its
    section: the rule takes a list of terms, or a line at the page's head or foot (before
    its first text line, after its last). On the train twins, both such lines are
    annotated furniture, both over the text (關鍵詞:職代會民主職工, 关键字: with no term)."""
    body = [i for i, x in enumerate(lines) if x.kind == "body"]
    first, last = (body[0], body[-1]) if body else (len(lines), -1)
    return [replace(x, kind="furniture", style=None)
            if x.kind != "furniture" and _KEYWORDS_LINE.match(x.view)
            and (i < first or i > last or _KEYWORDS_LIST.search(x.view)) else x
            for i, x in enumerate(lines)]


def _sentences_are_no_subtitles(lines: list[Line]) -> list[Line]:
    """A ——line that ends a sentence is text, not a subtitle: a news item's date stamp and
    its news (2025.03.26 —— 本會義工隊走訪……。) opened an article of no title. (The twins'
    13 subtitles end with no full stop; their 7 such lines are text or list items.)"""
    return [replace(x, kind="body", style=None)
            if x.kind == "subtitle" and x.view.rstrip().rstrip(_CLOSERS).endswith("。")
            else x for x in lines]


#: A reporters' credit that is a line of its own: a news item's dateline alone over its text
#: (【記者黃柏翰/台中報導】) or the credit under it ((民視新聞/莊雅婷、溫子晴 台北報導),
#: 新唐人亞太電視 綜合報導): it ends on 報導 and names a reporter, or sets a name apart by a
#: slash, or reports from several sources (綜合). A word alone (其他報導, 即時報道) is a menu's.
_CREDIT_LINE = regex(r"^[【〔［\[(（]?(?=[^【】]*?(?:記者|记者|通訊員|通讯员|[/／]|綜合|综合))"
                     r"[^，。,；;！？!?:：]{2,36}?(?:報導|报导|報道|报道)[】〕］\])）]?$")
#: A date in figures (2020.10.08, 2019/06/17, 85.01.12, 101.3.23.) or in words (2024年3月8日)
#: opening a line; with a clock time or a source after it, it is a site's date stamp.
_DATE_OPENS = regex(r"^(?:\d{2,4}\s*[./／-]\s*\d{1,2}\s*[./／-]\s*\d{1,2}(?!\d)\.?"
                    rf"|{lexicon().dates['day'].pattern})")
_STAMP = regex(r"\d\s*[:：]\s*\d\d|[来來]\s*源|更新|[发發]\s*[布佈表]|[浏瀏]\s*[览覽]|[点點]\s*[阅閱击擊]")


#: Who a credit names: a person (two to four Han characters) after 记者 or 通讯员, or after
#: the slash and set apart (民视新闻/庄雅婷、温子晴 台北报导), or a blank left for the name
#: (/ 報導); several sources after a source's name (新唐人亚太电视 综合报导).
_CREDIT_NAMES = regex(r"(?:記者|记者|通訊員|通讯员)\s*[\u4e00-\u9fff]{2,4}"
                      r"|[/／](?:\s*[\u4e00-\u9fff]{2,4}(?=[、,，\s])|\s+)"
                      r"|\S\s+(?:綜合|综合)")
#: A page's stamp line that names the author among its fields (来源:某网    作者:王某 李某
#: 发表时间:……): the value after 作者, up to the next field's label, a bar or the end.
_AUTHOR_FIELD = regex(r"作者[ \u3000]*[:：][ \u3000]*(.+?)(?=[ \u3000]*(?:[|｜]|[\u4e00-\u9fff]{2,6}[:：]"
                      r"|\d{4}[-/.年]|$))")
#: Names: one to five words of 2-4 Han characters apart by spaces or 、.
_AUTHOR_NAMES = regex(r"[\u4e00-\u9fff]{2,4}(?:[ \u3000、，,]+[\u4e00-\u9fff]{2,4}){0,4}")
#: What such a field holds that names no person: an upload, the web, the site or paper.
_NO_AUTHOR = regex(r"上传|上傳|网络|網絡|原创|原創|佚名|匿名|本站|本网|本網|管理员|编辑部|[网網社报報台部会會]$")


def _authors(view: str) -> str | None:
    """The authors a stamp line set aside names in its 作者 field (see ``_AUTHOR_FIELD``),
    as the page writes them; None when the field holds no person's names. On the train
    twins, 39 lines hold a 作者 field (annotated furniture, or a caption: the twins label
    lines, not the names in them); the rule reads names from 19 of them (黎嘉平 邹琨 农晓雯,
    韦岚, 王晴; 3 pen names such as 柳岸风) and none from uploads, sites, papers or
    offices (会员上传, 佚名, 洄澜网, 法律资料网, 工会)."""
    m = _AUTHOR_FIELD.search(view)
    if m is None:
        return None
    names = m.group(1).strip()
    if not _AUTHOR_NAMES.fullmatch(names) or _NO_AUTHOR.search(names):
        return None
    return " ".join(names.split())


#: A site's path to the page, not a credit: 首页/新闻中心/媒体报道, 当前位置：……
_SLASH = regex(r"[/／]")
_PATH_OPENS = regex(r"^[【〔［\[(（]?(?:首[页頁]|[当當]前位置|您的位置|主页|主頁)")


def _is_credit(view: str) -> bool:
    """Whether ``view`` is a reporters' credit alone (see ``_CREDIT_LINE``) that names
    someone (see ``_CREDIT_NAMES``): a site's path (首页/新闻中心/媒体报道, 专题/工会新闻报道,
    two slashes or more) or a menu's word (综合报道) ends on 报道 too."""
    return (_CREDIT_LINE.match(view) is not None and _CREDIT_NAMES.search(view) is not None
            and len(_SLASH.findall(view)) < 2 and _PATH_OPENS.match(view) is None)


def _credit_lines(lines: list[Line]) -> list[Line]:
    """A line set aside that is a reporters' credit alone (see ``_is_credit``) is a
    byline: over the text it heads the article, under it it closes the article's byline.
    On the train twins, all 4 such lines the labeller set aside are annotated byline,
    and all 4 name someone (or leave a blank for the name: / 報導)."""
    return [replace(x, kind="byline", style=None)
            if x.kind == "furniture" and _is_credit(x.view.strip()) else x
            for x in lines]


#: The most dated lines :func:`_dates_by_bylines` takes along from one byline.
_DATED_RUN = 4


def _dates_by_bylines(lines: list[Line]) -> list[Line]:
    """A line set aside that opens with a date (no clock time, no source: ``_STAMP``) right
    above or below a byline is the byline's too, and so on along a run of them: the
    story's date by its reporter's credit (台灣新聞網記者許雅雯/高雄報導 / 2020.10.08), or a
    charter's earlier amendments over its last one (85.01.12第一屆理監事第五次聯席會議通過
    …). On the train twins, 9 of the 10 such lines are annotated byline; a date right under
    a title with no byline by it is the site's stamp (26 of 28 annotated furniture)."""
    pieces = Counter(x.number for x in lines)
    # A piece of a longer line (a news list's date before its item) is the list's.
    dated = [x.kind == "furniture" and pieces[x.number] == 1
             and _DATE_OPENS.match(x.view.strip()) is not None
             and _STAMP.search(x.view) is None for x in lines]
    out = list(lines)
    for at, x in enumerate(lines):
        if x.kind != "byline":
            continue
        for step in (-1, 1):
            # At most a few dated lines along from each byline: a long run is a list's.
            i = at + step
            while 0 <= i < len(lines) and abs(i - at) <= _DATED_RUN and dated[i]:
                out[i] = replace(lines[i], kind="byline", style=None)
                i += step
    return out


#: A meeting record's time field, its label spaced out as an aligned form writes it
#: (時  間 中華民國106年11月29日(星期三)9時5分, 日  期 2023年3月8日), a year in it.
_SPACED_TIME_FIELD = regex(r"^[时時日][ \u3000]+[间間期][ \u3000]*[:：]?[ \u3000]*(?=\S)"
                           r"(?=.*(?:年|民[国國]|\d{4}[-/.]))")
#: Another field of that front matter, spaced the same way (地  點, 主  席, 出  席).
_SPACED_FIELD = regex(r"^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3}[ \u3000]*[:：]?[ \u3000]+\S")


def _meeting_times_by_bylines(lines: list[Line]) -> list[Line]:
    """A meeting record's front matter: a run of spaced fields (``_SPACED_FIELD``) that
    holds its time (``_SPACED_TIME_FIELD``) and a field the labeller read as byline
    (地  點 本院某會議室, 主  席 某委員) is the byline whole; its fields set aside are taken
    back, the time too, which is no site's date stamp (时间:2023-04-27 10:23, its label
    never spaced). The train twins hold no spaced time field (their 34 时间: lines are
    all unspaced: 32 site stamps annotated furniture, 1 table cell, 1 body; their 28
    spaced fields are a copyright line, a charter's 第 一 條, a table, a document's
    文 件 編 號 / 發 行 日 期), so the rule changes none of them."""
    out = list(lines)
    at = 0
    while at < len(lines):
        stop = at
        while stop < len(lines) and _SPACED_FIELD.match(lines[stop].view.strip()):
            stop += 1
        run = lines[at:stop]
        if any(x.kind == "byline" for x in run) \
                and any(_SPACED_TIME_FIELD.match(x.view.strip()) for x in run):
            for i in range(at, stop):
                if lines[i].kind == "furniture":
                    out[i] = replace(lines[i], kind="byline", style=None)
        at = max(stop, at + 1)
    return out


#: An issuing body's name as it signs a notice (舟山市总工会办公室, 交通局工委), and the date
#: under it in figures or in Chinese numerals (二〇〇八年十二月十八日).
_ISSUER = regex(r"^[\u4e00-\u9fff（）()×＊*○]{2,24}"
                r"(?:工会|总工会|委员会|公司|办公室|办公厅|联合会|局|厂|集团|工委)$")
_SIGNED_ON = regex(rf"^[（(]?\s*(?:{lexicon().dates['month'].pattern}"
                   r"|[〇零○一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,2}\s*月"
                   r"(?:\s*[一二三四五六七八九十]{1,3}\s*日)?)\s*[）)]?$")


#: The kinds a notice's signature lines may have been given: set aside, or read as two
#: short headlines (a PDF page that prints them apart by blank lines, 青山园完小工会 /
#: 2013年3月27日).
_SIGNATURE_KINDS = frozenset({"furniture", "headline"})


def _issuers_and_dates(lines: list[Line]) -> list[Line]:
    """An issuing body's name and the date right under it, each set aside or read as a
    headline, after text: the notice's signature, a byline (the line rules set a signature
    far to the right of a PDF's page aside; the labeller reads a short line alone between
    blank lines as a headline). On the train twins, all 14 issuer-over-date pairs are
    annotated byline; the labeller had set 3 of them aside and read 2 as headlines (3
    headline lines, pdf10 and pdf23)."""
    out = list(lines)
    seen_text = False
    for i, x in enumerate(lines[:-1]):
        seen_text = seen_text or x.kind == "body"
        below = lines[i + 1]
        if seen_text and x.kind in _SIGNATURE_KINDS and below.kind in _SIGNATURE_KINDS \
                and x.hint is None and below.hint is None \
                and _ISSUER.match(x.view.strip()) and _SIGNED_ON.match(below.view.strip()):
            out[i] = replace(x, kind="byline", style=None)
            out[i + 1] = replace(below, kind="byline", style=None)
    return out


#: A menu's line: three or more short items apart by bars, slashes or arrows (首页 | 新闻 |
#: 通知公告, 首页 > 工会动态 > 正文).
_MENU_LINE = regex(r"^[^|｜/／>＞»›]{1,8}(?:\s*[|｜/／>＞»›]\s*[^|｜/／>＞»›]{1,8}){2,}\s*[|｜]?$")


def _title_printed_twice(lines: list[Line]) -> list[Line]:
    """The first of two copies of a line that the labeller set aside above the text, when it
    reads as a title (eight characters or more, most of them Chinese, no bullet: not a
    menu's item, a site's name or an error page's words): a web page prints its title in
    the page's title bar and again over the story. The second copy stays aside. On the
    train twins, 5 of 6 such first copies are annotated title (one is an advert's); a piece
    of a line is never one. Nor is a copy when the page has a title line below it (the
    copy is the site's, 某某网欢迎您) or a menu's line stands between it and the text."""
    first = next((i for i, x in enumerate(lines) if x.kind != "furniture"), len(lines))
    if any(x.kind == "title" for x in lines[first:]):
        return lines
    head = [x.view.strip() for x in lines[:first]]
    counts = Counter(head)
    pieces = Counter(x.number for x in lines[:first])
    # The last menu's line over the text: a copy above it is the site's, not the story's.
    menu = max((i for i, view in enumerate(head) if _MENU_LINE.match(view)), default=-1)
    for i, view in enumerate(head):
        cjk = sum("\u4e00" <= c <= "\u9fff" for c in view)
        # A piece of a line (a news list's item after its date) is no title.
        if i > menu and counts[view] > 1 and pieces[lines[i].number] == 1 \
                and len(view) >= _TWICE_MIN and 2 * cjk >= len(view) \
                and view[:1] not in BULLETS:
            out = list(lines)
            out[i] = replace(lines[i], kind="title", style=None)
            return out
    return lines


def _headlines_printed_twice(lines: list[Line]) -> list[Line]:
    """A headline whose line the page prints twice, one copy right under the other, is no
    headline: a web page prints a photo's caption as the image's text and again under it
    (环卫女工领到了爱心体检卡 twice), a converted table a cell's note twice. The first copy is a
    paragraph of its own, the second set aside. Lines cut into pieces are left alone. On the
    train twins read by the five folds' labellers, 7 headlines are lines printed so, none
    annotated a heading; no annotated heading there is a line printed twice. A title is
    left alone (``_title_printed_twice`` reads it), and a numbered headline printed twice
    (a fake-bold PDF heading drawn twice) keeps its first copy as the headline."""
    counts = Counter(x.number for x in lines)
    out = list(lines)
    for i in range(len(lines) - 1):
        x, y = lines[i], lines[i + 1]
        if y.number != x.number + 1 or counts[x.number] > 1 or counts[y.number] > 1:
            continue
        if "headline" not in (x.kind, y.kind) or "furniture" in (x.kind, y.kind) \
                or "title" in (x.kind, y.kind):
            continue
        view = "".join(x.view.split())
        if not view or view != "".join(y.view.split()):
            continue
        if numbering(x.view)[0] is not None:
            # 一、组织建设 twice (a fake-bold PDF heading drawn twice): a section's heading
            # all the same, its copy set aside.
            if x.kind == "headline":
                out[i + 1] = replace(y, kind="furniture", style=None, opens=False)
            continue
        out[i] = replace(x, kind="body", style=None, opens=True)
        out[i + 1] = replace(y, kind="furniture", style=None, opens=False)
    return out


def _decks_between_titles(ruled: Sequence[Line], lines: list[Line]) -> list[Line]:
    """A line the labeller set aside that the line rules read as a headline, right between
    two title lines (no blank line apart), is a subtitle: a deck or a kicker printed
    between the parts of a title (竹科運輸命脈工會的聯合罷工投票 / 團結的力量 ─ /
    遠比我們想像的還要大); a copy of either neighbour stays aside. On the train twins, 3 of
    the 4 such lines are annotated subtitle, the fourth title."""
    was = {x.number: x.kind for x in ruled}
    out = list(lines)
    for i in range(1, len(lines) - 1):
        above, x, below = lines[i - 1], lines[i], lines[i + 1]
        if x.kind == "furniture" and was.get(x.number) == "headline" \
                and above.kind == below.kind == "title" \
                and above.number + 1 == x.number == below.number - 1 \
                and x.view.strip() not in (above.view.strip(), below.view.strip()):
            out[i] = replace(x, kind="subtitle", style=None)
    return out


def _reads_as_title(view: str) -> bool:
    """Whether a line set aside could be a story's title: the line rules read it by itself
    as a headline with no number, eight characters or more, most of them Chinese, no bar
    or slash of a menu."""
    view = view.strip()
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in view)
    return classify(view) == ("headline", "plain") and len(view) >= _TWICE_MIN \
        and 2 * cjk >= len(view) and not any(c in view for c in "|｜/／>＞")


def _title_over_a_tool(ruled: Sequence[Line], lines: list[Line]) -> list[Line]:
    """The story's title that a run of head lines set aside (the rule of a table of
    contents spares only the run's last headline, the one right over the text): when the
    labeller sets that last one aside (an e-paper's 语音播报 button under the title), the
    line right above it, printed once, is the title if it reads as one
    (:func:`_reads_as_title`). Without that button line the run's last headline is the
    title already; on the train twins no page's head has this shape."""
    if len(ruled) != len(lines):
        return lines
    text = next((i for i, x in enumerate(lines) if x.kind != "furniture"), None)
    if text is None or text < 2 or lines[text].kind != "body":
        return lines
    tool, above = text - 1, text - 2
    head = Counter(x.view.strip() for x in lines[:text])
    if ruled[tool].kind == "headline" and lines[tool].kind == "furniture" \
            and ruled[above].kind == lines[above].kind == "furniture" \
            and head[lines[above].view.strip()] == 1 and _reads_as_title(lines[above].view):
        out = list(lines)
        out[above] = replace(lines[above], kind="title", style=None)
        return out
    return lines


def _captions_after_a_photo(lines: list[Line]) -> list[Line]:
    """A title line under a photo's file name (……颁奖.JPG), with only lines set aside
    between it and the title above, is the photo's last caption over the lead, not a second
    title: a caption, as the twins mark a photo's captions over the lead. (A title under a
    title with only furniture between is the page's and the story's, or a kicker's: 100 of
    the 108 such lines of the train twins are annotated title; none has a photo's file
    name above it.) The file is a story's photo, not the page's banner or logo
    (:data:`_PAGE_IMAGE`), and the title above is a story's by its length
    (:data:`_STORY_TITLE`), not a channel's name (职工风采 / banner_top.jpg / the real title).
    No train twin has such a line."""
    out = list(lines)
    photo = False
    for i, x in enumerate(lines):
        if x.kind == "furniture":
            view = x.view.strip()
            photo = photo or (furniture_rule(view) == "image file name"
                              and _PAGE_IMAGE.search(view) is None)
            continue
        if x.kind == "title" and photo and i and any(
                y.kind == "title" and len("".join(y.view.split())) >= _STORY_TITLE
                for y in itertools.takewhile(
                    lambda y: y.kind in ("furniture", "title"), reversed(lines[:i]))):
            out[i] = replace(x, kind="caption", style=None)
            continue
        photo = False
    return out


#: An image file of the page's own, not a story's photo: a banner, a logo, an icon, a
#: background, a button (banner_top.jpg, logo.png, nav-bg.gif).
_PAGE_IMAGE = regex(r"(?i)banner|logo|icon|(?<![a-z])(?:top|bg|nav|btn|head(?:er)?)(?![a-z])")
#: A story's title is this long or longer; a channel's or site's name (职工风采, 工会新闻)
#: is shorter.
_STORY_TITLE = 8


#: A line of a person's name alone: two or three Chinese characters, a space may stand
#: between the surname and the given name (鲁 茵, 郑晖远).
_BARE_NAME = regex(r"[\u4e00-\u9fff](?:[ \u3000]*[\u4e00-\u9fff]){1,2}")


def _bare_names_as_bylines(lines: list[Line]) -> list[Line]:
    """A line above the text that holds nothing but a person's name (a common surname and
    a given name that jieba's dictionary knows as no other word: :func:`unionnlp.keyterms.
    person_name`) is the author's byline, not a title and not furniture; not one beside a
    menu's item (范文 / 菜单), nor one over a headline (which would then head a section
    rather than title the story). Since some names are words too (高峰, 林立), the layout
    must agree: the line opens the page or sits right under the title (only furniture,
    bylines or a subtitle between). On the train twins, the rule turns 10 lines into
    bylines (2 read as titles before, 8 set aside): all 10 are annotated byline."""
    text = next((i for i, x in enumerate(lines) if x.kind == "body"), len(lines))
    found = [i for i, x in enumerate(lines[:text])
             if x.kind != "byline" and _BARE_NAME.fullmatch(x.view.strip())]
    if not found:
        return lines
    from .keyterms import person_name

    def name(x: Line) -> bool:
        return _BARE_NAME.fullmatch(x.view.strip()) is not None \
            and person_name("".join(x.view.split()))

    def menu_item(x: Line) -> bool:
        view = x.view.strip()
        return x.kind == "furniture" and len(view) <= 6 and _MENU_ITEM.fullmatch(view) is not None \
            and not name(x)

    def under_title(i: int) -> bool:
        above = [x for x in lines[:i] if x.kind not in ("furniture", "byline", "subtitle")]
        return not above or (len(above) == 1 and above[0].kind in ("title", "headline"))

    out = list(lines)
    for i in found:
        below = next((x for x in lines[i + 1:] if x.kind != "furniture"), None)
        if not name(lines[i]) or not under_title(i) or (below is not None and below.kind == "headline") \
                or any(menu_item(x) for x in lines[max(0, i - 1):i + 2] if x is not lines[i]):
            continue
        out[i] = replace(lines[i], kind="byline", style=None)
    return out


#: An office's or a union's name alone: 组织处, 办公室, 宣传部, 某区总工会 (simplified view);
#: 办, 局 and 中心 only after a body's word (市总工会办, 区政府办, 某县人社局), never a
#: phrase that ends in them (民生实事马上办, 服务发展大局, 坚持以职工为中心).
_OFFICE = regex(r"[\u4e00-\u9fff]{1,8}(?:处|室|部|科|组|委员会|工会)"
                r"|[\u4e00-\u9fff]{0,6}(?:工会|委|政府|街道|镇|乡|区|县|市|省|公司"
                r"|集团)(?:办|局|中心)")
_OFFICE_MAX = 12


def _offices_as_bylines(lines: list[Line]) -> list[Line]:
    """A short line right under the title that names an office or a union alone (组织处,
    宣传部, see ``_OFFICE``), over the text, is the issuer's byline, not a headline: a
    section it headed would hold the whole text. On the train twins, 1 line so placed
    names an office (某区总工会 under its title), annotated byline."""
    shown = [i for i, x in enumerate(lines) if x.kind != "furniture"]
    out = list(lines)
    for a, b, c in zip(shown, shown[1:], shown[2:], strict=False):
        x = lines[b]
        view = x.view.strip()
        if lines[a].kind == "title" and x.kind == "headline" and lines[c].kind == "body" \
                and x.style in (None, "plain") and len(view) <= _OFFICE_MAX \
                and _OFFICE.fullmatch(view) and lines[a].number != x.number != lines[c].number:
            out[b] = replace(x, kind="byline", style=None)
    return out


#: A research or writing group signing a report (乐山市总工会课题组, 省总工会研究室调研组):
#: a body's name, then the group; not a title that ends in one (某区迎来市总工会调研组).
_AUTHOR_GROUP = regex(
    r"^(?!.*(?:迎来|欢迎|接待|陪同|走进|来到|深入|赴|到))[（(]?[\u4e00-\u9fff]{2,10}?(?:总工会|工会|委员会|联合会|研究室|研究所|研究院|研究会|学院|大学"
    r"|党校|办公室|部|局|厅|处|中心)(?:联合)?(?:课题组|调研组|编写组|写作组)[)）]?$")


def _author_groups_as_bylines(lines: list[Line]) -> list[Line]:
    """A line above the text that is nothing but a research or writing group's name
    (:data:`_AUTHOR_GROUP`) signs the report: a byline, never its title."""
    text = next((i for i, x in enumerate(lines) if x.kind == "body"), len(lines))
    out = list(lines)
    for i, x in enumerate(lines[:text]):
        if x.kind in ("title", "subtitle", "headline") and _AUTHOR_GROUP.match(x.view.strip()):
            out[i] = replace(x, kind="byline", style=None)
    return out


#: A photo's caption naming the scene (启动仪式现场, 活动现场, 全体人员合影, 比赛一角): a short
#: line, no mark of a sentence, ending in a word that names a photo's view; 现场 only after
#: an event's name (仪式, 活动, 会议, 开幕式 …), never a heading's verb phrase (深入一线现场).
_SCENE_CAPTION = regex(
    r"[^。，,；;：:！？!?、]{0,16}(?:合影|合照|留念|剪影|掠影|一角)"
    r"|[^。，,；;：:！？!?、]{0,12}(?:式|仪式|儀式|活动|活動|会|會|会议|會議|典礼|典禮|启动|啟動"
    r"|揭牌|开幕|開幕|闭幕|閉幕|颁奖|頒獎|签约|簽約|授牌)(?:现场|現場)")


def _scene_captions(lines: list[Line]) -> list[Line]:
    """A headline amid the text (a line of text above it) with no numbering that only
    names a photo's scene (:data:`_SCENE_CAPTION`) is the photo's caption, not a section's
    heading. On the train twins, 4 whole lines are such scene names (开幕式现场, 活动现场,
    会议现场 …): 2 annotated caption, 2 furniture, none a heading; the one the labeller
    reads as a headline stands in a title block, above the text, and is left alone."""
    text = next((i for i, x in enumerate(lines) if x.kind == "body"), len(lines))
    return [replace(x, kind="caption", style=None)
            if i > text and x.kind == "headline" and numbering(x.view.strip())[0] is None
            and _SCENE_CAPTION.fullmatch(x.view.strip()) else x for i, x in enumerate(lines)]


#: A page's outline label (目录/提纲:……, 提纲:) and the dots alone that close the outline.
_OUTLINE_LABEL = regex(r"(?:目录|目錄)?[/／]?(?:提纲|提綱)[ \u3000]*[:：]?[ \u3000]*[…．.。]*")
_OUTLINE_END = regex(r"[…．.。·]{2,}")
#: The most entries an outline holds, and the longest entry.
_OUTLINE_MOST = 24
_OUTLINE_ENTRY = 40


def _outlines_aside(lines: list[Line]) -> list[Line]:
    """The entries of an outline a writing site prints before the text (目录/提纲:……, then
    the text's headlines and points, then …… alone) are furniture, whatever the labeller
    read them as: the page's headlines come again in its text. On the train twins two
    pages print such an outline (a report's and a speech's), every entry annotated
    furniture; out of fold the labeller made one entry a section headline (第一、要认清形势、
    把握大局)."""
    out = list(lines)
    for i, x in enumerate(lines):
        if not _OUTLINE_LABEL.fullmatch(x.view.strip()):
            continue
        end = next((j for j in range(i + 1, min(len(lines), i + 2 + _OUTLINE_MOST))
                    if _OUTLINE_END.fullmatch(lines[j].view.strip())), None)
        if end is None or end == i + 1 \
                or any(len(y.view.strip()) > _OUTLINE_ENTRY for y in lines[i + 1:end]):
            continue
        for j in range(i + 1, end):
            out[j] = replace(lines[j], kind="furniture", style=None)
    return out


#: A photo gallery's or a video's label, a site's column (活动图片, 图片报道, 圖集, 视频新闻).
_GALLERY = regex(r"[【\[]?(?:活动|活動|现场|現場|精彩|工作|会议|會議|新闻|新聞)?"
                 r"(?:图片|圖片|照片|图集|圖集|组图|組圖|视频|視頻|图文|圖文)"
                 r"(?:报道|報道|新闻|新聞|集锦|集錦|展示|欣赏|欣賞|直播)?[】\]]?")


def _galleries_aside(lines: list[Line]) -> list[Line]:
    """A headline with no numbering that only names a photo gallery or a video column
    (:data:`_GALLERY`) is the site's furniture, not a section's heading. On the train twins
    4 lines are such labels, all annotated furniture (活动图片, 图片报道, 圖集, 圖片); out of
    fold the labeller reads one of them as a headline (活动图片, in a speech page's
    sidebar)."""
    return [replace(x, kind="furniture", style=None)
            if x.kind == "headline" and _GALLERY.fullmatch(x.view.strip()) else x
            for x in lines]


#: A line that opens with a day's or a month's date (1月14日上午, 2025年12月17日): the time
#: of day and the weekday after it are still the date's.
_DATED_OPENING = regex(r"^(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*月"
                       r"\s*\d{1,2}\s*日)[ \u3000]*(?:[上下中早晚夜][午间間上晨]?|凌晨|傍晚)?"
                       r"[ \u3000]*(?:[（(]?(?:星期|周|週|礼拜|禮拜)[一二三四五六日天][)）]?)?")
#: What a section's heading names and a caption does not: a sentence's or a label's mark
#: (7月24日: 天氣酷熱 …, a diary's day, heads its part).
_NOT_IN_DATED = regex(r"[。！？!?；;：:]")
#: The fewest characters after the date that make a caption, not a date alone.
_DATED_CAPTION = 4
#: Headlines opening with a date, the fewest that make a chronicle (大事记: 2023年3月 召开……,
#: 2023年5月 举办……), its entries' headings, no captions.
_DATED_CHRONICLE = 2


def _dated_captions(lines: list[Line]) -> list[Line]:
    """A headline amid the text (a line of text above it) with no numbering that opens with
    a date, has words after it and holds no sentence's or label's mark is a photo's
    caption, not a section's heading (1月14日上午,農民工高明夫婦向記者講述被拖欠工錢的情況).
    A date alone is left as it is: the closing signature's rules read it. Out of fold (the
    five folds of ``benchmarks/cv_structure.py``) 2 train lines are such headlines, both
    annotated captions; the one train heading that opens with a date has a colon after it
    (7月24日: 天氣酷熱 搜集工友意見), and no train line is changed in sample. Two headlines
    or more that open with a date are a chronicle's entries (大事记: 2023年3月 召开……,
    2023年5月 举办……): all stay headings."""
    text = next((i for i, x in enumerate(lines) if x.kind == "body"), len(lines))
    found: list[int] = []
    for i, x in enumerate(lines):
        view = x.view.strip()
        if i <= text or x.kind != "headline" or numbering(view)[0] is not None \
                or _NOT_IN_DATED.search(view):
            continue
        m = _DATED_OPENING.match(view)
        if m is not None and len(view[m.end():].lstrip(" \u3000，,")) >= _DATED_CAPTION:
            found.append(i)
    dated = sum(1 for x in lines if x.kind in ("headline", "title") and _DATED_OPENING.match(x.view.strip()))
    if dated >= _DATED_CHRONICLE:
        return lines
    out = list(lines)
    for i in found:
        out[i] = replace(lines[i], kind="caption", style=None)
    return out


#: How a sidebar's teaser ends: its text cut off mid-sentence (a character that ends no
#: sentence, then dots) and a link to the rest (……省总... 更多>, ……工作… [详细], ……more»).
_TEASER_END = regex(r"[^\s。！？!?；;…．.·]\s*(?:…+|\.{2,}|。{2,}|·{3,})[ \u3000]*[\[【［]?[ \u3000]*"
                    r"(?:更多|查看更多|阅读更多|详细|详情|查看详情|阅读全文|查看全文|more|More|MORE)"
                    r"[ \u3000]*[>＞»›]*[ \u3000]*[\]】］]?$")


def _teasers_aside(lines: list[Line]) -> list[Line]:
    """A line that ends in a teaser's cut and its link (see ``_TEASER_END``) is a sidebar's
    teaser flattened onto one line: every piece of it is furniture, a numbered headline in
    it too, which would otherwise head the article under it. On the train twins, 1 line
    ends so (a federation's introduction over its news), annotated furniture; a text that
    ends its sentence before …… 阅读全文 is kept. So is a section's or an article's only
    text, and a line whose link word has no link mark (更多, not 更多>) over a line of text:
    that line may go on with its sentence (……法律援助……更多 / 困难职工得到了……)."""
    text = [x for x in lines if x.kind != "furniture"]
    cut = set()
    for i, x in enumerate(text):
        view = x.view.rstrip()
        if not _TEASER_END.search(view):
            continue
        above = next((y for y in reversed(text[:i]) if y.number != x.number), None)
        below = next((y for y in text[i + 1:] if y.number != x.number), None)
        if (above is None or above.kind in ("title", "headline")) \
                and (below is None or below.kind in ("title", "headline")):
            continue  # a section's or an article's only text
        if below is not None and below.kind == "body" and _LINK_MARK.search(view) is None:
            continue  # ……更多 may run on into the next line: ……更多困难职工得到了……
        cut.add(x.number)
    if not cut:
        return lines
    return [replace(x, kind="furniture", style=None) if x.number in cut else x for x in lines]


#: A link's mark after its word (更多>, 详细》, [详细], 【更多】): the word is a link, not text.
_LINK_MARK = regex(r"[>＞»›\]】］][ \u3000]*$")


#: The label of an attachment or a list, no clause in it: 附件2 ……, 附：“……”, 附《……》,
#: 附“……”名单：, 附获奖名单 (not 附则：……, a regulation's last part).
_ATTACHED = regex(r"附(?:件|表|录)[ \u3000\d一二三四五六七八九十]*(?:[:：][^。！？!?；;，,]{0,40})?"
                  r"|附[:：]?[ \u3000]*[“《「\"][^。！？!?；;，,]{1,40}"
                  r"|附[^。！？!?；;，,:：]{1,30}(?:名单|名册|清单|一览表|表)[:：]?")


def _attachment_labels_aside(lines: list[Line]) -> list[Line]:
    """The labels of attachments or lists that the page does not hold (附“……”名单： with
    nothing but furniture under it) are set aside, however they are written: the labeller
    reads 附：“……” so already, not always 附“……”名单：. On the train twins, the 13 lines
    opening with 附 are all annotated furniture, all set aside already."""
    last = max((i for i, x in enumerate(lines) if x.kind != "furniture"), default=-1)
    first = last
    while first >= 0 and lines[first].kind != "furniture" \
            and _ATTACHED.fullmatch(lines[first].view.strip()):
        first -= 1
    if first == last:
        return lines
    return [replace(x, kind="furniture", style=None) if first < i <= last else x
            for i, x in enumerate(lines)]
#: A token of ASCII marks, letters and digits after a line's last word, apart from it by
#: white space (……(1988)。 L3.5Iu8!6Ip8.2l): a candidate for an anti-scrape token.
_TAIL_TOKEN = regex(r"(?m)(?<=[^A-Za-z0-9\s])[ \u3000]+([!-~]{8,24})[ \u3000]*$")
_LETTER_RUN = regex("[A-Za-z]+")
_ADDRESS_MARKS = frozenset("/:@_")


def _scrambled(token: str) -> bool:
    """Whether a token is random characters, no word, number, date or address: two digits
    or more, capitals and small letters and marks mixed, no run of more than 3 letters, and
    none of the marks of a link, an identifier or an account (bit.ly/3aB4cD, doi:10.1016/…,
    Wx_Zgh2023!, a@b): ``/``, ``:``, ``@``, ``_``."""
    return not any(c in _ADDRESS_MARKS for c in token) \
        and sum(c.isdigit() for c in token) >= 2 and any(c.isupper() for c in token) \
        and any(c.islower() for c in token) and any(not c.isalnum() for c in token) \
        and max(map(len, _LETTER_RUN.findall(token)), default=0) <= 3


def blank_junk(view: str) -> str:
    """``view`` with the anti-scrape tokens a site appends to its lines blanked (spaces of
    the same length): a random string after the line's words (……任务是: O,~5MA2-80I2!5j,
    see ``_TAIL_TOKEN`` and :func:`_scrambled`). The line and its sentence are read as
    text, the token is not (it stays in the text as written, like a pinyin gloss). On the
    train twins, 47 lines end in an ASCII token after their words (dates, addresses,
    markup, 029-63912478); none is scrambled so."""
    if _TAIL_TOKEN.search(view) is None:
        return view
    return _TAIL_TOKEN.sub(lambda m: " " * len(m.group()) if _scrambled(m.group(1)) else m.group(),
                           view)


#: A line's list number: the digits that open it, before a mark (3. / 3、 / 3．).
_LIST_NUMBER = regex(r"^\s*(\d{1,2})\s*[.．、]")


def _list_number(pieces: Sequence[Line]) -> int | None:
    m = _LIST_NUMBER.match(pieces[0].view) if pieces else None
    return int(m.group(1)) if m else None


def _numbered_amid_furniture(lines: list[Line]) -> list[Line]:
    """A numbered line right between two lines set aside that are numbered one before it and
    one after it (a document site's numbered notice over the text: ``2. 2、原创力文档……`` /
    ``3. 3、本站所有内容均由合作方或网友上传……`` / ``4. 4、如文档侵犯商业秘密……``) is set
    aside too, whatever the labeller read in it (the line rules cut ``3.`` off it as a
    headline): an item of the same list. Pieces of one line (its ``number``) go together."""
    rows: dict[int, list[int]] = {}
    for k, x in enumerate(lines):
        rows.setdefault(x.number, []).append(k)
    out = list(lines)
    for n, ks in rows.items():
        above, below = rows.get(n - 1), rows.get(n + 1)
        if above is None or below is None or all(lines[k].kind == "furniture" for k in ks):
            continue
        value = _list_number([lines[k] for k in ks])
        if value is None or any(lines[k].hint is not None for k in ks) \
                or not all(lines[k].kind == "furniture" for k in (*above, *below)) \
                or _list_number([lines[k] for k in above]) != value - 1 \
                or _list_number([lines[k] for k in below]) != value + 1:
            continue
        for k in ks:
            out[k] = replace(lines[k], kind="furniture", style=None, opens=False)
    return out


#: A call to follow the site elsewhere: a verb that asks for it and the platform
#: ((每月25日,关注“某某”微信朋友圈参与话题讨论), 扫码关注公众号).
_CALL_TO_ACT = regex(r"关注|扫码|扫描|长按|点击|欢迎")
_PLATFORM = regex(r"微信|公众号|朋友圈|微博|抖音|视频号|二维码|客户端")
_CALL_MAX = 80


def _calls_to_act_aside(lines: list[Line]) -> list[Line]:
    """A headline or title line that asks the reader to follow the site on a platform (see
    ``_CALL_TO_ACT``, ``_PLATFORM``) is furniture, never a section's headline. On the
    train twins, 4 lines of at most 80 characters hold such a call: all 4 annotated
    furniture. A numbered line (一、创新入会方式，推行微信扫码入会) is a section's headline:
    扫码入会 and 公众号 are everyday words of union work."""
    return [replace(x, kind="furniture", style=None)
            if x.kind in ("headline", "title") and len(x.view.strip()) <= _CALL_MAX
            and x.style in (None, "plain") and numbering(x.view.strip())[0] is None
            and _CALL_TO_ACT.search(x.view) and _PLATFORM.search(x.view) else x
            for x in lines]


#: A site's menu item that names no content: 关于我们, 联系我们, 首页 (simplified view).
_SITE_MENU_WORD = regex(r"关于我们|联系我们|联络我们|首页|网站首页|返回首页|设为首页|加入收藏|网站地图"
                        r"|网站导航")


def _menu_words_aside(lines: list[Line]) -> list[Line]:
    """A line that is a site's menu item alone (see ``_SITE_MENU_WORD``) is furniture, never
    an article's title or a headline. On the train twins, 7 lines are such an item alone:
    all 7 annotated furniture."""
    return [replace(x, kind="furniture", style=None)
            if x.kind != "furniture" and _SITE_MENU_WORD.fullmatch(x.view.strip()) else x
            for x in lines]


#: The most characters of a credit or caption a page repeats between its paragraphs.
_REPEATED_SHORT = 12
_SENTENCE_MARK = regex(r"[。！？!?，,；;：:]")
#: A number first (1, 2 of a list numbered afresh; 一 ……; （一）): a list's headline.
_NUMBER_FIRST = regex(r"^[\d一二三四五六七八九十（(]")


def _repeated_lines_aside(lines: list[Line]) -> list[Line]:
    """A short unnumbered line with no sentence mark that the page prints more than once,
    read as a headline between its paragraphs, is a photo's credit or caption repeated by
    each photo (工会FB, 本报记者 某某 摄), or a running header: furniture, never a section
    headline (under the last paragraph it may be a sign-off, the closing rules' to read). On the train twins, 72 lines below the first paragraph are so repeated; none
    is annotated a heading (53 furniture, 15 captions or credits, 2 bylines, 2 continued
    captions)."""
    whole: dict[int, str] = {}
    for x in lines:
        whole[x.number] = whole.get(x.number, "") + x.view
    seen = Counter(v.strip() for v in whole.values())
    first = next((x.number for x in lines if x.kind == "body"), None)
    last = next((x.number for x in reversed(lines) if x.kind == "body"), None)
    if first is None or last is None:
        return lines
    pieces = Counter(x.number for x in lines)
    views = [whole[x.number].strip() for x in lines]
    sub_heading: dict[str, bool] = {}  # by view: each repeated line is read once, not per copy
    out = []
    for x, view in zip(lines, views, strict=True):
        if x.kind in ("headline", "title") and first < x.number < last and pieces[x.number] == 1 \
                and x.style in (None, "plain") and seen[view] > 1 \
                and len(view) <= _REPEATED_SHORT and not _SENTENCE_MARK.search(view) \
                and not _NUMBER_FIRST.match(view):
            if view not in sub_heading:
                sub_heading[view] = _sub_heading_of_sections(lines, views, view)
            if _CREDIT_LIKE.search(view) or not sub_heading[view]:
                x = replace(x, kind="furniture", style=None)
        out.append(x)
    return out


#: A credit's marks: a handle's or site's ASCII letters (工聯會FB), 摄, 图, 来源.
_CREDIT_LIKE = regex(r"[A-Za-z]|摄|攝|图|圖|供图|來源|来源")


def _sub_heading_of_sections(lines: list[Line], views: list[str], view: str) -> bool:
    """Whether each copy of a repeated line after the first has a numbered headline between
    it and the copy before: a report's template sub-heading (工作成效 under 二、 and again
    under 三、), not a credit printed by each photo. (An unnumbered headline between is not
    enough: a monitoring digest's 撮要 / 网民意见 repeated for each item, annotated
    furniture, is read so on the folds of the train twins.)"""
    copies = [i for i, v in enumerate(views) if v == view]
    return all(any(lines[i].kind == "headline" and lines[i].style not in (None, "plain")
                   and views[i] != view for i in range(a + 1, b))
               for a, b in itertools.pairwise(copies)) and len(copies) > 1


#: A table of contents' entry ends in dot leaders (four or more) and the page number they
#: lead to (第一節、研究背景與研究目的 ........ 1); a number that starts a word or a figure
#: (……2023年, ……5%) is text.
#: (A run of leaders is found whole first and its page number read once after it, so that
#: a long run with no number costs linear time, not a new scan from each of its dots.)
_LEADER_RUN = regex(r"(?:[.．…‧·・][ \u3000]?)+")
_LEADER_DOTS = 4
_PAGE_AFTER = regex(r"[ \u3000]*[0-9０-９]{1,4}"
                    r"(?![0-9０-９\u4e00-\u9fff%％.．]?[0-9０-９\u4e00-\u9fff%％])")
#: The most characters of an entry's own words before its leaders.
_ENTRY_MAX = 40


def _contents_cover(view: str) -> int:
    """How many characters of a line are entries of a table of contents: each entry's
    leaders and page number, and up to ``_ENTRY_MAX`` characters of words before them."""
    covered, last = 0, 0
    for start, end in _leaders(view):
        covered += end - max(last, start - _ENTRY_MAX)
        last = end
    return covered


def _leaders(view: str) -> list[tuple[int, int]]:
    """Where each entry's leaders (four dots or more, a space may follow each) and its page
    number stand in a line: start and end."""
    found = []
    for run in _LEADER_RUN.finditer(view):
        dots = run.end() - run.start() - sum(c in " \u3000" for c in run.group())
        page = _PAGE_AFTER.match(view, run.end()) if dots >= _LEADER_DOTS else None
        if page is not None:
            found.append((run.start(), page.end()))
    return found


def _contents_aside(lines: list[Line], path: str | None) -> tuple[list[Line], tuple[str, ...]]:
    """A line (all its pieces) that is mostly a table of contents' entries, dot leaders
    and page numbers, is furniture: a PDF's contents pages flattened into text (several
    entries on one line, the page numbers read as numbered headlines). When such lines hold
    most of the page's text, the report says so: little of it is text. No line of the train
    twins has such an entry (the rule touches none of them)."""
    whole: dict[int, str] = {}
    for x in lines:
        if x.kind != "furniture":
            whole[x.number] = whole.get(x.number, "") + x.view
    contents = {n for n, view in whole.items()
                if "\n" not in view and 2 * _contents_cover(view) >= len(view.strip()) > 0}
    every: dict[int, str] = {}
    for x in lines:
        every[x.number] = every.get(x.number, "") + x.view
    contents = _contents_entries(contents, {n: view for n, view in every.items()
                                            if "\n" not in view
                                            and 2 * _contents_cover(view) >= len(view.strip()) > 0})
    if not contents:
        return lines, ()
    out = [replace(x, kind="furniture", style=None) if x.number in contents else x
           for x in lines]
    aside = sum(len(whole[n]) for n in contents)
    total = sum(len(v) for v in whole.values())
    if 2 * aside <= total:
        return out, ()
    where = f"{path}: " if path else ""
    return out, (f"{where}most of the text ({100 * aside // total}% of its characters) is a "
                 "table of contents (dot leaders and page numbers), set aside; little body "
                 "text is left",)


#: A contents entry that names a part of the document: 第一章, 第二节, 第三部分, 一、, 1.1,
#: (一), 前言, 附录; or a line that says it is the contents (目录).
_CONTENTS_ENTRY = regex(r"(?:^|[\s.．、:：])(?:第[一二三四五六七八九十百零〇两\d]+[章节部篇编]"
                        r"|[一二三四五六七八九十]+[、.．]|\d+(?:[.．]\d+)+|[（(][一二三四五六七八九十\d]+[)）]"
                        r"|前言|序言|引言|绪论|结语|结论|后记|附录|参考文献)|目录")


def _contents_entries(candidates: set[int], whole: dict[int, str]) -> set[int]:
    """The lines of ``candidates`` (mostly leaders and numbers) that are a table of
    contents, not a table of figures with dot leaders (新建工会……120 / 发展会员……8000): all of
    them, if the page numbers of all such lines (``whole``: furniture too) never fall and
    rise over the lines; else those with an entry that names a part of the document (see
    ``_CONTENTS_ENTRY``)."""
    pages: list[int] = []
    heads: set[int] = set()
    for n in sorted(whole):
        view, last = whole[n], 0
        for start, end in _leaders(view):
            entry = view[max(last, start - _ENTRY_MAX):start]
            if _CONTENTS_ENTRY.search(entry):
                heads.add(n)
            digits = "".join(c for c in view[start:end] if c.isdigit())[-4:]
            pages.append(int(unicodedata.normalize("NFKC", digits)))
            last = end
    if len(pages) >= 2 and pages[-1] > pages[0] and all(a <= b for a, b in itertools.pairwise(pages)):
        return candidates
    return heads & candidates


def _label_headlines(lines: list[Line]) -> list[Line]:
    """:func:`unionnlp.labelheads.labels_as_headlines`, sparing lines cut into pieces."""
    counts = Counter(x.number for x in lines)
    return labels_as_headlines(lines, {n for n, c in counts.items() if c > 1})


def parse(source: Source, view: str | None = None,
          segmenter: SegmenterLike = "auto") -> Report:
    """Structure of one source text: articles, sections and repaired paragraphs.

    ``view`` is the text normalised (and simplified), of the same length, on which every
    decision is made; by default the text as analysis reads it
    (:func:`unionnlp.convert.analysis_view`). ``segmenter`` (or its backend name) tells
    where a line broke inside a word.
    Every character of the text ends up in a title, subtitle, byline, heading,
    paragraph or ``Report.dropped`` (a lone surrogate as U+FFFD: :func:`~unionnlp.model.writable`).
    """
    source = writable(source)
    text = fold_newlines(source.text)
    view = blank_junk(analysis_view(text)[0] if view is None else view)
    lines = split_lines(text, source.heading_hints, view, source.boilerplate,
                        breaks=gap_breaks(view))
    lines, bars = _bars_apart(lines, source.boilerplate)
    wrapped = False
    if not source.heading_hints:
        # The learned labeller overrules the line rules where it is sure; the closing
        # signature is the structure rules' to read.
        from .linerole import relabel, wrapped_page

        wrapped = wrapped_page(view)
        # A signature closes the text: the lines above the first of it are a page's head.
        text_from = next((x.number for x in lines if x.kind == "body"), len(text))
        ruled = lines
        lines = relabel(lines, text, view, wrapped=wrapped,
                        keep=lambda x: x.number > text_from and _SIGNATURE.match(x.view) is not None)
        lines = _sibling_headlines_kept(ruled, _years_over_headlines(ruled, lines))
        lines = _decks_between_titles(ruled, lines)
        lines = _captions_after_a_photo(_title_over_a_tool(ruled, lines))
        lines = _attachment_labels_aside(_teasers_aside(_offices_as_bylines(_bare_names_as_bylines(lines))))
        lines = _numbered_amid_furniture(lines)
        lines = _dated_captions(_scene_captions(_author_groups_as_bylines(lines)))
        lines = _outlines_aside(_galleries_aside(lines))
    lines = _chapters_apart(_page_size_notes(_sentences_are_no_subtitles(_jump_marks_apart(lines))))
    lines = _mastheads_aside(_weather_aside(_keyword_lines_aside(_addresses_apart(lines))))
    lines = _labels_are_no_bylines(_credited_text_is_no_caption(_path_lines_aside(lines)))
    lines, aside = _title_marks_apart(lines, bars)
    lines, aside = _dates_off_titles(_spread_headers_as_table(lines), aside)
    lines, aside = _series_off_titles(lines, aside)
    lines, notes = _contents_aside(lines, source.path)
    if not source.heading_hints:
        lines = _menu_words_aside(_calls_to_act_aside(_repeated_lines_aside(_label_headlines(lines))))
        # Title block lines the labeller set aside: a credit, a date by a byline.
        lines = _dates_by_bylines(_credit_lines(_issuers_and_dates(lines)))
        lines = _meeting_times_by_bylines(lines)
        lines = _headlines_printed_twice(_title_printed_twice(lines))
        lines = dated_entries(sentences_numbered_as_items(numbers_over_items(lines)))
        lines = wrapped_sentences(numbers_before_marks(ordinals_rejoined(lines, text, view)))
        lines = dates_wrapped_under_titles(lines)
        lines = _articles_in_figures_apart(lines)
    # The width a hard-wrapped page breaks its lines at, read once for the rules below.
    width = page_width(view) if wrapped else None
    if width is not None:
        lines = _clauses_cut_at_width(lines, view, width)
    blocks = repair(lines, segmenter)
    if not source.heading_hints:
        if width is not None:
            blocks = _run_on_headlines(blocks, view, width)
        blocks = _trailing_headline_as_text(_site_title_copies(_table_cells_aside(
            _credits_and_rules_aside(
                _labelled_headlines(_run_in_headlines(_year_headlines_joined(blocks)))))))
        blocks = _ordinals_in_running_text(_items_run_on(_headlines_over_two_lines(blocks)))
        blocks = _items_between_items(article_titles_joined(blocks))
        blocks = _headlines_over_their_first(blocks)
    blocks = _inline_captions(blocks)
    if not source.heading_hints:
        blocks = _share_page_head(blocks)
    dropped: list[str] = []
    drafts: list[_Draft] = []
    for at, block in enumerate(blocks):
        if aside:
            dropped.extend(m for x in block.lines if x.offset in aside for m in aside.pop(x.offset))
        if block.kind == "furniture":
            dropped.append(block.lines[0].text)
            if drafts and not drafts[-1].items and drafts[-1].authors is None:
                drafts[-1].authors = _authors(block.lines[0].view)
        elif block.kind == "title":
            again = _Draft(block, at=at)
            if drafts and not drafts[-1].items and again.headline is not None \
                    and _same_title(again.headline, drafts[-1].headline):
                # A web page prints its title twice, around the date and share buttons.
                dropped.extend(x.text for x in block.lines)
                continue
            current = drafts[-1] if drafts else None
            if current is not None and _joins_title(current, block):
                above = current.parts[0].lines if current.parts else ()
                if not current.items and _title_parts(block)[0] and len(current.parts) == 1 \
                        and len(above) == 1 and ((_SIGNATURE.match(above[0].view)
                                                  and not _PHRASE.match(above[0].view))
                                                 or _amid_a_menu(blocks, current.at)):
                    # A site's or an issuer's name, or a date, over the title, or a menu's
                    # item (a channel's name) amid the menu: furniture.
                    dropped.append(above[0].text)
                    drafts[-1] = again
                else:
                    current.add_title(block)
                continue
            drafts.append(again)
        else:
            if not drafts:
                drafts.append(_Draft(None))
            current = drafts[-1]
            if block.kind == "headline" and block.lines[0].view == current.headline:
                dropped.append(block.lines[0].text)
                continue
            if _title_again(block, current.headline):
                dropped.append(block.text)
                continue
            if block.kind == "para":
                block = _printed_once(block, dropped)
            if block.kind == "para" and not current.items:
                block = _without_title(block, current.headline, dropped)
            current.items.append(block)
    dropped.extend(m for marks in aside.values() for m in marks)  # a line a rule cut again
    _sign_offs(drafts)
    _columns_aside(drafts, dropped)
    _reassign(drafts)
    drafts = [d for d in drafts if d.title is not None or d.items]
    opening = _opening_headings(blocks)
    levels = _levels(blocks, opening)
    articles = tuple(_article(d, levels, opening, dropped) for d in drafts)
    return Report(
        source=source.path,
        articles=articles,
        dropped=tuple(dropped),
        format=source.format,
        encoding=source.encoding,
        warnings=(*source.warnings, *notes, *_cut_off(articles, source.path)),
    )


#: A paragraph left open: its last character an ideograph or a comma (……订有周密的规,
#: ……的评价制, 二、掌握干警的思想动态,).
_LEFT_OPEN = regex(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff，,、]$")
#: What a page's text may end in after its last word: spaces, a table's bars.
_TRAILING = regex(r"[\s|｜]+$")
#: The fewest characters of a last paragraph read as prose cut short: a shorter one (谢谢大家,
#: 出席) may be a closing word or a label written without punctuation.
_CUT_OFF_LEAST = 10


def _cut_off(articles: Sequence[Article], path: str | None) -> tuple[str, ...]:
    """A warning when the text stops mid-sentence: its last paragraph, at the end of the
    last section (no headline, table row or caption after it), is left open (see
    :func:`_left_open_at_the_end`), while the text paragraph before it (if any) ends its
    sentence: a web page or a document-share preview cut short. A text whose paragraphs
    all end without punctuation (a list of items) says nothing by it. On the train twins
    (most of them excerpts cut short) it fired on 498 of 1,118, all 40 read stop short (38
    mid-sentence, one on a numbered item whose text is missing, one in the site's footer);
    since a comma ends a paragraph cut short at any length and a semicolon after prose
    does too, on 500: the 4 it gained all stop short (…参加健康体检;, …飄著書香,,
    …乾淨,, a last item 3、 with no text)."""
    sections = [s for a in articles for s in a.sections]
    if not sections or not sections[-1].paragraphs:
        return ()
    paragraphs = [p for s in sections for p in s.paragraphs if p.kind == "text"]
    last = sections[-1].paragraphs[-1]
    end = _TRAILING.sub("", last.text)
    before = _TRAILING.sub("", paragraphs[-2].text) if len(paragraphs) > 1 else None
    if last.kind != "text" or not (_left_open_at_the_end(end, before)):
        return ()
    if before is not None and _LEFT_OPEN.search(before):
        return ()
    if _complete_without_mark(end, len(paragraphs) > 1):
        return ()
    where = f"{path}: " if path else ""
    return (f"{where}{_CUT_SHORT} (…{end[-12:]}): the page or document looks cut short, and "
            "what followed is missing",)


#: The marks a clause, not a sentence, ends in: a text that stops on one stops mid-sentence,
#: however short its last paragraph.
_CLAUSE_CUT = regex(r"[，,、]$")
#: A clause ended by a semicolon, and a sentence's end (a paragraph's last mark, before
#: closing quotes or brackets).
_SEMICOLON_END = regex(r"[；;]$")
_SENTENCE_END = regex(r"[。！？!?][”’」』）)]*$")
#: A paragraph that is a list of items written inline (1.继续深化……；2.加强……；, 一是……，
#: 二是……；): an item's number at its start or after a mark. Prose clauses joined by
#: semicolons (……很欢迎；……祝福；还组织全体职工参加健康体检；) are no such list.
_INLINE_ITEMS = regex(r"(?:^|[，,；;。：:\s])(?:\d{1,2}[.、．](?!\d)|[一二三四五六七八九十]是"
                      r"|[（(][一二三四五六七八九十\d]{1,2}[）)])")


def _left_open_at_the_end(end: str, before: str | None) -> bool:
    """Whether a text's last paragraph ``end`` is left open (``before``: the text paragraph
    before it, if any): it ends in a comma or an enumeration comma, whatever its length
    (立足方便职工生活、); it ends in a word after ``_CUT_OFF_LEAST`` characters or more (a
    shorter one may be a closing word or a label); or it ends in a semicolon after a
    paragraph of prose that ends its sentence, the paragraph itself no list of numbered
    items (a list of items each closed by a semicolon says nothing by it)."""
    if _CLAUSE_CUT.search(end):
        return True
    if _SEMICOLON_END.search(end):
        return before is not None and _SENTENCE_END.search(before) is not None \
            and _INLINE_ITEMS.search(end) is None
    return len(end) >= _CUT_OFF_LEAST and _LEFT_OPEN.search(end) is not None


#: A list after its label's colon (获奖名单：王平、李娜、张伟): its items, words apart.
_LIST_AFTER_COLON = regex(r"[：:]\s*((?:[^：:，,。；;！？!?、\s]{1,12}[、\s]+)+[^：:，,。；;！？!?、\s]{1,12})$")
#: The words a closing call ends in (……奋力谱写新时代工会工作新篇章, ……团结在以习近平同志
#: 为核心的党中央周围, 勞動創造幸福，實幹成就夢想，奮鬥書寫華章): written without a full stop.
_SLOGAN_END = regex(r"(?:篇章|华章|華章|奋斗|奮鬥|努力|周围|周圍|梦想|夢想|贡献|貢獻|辉煌|輝煌"
                    r"|新功|伟业|偉業|前进|前進)$")
#: What a caption of one line holds none of: punctuation, brackets, quotes, white space.
_NOT_IN_CAPTION = regex(r"[\s，,、。；;：:！？!?（）()“”\"《》〈〉「」『』【】.]")
#: The longest line read as a photo's caption after the last full paragraph.
_CAPTION_MOST = 30
#: The rarest last word of a caption (IDF in jieba's table): a common word (奖金 7.8, 研讨
#: 9.4), not a rare one a piece cut short ends in (屋瓦 10.6; 候面 cut from 时候面 not in it).
_CAPTION_END_IDF = 10.0


def _complete_without_mark(end: str, after_text: bool) -> bool:
    """Whether a last paragraph ``end`` without a final mark is complete all the same: a
    list after its label's colon, a closing call (see ``_SLOGAN_END``), or (after a text
    paragraph that ends its sentence) a photo's caption of one short line without
    punctuation, not numbered, ending in a common word of two characters or more (市總工會
    領導為獲獎職工代表頒發證書和獎金; a piece cut short ends inside a phrase: 关注程度很,
    分厂党, 因為屋瓦, 的時候面). On the train twins, of the 498 texts the warning fired on,
    this keeps it off 2: a closing call (……而团结奋斗) and one line ending a list of tasks
    (……教学方面的交流研讨); a sample of 45 of the rest read all stop short."""
    if _LIST_AFTER_COLON.search(end) or _SLOGAN_END.search(end):
        return True
    if not after_text or len(end) > _CAPTION_MOST or "\n" in end \
            or _NOT_IN_CAPTION.search(end) or numbering(end)[0] is not None:
        return False
    from .convert import to_simplified
    from .keyterms import general_idf
    from .segment import resolve

    words = resolve("auto").cut(to_simplified(end))
    return bool(words) and len(words[-1]) >= 2 \
        and general_idf().get(words[-1], math.inf) <= _CAPTION_END_IDF


#: What the warning of a text stopping mid-sentence says, after the file's name.
_CUT_SHORT = "the text stops mid-sentence"


def as_part(report: Report, part: Part, *, goes_on: bool) -> Report:
    """``report`` as the report of ``part`` of a file tagged part by part; where the file
    ``goes_on`` after the part, the part's end stopping mid-sentence says nothing of the
    file: no warning of it."""
    warnings = report.warnings
    if goes_on:
        # The warning as _cut_off words it for this source: a path holding ": " (a folder
        # "dir: x") is no place to split it at.
        said = f"{report.source}: {_CUT_SHORT} (…" if report.source else f"{_CUT_SHORT} (…"
        warnings = tuple(w for w in warnings if not w.startswith(said))
    return replace(report, part=part, warnings=warnings)
