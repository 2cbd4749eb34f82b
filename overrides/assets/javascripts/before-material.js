/*
  Runs after Material's #__config block and before Material's bundle
  (overrides/main.html). A file, not an inline script, so that the served
  site works under a Content-Security-Policy without 'unsafe-inline'.
*/

/*
  Material's script fetches the sitemap.xml of every <link rel="alternate"
  hreflang> in the head (mkdocs-static-i18n puts the other language's page
  there) and reads every URL in it, to remap a click on a language link. Our
  language links already point at the same page in the other language, and
  with thousands of pages (a large FAQ) that reading held the page for about
  300 ms on an office-class PC. Take the links out of the DOM before
  Material's script runs; the language menu is unchanged.
*/
document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
  link.remove();
});

/*
  Material's main thread downloads search/search_index.json (the text of every
  page in every language: megabytes on a large site) only to post it to the
  worker, and our worker does not use its docs. Point that one request at
  search/setup.json instead: the same "config" (its separator still
  highlights ?h= words on the page) with no docs, written by
  the build's search stage. Only while "search" in #__config is our worker.
*/
(function () {
  var config = JSON.parse(document.getElementById("__config").textContent);
  if (!/search\/worker\.js\?/.test(config.search)) return;
  var base = new URL(config.base, location.href);
  var full = new URL("search/search_index.json", base).href;
  var setup = new URL("search/setup.json", base).href;
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (new URL(String(url), location.href).href === full) args[1] = setup;
    return open.apply(this, args);
  };
})();
