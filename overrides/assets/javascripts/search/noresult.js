/*
 * Help under a search that matched nothing: 「もしかして：…」 (words of the site
 * close to what was typed), the top-task pages and how to reach the helpdesk.
 *
 * Material renders the search results; when its result line says "no
 * results" (the search.result.none translation in #__config), this script
 * fetches search/<lang>/help.json (written at build time by
 * hooks/wardsite/search/noresult.py) and shows a panel under that line. The
 * query is folded with analysis.js's normalize(), the same folding as the
 * index, loaded only then. A suggestion is a button that searches again.
 *
 * A plain file (no inline script): it works under CSP script-src 'self'.
 */
(function () {
  "use strict";

  var TEXT = {
    ja: {
      region: "検索のヒント",
      didYouMean: "もしかして：",
      pages: "よく使われるページ",
      contact: function (h) {
        var how = [];
        if (h.phone) how.push("電話 " + h.phone + (h.extension ? "（内線 " + h.extension + "）" : ""));
        if (h.email) how.push("メール " + h.email);
        return "見つからないときは、" + (h.name || "ヘルプデスク") +
          (how.length ? "（" + how.join("、") + "）" : "") + "に問い合わせてください。";
      },
      helpLink: "問い合わせのしかた",
    },
    en: {
      region: "Search tips",
      didYouMean: "Did you mean:",
      pages: "Most used pages",
      contact: function (h) {
        var how = [];
        if (h.phone) how.push("phone " + h.phone + (h.extension ? " (ext. " + h.extension + ")" : ""));
        if (h.email) how.push("email " + h.email);
        return "Still cannot find it? Contact the " + (h.name || "helpdesk") +
          (how.length ? " (" + how.join(", ") + ")" : "") + ".";
      },
      helpLink: "How to contact the helpdesk",
    },
  };
  var MAX_SUGGESTIONS = 3;

  function config() {
    var node = document.getElementById("__config");
    return node ? JSON.parse(node.textContent) : null;
  }

  /* Optimal string alignment distance on code points (a swap of neighbours costs 1). */
  function distance(a, b, limit) {
    a = Array.from(a);
    b = Array.from(b);
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows.push([i]);
      for (var j = 1; j <= b.length; j++) rows[i].push(i === 0 ? j : 0);
    }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d = Math.min(d, rows[i - 2][j - 2] + 1);
        }
        rows[i][j] = d;
      }
    }
    return rows[a.length][b.length];
  }

  /* Up to MAX_SUGGESTIONS queries: the typed one with one word replaced by a close site word. */
  function suggestions(query, words, normalize) {
    var typed = query.trim().split(/\s+/);
    var found = [];
    typed.forEach(function (word, at) {
      var folded = normalize(word);
      var length = Array.from(folded).length;
      if (length < 2) return;
      var limit = length <= 3 ? 1 : 2;
      words.forEach(function (entry, rank) {
        var d = distance(folded, entry[0], limit);
        if (d > 0 && d <= limit) found.push({ at: at, surface: entry[1], d: d, rank: rank });
      });
    });
    found.sort(function (x, y) { return x.d - y.d || x.rank - y.rank; });
    var out = [];
    for (var k = 0; k < found.length && out.length < MAX_SUGGESTIONS; k++) {
      var replaced = typed.slice();
      replaced[found[k].at] = found[k].surface;
      var text = replaced.join(" ");
      if (out.indexOf(text) < 0) out.push(text);
    }
    return out;
  }

  var analysis = null;
  function loadAnalysis(base) {
    if (!analysis) {
      analysis = new Promise(function (resolve, reject) {
        if (window.wardsiteSearchAnalysis) return resolve(window.wardsiteSearchAnalysis);
        var script = document.createElement("script");
        script.src = new URL("assets/javascripts/search/analysis.js", base).href;
        script.onload = function () { resolve(window.wardsiteSearchAnalysis); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return analysis;
  }

  var helpFiles = {};
  function loadHelp(url) {
    if (!helpFiles[url]) {
      helpFiles[url] = fetch(url).then(function (res) {
        if (!res.ok) throw new Error(url + ": HTTP " + res.status);
        return res.json();
      });
      helpFiles[url].catch(function () { delete helpFiles[url]; });
    }
    return helpFiles[url];
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function panel(help, query, said, base, input) {
    var box = element("div", "wardsite-noresult");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", said.region);
    var normalize = window.wardsiteSearchAnalysis.normalize;
    var offered = suggestions(query, help.words, normalize);
    if (offered.length) {
      var line = element("p", "wardsite-noresult__suggest", said.didYouMean);
      offered.forEach(function (text) {
        var button = element("button", "wardsite-noresult__word", text);
        button.type = "button";
        button.addEventListener("click", function () {
          input.value = text;
          input.focus();
          input.dispatchEvent(new Event("input", { bubbles: true }));
          input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "End" }));
        });
        line.appendChild(document.createTextNode(" "));
        line.appendChild(button);
      });
      box.appendChild(line);
    }
    if (help.pages.length) {
      box.appendChild(element("p", "wardsite-noresult__heading", said.pages));
      var list = element("ul", "wardsite-noresult__pages");
      help.pages.forEach(function (page) {
        var link = element("a", "", page[1]);
        link.href = new URL(page[0], base).href;
        var item = element("li");
        item.appendChild(link);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    var contact = element("p", "wardsite-noresult__contact", said.contact(help.helpdesk) + " ");
    var helpLink = element("a", "", said.helpLink);
    helpLink.href = new URL(help.helpPage, base).href;
    contact.appendChild(helpLink);
    box.appendChild(contact);
    return box;
  }

  function start() {
    var cfg = config();
    var meta = document.querySelector(".md-search-result__meta");
    var input = document.querySelector('input[data-md-component="search-query"]');
    if (!cfg || !meta || !input || !cfg.translations) return;
    var none = cfg.translations["search.result.none"];
    var match = /[?&]lang=(\w+)/.exec(String(cfg.search || ""));
    var lang = match ? match[1] : document.documentElement.lang || "ja";
    var said = TEXT[lang] || TEXT.en;
    var base = new URL(cfg.base || ".", window.location.href);
    var helpUrl = new URL("search/" + lang + "/help.json", base).href;
    var shown = null;
    var asked = 0;

    function clear() {
      if (shown && shown.parentNode) shown.parentNode.removeChild(shown);
      shown = null;
    }

    function update() {
      var query = input.value;
      if (meta.textContent.trim() !== none || !query.trim()) {
        asked += 1;
        clear();
        return;
      }
      var number = ++asked;
      Promise.all([loadHelp(helpUrl), loadAnalysis(base)]).then(function (loaded) {
        if (number !== asked || meta.textContent.trim() !== none) return;
        clear();
        shown = panel(loaded[0], query, said, base, input);
        meta.parentNode.insertBefore(shown, meta.nextSibling);
      }, function (err) {
        console.warn("search: no help for an empty result", err);
      });
    }

    /* Enter in the box while the panel shows: stay. Material's own Enter
       handler (on window) would take the panel's links for results, fail on
       them and let the form reload the page, and the help with it. */
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || !shown) return;
      event.preventDefault();
      event.stopPropagation();
    });

    new MutationObserver(update).observe(meta, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
