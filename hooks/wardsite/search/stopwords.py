"""Words that carry no topic in a question-style query.

Staff type whole questions: 「パスワードを忘れたときはどうすればいいですか」.
Only the topic words (パスワード, 忘れる) should rank pages; the words below are
dropped from queries (never from pages). When a query holds nothing else
(「方法」 alone), the query side keeps them after all.

The list is written in ordinary spelling; ``stopword_set`` folds it with
``normalize`` so that ﾄﾞｳｽﾚﾊﾞ and どうすれば are the same stop word. Phrases of
several words (どうすれば, ですか) are matched as one unit by the query
segmenter, which prefers the longest match.
"""

from __future__ import annotations

from collections.abc import Iterable

from wardsite.search.normalize import normalize

# fmt: off
#: Question and request phrasing.
QUESTION_JA: tuple[str, ...] = (
    "方法", "やり方", "仕方", "使い方", "手順", "どうすれば", "どうしたら", "どうやって",
    "どうやったら", "どうする", "どうなる", "どう", "どこ", "どこで", "どこに", "どこから", "どれ",
    "どの", "なに",
    "何", "なぜ", "なんで", "いつ", "だれ", "誰", "教えて", "教えてください", "知りたい",
    "したい", "したいです", "したら", "すれば", "すればいい", "いい", "よい", "良い",
    "できない", "できません", "できる", "出来る", "できますか", "ですか", "ますか", "でしょうか",
    "ください", "下さい", "について", "とは", "って", "ため", "場合", "とき", "時", "こと", "もの",
    "ほしい", "欲しい", "わからない", "分からない", "わかりません", "分かりません", "困った",
    "困っています", "お願いします", "お願い", "するには", "には",
    # a negative purpose (消さないように): grammar, not the reading of 内容
    "ないよう", "ないように",
    # obligation (変えないといけない, 変えなきゃいけませんか): grammar, not 行く
    "いけない", "いけません", "いけませんか", "いけないの", "いけないですか",
    # spoken forms of わからない
    "わからん", "分からん", "わかんない", "分かんない", "わかんなくて", "分かんなくて",
)
#: Light verbs and auxiliaries that Sudachi returns as content words.
LIGHT_VERBS_JA: tuple[str, ...] = (
    "する", "為る", "いる", "居る", "ある", "有る", "なる", "成る", "れる", "られる", "せる",
    "ない", "無い", "おる", "思う",
)
#: Colloquial endings (消しちゃった, 送っちゃって): no topic, and read as words they
#: were taken for a slip of チャット.
COLLOQUIAL_JA: tuple[str, ...] = (
    "ちゃった", "ちゃって", "ちゃう", "ちゃいました", "ちゃいます", "じゃった", "じゃって",
    "じゃう",
)
#: Conjunctions that join a situation to a question (出たけど, 在宅だけど): no topic.
CONJUNCTIONS_JA: tuple[str, ...] = ("けど", "けれど", "けれども", "だけど", "だけれど", "のに")
#: Particles and formal nouns that reach the lexicon as content words: から folds
#: like カラー (colour), よう and ほう are 様 and 方 to SudachiPy.
PARTICLES_JA: tuple[str, ...] = ("から", "より", "よう", "ほう")
#: Intensifiers of spoken Japanese (PCがくそ重い, めっちゃ遅い): how much, never what.
INTENSIFIERS_JA: tuple[str, ...] = (
    "めっちゃ", "めちゃめちゃ", "めちゃくちゃ", "くそ", "超", "マジ", "マジで", "すごく", "とても",
    "かなり", "本当に", "ほんとに", "なんか",
)
#: English question words (not "it": IT is a topic on this site).
QUESTION_EN: tuple[str, ...] = (
    "how", "what", "where", "when", "why", "who", "which", "do", "does", "did", "can", "could",
    "should", "would", "i", "my", "me", "we", "our", "to", "the", "a", "an", "is", "are", "be",
    "of", "for", "in", "on", "with", "and", "or", "if", "please", "help", "want", "need",
    "way", "ways", "get", "about",
)
#: English function words (pronouns, determiners, auxiliaries, prepositions) that name no
#: topic; "not", "out", "off" and "up" stay (sign out, turn off, back up).
FUNCTION_EN: tuple[str, ...] = (
    "at", "by", "from", "into", "as", "while", "since", "this", "that", "these", "those",
    "there", "here", "was", "were", "been", "being", "has", "have", "had", "am", "you",
    "your", "us", "they", "them", "he", "she", "his", "her", "its", "will", "shall", "may",
    "might", "must", "just", "so", "than", "then", "too", "very", "also", "any", "some",
    "yet", "whom", "whose",
)
# fmt: on

STOPWORDS: tuple[str, ...] = (
    QUESTION_JA
    + LIGHT_VERBS_JA
    + COLLOQUIAL_JA
    + CONJUNCTIONS_JA
    + PARTICLES_JA
    + INTENSIFIERS_JA
    + QUESTION_EN
    + FUNCTION_EN
)


def stopword_set(words: Iterable[str] = STOPWORDS) -> frozenset[str]:
    """The stop words in folded form, as the query analysis compares them."""
    return frozenset(folded for word in words if (folded := normalize(word)))
