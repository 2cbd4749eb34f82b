// Load a prebuilt index bundle in lunr.js 2.3.9 and answer queries with analysis.js.
// Usage: node lunr_query.cjs BUNDLE.json QUERIES.json  → JSON {query: [[ref, score], ...]}
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require("lunr");
const root = path.resolve(__dirname, "..", "..");
const analysis = require(path.join(root, "overrides/assets/javascripts/search/analysis.js"));

const bundle = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const queries = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const index = lunr.Index.load(bundle.index);
const analyzer = analysis.createAnalyzer(bundle.analysis);
const out = {};
for (const query of queries) {
  out[query] = analysis.search(index, analyzer, query, lunr).map((r) => [r.ref, r.score]);
}
process.stdout.write(JSON.stringify(out));
