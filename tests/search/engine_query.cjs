// Answer queries twice: lunr.js on the full bundle, engine.js on the sharded index.
// Usage: node engine_query.cjs FULL.json SHARD_DIR QUERIES.json
//   → JSON {query: {lunr: [[ref, score], ...], engine: [[ref, score], ...],
//                   clauses: full-lexicon clauses, shardClauses: clauses on the
//                   shards the query fetched, fetched: shard paths,
//                   coverage: {ref: share of the query's words matched},
//                   pages: page numbers in the order rankPages gives}}
// Every query starts from a fresh index, so it sees only the shards it fetches.
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require("lunr");
const root = path.resolve(__dirname, "..", "..");
const search = path.join(root, "overrides/assets/javascripts/search");
const analysis = require(path.join(search, "analysis.js"));
const { createIndex } = require(path.join(search, "engine.js"));

const full = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const dir = process.argv[3];
const queries = JSON.parse(fs.readFileSync(process.argv[4], "utf8"));
const meta = JSON.parse(fs.readFileSync(path.join(dir, "meta.json"), "utf8"));
const lunrIndex = lunr.Index.load(full.index);
const fullAnalyzer = analysis.createAnalyzer(full.analysis);

async function main() {
  const out = {};
  for (const text of queries) {
    const index = createIndex(meta, analysis);
    const fetched = [];
    const fetchShard = async (file) => {
      fetched.push(file);
      return JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    };
    const found = await index.search(text, fetchShard);
    out[text] = {
      lunr: analysis.search(lunrIndex, fullAnalyzer, text, lunr).map((r) => [r.ref, r.score]),
      engine: found.results.map((r) => [String(r.ref), r.score]),
      clauses: fullAnalyzer.analyze(text),
      shardClauses: found.clauses,
      fetched: fetched,
      coverage: Object.fromEntries(
        index.coverage(found.results.map((r) => r.ref), found.clauses, index.analyzer(), text)
      ),
      pages: index.rankPages(found.results).map((p) => p.page),
    };
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
