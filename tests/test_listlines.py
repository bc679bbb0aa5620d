"""Lists as Hong Kong, Macau and Taiwan union sites set them, read after the line
labeller (:mod:`unionnlp.listlines`)."""

from __future__ import annotations

from unionnlp.model import Report, Source
from unionnlp.structure import parse


def _parse(text: str) -> Report:
    return parse(Source(text=text, path="t.txt"))


def _paragraph_of(report: Report, needle: str) -> str:
    hits = [p.text for p in report.paragraphs if needle in p.text]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


# A Taiwan federation's policy proposals as its print view has them: a menu word, the
# date stamp in brackets before the title, each proposal's number alone on its line with
# the proposal right under it, a blank line between proposals (ASCII commas).
PROPOSALS = """政策建言
[ 2019/06/12 ] 本會第十屆第三次會員代表大會通過之政策建議
本會第十屆第三次會員代表大會決議事項

1
請勞動部儘速檢討基本工資審議機制,將消費者物價指數列為法定參考指標,讓調幅跟得上物價。

2
請修正勞工保險條例,把職業工會會員的投保薪資上限逐年調高,避免高薪低報損及老年給付。

3
請加強查核派遣業者,對長期以派遣名義規避雇主責任者加重處罰,保障派遣勞工的權益。

4
請政府編列預算補助職業工會辦理職業安全衛生訓練,讓自營作業者也能得到應有的保護。
"""


def test_an_items_number_alone_opens_the_items_paragraph() -> None:
    report = _parse(PROPOSALS)
    for number, needle in (("1", "基本工資審議"), ("2", "投保薪資上限"), ("3", "派遣業者"),
                           ("4", "職業安全衛生訓練")):
        paragraph = _paragraph_of(report, needle)
        assert paragraph.startswith(number), paragraph
        assert number not in report.dropped


# A Hong Kong union's news page: the view counter alone over the story, no blank line
# between (as the site prints it), and a figure the page cut off onto a line of its own.
COUNTER = """工聯會職安健協會
發布時間:2023-03-02 10:58

73
今年二月中旬,本會於西灣河舉辦職安展覽,向市民推廣在職培訓計劃,吸引不少街坊參觀。

展覽期間本會共接待市民
12
批次,派發單張逾千份,並即場為二十多名建造業工友登記參加平安咭課程。
"""


def test_a_number_alone_with_no_run_of_numbers_stays_as_it_was() -> None:
    report = _parse(COUNTER)
    # The counter is no item's number: nothing in the run goes with it.
    assert not _paragraph_of(report, "西灣河").startswith("73")
    # Nor is a figure the page cut off under a line of text.
    assert not _paragraph_of(report, "派發單張").startswith("12")


# A Taiwan occupational union's scholarship rules (ASCII commas and colons): some rules
# are a label and their text, others one sentence each, the last of them with nothing
# but the site's footer under it.
SCHOLARSHIP = """首頁 > 會員福利 > 獎學金

會員子女獎學金辦法

一、為鼓勵會員子女努力向學,本會特別訂定這套辦法。
二、申請期間:每年九月一日起至九月三十日止,逾期恕不受理。
三、申請資格:
(一)國中生:學期總平均達八十分以上,操行成績甲等。
(二)高中職生:學期總平均達八十分以上,操行成績甲等。
四、申請人若在審核期間退會,就喪失申請資格。
五、發放時間:審核結束後以簡訊通知,請在一個月內到會領取。
六、本辦法若有未盡事宜,得經理事會決議修訂後施行。

回上頁 | 列印本頁
"""


def test_a_numbered_rule_of_one_sentence_is_an_item_not_a_headline() -> None:
    report = _parse(SCHOLARSHIP)
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    for rule in ("一、為鼓勵會員子女", "四、申請人若在審核期間退會", "六、本辦法若有未盡事宜"):
        assert not any(h.startswith(rule) for h in heads), (rule, heads)
        assert _paragraph_of(report, rule).startswith(rule)
    # A rule that labels its text, or the items under it, still heads them.
    assert any(h.startswith("三、申請資格") for h in heads), heads
    assert any(h.startswith("五、發放時間") for h in heads), heads


