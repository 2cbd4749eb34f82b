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
 * hooks/search_hook.py; the language comes from the worker URL, ?lang=ja) and
 * analyses each query with analysis.js, the twin of the build side's Python.
 *
 * Results are grouped per page, best page first; each item is a document of
 * the bundle (location with the section anchor, or #t= for a transcript
 * passage) with its score, its title and text with <mark> around the words
 * that matched, and `terms`: the matched words as they are written on the
 * page, which Material passes on (?h=...) to highlight them on the target page.
 */
/* global lunr, wardsiteSearchAnalysis */
"use strict";

importScripts("lunr.min.js", "analysis.js");

var A = self.wardsiteSearchAnalysis;
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
/* Kinds of clauses whose terms are highlighted (character bigrams are not). */
var MARKED_KINDS = { word: 1, synonym: 1, related: 1, prefix: 1, typo: 1 };

var lang = new URLSearchParams(self.location.search).get("lang") || "ja";
var bundleUrl = new URL("../../../search/" + lang + ".json", self.location.href).href;

var state = null; /* {index, analyzer, docs, pageOf, pageDoc} */

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

/*
 * lunr.Index.load without the part this search never uses. load() builds a
 * token set, a trie of every term of the index, to expand wildcard and fuzzy
 * terms; every clause here is an exact term (analysis.js), so looking the term
 * up in the inverted index gives the same expansion. On a large site the trie
 * is most of the loading time. Scores and order are lunr's own.
 */
function loadIndex(data) {
  var inverted = Object.create(null);
  var vectors = Object.create(null);
  data.invertedIndex.forEach(function (entry) { inverted[entry[0]] = entry[1]; });
  data.fieldVectors.forEach(function (entry) { vectors[entry[0]] = new lunr.Vector(entry[1]); });
  var exactTerms = {
    intersect: function (clauseSet) {
      var found = clauseSet.toArray().filter(function (term) { return term in inverted; });
      return { toArray: function () { return found; } };
    },
  };
  return new lunr.Index({
    invertedIndex: inverted,
    fieldVectors: vectors,
    tokenSet: exactTerms,
    fields: data.fields,
    pipeline: lunr.Pipeline.load(data.pipeline),
  });
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
  state = {
    index: loadIndex(bundle.index),
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
    var piece = entity ? " " : /^\s+$/.test(cluster) ? " " : A.normalize(cluster);
    for (var k = 0; k < piece.length; k++) {
      folded += piece[k];
      from.push(start);
      to.push(i);
    }
  }
  return { text: folded, from: from, to: to };
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
  var results = A.search(state.index, state.analyzer, query, lunr);
  var terms = markTerms(clauses, query);
  var groups = new Map();
  results.forEach(function (result) {
    var ref = +result.ref;
    var page = state.pageOf[ref];
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push(item(ref, result.score, terms));
  });
  /* Material renders each group under its page's own document */
  groups.forEach(function (items, page) {
    if (!items.some(function (it) { return it.location === page; })) {
      var ref = state.pageDoc.get(page);
      if (ref !== undefined) items.push(item(ref, 0, terms));
    }
  });
  return { items: Array.from(groups.values()) };
}

/* ---- protocol ----------------------------------------------------------- */

var ready = null;

self.addEventListener("message", function (ev) {
  var message = ev.data;
  switch (message.type) {
    case SETUP:
      /* message.data.docs (every language) is not used: the bundle replaces it */
      ready = ready || fetchBundle().then(setup);
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
