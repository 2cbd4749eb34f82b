/*
 * The site search's web worker, in place of Material's (see overrides/main.html).
 *
 * It speaks Material's worker protocol, so Material's search UI (header box,
 * result list, keyboard navigation, highlighting) works unchanged:
 *
 *   0 SETUP  {config, docs, options}  ->  1 READY
 *   2 QUERY  "typed text"             ->  3 RESULT {items: SearchItem[][]}
 *
 * Instead of building a lunr index from the setup message's docs (Material's
 * combined index of every language), it loads the prebuilt bundle of the
 * page's language (search/<lang>.json, written at build time by
 * hooks/search_hook.py; the language comes from the worker URL, ?lang=ja),
 * analyses each query with analysis.js, the twin of the build side's Python,
 * and answers it with engine.js (lunr's scoring on the bundle's compact index).
 *
 * Results are grouped per page, best page first; each item is a document of
 * the bundle (location with the section anchor, or #t= for a transcript
 * passage) with its score, its title and text with <mark> around the words
 * that matched, and `terms`: the matched words as they are written on the
 * page, which Material passes on (?h=...) to highlight them on the target page.
 */
/* global lunr, wardsiteSearchAnalysis, wardsiteSearchEngine */
"use strict";

importScripts("lunr.min.js", "analysis.js", "engine.js");

var A = self.wardsiteSearchAnalysis;
var createEngine = self.wardsiteSearchEngine.createEngine;
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
/* Kinds of clauses whose terms are highlighted (character bigrams are not). */
var MARKED_KINDS = { word: 1, synonym: 1, related: 1, prefix: 1, typo: 1 };

var lang = new URLSearchParams(self.location.search).get("lang") || "ja";
var bundleUrl = new URL("../../../search/" + lang + ".json", self.location.href).href;

var state = null; /* {query or index, analyzer, docs, pageOf, pageDoc} */

/* ---- loading ------------------------------------------------------------ */

function parseBytes(bytes) {
  /* gzip magic: the server sent the file as it is on disk */
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }
  /* the server decompressed it already (Content-Encoding: gzip) */
  return Promise.resolve(JSON.parse(new TextDecoder().decode(bytes)));
}

function fetchBundle() {
  var plain = function () {
    return fetch(bundleUrl).then(function (res) {
      if (!res.ok) throw new Error("search index " + bundleUrl + ": HTTP " + res.status);
      return res.json();
    });
  };
  if (typeof DecompressionStream !== "function") return plain();
  return fetch(bundleUrl + ".gz")
    .then(function (res) {
      if (!res.ok) throw new Error("HTTP " + res.status);
      return res.arrayBuffer();
    })
    .then(function (buffer) { return parseBytes(new Uint8Array(buffer)); })
    .catch(plain);
}

function setup(bundle) {
  var docs = bundle.docs;
  var pageDoc = new Map();
  var pageOf = [];
  docs.forEach(function (doc, ref) {
    var page = doc.location.split("#")[0];
    pageOf.push(page);
    if (page === doc.location) pageDoc.set(page, ref);
  });
  /*
   * The bundle's index is a serialised lunr index whose inverted index is
   * written compactly (wardsite.search.index.compact_bundle); createEngine
   * answers on it. A bundle with a full lunr index still loads in lunr.
   */
  var compact = Boolean(bundle.index.postings);
  state = {
    query: compact ? createEngine(bundle.index) : null,
    index: compact ? null : lunr.Index.load(bundle.index),
    analyzer: A.createAnalyzer(bundle.analysis),
    docs: docs,
    pageOf: pageOf,
    pageDoc: pageDoc,
  };
}

/* ---- highlighting ------------------------------------------------------- */

