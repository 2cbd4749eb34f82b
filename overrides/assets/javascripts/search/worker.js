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
 * combined index of every language), it reads the prebuilt, sharded index of
 * the page's language (search/<lang>/, written at build time by
 * the build's search stage; the language comes from the worker URL, ?lang=ja):
 * meta.json at start, then for each query only the shards it needs
 * (engine.js). Queries are analysed by analysis.js, the twin of the build
 * side's Python, and scored by engine.js with lunr's arithmetic.
 *
 * Results are grouped per page, best page first; each item is a document
 * (location with the section anchor, or #t= for a transcript passage) with
 * its score, its title and text with <mark> around the words that matched,
 * and `terms`: the matched words as they are written on the page, which
 * Material passes on (?h=...) to highlight them on the target page.
 */
/* global wardsiteSearchAnalysis, wardsiteSearchEngine */
"use strict";

var lang = new URLSearchParams(self.location.search).get("lang") || "ja";
var base = new URL("../../../search/" + lang + "/", self.location.href).href;

/* meta.json is small: revalidate it on every page load, so a new build is seen at
   once. Asked for before the scripts below load, which takes a round trip each. */
var metaRequest = fetch(base + "meta.json", { cache: "no-cache" });

/* The build puts analysis.js and engine.js in front of this file (one request
   instead of three in a row, wardsite_mkdocs.search_bundles.write_worker_script);
   without that they are loaded here. */
if (!self.wardsiteSearchEngine) importScripts("analysis.js", "engine.js");

var A = self.wardsiteSearchAnalysis;
var E = self.wardsiteSearchEngine;
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
/* Kinds of clauses whose terms are highlighted (character bigrams are not). */
var MARKED_KINDS = { word: 1, synonym: 1, related: 1, prefix: 1, typo: 1 };

var index = null; /* engine.js Index, once meta.json is loaded */

/* ---- loading ------------------------------------------------------------ */

function json(url) {
  return function (res) {
    if (!res.ok) throw new Error("search index " + url + ": HTTP " + res.status);
    return res.json();
  };
}

/*
 * One request per shard however many queries need it at once; a failed one
 * is forgotten, so that the next query tries again. The build's id in the
 * URL keeps a browser from mixing cached shards of an older build.
 */
var shards = new Map();
function fetchShard(path) {
  if (!shards.has(path)) {
    var url = base + path + "?v=" + index.meta.id;
    var request = fetch(url).then(json(url));
    request.catch(function () { shards.delete(path); });
    shards.set(path, request);
  }
  return shards.get(path);
}

function loadMeta() {
  return metaRequest.then(json(base + "meta.json")).then(function (meta) {
    index = E.createIndex(meta, A);
  });
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
 * The first FULL_PAGES pages of a result are sent with their text and
 * highlighting; those pages' documents are fetched for it. The pages after
 * them are sent with their title only (from pages.json): a common word
 * matches thousands of pages on a large site. Material renders the first 10
 * at once and the rest as the list is scrolled.
 */
var FULL_PAGES = 10;

function item(ref, score, terms) {
  var doc = index.doc(ref);
  var found = {};
  var title = highlight(doc[1], terms, found);
  var text = highlight(doc[2], terms, found);
  return { location: doc[0], title: title, text: text, score: score, terms: found };
}

function answer(query) {
  return index.search(query, fetchShard).then(function (found) {
    if (!found.results.length) return { items: [] };
    coordinate(found, query);
    var pages = index.rankPages(found.results);
    var runs = [];
    pages.slice(0, FULL_PAGES).forEach(function (page) { runs.push.apply(runs, page.runs); });
    return Promise.all([
      index.loadRuns(runs, fetchShard),
      pages.length > FULL_PAGES ? index.loadPageList(fetchShard) : null,
    ]).then(function () {
      var terms = markTerms(found.clauses, query);
      return { items: pages.map(function (page, rank) { return items(page, rank, terms); }) };
    });
  });
}

/*
 * Coordination: each result's score times the share of the query's words it
 * matches (engine.js coverage), so that a section with every query word
 * outranks one that repeats a single word many times (a list of questions,
 * a sibling page). Queries of one word are left as they are. Tuning set
 * (bench/search_queries.yml): MRR@10 0.957 without, 0.956 with half of the
 * score scaled, 0.959 with all of it.
 */
function coordinate(found, text) {
  var refs = found.results.map(function (r) { return r.ref; });
  var share = index.coverage(refs, found.clauses, found.analyzer, text);
  found.results.forEach(function (r) { r.score *= share.get(r.ref); });
  found.results.sort(function (a, b) { return b.score - a.score; });
}

/* Material's items for one page: its matching documents, under the page's own one. */
function items(group, rank, terms) {
  if (rank >= FULL_PAGES) {
    var page = index.page(index.pageOf(group.results[0].ref));
    return [{ location: page[0], title: page[1], text: "", score: group.results[0].score, terms: {} }];
  }
  var out = group.results.map(function (result) { return item(result.ref, result.score, terms); });
  var location = out[0].location.split("#")[0];
  if (!out.some(function (it) { return it.location === location; })) {
    for (var k = 0; k < group.runs.length; k++) {
      var ref = index.pageDocRef(group.runs[k]);
      if (ref >= 0) { out.push(item(ref, 0, terms)); break; }
    }
  }
  return out;
}

/*
 * Once someone searches, the rest of the lexicon is fetched in the background
 * (when it is at most LEXICON_PREFETCH shards, about 16 KB each), so that the
 * next queries wait for the postings and documents only.
 */
var LEXICON_PREFETCH = 64;
var prefetched = false;

function prefetchLexicon() {
  if (prefetched || index.meta.lexiconShards > LEXICON_PREFETCH) return;
  prefetched = true;
  index.loadLexicon(fetchShard).catch(function () { prefetched = false; });
}

/* ---- protocol ----------------------------------------------------------- */

/*
 * Start loading at once, and say READY as soon as the index can answer:
 * Material posts SETUP only after its own set-up file arrived, and sends the
 * first query on READY, whichever comes first. SETUP is answered as well.
 */
var ready = loadMeta();
ready.then(
  function () {
    self.postMessage({ type: READY });
    index.loadPageList(fetchShard).catch(function () { /* tried again when needed */ });
  },
  function (err) { console.warn("search: could not load the index", err); }
);

/*
 * Queries are answered one after another, in the order typed; a query that
 * a newer one replaced while it waited is skipped (Material shows the last
 * result it receives).
 */
var queue = Promise.resolve();
var latest = 0;

function reply(data) {
  self.postMessage({ type: RESULT, data: data });
}

self.addEventListener("message", function (ev) {
  var message = ev.data;
  switch (message.type) {
    case SETUP:
      /* message.data.docs (every language) is not used: the index replaces it */
      ready.then(function () { self.postMessage({ type: READY }); }, function () {});
      break;
    case QUERY:
      var number = ++latest;
      var text = String(message.data);
      queue = queue.then(function () {
        if (number !== latest) return undefined;
        if (!index) return reply({ items: [] });
        return answer(text).then(function (data) {
          reply(data);
          if (text.trim()) prefetchLexicon();
        }, function (err) {
          console.warn("search: query failed", text, err);
          reply({ items: [] });
        });
      });
      break;
    default:
      break;
  }
});
