// Answer queries twice: lunr.js on the full bundle, engine.js on its compact form.
// Usage: node engine_query.cjs FULL.json COMPACT.json QUERIES.json
//   → JSON {query: {lunr: [[ref, score], ...], engine: [[ref, score], ...]}}
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require("lunr");
const root = path.resolve(__dirname, "..", "..");
const search = path.join(root, "overrides/assets/javascripts/search");
const analysis = require(path.join(search, "analysis.js"));
const { createEngine } = require(path.join(search, "engine.js"));

const full = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const compact = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const queries = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));
const index = lunr.Index.load(full.index);
const query = createEngine(compact.index);
const analyzer = analysis.createAnalyzer(compact.analysis);
const out = {};
for (const text of queries) {
  const clauses = analyzer.analyze(text);
  out[text] = {
    lunr: analysis.search(index, analyzer, text, lunr).map((r) => [r.ref, r.score]),
    engine: (clauses.length ? query(clauses, analyzer.fields) : []).map((r) => [r.ref, r.score]),
  };
}
process.stdout.write(JSON.stringify(out));
