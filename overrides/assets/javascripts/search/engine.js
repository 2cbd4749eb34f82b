/*
 * The site search's query engine, in the browser (a web worker) and Node.
 *
 * It answers on the compact index of a bundle (search/<lang>.json, written by
 * wardsite.search.index.compact_bundle): `postings` holds one row per term,
 * [term, [docs of field 1], [docs of field 2], ...], in term-number order, and
 * `fieldVectors` are lunr's. tests/search proves it gives lunr.js's scores and
 * order on the same bundle (engine_query.cjs).
 *
 * API: createEngine(index) -> query(clauses, fieldsOf) -> [{ref, score}], best
 * first, where clauses come from analysis.js (analyzer.analyze(text)) and
 * fieldsOf is analyzer.fields (kind of clause -> fields it searches).
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

  /*
   * lunr's Index#query for the queries this search makes (optional, exact
   * terms with a boost and a list of fields), on the compact postings: the
   * same arithmetic in the same order, so the same scores and the same order
   * as lunr (tests: the bundle answers like lunr.Index.load of the full index).
   * lunr builds a FieldRef and a MatchData object per matching field of every
   * document; a common word on a large site matches tens of thousands, which
   * made such a query several times slower than this.
   */
  function createEngine(data) {
    var fields = data.fields;
    var fieldNo = {};
    fields.forEach(function (name, f) { fieldNo[name] = f; });
    var rows = data.postings;
    var termNo = new Map();
    rows.forEach(function (row, n) { termNo.set(row[0], n); });
    var docCount = 0;
    var parsed = data.fieldVectors.map(function (entry) {
      var slash = entry[0].indexOf("/");
      var ref = +entry[0].slice(slash + 1);
      if (ref + 1 > docCount) docCount = ref + 1;
      return [fieldNo[entry[0].slice(0, slash)], ref, entry[1]];
    });
    var vectors = fields.map(function () { return new Array(docCount); });
    parsed.forEach(function (p) { vectors[p[0]][p[1]] = p[2]; });
    var seen = new Uint32Array(fields.length * docCount);
    var generation = 0;

    function dot(query, doc) {
      var sum = 0, i = 0, j = 0;
      while (i < query.length && j < doc.length) {
        if (query[i] < doc[j]) i += 2;
        else if (query[i] > doc[j]) j += 2;
        else { sum += query[i + 1] * doc[j + 1]; i += 2; j += 2; }
      }
      return sum;
    }

    return function query(clauses, fieldsOf) {
      generation += 1;
      if (generation === 0xffffffff) { seen.fill(0); generation = 1; }
      var queryVectors = fields.map(function () { return new Map(); });
      var doneTermField = new Set();
      var matched = [];
      clauses.forEach(function (clause) {
        var n = termNo.get(clause.term);
        if (n === undefined) return;
        fieldsOf[clause.kind].forEach(function (name) {
          var f = fieldNo[name];
          var weights = queryVectors[f];
          weights.set(n, (weights.has(n) ? weights.get(n) : 0) + clause.boost);
          var key = n * fields.length + f;
          if (doneTermField.has(key)) return;
          doneTermField.add(key);
          var refs = rows[n][f + 1];
          for (var k = 0; k < refs.length; k++) {
            var slot = f * docCount + refs[k];
            if (seen[slot] !== generation) {
              seen[slot] = generation;
              matched.push(slot);
            }
          }
        });
      });
      var sortedVectors = queryVectors.map(function (weights) {
        var terms = Array.from(weights.keys()).sort(function (a, b) { return a - b; });
        var elements = [], squares = 0;
        terms.forEach(function (t) {
          elements.push(t, weights.get(t));
          squares += weights.get(t) * weights.get(t);
        });
        return { elements: elements, magnitude: Math.sqrt(squares) };
      });
      var byDoc = new Map();
      var results = [];
      for (var m = 0; m < matched.length; m++) {
        var f = Math.floor(matched[m] / docCount), ref = matched[m] % docCount;
        var q = sortedVectors[f];
        var score = dot(q.elements, vectors[f][ref] || []) / q.magnitude || 0;
        var match = byDoc.get(ref);
        if (match) match.score += score;
        else {
          match = { ref: String(ref), score: score };
          byDoc.set(ref, match);
          results.push(match);
        }
      }
      return results.sort(function (a, b) { return b.score - a.score; });
    };
  }

  return { createEngine: createEngine };
});
