// The shared vectors through the browser's analysis.js (run: node --test tests/search/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..");
const require = createRequire(import.meta.url);
const analysis = require(path.join(root, "overrides/assets/javascripts/search/analysis.js"));
const vectors = JSON.parse(
  readFileSync(path.join(root, "data/search/test-vectors.json"), "utf8"),
);

test("normalize() gives every expected folded form", () => {
  for (const item of vectors.normalize) {
    assert.equal(analysis.normalize(item.input), item.expected, `input ${JSON.stringify(item.input)}`);
  }
});

test("analyze() gives every expected clause list", () => {
  const analyzer = analysis.createAnalyzer(vectors.analysis);
  for (const item of vectors.query) {
    assert.deepEqual(analyzer.analyze(item.input), item.expected, `input ${JSON.stringify(item.input)}`);
  }
});

test("there are cases of every kind", () => {
  assert.ok(vectors.normalize.length >= 20);
  assert.ok(vectors.query.length >= 20);
});
