(function () {
  "use strict";
  var severity = document.getElementById("f-severity");
  var family = document.getElementById("f-family");
  var text = document.getElementById("f-text");
  var tbody = document.querySelector("#report-table tbody");
  var rows = Array.prototype.slice.call(tbody.rows);
  var sections = {};
  Array.prototype.forEach.call(document.querySelectorAll("section.report"), function (s) {
    sections[s.id] = s;
  });

  // Filters live in the address's fragment (#severity=error&family=SUM&q=…), so that a
  // filtered view can be linked to; a plain anchor (#r3) leaves them as they are.
  function readHash() {
    var hash = location.hash.slice(1);
    if (hash.indexOf("=") < 0) return;
    var p = new URLSearchParams(hash);
    severity.value = p.get("severity") || "";
    family.value = p.get("family") || "";
    text.value = p.get("q") || "";
  }
  function writeHash() {
    var p = new URLSearchParams();
    if (severity.value) p.set("severity", severity.value);
    if (family.value) p.set("family", family.value);
    if (text.value) p.set("q", text.value);
    var h = p.toString();
    history.replaceState(null, "", h ? "#" + h : location.pathname + location.search);
  }

  function apply() {
    var s = severity.value, f = family.value, q = text.value.trim().toLowerCase();
    var filtering = s || f || q;
    var shown = 0;
    rows.forEach(function (row) {
      var section = sections[row.getAttribute("data-report")];
      var pathHit = !q || row.getAttribute("data-path").toLowerCase().indexOf(q) >= 0;
      var any = false;
      if (section) {
        Array.prototype.forEach.call(section.querySelectorAll("article.finding"), function (a) {
          var ok = (!s || a.getAttribute("data-severity") === s) &&
            (!f || a.getAttribute("data-family") === f) &&
            (pathHit || a.textContent.toLowerCase().indexOf(q) >= 0);
          a.hidden = !ok;
          if (ok) any = true;
        });
      }
      var visible = !filtering || any || (!s && !f && pathHit);
      row.hidden = !visible;
      if (section) section.hidden = !visible;
      if (visible) shown++;
    });
    document.getElementById("shown").textContent =
      WORDS.shown.replace("{n}", shown).replace("{all}", rows.length);
  }

  function cellValue(row, i, numeric) {
    var cell = row.cells[i];
    var v = cell ? cell.textContent.trim() : "";
    if (!numeric) return v;
    var n = parseFloat(v);
    return isNaN(n) ? -Infinity : n;
  }
  function sortBy(th) {
    var i = th.cellIndex, numeric = th.getAttribute("data-sort") === "num";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.cells, function (c) {
      c.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = cellValue(a, i, numeric), y = cellValue(b, i, numeric);
      var c = numeric ? x - y : String(x).localeCompare(String(y), document.documentElement.lang);
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("#report-table th"), function (th) {
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(th); }
    });
  });

  severity.addEventListener("change", function () { writeHash(); apply(); });
  family.addEventListener("change", function () { writeHash(); apply(); });
  text.addEventListener("input", function () { writeHash(); apply(); });
  window.addEventListener("hashchange", function () { readHash(); apply(); });
  readHash();
  apply();
})();
