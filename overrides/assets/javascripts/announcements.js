/*
  Site announcements at view time.

  The build writes the announcements that were current when the site was
  built into Material's announcement area (and the home page's お知らせ list),
  so they can be read without JavaScript. This script reads
  assets/announcements.json (every announcement not over at build time) and
  shows the ones current now, by this browser's clock: an announcement
  appears at its start and goes at its end without a rebuild, also on a page
  left open. A banner can be dismissed; the dismissed ids stay in
  localStorage. The markup is the same as hooks/wardsite/announcements/render.py
  writes.
*/
(function () {
  "use strict";

  var DISMISSED_KEY = "wardsite.announcements.dismissed";
  var MAX_TIMER = 24 * 60 * 60 * 1000;

  var banner = document.querySelector("[data-ward-announcements]");
  var list = document.querySelector("[data-ward-announce-list]");
  var config = readConfig();
  if (!config || (!banner && !list)) return;

  var lang = document.documentElement.lang === "en" ? "en" : "ja";
  var root = new URL(config.base || ".", location.href);
  var data = null;
  var timer = null;

  function readConfig() {
    var node = document.getElementById("__config");
    try {
      return node ? JSON.parse(node.textContent) : null;
    } catch (error) {
      return null;
    }
  }

  function dismissed() {
    try {
      var ids = JSON.parse(localStorage.getItem(DISMISSED_KEY) || "[]");
      return Array.isArray(ids) ? ids : [];
    } catch (error) {
      return [];
    }
  }

  function saveDismissed(ids) {
    try {
      localStorage.setItem(DISMISSED_KEY, JSON.stringify(ids));
    } catch (error) {
      /* Storage full or turned off: the banner stays closed on this page only. */
    }
  }

  /* The page's top-level folder, without the language folder (en/). */
  function section() {
    var path = decodeURIComponent(location.pathname);
    var rootPath = decodeURIComponent(root.pathname);
    var rel = path.indexOf(rootPath) === 0 ? path.slice(rootPath.length) : "";
    var prefix = data && data.prefixes ? data.prefixes[lang] : "";
    if (prefix && rel.indexOf(prefix) === 0) rel = rel.slice(prefix.length);
    var slash = rel.indexOf("/");
    return slash > 0 ? rel.slice(0, slash) : "";
  }

  function words() {
    return (data.labels && (data.labels[lang] || data.labels.ja)) || {};
  }

  function pick(values) {
    values = values || {};
    if (values[lang]) return { text: values[lang], lang: lang };
    return { text: values.ja || "", lang: "ja" };
  }

  function isCurrent(item, now) {
    return Date.parse(item.start) <= now && now < Date.parse(item.end);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function textElement(values, tag, className) {
    var chosen = pick(values);
    if (!chosen.text) return null;
    var node = element(tag, className, chosen.text);
    if (chosen.lang !== lang) node.lang = chosen.lang;
    return node;
  }

  /* Level, title, body and link: the content of a banner or a list item. */
  function appendContent(parent, item) {
    var labels = words();
    var parts = [
      element("span", "ward-announce__level", labels[item.level] || item.level),
      textElement(item.title, "strong", "ward-announce__title"),
      textElement(item.body, "span", "ward-announce__body")
    ];
    if (item.link) {
      var link = textElement(item.link_text, "a", "ward-announce__link");
      if (!link) link = element("a", "ward-announce__link", labels.more);
      link.href = new URL(item.link[lang] || item.link.ja, root).href;
      parts.push(link);
    }
    var first = true;
    parts.forEach(function (part) {
      if (!part) return;
      if (!first) parent.appendChild(document.createTextNode(" "));
      parent.appendChild(part);
      first = false;
    });
  }

  function closeIcon() {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute(
      "d",
      "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"
    );
    svg.appendChild(path);
    return svg;
  }

  function bannerItem(item) {
    var node = element("div", "ward-announce ward-announce--" + item.level);
    node.setAttribute("data-id", item.id);
    if (item.level === "outage") node.setAttribute("role", "alert");
    var text = element("p", "ward-announce__text");
    appendContent(text, item);
    node.appendChild(text);
    var close = element("button", "ward-announce__close");
    close.type = "button";
    close.setAttribute("aria-label", String(words().close).replace("{title}", pick(item.title).text));
    close.appendChild(closeIcon());
    node.appendChild(close);
    return node;
  }

  function listItem(item) {
    var node = element("li", "ward-announce-item ward-announce--" + item.level);
    node.setAttribute("data-id", item.id);
    appendContent(node, item);
    node.appendChild(document.createTextNode(" "));
    var since = item.since ? pick(item.since).text : "";
    if (since) node.appendChild(element("span", "ward-announce__since", since));
    return node;
  }

  function shownIds(container) {
    return Array.prototype.map
      .call(container.querySelectorAll("[data-id]"), function (node) {
        return node.getAttribute("data-id");
      })
      .join(" ");
  }

  /* Replace the container's items only when the set changed (no repeated alerts). */
  function update(container, items, make) {
    var ids = items
      .map(function (item) {
        return item.id;
      })
      .join(" ");
    if (ids === shownIds(container)) return;
    while (container.firstChild) container.removeChild(container.firstChild);
    items.forEach(function (item) {
      container.appendChild(make(item));
    });
  }

  function setCount() {
    banner.setAttribute("data-count", String(banner.querySelectorAll("[data-id]").length));
  }

  function render() {
    var now = Date.now();
    var current = data.announcements.filter(function (item) {
      return isCurrent(item, now);
    });
    if (banner) {
      var closed = dismissed();
      var here = section();
      update(
        banner,
        current.filter(function (item) {
          var inSection = !item.sections.length || item.sections.indexOf(here) >= 0;
          return item.banner && inSection && closed.indexOf(item.id) < 0;
        }),
        bannerItem
      );
      showCloseButtons();
      setCount();
    }
    if (list) {
      update(list, current, listItem);
      var none = document.querySelector("[data-ward-announce-none]");
      if (none) none.hidden = current.length > 0;
    }
    schedule(now);
  }

  /* Render again at the next start or end (for a page left open). */
  function schedule(now) {
    if (timer !== null) clearTimeout(timer);
    var next = Infinity;
    data.announcements.forEach(function (item) {
      [Date.parse(item.start), Date.parse(item.end)].forEach(function (moment) {
        if (moment > now && moment < next) next = moment;
      });
    });
    if (next === Infinity) return;
    /* A timer that fires early finds nothing changed and sets itself again. */
    timer = setTimeout(render, Math.min(next - now, MAX_TIMER));
  }

  function showCloseButtons() {
    banner.querySelectorAll(".ward-announce__close").forEach(function (button) {
      button.hidden = false;
    });
  }

  function dismiss(item) {
    var id = item.getAttribute("data-id");
    var ids = dismissed().filter(function (known) {
      return known !== id;
    });
    ids.push(id);
    if (data) {
      /* Forget ids of announcements that are over. */
      var live = data.announcements.map(function (entry) {
        return entry.id;
      });
      ids = ids.filter(function (known) {
        return live.indexOf(known) >= 0;
      });
    }
    saveDismissed(ids);
    var next = item.nextElementSibling || item.previousElementSibling;
    var hadFocus = item.contains(document.activeElement);
    item.parentNode.removeChild(item);
    setCount();
    if (!hadFocus) return;
    var target = next && next.querySelector(".ward-announce__close");
    if (!target) {
      target = document.querySelector("main") || document.body;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    }
    target.focus();
  }

  if (banner) {
    /* Before the JSON arrives: hide what was dismissed, offer the close buttons. */
    var closedNow = dismissed();
    banner.querySelectorAll("[data-id]").forEach(function (item) {
      if (closedNow.indexOf(item.getAttribute("data-id")) >= 0) item.parentNode.removeChild(item);
    });
    setCount();
    showCloseButtons();
    banner.addEventListener("click", function (event) {
      var button = event.target.closest(".ward-announce__close");
      if (button) dismiss(button.closest("[data-id]"));
    });
  }

  fetch(new URL("assets/announcements.json", root).href, { cache: "no-cache" })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (json) {
      if (!json || !Array.isArray(json.announcements)) return;
      data = json;
      render();
    })
    .catch(function () {
      /* Offline or no file: the announcements from the build stay. */
    });
})();
