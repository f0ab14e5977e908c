// Copy a quote with its attribution: “…,” said Name, role. + the release URL.
// Progressive enhancement: without JavaScript (or a clipboard) the sidebar is unchanged.
// The full statements come from the page's JSON-LD (NewsArticle hasPart, one Quotation per
// statement, its url ending in #anchor); the sidebar itself may show a shortened excerpt.
"use strict";
(function () {
  var figures = document.querySelectorAll("aside.quotes figure.quote");
  if (!figures.length || !navigator.clipboard) return;
  var canonical = document.querySelector('link[rel="canonical"]');
  var url = canonical ? canonical.href : window.location.href.split("#")[0];

  var byAnchor = {};
  document.querySelectorAll('script[type="application/ld+json"]').forEach(function (script) {
    var data;
    try { data = JSON.parse(script.textContent); } catch (error) { return; }
    (data.hasPart || []).forEach(function (part) {
      var hash = part["@type"] === "Quotation" && part.url && part.url.split("#")[1];
      if (hash) byAnchor[decodeURIComponent(hash)] = part;
    });
  });

  // Press style: the closing full stop of the first paragraph becomes a comma before "said";
  // a quotation running over several paragraphs leaves every paragraph but the last open.
  function attributed(part) {
    var paragraphs = part.text.trim().split(/\n\s*\n/);
    var person = part.spokenByCharacter;
    var lines = paragraphs.map(function (text, index) {
      var last = index === paragraphs.length - 1;
      return "“" + text.trim() + (last ? "”" : "");
    });
    if (person && person.name) {
      var first = paragraphs[0].trim().replace(/[.,;:]+$/, "");
      if (!/[?!…]$/.test(first)) first += ",";
      lines[0] = "“" + first + "” said " + person.name
        + (person.jobTitle ? ", " + person.jobTitle : "") + ".";
    }
    return lines.join("\n\n");
  }

  figures.forEach(function (figure) {
    var link = figure.querySelector('a.in-text[href^="#"]');
    var part = link && byAnchor[decodeURIComponent(link.hash.slice(1))];
    if (!part) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-quote";
    button.textContent = "Copy quote";
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(attributed(part) + "\n" + url).then(
        function () { status.textContent = "Copied"; },
        function () { status.textContent = "Could not copy"; }
      );
    });
    figure.append(button, status);
  });
})();
