/*
  Search telemetry: what staff search for, and whether they find it.

  Watches Material's search box and result list (the DOM only; the search
  worker is not touched). When a search settles (no change for IDLE_MS,
  Enter once the results are shown, or a click on a result) it sends one
  "search" beacon with the normalised, masked query, the page language and
  the number of results;
  a click on a result also sends a "click" beacon with its rank (1 = top)
  and the page it leads to. The same query is not sent twice in a row.
*/
(function () {
  "use strict";

  var IDLE_MS = 2000;

  var beacon = window.wardsiteBeacon;
  var input = document.querySelector('[data-md-component="search-query"]');
  var results = document.querySelector('[data-md-component="search-result"]');
  if (!beacon || !input || !results) return;

  var timer = null;
  var lastSent = "";

  function currentQuery() {
    return beacon.maskQuery(beacon.normalizeQuery(input.value));
  }

  function resultItems() {
    var list = results.querySelector(".md-search-result__list");
    return list ? list.children : [];
  }

  /* The number of result pages Material reports ("12 件…"), else the items shown. */
  function resultCount() {
    var items = resultItems().length;
    if (!items) return 0;
    var meta = results.querySelector(".md-search-result__meta");
    var match = meta ? meta.textContent.replace(/[,，]/g, "").match(/\d+/) : null;
    return match ? Math.max(parseInt(match[0], 10), items) : items;
  }

  function settle() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    var query = currentQuery();
    if (!query || query === lastSent) return query;
    lastSent = query;
    beacon.send({ e: "search", q: query, lang: beacon.lang, n: resultCount() });
    return query;
  }

  function later() {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(settle, IDLE_MS);
  }

  /* False from a keystroke until the results change: what the list shows
     then is not yet the answer to what is in the box. */
  var answered = true;

  input.addEventListener("input", function () {
    answered = false;
    later();
  });
  input.addEventListener("keydown", function (event) {
    /* Enter before the answer: the answer's arrival settles it (IDLE_MS). */
    if (event.key === "Enter" && answered) settle();
  });
  /* Results also change without typing (?q= from the home page's search form). */
  new MutationObserver(function () {
    answered = true;
    later();
  }).observe(results, { childList: true, subtree: true });

  function onResultClick(event) {
    var link = event.target.closest("a[href]");
    var item = link && link.closest(".md-search-result__list > *");
    if (!item) return;
    var query = settle();
    if (!query) return;
    var rank = Array.prototype.indexOf.call(resultItems(), item) + 1;
    beacon.send({
      e: "click",
      q: query,
      lang: beacon.lang,
      n: resultCount(),
      rank: rank,
      page: beacon.pagePath(link.href)
    });
  }
  /* A query typed just before leaving the page still counts. */
  window.addEventListener("pagehide", settle);
  /* Capture: Material moves to the page on the same click. */
  results.addEventListener("click", onResultClick, true);
  results.addEventListener("auxclick", onResultClick, true);
})();
