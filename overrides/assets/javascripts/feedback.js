/*
  「このページは役に立ちましたか？」 (markup and words: hooks/wardsite/feedback.py).

  Shown only with JavaScript. One vote per page per browser, kept in
  localStorage; after いいえ the reader may pick one reason. Votes and
  reasons go to the site's own server as beacons (beacon.js).
*/
(function () {
  "use strict";

  var box = document.querySelector("[data-ward-feedback]");
  var beacon = window.wardsiteBeacon;
  if (!box || !beacon) return;

  var page = beacon.pagePath();
  var key = "wardsite.feedback:" + page;
  var title = box.querySelector("h2");
  var vote = box.querySelector(".ward-feedback__vote");
  var reasons = box.querySelector(".ward-feedback__reasons");
  var status = box.querySelector(".ward-feedback__status");

  function stored() {
    try {
      return localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function store(value) {
    try {
      localStorage.setItem(key, value);
    } catch (error) {
      /* Storage turned off: the vote counts, it is just not remembered. */
    }
  }

  function say(name) {
    status.textContent = status.getAttribute("data-" + name) || "";
  }

  function answered() {
    vote.hidden = true;
    reasons.hidden = true;
    say("already");
  }

  vote.addEventListener("click", function (event) {
    var button = event.target.closest("[data-vote]");
    if (!button || stored() !== null) return;
    var helpful = button.getAttribute("data-vote");
    store(helpful);
    beacon.send({ e: "vote", page: page, lang: beacon.lang, helpful: helpful });
    vote.hidden = true;
    if (helpful === "0") {
      reasons.hidden = false;
      say("thanks-no");
      reasons.querySelector("button").focus();
    } else {
      say("thanks");
      title.focus();
    }
  });

  reasons.addEventListener("click", function (event) {
    var button = event.target.closest("[data-reason]");
    if (!button || stored() !== "0") return;
    var reason = button.getAttribute("data-reason");
    store("0:" + reason);
    beacon.send({ e: "reason", page: page, lang: beacon.lang, reason: reason });
    reasons.hidden = true;
    say("thanks-reason");
    title.focus();
  });

  if (stored() !== null) answered();
  box.hidden = false;
})();
