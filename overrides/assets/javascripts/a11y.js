/*
 * Keyboard and screen reader fixes for Material's header, drawer, search and
 * tables. Plain JavaScript from this site (CSP script-src 'self'), no inline
 * handlers. The CSS half is in docs/assets/stylesheets/site.css (focus ring,
 * closed drawer and search out of the Tab order on narrow screens).
 *
 * - The menu and search buttons of the header are <label>s for hidden
 *   checkboxes, which the keyboard cannot reach: make them buttons
 *   (tabindex 0, role, name, aria-expanded, Space; Material handles Enter).
 * - Opening the menu by keyboard moves focus into it; Escape closes it and
 *   returns focus to the menu button. Inside it, a section's title is the
 *   button back up a level, and focus follows the level that opens.
 * - Closing the search (Escape) returns focus to what opened it: the search
 *   button on narrow screens, the search field on wide ones (without opening
 *   the search again).
 * - Wide tables sit in a scroll box (.md-typeset__scrollwrap): when it
 *   scrolls, it becomes focusable and named, so the keyboard can scroll it.
 */
(function () {
  "use strict";

  var JA = (document.documentElement.lang || "ja").slice(0, 2) !== "en";
  var TEXT = JA
    ? { menu: "メニュー", search: "検索", table: "表（横にスクロールできます）", back: "戻る: " }
    : { menu: "Menu", search: "Search", table: "Table (scrolls sideways)", back: "Back: " };
  var FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex="0"]';

  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var menuButton = document.querySelector('.md-header label.md-header__button[for="__drawer"]');
  var searchButton = document.querySelector('.md-header label.md-header__button[for="__search"]');
  var query = document.querySelector('input[data-md-component="search-query"]');

  function isShown(el) {
    var box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== "hidden";
  }

  /** Check or uncheck one of Material's toggles the way a click on its label would. */
  function setToggle(toggle, value) {
    if (toggle.checked === value) return;
    toggle.checked = value;
    toggle.dispatchEvent(new Event("change", { bubbles: true }));
  }

  /** A <label for=toggle> in the header, made into a keyboard button. */
  function makeButton(label, toggle, name, controls) {
    if (!label) return;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    if (name) label.setAttribute("aria-label", name);
    if (controls && controls.id) label.setAttribute("aria-controls", controls.id);
    var sync = function () {
      if (toggle) label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    };
    sync();
    if (toggle) toggle.addEventListener("change", sync);
    // Material also sets its toggles without a change event (e.g. it closes
    // the menu when the address changes): catch up before the button is used.
    label.addEventListener("focus", sync);
    window.addEventListener("hashchange", sync);
    // Material itself clicks a focused <label> on Enter; Space is ours.
    label.addEventListener("keydown", function (event) {
      if (event.key !== " ") return;
      event.preventDefault();
      label.click();
    });
  }

  /* Menu (drawer) */
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (sidebar && !sidebar.id) sidebar.id = "wardsite-drawer";
  var menuByKeyboard = false;
  if (menuButton) {
    // Before makeButton's listener, which opens the menu on Space.
    menuButton.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") menuByKeyboard = true;
    });
  }
  makeButton(menuButton, drawer, TEXT.menu, sidebar);
  if (drawer && sidebar) {
    drawer.addEventListener("change", function () {
      if (drawer.checked && menuByKeyboard) {
        // The drawer becomes visible with the checkbox (site.css); focus its first link.
        var first = Array.prototype.find.call(sidebar.querySelectorAll(FOCUSABLE), isShown);
        if (first) first.focus();
      }
      menuByKeyboard = false;
    });
  }

  /*
   * Levels of the menu on narrow screens: a section opens as a panel over
   * its parent (site.css keeps the covered and the closed panels out of the
   * Tab order). Its title is the way back up: make it a button, and move
   * focus along when a level opens or closes by keyboard.
   */
  var levelByKeyboard = false;
  if (sidebar) {
    sidebar.addEventListener("keydown", function (event) {
      if ((event.key === "Enter" || event.key === " ") && event.target.tagName === "LABEL") {
        levelByKeyboard = true;
        setTimeout(function () { levelByKeyboard = false; }, 0);
      }
    }, true);
    var titles = sidebar.querySelectorAll('.md-nav--primary label.md-nav__title:not([for="__drawer"])');
    Array.prototype.forEach.call(titles, function (title) {
      var toggle = document.getElementById(title.htmlFor);
      if (!toggle) return;
      makeButton(title, null, TEXT.back + title.textContent.trim(), null);
      var opener = sidebar.querySelector('label.md-nav__link[for="' + toggle.id + '"]');
      // The arrow next to a section's own page has no text: name it by the section.
      if (opener) {
        makeButton(opener, toggle, opener.textContent.trim() ? null : title.textContent.trim(), null);
      }
      toggle.addEventListener("change", function () {
        if (!levelByKeyboard) return;
        var target = toggle.checked ? title : opener;
        if (!toggle.checked && !(opener && isShown(opener))) {
          target = toggle.parentElement.querySelector(".md-nav__container > a, a.md-nav__link");
        }
        // After the panel's visibility switched (site.css).
        if (target) setTimeout(function () { target.focus(); }, 0);
      });
    });
  }

  /* Search */
  var searchDialog = document.querySelector('.md-search[role="dialog"]');
  if (searchDialog && !searchDialog.id) searchDialog.id = "wardsite-search";
  makeButton(searchButton, search, TEXT.search, searchDialog);
  if (search && query) {
    search.addEventListener("change", function () {
      // On narrow screens the closed search is hidden (site.css), so Material's
      // own focus call on the button's click came too early.
      if (search.checked && document.activeElement !== query) query.focus();
    });
  }

  /** Focus an element without Material's focus watcher noticing (it would reopen the search). */
  function quietFocus(el) {
    var stop = function (event) {
      event.stopImmediatePropagation();
    };
    window.addEventListener("focusin", stop, true);
    try {
      el.focus();
    } finally {
      window.removeEventListener("focusin", stop, true);
    }
  }

  // Whether the search was open when a key went down (capture: before Material's handler).
  var searchWasOpen = false;
  window.addEventListener("keydown", function () {
    searchWasOpen = Boolean(search && search.checked);
  }, true);
  window.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer && drawer.checked) {
      setToggle(drawer, false);
      if (menuButton && isShown(menuButton)) menuButton.focus();
      return;
    }
    var wasOpen = searchWasOpen;
    // After Material's own handler for this key, whichever listener ran first.
    setTimeout(function () {
      if (!search || !query) return;
      if (event.key === "Escape" && wasOpen && !search.checked) {
        // Material closed the search and blurred the field: focus what opened it.
        if (searchButton && isShown(searchButton)) searchButton.focus();
        else quietFocus(query);
      } else if (event.defaultPrevented && /^[fs/]$/.test(event.key) && !search.checked && document.activeElement !== query) {
        // Material's shortcuts (f, s, /) focus the field, which is hidden
        // while the search is closed on narrow screens: open it.
        setToggle(search, true);
      }
    }, 0);
  });
  if (query && search) {
    // The field keeps focus after Escape on wide screens: typing opens the search again.
    query.addEventListener("input", function () {
      if (!search.checked) setToggle(search, true);
    });
  }

  /* Scrolling tables: reachable and named only while they scroll. */
  function markScrollBoxes() {
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(boxes, function (box) {
      var table = box.querySelector("table");
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        var caption = table && table.caption ? table.caption.textContent.trim() : "";
        box.setAttribute("aria-label", caption ? caption + " — " + TEXT.table : TEXT.table);
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  function watchScrollBoxes() {
    markScrollBoxes();
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(markScrollBoxes);
      Array.prototype.forEach.call(
        document.querySelectorAll(".md-typeset__scrollwrap"),
        function (box) { observer.observe(box); }
      );
    }
  }
  // Material wraps the tables when its document$ emits, before ours runs.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(watchScrollBoxes);
  } else {
    document.addEventListener("DOMContentLoaded", watchScrollBoxes);
  }
})();
