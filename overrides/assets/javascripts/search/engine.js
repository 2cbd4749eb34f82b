/*
 * The site search's index and query engine, in the browser (a web worker) and Node.
 *
 * It reads the sharded index of one language, written at build time by
 * hooks/wardsite/search/shards.py (its docstring describes the files):
 * meta.json first, then per query only the lexicon shards of the query's
 * characters, the postings shards of the query's terms and the documents of
 * the pages shown (and pages.json when more pages matched than are shown
 * with their text). Fetching is the caller's: every loading method takes
 * `fetchShard(path) -> Promise<JSON>` with a path such as "postings/12.json".
 *
 * Scores are lunr's: the postings carry lunr's stored field-vector values,
 * and query() does lunr's arithmetic in lunr's order, so refs, scores and
 * order equal lunr.js on the full index (tests/search/engine_query.cjs).
 *
 * API:
 *   shardOf(text, count) -> shard number (FNV-1a over code points; = shards.py)
 *   createIndex(meta, analysis) -> Index, where `analysis` is analysis.js
 *     index.search(text, fetchShard) -> Promise<{clauses, results: [{ref, score}], analyzer}>
 *     index.coverage(refs, clauses, analyzer) -> Map ref -> share of the query's words
 *     index.loadLexicon(fetchShard) -> Promise (all of it, ahead of the next queries)
 *     index.rankPages(results) -> [{page, results, runs}], best page first
 *     index.pageOf(ref) -> page number; index.runOfDoc(ref) -> run number
 *     index.loadRuns(runNumbers, fetchShard) -> Promise; then
 *       index.doc(ref) -> [location, title, text], index.pageDocRef(run) -> ref or -1
 *     index.loadPageList(fetchShard) -> Promise; then index.page(n) -> [location, title]
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.wardsiteSearchEngine = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = 2;
  var FNV_OFFSET = 0x811c9dc5, FNV_PRIME = 0x01000193;

  function shardOf(text, count) {
    var h = FNV_OFFSET;
    for (var ch of text) h = Math.imul(h ^ ch.codePointAt(0), FNV_PRIME) >>> 0;
    return h % count;
  }

  function Index(meta, analysis) {
    if (meta.version !== FORMAT) throw new Error("search index format " + meta.version);
    var self = this;
    this.meta = meta;
    this.analysis = analysis;
    this.fields = meta.fields;
    this.fieldNo = {};
    this.fields.forEach(function (name, f) { self.fieldNo[name] = f; });
    this.docCount = meta.docCount;
    /* lexicon shards loaded, and the analyzer on them (analysis.js) */
    this.lexiconLoaded = new Set();
    this.currentAnalyzer = analysis.createAnalyzer(
      Object.assign({}, meta.analysis, { lexicon: [], synonyms: [] })
    );
    /* postings: shards loaded, raw rows by term, decoded rows by term */
    this.postingsLoaded = new Set();
    this.rows = new Map();
    this.decoded = new Map();
    /* documents: the run of each ref, the first ref of each run, loaded docs */
    this.runOf = new Int32Array(this.docCount);
    this.runStart = [];
    /* the first document of each page: its own (the runs keep it first) */
    this.pageFirst = new Map();
    var ref = 0;
    meta.runs.forEach(function (run, n) {
      self.runStart.push(ref);
      if (!self.pageFirst.has(run[1])) self.pageFirst.set(run[1], ref);
      for (var k = 0; k < run[0]; k++) self.runOf[ref++] = n;
    });
    this.runDocs = new Map();
    this.pages = null;
    /* scoring scratch space, one slot per field and document */
    this.acc = new Float64Array(this.fields.length * this.docCount);
    this.seen = new Uint32Array(this.fields.length * this.docCount);
    this.generation = 0;
  }

  function load(numbers, kind, fetchShard, add) {
    return Promise.all(numbers.map(function (n) {
      return fetchShard(kind + "/" + n + ".json").then(function (data) { add(n, data); });
    }));
  }

  /* ---- lexicon and analysis ---------------------------------------------- */

  Index.prototype.lexiconShardsFor = function (text) {
    var need = new Set();
    /* and the kana of romaji typed with the IME off (analysis.js romajiKana), and
       the letters of an acronym spelt in kana (spelledLettersOf) */
    var A = this.analysis;
    for (var ch of A.normalize(text) + A.romajiKana(text) + A.spelledLettersOf(text)) {
      if (ch === " ") continue;
      var n = shardOf(ch, this.meta.lexiconShards);
      if (!this.lexiconLoaded.has(n)) need.add(n);
    }
    return Array.from(need).sort(function (a, b) { return a - b; });
  };

  /* Every lexicon shard not loaded yet (the lexicon is small next to the postings). */
  Index.prototype.loadLexicon = function (fetchShard) {
    var self = this;
    var need = [];
    for (var n = 0; n < this.meta.lexiconShards; n++) if (!this.lexiconLoaded.has(n)) need.push(n);
    return load(need, "lexicon", fetchShard, function (k, data) { self.addLexicon(k, data); });
  };

  Index.prototype.addLexicon = function (n, data) {
    if (this.lexiconLoaded.has(n)) return;
    this.lexiconLoaded.add(n);
    this.currentAnalyzer.addLexicon(data.entries);
    this.currentAnalyzer.addSynonyms(data.synonyms);
    this.currentAnalyzer.addPhrases(data.phrases || []);
    this.currentAnalyzer.addKanjiReadings(data.kanjiReadings || []);
    this.currentAnalyzer.addKanjiPairs(data.kanjiPairs || []);
  };

  /*
   * The analyzer on the lexicon loaded so far. For a query whose characters'
   * shards are loaded it gives the clauses the full lexicon gives (shards.py
   * explains why; tests/search prove it).
   */
  Index.prototype.analyzer = function () {
    return this.currentAnalyzer;
  };

  /* ---- postings and scoring ---------------------------------------------- */

  Index.prototype.postingShardsFor = function (clauses) {
    var need = new Set();
    var count = this.meta.postingShards;
    for (var i = 0; i < clauses.length; i++) {
      var n = shardOf(clauses[i].term, count);
      if (!this.postingsLoaded.has(n)) need.add(n);
    }
    return Array.from(need).sort(function (a, b) { return a - b; });
  };

  Index.prototype.addPostings = function (n, rows) {
    if (this.postingsLoaded.has(n)) return;
    this.postingsLoaded.add(n);
    for (var i = 0; i < rows.length; i++) this.rows.set(rows[i][0], rows[i]);
  };

  /* A term's postings: {no, refs: [per field], weights: [per field]}, or undefined. */
  Index.prototype.term = function (term) {
    var entry = this.decoded.get(term);
    if (entry !== undefined) return entry;
    var row = this.rows.get(term);
    if (row === undefined) return undefined;
    entry = { no: row[1], refs: [], weights: [] };
    for (var f = 0; f < this.fields.length; f++) {
      var gaps = row[2 + 2 * f], stored = row[3 + 2 * f];
      var refs = new Int32Array(gaps.length), weights = new Float64Array(gaps.length);
      var ref = 0;
      for (var k = 0; k < gaps.length; k++) {
        ref += gaps[k];
        refs[k] = ref;
        weights[k] = stored[k] / 1000;
      }
      entry.refs.push(refs);
      entry.weights.push(weights);
    }
    this.decoded.set(term, entry);
    return entry;
  };

  /*
   * lunr's Index#query for the queries this search makes (optional, exact
   * terms with a boost and a list of fields): per field, the query vector
   * (boosts summed per term) dotted with each document's field vector, in
   * ascending term number, divided by the query vector's length; summed over
   * fields in the order lunr finds the documents. The postings must be loaded.
   */
  Index.prototype.query = function (clauses, fieldsOf) {
    var F = this.fields.length, D = this.docCount;
    var acc = this.acc, seen = this.seen;
    this.generation += 1;
    if (this.generation === 0xffffffff) { seen.fill(0); this.generation = 1; }
    var generation = this.generation;
    var queryVectors = this.fields.map(function () { return new Map(); });
    var byNo = new Map();
    var done = new Set();
    var matched = [];
    for (var c = 0; c < clauses.length; c++) {
      var clause = clauses[c];
      var entry = this.term(clause.term);
      if (entry === undefined) continue;
      byNo.set(entry.no, entry);
      var names = fieldsOf[clause.kind];
      for (var i = 0; i < names.length; i++) {
        var f = this.fieldNo[names[i]];
        var weights = queryVectors[f];
        weights.set(entry.no, (weights.has(entry.no) ? weights.get(entry.no) : 0) + clause.boost);
        var key = entry.no * F + f;
        if (done.has(key)) continue;
        done.add(key);
        var refs = entry.refs[f];
        for (var k = 0; k < refs.length; k++) {
          var slot = f * D + refs[k];
          if (seen[slot] !== generation) {
            seen[slot] = generation;
            acc[slot] = 0;
            matched.push(slot);
          }
        }
      }
    }
    var magnitudes = [];
    for (var g = 0; g < F; g++) {
      var vector = queryVectors[g];
      var numbers = Array.from(vector.keys()).sort(function (a, b) { return a - b; });
      var squares = 0;
      for (var t = 0; t < numbers.length; t++) {
        var q = vector.get(numbers[t]);
        squares += q * q;
        var posting = byNo.get(numbers[t]);
        var postRefs = posting.refs[g], postWeights = posting.weights[g];
        for (var p = 0; p < postRefs.length; p++) acc[g * D + postRefs[p]] += q * postWeights[p];
      }
      magnitudes.push(Math.sqrt(squares));
    }
    var byDoc = new Map();
    var results = [];
    for (var m = 0; m < matched.length; m++) {
      var field = Math.floor(matched[m] / D), ref = matched[m] % D;
      var score = acc[matched[m]] / magnitudes[field] || 0;
      var result = byDoc.get(ref);
      if (result) result.score += score;
      else {
        result = { ref: ref, score: score };
        byDoc.set(ref, result);
        results.push(result);
      }
    }
    return results.sort(function (a, b) { return b.score - a.score; });
  };

  /*
   * For each of `refs`, the share of the query's words it matches. A word is
   * each typed term (a "word" clause) with its expansions (synonyms, related
   * words, paraphrases from the analyzer's map); all completions of a
   * half-typed word count as one word, and all typo candidates as one. A
   * document matches a word when any of its terms is in any of its fields.
   * This is the coordination factor of classic vector-space engines: lunr
   * sums evidence per term, so a document that repeats one query word often
   * can outscore one that has every query word. An English word of `text`
   * is one word with all its terms (connecting: connect and the katakana
   * コネクション and コネクティング that index.py joins to it): they are the
   * same word in two scripts, and counting each made "vpn connecting" a query
   * of four words of which a page about connecting anything matched three.
   * Japanese keys with several terms (readings of several words) stay a word
   * each: measured together, the tuning sets lost 0.003 MRR@10. The
   * postings must be loaded.
   */
  Index.prototype.coverage = function (refs, clauses, analyzer, text) {
    var groups = [];
    var byName = new Map();
    var group = function (name) {
      if (!byName.has(name)) { byName.set(name, groups.length); groups.push(new Set()); }
      return groups[byName.get(name)];
    };
    var english = new Map();
    (text ? this.analysis.normalize(text).split(/[^a-z0-9']+/) : []).forEach(function (word) {
      (analyzer.keys.get(word) || []).forEach(function (term) {
        if (!english.has(term)) english.set(term, word);
      });
    });
    for (var c = 0; c < clauses.length; c++) {
      var clause = clauses[c];
      if (clause.kind === "word") {
        var own = group("w:" + (english.get(clause.term) || clause.term));
        own.add(clause.term);
        (analyzer.synonyms.get(clause.term) || []).forEach(function (o) { own.add(o[0]); });
      } else if (clause.kind === "prefix" || clause.kind === "typo") {
        group(clause.kind).add(clause.term);
      }
    }
    var out = new Map();
    for (var r = 0; r < refs.length; r++) out.set(refs[r], 1);
    if (groups.length < 2) return out;
    var hits = new Map();
    for (r = 0; r < refs.length; r++) hits.set(refs[r], 0);
    var self = this;
    groups.forEach(function (terms) {
      var hit = new Set();
      terms.forEach(function (term) {
        var entry = self.term(term);
        if (entry === undefined) return;
        for (var f = 0; f < entry.refs.length; f++) {
          if (self.fields[f].indexOf("ngram") >= 0) continue;
          var postRefs = entry.refs[f];
          for (var k = 0; k < postRefs.length; k++) {
            if (hits.has(postRefs[k])) hit.add(postRefs[k]);
          }
        }
      });
      hit.forEach(function (ref) { hits.set(ref, hits.get(ref) + 1); });
    });
    hits.forEach(function (n, ref) { out.set(ref, n / groups.length); });
    return out;
  };

  /* ---- the whole query, loading what it needs --------------------------- */

  Index.prototype.search = function (text, fetchShard) {
    var self = this;
    return load(this.lexiconShardsFor(text), "lexicon", fetchShard, function (n, data) {
      self.addLexicon(n, data);
    }).then(function () {
      var analyzer = self.analyzer();
      var clauses = analyzer.analyze(text);
      if (!clauses.length) return { clauses: clauses, results: [] };
      return load(self.postingShardsFor(clauses), "postings", fetchShard, function (n, rows) {
        self.addPostings(n, rows);
      }).then(function () {
        return { clauses: clauses, results: self.query(clauses, analyzer.fields), analyzer: analyzer };
      });
    });
  };

  /* ---- pages ------------------------------------------------------------ */

  /*
   * A page's score is the larger of two: its best document's plus
   * SECOND_SHARE times its second best's (one strong part, a section or a
   * transcript passage, can carry the page), and its own document's (title,
   * lead paragraph, section titles) plus SECTION_SHARE times its best other
   * document's. The page is the unit a person opens, so evidence about the
   * whole page lifts it, as structured document retrieval mixes a document's
   * own score with its best element's: the topic's own page whose title and
   * lead say what was asked then outranks a page that names the topic in one
   * part of a long list (questions, sibling topics, an overview's summary of
   * each topic). Tuning set (bench/search_queries.yml) MRR@10: 0.953 with the
   * first alone (before); 0.957 with the larger of both. Own document plus
   * 0.5 of the best other alone measured 0.966, but ranked a page whose only
   * match is a strong transcript passage (a phrase said in a recording) below
   * pages that mention a query word once in their lead.
   */
  var SECOND_SHARE = 0.2;
  var SECTION_SHARE = 0.5;

  /*
   * The pages of `results` (sorted by score, best first) in order of their
   * score (see SECOND_SHARE), ties in order of their best document:
   * [{page, results: the page's results in score order, runs: run numbers}].
   */
  Index.prototype.rankPages = function (results) {
    var self = this;
    var pages = [];
    var byPage = new Map();
    results.forEach(function (result) {
      var page = self.pageOf(result.ref);
      var group = byPage.get(page);
      if (!group) {
        group = { page: page, results: [], runs: [], own: 0, other: 0, at: pages.length };
        byPage.set(page, group);
        pages.push(group);
      }
      var run = self.runOf[result.ref];
      if (group.runs.indexOf(run) < 0) group.runs.push(run);
      group.results.push(result);
      if (result.ref === self.pageFirst.get(page)) group.own = result.score;
      else if (result.score > group.other) group.other = result.score;
    });
    pages.forEach(function (group) {
      var r = group.results;
      var best = r[0].score + SECOND_SHARE * (r.length > 1 ? r[1].score : 0);
      group.score = Math.max(best, group.own + SECTION_SHARE * group.other);
    });
    pages.sort(function (a, b) { return b.score - a.score || a.at - b.at; });
    return pages.map(function (group) {
      return { page: group.page, results: group.results, runs: group.runs };
    });
  };

  /* ---- documents ------------------------------------------------------- */

  /* The page number of a document (its runs share it). */
  Index.prototype.pageOf = function (ref) { return this.meta.runs[this.runOf[ref]][1]; };
  Index.prototype.runOfDoc = function (ref) { return this.runOf[ref]; };

  /* [location, title] of every page (pages.json), for the results shown without text. */
  Index.prototype.loadPageList = function (fetchShard) {
    var self = this;
    if (this.pages) return Promise.resolve();
    return fetchShard("pages.json").then(function (pages) { self.pages = pages; });
  };
  Index.prototype.page = function (n) { return this.pages[n]; };

  Index.prototype.loadRuns = function (numbers, fetchShard) {
    var self = this;
    var need = numbers.filter(function (n) { return !self.runDocs.has(n); });
    return load(need, "docs", fetchShard, function (n, docs) { self.runDocs.set(n, docs); });
  };

  /* [location, title, text] of a document whose run is loaded. */
  Index.prototype.doc = function (ref) {
    var n = this.runOf[ref];
    return this.runDocs.get(n)[ref - this.runStart[n]];
  };

  /* The ref of a page's own document (location without "#") in a loaded run, or -1. */
  Index.prototype.pageDocRef = function (run) {
    var docs = this.runDocs.get(run);
    for (var k = 0; k < docs.length; k++) {
      if (docs[k][0].indexOf("#") < 0) return this.runStart[run] + k;
    }
    return -1;
  };

  function createIndex(meta, analysis) {
    return new Index(meta, analysis);
  }

  return { createIndex: createIndex, shardOf: shardOf, FORMAT: FORMAT };
});