var VOICING = /[\u3099\u309a\uff9e\uff9f]/;
var ENTITY = /^&(#\d+|#x[0-9a-f]+|[a-z]+);/i;

/*
 * Fold a text fragment the way normalize() does, keeping for every folded
 * UTF-16 unit the range of the original it came from, so that a term found
 * in the folded text can be marked in the original.
 */
function foldWithMap(text) {
  var folded = "", from = [], to = [];
  var i = 0;
  while (i < text.length) {
    var start = i;
    var cluster;
    var entity = text[i] === "&" ? ENTITY.exec(text.slice(i, i + 12)) : null;
    if (entity) {
      cluster = entity[0];
    } else {
      var cp = text.codePointAt(i);
      cluster = String.fromCodePoint(cp);
      while (start + cluster.length < text.length && VOICING.test(text[start + cluster.length])) {
        cluster += text[start + cluster.length];
      }
    }
    i += cluster.length;
    var piece = entity ? " " : fold(cluster);
    for (var k = 0; k < piece.length; k++) {
      folded += piece[k];
      from.push(start);
      to.push(i);
    }
  }
  return { text: folded, from: from, to: to };
}

/* normalize() of one character (with its voicing marks), remembered: pages repeat them. */
var foldedChars = new Map();
function fold(cluster) {
  var piece = foldedChars.get(cluster);
  if (piece === undefined) {
    piece = /^\s+$/.test(cluster) ? " " : A.normalize(cluster);
    foldedChars.set(cluster, piece);
  }
  return piece;
}

/* Words to look for in a document: matched index terms and the typed words. */
function markTerms(clauses, query) {
  var seen = new Set();
  var out = [];
  var add = function (term) {
    if (!term || seen.has(term)) return;
    var chars = Array.from(term);
    if (chars.length < 2 && A.charClass(term) !== 2) return; /* one Latin letter */
    if (chars.length === 1 && !/[\u3400-\u9fff]/.test(term)) return; /* one kana */
    seen.add(term);
    out.push(term);
  };
  clauses.forEach(function (clause) {
    if (!MARKED_KINDS[clause.kind]) return;
    add(clause.term);
    /* a verb's dictionary form (忘れる) rarely appears as such: mark its kanji stem */
    var stem = /^([\u3400-\u9fff]+)[\u3041-\u309f]+$/.exec(clause.term);
    if (stem) add(stem[1]);
  });
  A.normalize(query).split(" ").forEach(add);
  return out.sort(function (a, b) { return b.length - a.length; });
}

/* Mark the terms in the text parts of an HTML fragment; collect the surfaces found. */
function highlight(html, terms, found) {
  if (!terms.length || !html) return html;
  return html.split(/(<[^>]*>)/).map(function (part) {
    if (!part || part[0] === "<") return part;
    var map = foldWithMap(part);
    var spans = [];
    terms.forEach(function (term) {
      var at = map.text.indexOf(term);
      while (at >= 0) {
        spans.push([map.from[at], map.to[at + term.length - 1]]);
        at = map.text.indexOf(term, at + term.length);
      }
    });
    if (!spans.length) return part;
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var out = "", last = 0;
    var merged = [];
    spans.forEach(function (span) {
      var prev = merged[merged.length - 1];
      if (prev && span[0] <= prev[1]) prev[1] = Math.max(prev[1], span[1]);
      else merged.push([span[0], span[1]]);
    });
    merged.forEach(function (span) {
      var surface = part.slice(span[0], span[1]);
      found[surface.trim()] = true;
      out += part.slice(last, span[0]) + "<mark data-md-highlight>" + surface + "</mark>";
      last = span[1];
    });
    return out + part.slice(last);
  }).join("");
}

/* ---- searching ---------------------------------------------------------- */

/*
 * Pages past the first FULL_PAGES are sent with their title only, without
 * text or highlighting: a common word matches thousands of pages on a large
 * site, and marking every one of them took longer than the search itself.
 * Material shows them (10 at a time, as the list is scrolled) all the same.
 */
var FULL_PAGES = 50;

function item(ref, score, terms) {
  var doc = state.docs[ref];
  var found = {};
  var title = highlight(doc.title, terms, found);
  var text = highlight(doc.text, terms, found);
  return { location: doc.location, title: title, text: text, score: score, terms: found };
}

function search(query) {
  var clauses = state.analyzer.analyze(query);
  if (!clauses.length) return { items: [] };
  var results = state.query
    ? state.query(clauses, state.analyzer.fields)
    : A.search(state.index, state.analyzer, query, lunr);
  var terms = markTerms(clauses, query);
  var groups = new Map();
  var titleOnly = new Set();
  results.forEach(function (result) {
    var ref = +result.ref;
    var page = state.pageOf[ref];
    if (titleOnly.has(page)) return;
    if (!groups.has(page) && groups.size >= FULL_PAGES) {
      var doc = state.docs[state.pageDoc.has(page) ? state.pageDoc.get(page) : ref];
      groups.set(page, [
        { location: doc.location, title: doc.title, text: "", score: result.score, terms: {} },
      ]);
      titleOnly.add(page);
      return;
    }
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push(item(ref, result.score, terms));
  });
  /* Material renders each group under its page's own document */
  groups.forEach(function (items, page) {
    if (titleOnly.has(page)) return;
    if (!items.some(function (it) { return it.location === page; })) {
      var ref = state.pageDoc.get(page);
      if (ref !== undefined) items.push(item(ref, 0, terms));
    }
  });
  return { items: Array.from(groups.values()) };
}

/* ---- protocol ----------------------------------------------------------- */

/* Start loading at once: Material posts SETUP only after its own set-up file arrived. */
var ready = fetchBundle().then(setup);
ready.catch(function () { /* reported on SETUP */ });

self.addEventListener("message", function (ev) {
  var message = ev.data;
  switch (message.type) {
    case SETUP:
      /* message.data.docs (every language) is not used: the bundle replaces it */
      ready.then(
        function () { self.postMessage({ type: READY }); },
        function (err) { console.warn("search: could not load the index", err); }
      );
      break;
    case QUERY:
      if (!state) {
        self.postMessage({ type: RESULT, data: { items: [] } });
        break;
      }
      try {
        self.postMessage({ type: RESULT, data: search(String(message.data)) });
      } catch (err) {
        console.warn("search: query failed", message.data, err);
        self.postMessage({ type: RESULT, data: { items: [] } });
      }
      break;
    default:
      break;
  }
});
