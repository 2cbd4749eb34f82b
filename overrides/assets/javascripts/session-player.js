/*
 * Session pages and the catalogue of training recordings.
 *
 * Plain JavaScript, no build step, no request to any other host. It works on
 * the markup described in hooks/wardsite/sessions/render.py (the "markup
 * contract") and does nothing on pages without it. Without this script the
 * pages still read: the player has native controls and captions, the
 * chapter and transcript links are plain "#t=MM:SS" links and the catalogue
 * is a plain list.
 *
 * - Playback speed: shows the speed select and sets video.playbackRate.
 * - Seek links (a[data-ws-seek], chapters and transcript cues): seek there
 *   and play.
 * - Deep links: "#t=MM:SS" (also "#t=H:MM:SS" and "#t=SS") seeks there on
 *   load and on hashchange (a search result on the same page changes only
 *   the hash).
 * - Transcript: marks the cue being spoken (class ws-cue--active), found by
 *   binary search on the cue start times, without moving keyboard focus;
 *   clicking the words of a cue seeks there.
 * - Catalogue: shows the level / course filter and hides what does not match.
 */
(function () {
  "use strict";

  var ACTIVE = "ws-cue--active";

  /** Seconds from "SS", "MM:SS" or "H:MM:SS" (minutes may exceed 59); null if not a time. */
  function parseTime(text) {
    var value = String(text).split(",")[0].trim();
    if (!/^\d+(\.\d+)?(:\d+(\.\d+)?){0,2}$/.test(value)) return null;
    var parts = value.split(":").map(Number);
    var seconds = 0;
    for (var i = 0; i < parts.length; i++) seconds = seconds * 60 + parts[i];
    return isFinite(seconds) ? seconds : null;
  }

  /** The time of a "#t=…" fragment in a hash, or null. */
  function hashTime(hash) {
    var match = /^#t=([^&]+)/.exec(hash || "");
    if (!match) return null;
    try {
      return parseTime(decodeURIComponent(match[1]));
    } catch (e) {
      return null;
    }
  }

  function formatFragment(seconds) {
    var whole = Math.floor(seconds);
    var minutes = Math.floor(whole / 60);
    var rest = whole % 60;
    return (minutes < 10 ? "0" : "") + minutes + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function play(video) {
    var result = video.play();
    // Browsers may refuse to start playback without a user gesture: the
    // position is still set and the native play button starts from there.
    if (result && typeof result.catch === "function") result.catch(function () {});
  }

  /** Seek (once the video knows its length) and play. */
  function seek(video, seconds, autoplay) {
    function go() {
      var end = isFinite(video.duration) ? Math.max(video.duration - 0.05, 0) : seconds;
      video.currentTime = Math.min(Math.max(seconds, 0), end);
      if (autoplay) play(video);
    }
    if (video.readyState >= 1) {
      go();
    } else {
      video.addEventListener("loadedmetadata", go, { once: true });
      if (video.preload === "none") video.load();
    }
  }

  function setUpSpeed(player, video) {
    var box = player.querySelector("[data-ws-speed]");
    var select = player.querySelector("[data-ws-speed-select]");
    if (!box || !select) return;
    box.hidden = false;
    select.addEventListener("change", function () {
      var rate = parseFloat(select.value);
      if (rate > 0) video.playbackRate = rate;
    });
    // Keep the speed when the video reloads its source.
    video.addEventListener("loadedmetadata", function () {
      var rate = parseFloat(select.value);
      if (rate > 0) video.playbackRate = rate;
    });
  }

  /** Index of the last of the sorted ``starts`` at or before ``t`` (-1 if none). */
  function lastAtOrBefore(starts, t) {
    var low = 0;
    var high = starts.length - 1;
    var found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (starts[middle] <= t) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  function setUpTranscript(video) {
    var transcript = document.querySelector('[data-ws-transcript][data-ws-for="' + video.id + '"]');
    if (!transcript) return;
    // One pass over the cues when the page loads; after that each timeupdate
    // is a binary search and at most two class changes, whatever the length.
    var spans = transcript.querySelectorAll("span[data-s]");
    var starts = new Array(spans.length);
    var ends = new Array(spans.length);
    for (var i = 0; i < spans.length; i++) {
      starts[i] = parseFloat(spans[i].getAttribute("data-s"));
      ends[i] = parseFloat(spans[i].getAttribute("data-e"));
    }
    var current = -1;
    var scrollPending = false;

    // Keep the cue in view inside the transcript box only (never the page,
    // never the focus), unless the reader is working inside the box. Done in
    // the next frame, when the browser lays the page out anyway, so update()
    // itself never forces a layout.
    function keepInView() {
      scrollPending = false;
      if (current < 0 || transcript.scrollHeight <= transcript.clientHeight) return;
      if (transcript.contains(document.activeElement)) return;
      var box = transcript.getBoundingClientRect();
      var line = spans[current].getBoundingClientRect();
      if (line.top < box.top || line.bottom > box.bottom) {
        transcript.scrollTop += line.top - box.top - transcript.clientHeight / 3;
      }
    }

    function update() {
      var t = video.currentTime;
      var index = lastAtOrBefore(starts, t);
      if (index >= 0 && !(t < ends[index])) index = -1;
      if (index === current) return;
      if (current >= 0) spans[current].classList.remove(ACTIVE);
      current = index;
      if (current < 0) return;
      spans[current].classList.add(ACTIVE);
      if (!scrollPending) {
        scrollPending = true;
        window.requestAnimationFrame(keepInView);
      }
    }

    // Clicking the words of a cue seeks there (the paragraph's time link is
    // the keyboard way to do the same).
    transcript.addEventListener("click", function (event) {
      var span = event.target.closest && event.target.closest("span[data-s]");
      if (!span || event.button !== 0 || (window.getSelection && String(window.getSelection()))) return;
      var seconds = parseFloat(span.getAttribute("data-s"));
      if (!isFinite(seconds)) return;
      seek(video, seconds, true);
      if (window.history && history.replaceState) {
        history.replaceState(history.state, "", "#t=" + formatFragment(seconds));
      }
    });

    video.addEventListener("timeupdate", update);
    video.addEventListener("seeked", update);
    video.addEventListener("loadedmetadata", update);
    // For the benchmark and tests: the cost of one update at the current time.
    transcript.wsUpdate = update;
  }

  function setUpPlayer(player) {
    var video = player.querySelector("video");
    if (!video) return null;
    setUpSpeed(player, video);
    setUpTranscript(video);
    // Captions on by default: the track is marked default, make sure it shows.
    var tracks = video.textTracks;
    for (var i = 0; i < tracks.length; i++) {
      if (tracks[i].kind === "captions" && tracks[i].language === "ja" && tracks[i].mode !== "showing") {
        tracks[i].mode = "showing";
      }
    }
    return video;
  }

  function setUpSessionPage() {
    var players = document.querySelectorAll("[data-ws-player]");
    if (!players.length) return;
    var videos = [];
    for (var i = 0; i < players.length; i++) {
      var v = setUpPlayer(players[i]);
      if (v) videos.push(v);
    }
    if (!videos.length) return;
    var main = videos[0];

    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[data-ws-seek]");
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
      var seconds = parseFloat(link.getAttribute("data-ws-seek"));
      if (!isFinite(seconds)) return;
      event.preventDefault();
      seek(main, seconds, true);
      // Keep the address shareable without triggering hashchange.
      if (window.history && history.replaceState) {
        history.replaceState(history.state, "", "#t=" + formatFragment(seconds));
      }
    });

    function fromHash() {
      var seconds = hashTime(window.location.hash);
      if (seconds !== null) seek(main, seconds, true);
    }
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }

  function setUpCatalogue() {
    var form = document.querySelector("form[data-ws-filter]");
    if (!form) return;
    var level = form.querySelector("[data-ws-filter-level]");
    var track = form.querySelector("[data-ws-filter-track]");
    var count = form.querySelector("[data-ws-filter-count]");
    var items = document.querySelectorAll(".ws-catalogue__item");
    var groups = document.querySelectorAll("[data-ws-group]");
    var article = form.closest("article") || document.body;
    var headings = article.querySelectorAll("h2");

    function apply() {
      var shown = 0;
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        var match =
          (!level.value || item.getAttribute("data-ws-level") === level.value) &&
          (!track.value || item.getAttribute("data-ws-track") === track.value);
        item.hidden = !match;
        if (match) shown++;
      }
      for (var g = 0; g < groups.length; g++) {
        groups[g].hidden = !groups[g].querySelector(".ws-catalogue__item:not([hidden])");
      }
      // A course heading with all of its groups hidden goes too.
      for (var h = 0; h < headings.length; h++) {
        var node = headings[h].nextElementSibling;
        var any = false;
        var all = true;
        while (node && node.tagName !== "H2") {
          if (node.hasAttribute("data-ws-group")) {
            any = true;
            if (!node.hidden) all = false;
          }
          node = node.nextElementSibling;
        }
        if (any) headings[h].hidden = all;
      }
      if (count) {
        count.textContent = shown === items.length
          ? "全" + items.length + "回を表示しています。"
          : items.length + "回のうち " + shown + "回を表示しています。";
      }
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    apply();
  }

  function start() {
    setUpSessionPage();
    setUpCatalogue();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
