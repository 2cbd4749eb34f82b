/*
  The "page not found" page (overrides/404.html): its button opens Material's
  search box and puts the cursor in it, as a click on the magnifier does.
*/
document.querySelectorAll("[data-wardsite-open-search]").forEach(function (button) {
  button.addEventListener("click", function () {
    var toggle = document.getElementById("__search");
    var query = document.querySelector("[data-md-component=search-query]");
    if (!toggle || !query) return;
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    query.focus();
  });
});
