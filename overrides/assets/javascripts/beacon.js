/*
  Beacons to the site's own web server, for page feedback (feedback.js) and
  search telemetry (search-telemetry.js).

  A beacon is an empty POST to <site root>/_wardsite/beacon whose fields,
  URL-encoded, are in one request header, X-Wardsite-Beacon. The web server
  answers 204 and writes only the time, the status and that header to its
  own log (ops/wardsite_ops/beacon.py): no IP address, user, cookie or user
  agent. The fields are not in the URL, so the server's ordinary access log
  (which has IP addresses) never holds a query or a vote. Nothing is sent
  anywhere else. The query is masked
  here before it leaves the browser (e-mail addresses, runs of 5 or more
  digits such as phone or staff numbers, 10 or more when spaced); ./scripts/report masks again.
*/
(function () {
  "use strict";

  var PATH = "_wardsite/beacon";
  var VERSION = "1";
  var MAX_QUERY = 100;

  var config = null;
  try {
    config = JSON.parse(document.getElementById("__config").textContent);
  } catch (error) {
    return;
  }
  var root = new URL(config.base || ".", location.href);

  /* NFKC, lower case, single spaces, at most MAX_QUERY characters. */
  function normalizeQuery(text) {
    var value = String(text || "").normalize("NFKC").toLowerCase();
    value = value.replace(/\s+/g, " ").trim();
    return Array.from(value).slice(0, MAX_QUERY).join("");
  }

  /* Same rules as wardsite_ops.report.privacy.mask_query. */
  function maskQuery(text) {
    return String(text)
      .replace(/[^\s@]+@[^\s@]+/g, "[メール]")
      .replace(/\d(?:[\s\-‐‑–—−ー().]*\d){9,}/g, "[番号]")
      .replace(/\d(?:[\-‐‑–—−ー().]*\d){4,}/g, "[番号]");
  }

  /* The page's path from the site root: "account/password-reset/", "en/faq/4400101/". */
  function pagePath(href) {
    var url = new URL(href || location.href, location.href);
    var path = decodeURIComponent(url.pathname);
    var rootPath = decodeURIComponent(root.pathname);
    path = path.indexOf(rootPath) === 0 ? path.slice(rootPath.length) : path;
    return path.replace(/index\.html$/, "");
  }

  function send(fields) {
    var data = new URLSearchParams();
    data.set("v", VERSION);
    Object.keys(fields).forEach(function (key) {
      data.set(key, String(fields[key]));
    });
    try {
      /* keepalive: the beacon still goes out when a click leaves the page. */
      fetch(new URL(PATH, root).href, {
        method: "POST",
        keepalive: true,
        cache: "no-store",
        credentials: "same-origin",
        headers: { "X-Wardsite-Beacon": data.toString() }
      }).catch(function () {});
    } catch (error) {
      /* Nothing to do: a lost beacon only leaves out one count. */
    }
  }

  window.wardsiteBeacon = {
    send: send,
    pagePath: pagePath,
    normalizeQuery: normalizeQuery,
    maskQuery: maskQuery,
    lang: document.documentElement.lang === "en" ? "en" : "ja"
  };
})();