# A Taiwan national federation's "about us" page: plain headlines, the last one over its
# numbered tasks, which the labeller reads as text (ASCII commas).
TASKS = """工會簡介


本會簡介
為了凝聚勞工的集體力量,維護並提升勞工的權益與知能,本會由各地的會員工會共同發起成立。
本會現有會員工會八十餘家,會員逾十萬人,會務上一方面服務各會員工會,一方面代表勞工參與政策討論。


核心價值
秉持積極、專業與服務的精神,讓勞工在職場上的知識與能力更加精進。

本會任務
一、協助並支援各會員工會辦理會務與業務。
二、推動並承辦與勞工相關的經濟、文化、教育、職業訓練等事業。
三、就勞工政策、勞健保及就業安全等議題進行研究並提出建議。
四、舉辦勞工安全衛生教育訓練。
五、協助會員工會處理勞資爭議事件。
六、其他符合本會章程所列的事項。
"""


def test_a_plain_headline_over_numbered_items_is_no_word_cut_in_two() -> None:
    report = _parse(TASKS)
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    assert "本會任務" in heads
    assert _paragraph_of(report, "協助並支援各會員工會").startswith("一、")


# A Taiwan telecom union's chronology (大事記), each entry a date, the event in Chinese and
# the same in English on one line, as the site prints it.
CHRONOLOGY = """1958/03/15 第一屆會員代表大會召開,本會正式成立,成立時共有9個分會,會員3,120人。 The first Congress was held and the union was formally founded, with 9 branches and 3,120 members.
1988/11/02 基層員工自組權益促進會,以爭取經濟權益為起點,推動工會走向自主。 Rank-and-file staff set up a rights association, starting a push for an autonomous union.
1993/06/21 本會員工首度前往立法院陳情,反對國營事業賤賣給財團。 Members petitioned the Legislative Yuan for the first time against selling state enterprises to conglomerates.
1996/04/30 本會聯合郵政工會前往交通部陳情,要求推行產業民主制度。 Together with the postal union, we petitioned the ministry for industrial democracy.
1996/09/12 本會發起捍衛全民資產的抗爭,並演出行動劇表達訴求。 The union launched a campaign to defend public assets and staged a street play.
"""


def test_a_chronologys_dates_open_their_entries() -> None:
    report = _parse(CHRONOLOGY)
    for date, needle in (("1958/03/15", "第一屆會員代表大會"), ("1988/11/02", "基層員工自組"),
                         ("1996/04/30", "聯合郵政工會"), ("1996/09/12", "捍衛全民資產")):
        paragraph = _paragraph_of(report, needle)
        assert paragraph.startswith(date), paragraph
    assert not any(d in report.dropped for d in ("1958/03/15", "1996/09/12"))


# A county federation chair's speech as a PDF's text extraction breaks it: hard wraps at
# the page's width, each item's number left at the end of the line above its headline.
WRAPPED_SPEECH = """同志们：
    这几年，全市各级工会把“组织起来，切实维权”这一方针落到实处，紧扣全
局、抓住要点，无论是服务经济建设、守护社会安定，还是推进工会组
建和规范化建设、做好帮扶和依法维权，都下了很大功夫。 1、
全力服务经济发展。各级工会紧扣工业化这一主题，在全市组织了
“当好主力军，建功十一五”主题竞赛，参赛职工逾十二万人次。 2、
工会组织根基越扎越牢。眼下全市基层工会组织达到4739个，会员人数
82万，各乡镇、街道无一例外建起了工会。
"""


def test_a_number_after_text_on_its_line_is_no_item_number_alone() -> None:
    report = _parse(WRAPPED_SPEECH)
    heads = [s.heading for a in report.articles for s in a.sections if s.heading]
    # Each number goes with the headline under it, as the page's numbered headlines do.
    assert "1、全力服务经济发展。" in heads, heads
    assert "2、工会组织根基越扎越牢。" in heads, heads
