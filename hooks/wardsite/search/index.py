"""Build one prebuilt search index per language: lunr index + query-side data.

Input is a plain list of documents (``SearchDoc``: location, title, text,
section headings, optional boost), e.g. the section entries Material's search
plugin makes of each page, collected per language by the build's search stage.
Output is one JSON-ready dict:

``{"version", "lang", "index", "analysis", "docs", "unreached"}``

* ``index``: a lunr 2.3.9 index, serialised (made by ``lunrbuild``, equal to
  lunr.py's Builder output); ``lunr.Index.load`` in lunr.js 2.3.9
  loads it unchanged. Fields ``title``, ``headings``, ``text`` and ``asked``
  (other documents' words for this one) hold word terms, ``title_ngram`` and
  ``ngram`` hold character bigrams; title and headings are boosted. The
  pipelines are empty: terms are analysed before they go in.
* ``analysis``: what ``query.QueryAnalyzer`` and ``analysis.js`` need to turn a
  typed query into index terms without a dictionary: the lexicon, stop words,
  synonym map, clause boosts and the fields each kind of clause searches.
* ``docs``: ``{location, title, text}`` per document ref (the list index), for
  result titles and snippets.
* ``unreached``: the synonym groups and paraphrase lines that lead to no
  document (:class:`Unreached`), for the build log; not written to the site.

Nothing here depends on this site's pages: any folder of Markdown works.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from wardsite.search.english import english_stem, irregular_forms, is_english_word
from wardsite.search.loanwords import loanword_keys
from wardsite.search.lunrbuild import LunrDoc, build_lunr_index
from wardsite.search.normalize import normalize
from wardsite.search.paraphrases import Paraphrase
from wardsite.search.query import AFFIRMATIVE, NEGATIVE, is_negative
from wardsite.search.readings import homophone_data, is_kanji_pair
from wardsite.search.segment import (
    ALNUM,
    DocumentAnalyzer,
    TextTerms,
    char_class,
    index_term,
    text_bigrams,
)
from wardsite.search.stopwords import stopword_set
from wardsite.search.synonyms import SynonymGroup

FORMAT_VERSION = 1

#: Boost of the ``asked`` field (title 10, headings 4, text 1). Chosen on the
#: tuning set (bench/search_queries.yml) only. With the FAQ questions alone (few
#: documents had the field) MRR@10 was flat from 1 to 40 and 20 was taken. Once
#: every guide page had its own ``asked:`` phrases, the field's average length
#: grew and each of its words weighed more: MRR@10 0.966 at 1, 3, 5 and 10, 0.963
#: at 20 (the same as without the pages' phrases); 5 is the middle of the flat
#: range.
ASKED_BOOST = 5.0

#: lunr field boosts (multiplied into the stored vectors at build time).
#: ``asked``: how people ask for the page (its front matter ``asked:`` and the FAQ
#: questions that point to it, :mod:`wardsite.faq.asked`), on its own document only.
FIELD_BOOSTS: dict[str, float] = {
    "title": 10.0,
    "headings": 4.0,
    "text": 1.0,
    "asked": ASKED_BOOST,
    "title_ngram": 3.0,
    "ngram": 1.0,
}
#: lunr's BM25 parameters. k1 is the term-frequency saturation: at lunr's 1.2 a
#: section that repeats a word five times scores 1.8 times one that has it once,
#: at 0.5 1.4 times, so that a list of questions repeating the query's words does
#: not outrank the topic's own page by repetition alone. Tuning set
#: (bench/search_queries.yml): MRR@10 equal at 1.2, 0.8 and 0.5, nDCG@10 0.946,
#: 0.948, 0.948 (Recall@5 lower at 0.8). b (length normalisation) stays lunr's:
#: 0.9 measured lower.
BM25: dict[str, float] = {"k1": 0.5, "b": 0.75}
WORD_FIELDS = ["title", "headings", "text", "asked"]
NGRAM_FIELDS = ["title_ngram", "ngram"]

#: Boost of each kind of query clause (see query.py for the kinds).
CLAUSE_BOOSTS: dict[str, float] = {
    "word": 1.0,
    "synonym": 0.7,
    "related": 0.4,
    "paraphrase": 0.6,
    "prefix": 0.6,
    "typo": 0.5,
    "ngram": 0.25,
}
#: At most this many completions for a half-typed last word, and typo candidates.
LIMITS: dict[str, int] = {"prefixKeys": 8, "typoKeys": 3}
#: SudachiPy synonym groups with more members than this in the site are too broad to use.
MAX_RELATED_GROUP = 6

_TAG = re.compile(r"<[^>]+>")
#: A space between a Latin letter or digit and a Japanese character: Japanese
#: text often sets one off the other (QR コード, Teams 会議) and often does not
#: (QRコード), so phrase matching ignores it.
_LATIN_JA_SPACE = re.compile(
    r"(?<=[0-9a-z])[ \u3000]+(?=[^\x00-\x7f\s])|(?<=[^\x00-\x7f\s])[ \u3000]+(?=[0-9a-z])"
)
#: A Latin letter or digit right beside a Japanese character (QRコード).
_LATIN_JA_EDGE = re.compile(r"[0-9a-z][^\x00-\x7f\s]|[^\x00-\x7f\s][0-9a-z]")


def _squeeze(folded: str) -> str:
    """``folded`` without the spaces of :data:`_LATIN_JA_SPACE`."""
    return _LATIN_JA_SPACE.sub("", folded)


@dataclass(frozen=True)
class SearchDoc:
    """One searchable unit (a page or a page section)."""

    location: str
    title: str
    text: str
    headings: tuple[str, ...] = ()
    boost: float = 1.0
    #: How people ask for this one (its page's asked: phrases, FAQ question titles).
    asked: tuple[str, ...] = ()


def page_location(location: str) -> str:
    """The page a document belongs to (``guide/#step`` → ``guide/``)."""
    return location.split("#", 1)[0]


def strip_html(text: str) -> str:
    """Plain text of an HTML fragment (Material's index text keeps some tags)."""
    return html.unescape(_TAG.sub(" ", text))


#: The lexicon, synonym groups and readings of every text in one index
#: (a TextTerms whose ``words`` stay empty).
_Vocabulary = TextTerms


class Unreached(NamedTuple):
    """A dictionary line that leads to no page of a language (a JSON array)."""

    file: str
    line: int
    words: tuple[str, ...]


def unreached_message(by_lang: Mapping[str, Sequence[Unreached]]) -> str | None:
    """The build log's note (Japanese) on the lines no page of any language has."""
    lists = list(by_lang.values())
    if not lists:
        return None
    common = [entry for entry in lists[0] if all(entry in other for other in lists[1:])]
    if not common:
        return None
    lines = [f"  {e.file} {e.line} 行目：{'、'.join(e.words)}" for e in common]
    return (
        "検索の辞書に、どのページにも出てこないことばだけの行があります"
        "（検索しても何も見つかりません。サイトが扱わない話題なら、そのままで構いません。"
        "ページのことばにつなぐときは、右やグループに、ページの題名・見出しのことばを足します）：\n"
        + "\n".join(lines)
    )


@dataclass(frozen=True)
class _Phrase:
    """A file's word that SudachiPy splits in several words (二段階認証), or QRコード."""

    folded: str
    ascii_edges: tuple[bool, bool]
    #: What is looked for in a text that went through :func:`_squeeze` too.
    squeezed: str


class IndexBuilder:
    """Analyse documents with SudachiPy and the synonym groups; emit the index bundle."""

    def __init__(
        self,
        synonyms: Sequence[SynonymGroup] = (),
        analyzer: DocumentAnalyzer | None = None,
        use_sudachi_synonyms: bool = True,
        paraphrases: Sequence[Paraphrase] = (),
        english_spellings: Iterable[tuple[str, ...]] = (),
    ) -> None:
        self.analyzer = analyzer or DocumentAnalyzer()
        #: the site's English words, alone and in pairs (:mod:`wardsite.search.loanwords`)
        self.english_spellings = set(english_spellings)
        self.synonyms = list(synonyms)
        self.use_sudachi_synonyms = use_sudachi_synonyms
        self._word_terms: dict[str, set[str]] = {}
        self._phrases: list[_Phrase] = []
        #: phrase term → the file's word it came from (analysed when no page has it)
        self._phrase_words: dict[str, str] = {}
        self._word_groups: dict[str, set[int]] = {}
        for group in self.synonyms:
            for word in group.words:
                self._word_terms[word] = self._terms_of_word(word)
        #: folded everyday expression → its lexicon terms; expression term → site terms.
        self._expression_keys: dict[str, set[str]] = {}
        self._expression_targets: dict[str, set[str]] = {}
        #: expression term → (its content terms (2+), polarity), for other inflections
        self._expression_phrases: dict[str, set[tuple[tuple[str, ...], str]]] = {}
        self.paraphrases = list(paraphrases)
        for paraphrase in self.paraphrases:
            self._add_paraphrase(paraphrase)

    def _add_paraphrase(self, paraphrase: Paraphrase) -> None:
        """Lexicon keys for everyday expressions, expanding one way to site words.

        An expression (家で仕事) becomes one lexicon key, so that the query
        segmenter takes it whole; its terms are the expression itself (the
        term whose expansions are the site words, テレワーク) and its own content
        words (家, 仕事), which keep matching pages that use them.
        """
        stop = stopword_set()
        targets: set[str] = set()
        for word in paraphrase.means:
            if word not in self._word_terms:
                self._word_terms[word] = self._terms_of_word(word)
            targets |= self._word_terms[word]
        for expression in paraphrase.expressions:
            folded = normalize(expression)
            single = self.analyzer.single_word(expression)
            term = single[0] if single is not None else folded
            words = {w for w in self.analyzer.analyze(expression).words if w not in stop}
            self._expression_keys.setdefault(folded, set()).update({term, *words})
            self._expression_targets.setdefault(term, set()).update(targets - {term})
            phrase, tail = self.analyzer.content_terms(expression, stop)
            if len(phrase) >= 2:
                sign = NEGATIVE if is_negative(tail) else AFFIRMATIVE
                self._expression_phrases.setdefault(term, set()).add((tuple(phrase), sign))

    def _terms_of_word(self, word: str) -> set[str]:
        """Index terms for one synonym-file word: its SudachiPy term, or a phrase term."""
        folded = normalize(word)
        single = self.analyzer.single_word(word)
        edges = (char_class(folded[0]) == ALNUM, char_class(folded[-1]) == ALNUM)
        if single is not None:
            term, group_ids = single
            self._word_groups.setdefault(term, set()).update(group_ids)
            if term == folded and _LATIN_JA_EDGE.search(folded):
                # one word for SudachiPy (QRコード), two on a page that writes QR コード
                self._phrases.append(_Phrase(folded, edges, _squeeze(folded)))
            return {index_term(folded, term)}
        self._phrases.append(_Phrase(folded, edges, _squeeze(folded)))
        self._phrase_words[folded] = word
        return {folded}

    def _phrase_terms(self, text: str, already: set[str]) -> list[str]:
        folded = _squeeze(normalize(text))
        found: list[str] = []
        for phrase in self._phrases:
            if phrase.folded in already:
                continue
            squeezed = phrase.squeezed
            start = folded.find(squeezed)
            while start >= 0:
                end = start + len(squeezed)
                before_ok = not (
                    phrase.ascii_edges[0] and start > 0 and char_class(folded[start - 1]) == ALNUM
                )
                after_ok = not (
                    phrase.ascii_edges[1] and end < len(folded) and char_class(folded[end]) == ALNUM
                )
                if before_ok and after_ok:
                    found.append(phrase.folded)
                start = folded.find(squeezed, start + 1)
        return found

    def _field_terms(self, texts: Iterable[str], vocabulary: _Vocabulary) -> list[str]:
        terms = TextTerms()
        joined: list[str] = []
        for text in texts:
            self.analyzer.analyze(text, terms)
            joined.append(text)
        vocabulary.merge_vocabulary(terms)
        words = list(terms.words)
        words += self._phrase_terms("\n".join(joined), set(words))
        return words

    def lunr_docs(self, docs: Sequence[SearchDoc], vocabulary: _Vocabulary) -> list[LunrDoc]:
        """Each document's terms per lunr field (refs are positions in ``docs``).

        ``asked`` keeps only the words its page (the document and its sections,
        ``page/#section``) does not have, neither as written nor as a synonym
        (チームズ on a page that says Teams): other people's words for a page bridge
        the gap between how staff ask and how the guide is written, while words
        the page has already score in its own fields. Repeating those lifted
        pages whose questions happen to share a common word with a short query
        (tuning set MRR@10 0.957 → 0.956, 0.953, 0.951 with every word at boost
        1, 2, 4; with the page's own words left out, 0.957 up to boost 40).
        """
        fields: list[dict[str, list[str]]] = []
        page_terms: dict[str, set[str]] = {}
        for doc in docs:
            text = strip_html(doc.text)
            words = {
                "title": self._field_terms([doc.title], vocabulary),
                "headings": self._field_terms(doc.headings, vocabulary),
                "text": self._field_terms([text], vocabulary),
            }
            page_terms.setdefault(page_location(doc.location), set()).update(*words.values())
            fields.append(
                words
                | {
                    "title_ngram": text_bigrams(doc.title),
                    "ngram": text_bigrams("\n".join([*doc.headings, text])),
                }
            )
        same = self._synonym_terms()
        out: list[LunrDoc] = []
        for ref, (doc, terms) in enumerate(zip(docs, fields, strict=True)):
            own = page_terms[page_location(doc.location)]
            asked = self._field_terms(doc.asked, vocabulary) if doc.asked else []
            terms["asked"] = [
                term for term in asked if term not in own and not same.get(term, set()) & own
            ]
            out.append(LunrDoc(str(ref), terms, doc.boost))
        return out

    def _group_terms(self, group: SynonymGroup) -> set[str]:
        return set().union(*(self._word_terms[word] for word in group.words))

    def _synonym_terms(self) -> dict[str, set[str]]:
        """Term → the terms of its synonym groups (synonyms.yml), itself included."""
        same: dict[str, set[str]] = {}
        for group in self.synonyms:
            members = self._group_terms(group)
            for term in members:
                same.setdefault(term, set()).update(members)
        return same

    def build(self, docs: Sequence[SearchDoc], lang: str) -> dict[str, Any]:
        """The JSON-ready bundle for one language (see the module docstring)."""
        vocabulary = _Vocabulary()
        lunr_docs = self.lunr_docs(docs, vocabulary)
        index = build_lunr_index(lunr_docs, FIELD_BOOSTS, BM25["k1"], BM25["b"])
        indexed = {term for doc in lunr_docs for terms in doc.fields.values() for term in terms}
        dead = self._dead_phrases(indexed)
        return {
            "version": FORMAT_VERSION,
            "lang": lang,
            "index": index,
            "analysis": self.analysis_data(vocabulary, dead),
            "unreached": self.unreached(indexed, dead),
            "docs": [{"location": d.location, "title": d.title, "text": d.text} for d in docs],
        }

    def analysis_data(
        self, vocabulary: _Vocabulary, dead: Mapping[str, set[str]] | None = None
    ) -> dict[str, Any]:
        """The query side's data: lexicon, stop words, synonyms, boosts, fields.

        ``dead`` (:meth:`_dead_phrases`) lets a paraphrase's site phrase that no
        page contains fall back to its words (see :meth:`_paraphrase_targets`).
        """
        dead = dead or {}
        lexicon = {key: set(values) for key, values in vocabulary.lexicon.items()}
        for word, terms in self._word_terms.items():
            lexicon.setdefault(normalize(word), set()).update(terms)
        english_stems = _link_english_readings(lexicon)
        _link_irregular_forms(lexicon, irregular_forms())
        lexicon.update(
            loanword_keys(
                self.english_spellings, self.analyzer.loanword_reading, lexicon, stopword_set()
            )
        )
        # Kana typed without kanji conversion (ふくごうき): the reading of a kanji
        # noun, unless the pages already use that kana spelling for something.
        for reading, terms in vocabulary.readings.items():
            if reading not in lexicon:
                lexicon[reading] = set(terms)
        expansions: dict[str, dict[str, str]] = {}
        for group in self.synonyms:
            member_terms = [self._word_terms[word] for word in group.words]
            everything = set().union(*member_terms)
            for terms in member_terms:
                for term in terms:
                    for other in sorted(everything - terms):
                        expansions.setdefault(term, {})[other] = "synonym"
        if self.use_sudachi_synonyms:
            self._add_related(vocabulary, expansions)
        for key, terms in self._expression_keys.items():
            lexicon.setdefault(key, set()).update(terms)
        for term, targets in self._paraphrase_targets(dead).items():
            for target in sorted(targets):
                expansions.setdefault(term, {}).setdefault(target, "paraphrase")
        for targets in expansions.values():
            for target, kind in list(targets.items()):
                for stem in english_stems.get(target, ()):
                    targets.setdefault(stem, kind)
        # A file's phrase that no page has and that expands to nothing would only
        # keep the query segmenter from splitting it into words pages do have.
        for key in [
            key
            for key, terms in lexicon.items()
            if terms and terms <= dead.keys() and not any(t in expansions for t in terms)
        ]:
            del lexicon[key]
        pairs, kanji_readings = homophone_data(_pair_readings(lexicon, vocabulary.readings))
        return {
            "version": FORMAT_VERSION,
            "lexicon": [[key, sorted(lexicon[key])] for key in sorted(lexicon)],
            "phrases": [
                [term, list(words), sign]
                for term in sorted(self._expression_phrases)
                if term in expansions
                for words, sign in sorted(self._expression_phrases[term])
            ],
            "kanjiPairs": pairs,
            "kanjiReadings": kanji_readings,
            "stopwords": sorted(stopword_set()),
            "synonyms": [
                [term, [[other, kind] for other, kind in sorted(expansions[term].items())]]
                for term in sorted(expansions)
            ],
            "boosts": dict(CLAUSE_BOOSTS),
            "fields": {
                kind: NGRAM_FIELDS if kind == "ngram" else WORD_FIELDS for kind in CLAUSE_BOOSTS
            },
            "limits": dict(LIMITS),
        }

    def unreached(self, indexed: set[str], dead: Mapping[str, set[str]]) -> list[Unreached]:
        """Lines of the dictionaries that lead to no document (``indexed``: their terms).

        A synonym group none of whose words (nor their paraphrases) any page
        has, and a paraphrase line none of whose site words any page has: typing
        them finds nothing. The build tells editors (:func:`unreached_message`).
        """
        targets = self._paraphrase_targets(dead)
        out: list[Unreached] = []
        for group in self.synonyms:
            members = self._group_terms(group)
            reach = members.union(*(targets.get(term, set()) for term in members))
            if not reach & indexed:
                out.append(Unreached("synonyms.yml", group.line, group.words))
        for paraphrase in self.paraphrases:
            terms = set().union(*(self._word_terms[word] for word in paraphrase.means))
            reach = set().union(*(dead.get(term, {term}) for term in terms))
            if not reach & indexed:
                out.append(Unreached("paraphrases.yml", paraphrase.line, paraphrase.means))
        return out

    def _dead_phrases(self, indexed: set[str]) -> dict[str, set[str]]:
        """Phrase terms of the files that no document has → the phrase's own words."""
        stop = stopword_set()
        return {
            term: {w for w in self.analyzer.analyze(word).words if w not in stop}
            for term, word in self._phrase_words.items()
            if term not in indexed
        }

    def _paraphrase_targets(self, dead: Mapping[str, set[str]]) -> dict[str, set[str]]:
        """Expression term → the site terms it also searches.

        Two rules on top of the file's lines:

        * A synonym group means the same both ways, so a paraphrase written for
          one member (産休 → 育児休業) is one of every member (産前産後休業).
        * A site phrase that no page's text contains as written (持ち出せない:
          the pages write 持ち出せません) would lead nowhere; its own words
          (持ち出す) stand in for it.
        """
        out: dict[str, set[str]] = {}
        for term, targets in self._expression_targets.items():
            out[term] = set().union(*(dead.get(t, {t}) for t in targets)) - {term}
        for group in self.synonyms:
            members = self._group_terms(group)
            shared = set().union(*(out.get(term, set()) for term in members)) - members
            if shared:
                for term in members:
                    out.setdefault(term, set()).update(shared)
        return {term: targets for term, targets in out.items() if targets}

    def _add_related(self, vocabulary: _Vocabulary, expansions: dict[str, dict[str, str]]) -> None:
        """Link site words that share a SudachiPy synonym group (テレワーク/リモートワーク)."""
        members: dict[int, set[str]] = {}
        for source in (vocabulary.groups, self._word_groups):
            for term, ids in source.items():
                for group_id in ids:
                    members.setdefault(group_id, set()).add(term)
        for terms in members.values():
            if not 2 <= len(terms) <= MAX_RELATED_GROUP:
                continue
            for term in terms:
                for other in terms - {term}:
                    expansions.setdefault(term, {}).setdefault(other, "related")


def _pair_readings(
    lexicon: Mapping[str, set[str]], readings: Mapping[str, set[str]]
) -> dict[str, set[str]]:
    """The two-kanji query words (not stop words) with SudachiPy's readings of them."""
    stop = stopword_set()
    sounds: dict[str, set[str]] = {}
    for reading, terms in readings.items():
        for term in terms:
            sounds.setdefault(term, set()).add(reading)
    return {
        key: sounds[key]
        for key, terms in lexicon.items()
        if is_kanji_pair(key) and key in sounds and terms and key not in stop and not terms <= stop
    }


def _link_english_readings(lexicon: dict[str, set[str]]) -> dict[str, set[str]]:
    """Join each English stem with SudachiPy's katakana readings of its forms.

    The English forms SudachiPy leaves as typed are indexed under stems (locked
    → lock), the words its dictionary knows under their katakana reading (lock →
    ろっく), which Japanese pages, synonym groups and typed katakana use too. Every
    lexicon key that stands for one then also stands for the other, both ways
    (meetings → みていんぐ too; ロック → lock too). Returns reading → stems, for
    the synonym map's targets.
    """
    readings: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    for key, terms in lexicon.items():
        if is_english_word(key):
            stem = english_stem(key)
            for term in terms:
                if not term.isascii():
                    readings.setdefault(stem, set()).add(term)
                    stems.setdefault(term, set()).add(stem)
    for key, terms in lexicon.items():
        if is_english_word(key):
            terms.update(readings.get(english_stem(key), ()))
        for term in list(terms):
            terms.update(stems.get(term, ()))
    return stems


def _link_irregular_forms(lexicon: dict[str, set[str]], forms: Mapping[str, str]) -> None:
    """Join irregular verb forms with their base form, both ways (lost ↔ lose).

    A form typed finds the pages of its base form (lost my phone: "If you
    lose a PC"), and the base form the pages of the form; only words some
    page uses get a key.
    """
    before = {key: frozenset(terms) for key, terms in lexicon.items()}
    for form, base in forms.items():
        if base in before:
            lexicon.setdefault(form, set()).update(before[base])
        if form in before:
            lexicon.setdefault(base, set()).update(before[form])


def docs_from_material(entries: Iterable[Mapping[str, Any]]) -> list[SearchDoc]:
    """SearchDocs from the ``docs`` entries of Material's ``search_index.json``."""
    docs: list[SearchDoc] = []
    for entry in entries:
        boost = float(entry.get("boost", 1) or 1)
        docs.append(
            SearchDoc(
                location=str(entry.get("location", "")),
                title=str(entry.get("title", "")),
                text=str(entry.get("text", "")),
                boost=boost,
            )
        )
    return docs


def build_index(
    docs: Sequence[SearchDoc],
    lang: str,
    synonyms: Sequence[SynonymGroup] = (),
    analyzer: DocumentAnalyzer | None = None,
    paraphrases: Sequence[Paraphrase] = (),
    english_spellings: Iterable[tuple[str, ...]] = (),
) -> dict[str, Any]:
    """Build the bundle for one language (the entry point the build hook calls).

    ``english_spellings``: the Latin words of the whole site's pages, every
    language (:func:`wardsite.search.loanwords.english_spellings`).
    """
    return IndexBuilder(
        synonyms, analyzer, paraphrases=paraphrases, english_spellings=english_spellings
    ).build(docs, lang)


def write_index(bundle: Mapping[str, Any], path: Path) -> None:
    """Write a bundle as compact UTF-8 JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(bundle, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
