/*
 * Benchmark only (bench/search_performance.py, engine "pagefind"): Material's
 * search worker protocol over Pagefind's JS API, so that Pagefind answers in
 * the same Material search box, page and measurement as the other engines.
 *
 *   0 SETUP -> 1 READY;  2 QUERY "text" -> 3 RESULT {items: [[item]]}
 *
 * It replaces assets/javascripts/search/worker.js in a copy of our build that
 * `pagefind --site` indexed (so the page's own loading is the same as ours).
 * pagefind.js is an ES module: a classic worker loads it with import().
 * Pagefind picks its language index from <html lang>; a worker has no
 * document, so a minimal stand-in answers the page's language (?lang=ja), as
 * on a page Pagefind's own UI would (else it takes the English index).
 */
"use strict";
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var SHOWN = 10;
var root = new URL("../../../", self.location.href);
var lang = new URLSearchParams(self.location.search).get("lang") || "ja";
self.document = {
  currentScript: null,
  querySelector: function (selector) {
    return selector === "html" ? { getAttribute: function () { return lang; } } : null;
  },
};
var pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
  return Promise.resolve(module.init()).then(function () { return module; });
});
pagefind.then(function () { self.postMessage({ type: READY }); });

var queue = Promise.resolve();
var latest = 0;
self.addEventListener("message", function (ev) {
  var message = ev.data;
  if (message.type === SETUP) {
    pagefind.then(function () { self.postMessage({ type: READY }); });
  } else if (message.type === QUERY) {
    var number = ++latest;
    var text = String(message.data);
    queue = queue.then(function () {
      if (number !== latest) return undefined;
      return pagefind.then(function (pf) {
        return text.trim() ? pf.search(text) : { results: [] };
      }).then(function (found) {
        var shown = (found && found.results ? found.results : []).slice(0, SHOWN);
        return Promise.all(shown.map(function (r) { return r.data(); }));
      }).then(function (pages) {
        self.postMessage({
          type: RESULT,
          data: {
            items: pages.map(function (page, rank) {
              return [{
                location: page.url.replace(/^\//, ""),
                title: (page.meta && page.meta.title) || page.url,
                text: page.excerpt,
                score: SHOWN - rank,
                terms: {},
              }];
            }),
          },
        });
      }, function (err) {
        console.warn("pagefind worker:", err);
        self.postMessage({ type: RESULT, data: { items: [] } });
      });
    });
  }
});
