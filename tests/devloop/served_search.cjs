// Search a site served over HTTP with the browser's own engine (engine.js +
// analysis.js), fetching meta.json and the shards from the server as the
// search worker does.
// Usage: node served_search.cjs BASE_URL LANG QUERY
//   → JSON [[location, score], ...] (best first)
"use strict";
const path = require("path");
const root = path.resolve(__dirname, "..", "..");
const search = path.join(root, "overrides/assets/javascripts/search");
const analysis = require(path.join(search, "analysis.js"));
const { createIndex } = require(path.join(search, "engine.js"));

const [base, lang, text] = process.argv.slice(2);
const folder = `${base.replace(/\/$/, "")}/search/${lang}/`;

async function getJson(file) {
  const response = await fetch(folder + file, { cache: "no-store" });
  if (!response.ok) throw new Error(`${response.status} ${folder + file}`);
  return response.json();
}

async function main() {
  const index = createIndex(await getJson("meta.json"), analysis);
  const found = await index.search(text, getJson);
  const runs = [...new Set(found.results.map((r) => index.runOfDoc(r.ref)))];
  await index.loadRuns(runs, getJson);
  const out = found.results.map((r) => [index.doc(r.ref)[0], r.score]);
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
