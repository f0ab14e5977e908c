// Copy a quote with its attribution + the release URL, in the release's language:
// English “…,” said Name, role.  French « … », a déclaré Name, role.
// Labels come from the script tag's data-* attributes (theme_i18n labels).
// Progressive enhancement: without JavaScript (or a clipboard) the sidebar is unchanged.
// The full statements come from the page's JSON-LD (NewsArticle hasPart, one Quotation per
// statement, its url ending in #anchor); the sidebar itself may show a shortened excerpt.
"use strict";
(function () {
  var labels = (document.currentScript || {}).dataset || {};
  var french = document.documentElement.lang === "fr";
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
  // French: guillemets with no-break spaces, the comma after the closing guillemet.
  var open = french ? "«\u00a0" : "“";
  var close = french ? "\u00a0»" : "”";
  function attributed(part) {
    var paragraphs = part.text.trim().split(/\n\s*\n/);
    var person = part.spokenByCharacter;
    var lines = paragraphs.map(function (text, index) {
      var last = index === paragraphs.length - 1;
      return open + text.trim() + (last ? close : "");
    });
    if (person && person.name) {
      var first = paragraphs[0].trim().replace(/[.,;:]+$/, "");
      var asked = /[?!…]$/.test(first);
      var said = (labels.said || "said") + " " + person.name
        + (person.jobTitle ? ", " + person.jobTitle : "") + ".";
      lines[0] = french
        ? open + first + close + (asked ? " " : ", ") + said
        : open + first + (asked ? "" : ",") + close + " " + said;
    }
    return lines.join("\n\n");
  }

  figures.forEach(function (figure, index) {
    var link = figure.querySelector('a.in-text[href^="#"]');
    var part = link && byAnchor[decodeURIComponent(link.hash.slice(1))];
    if (!part) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-quote";
    button.textContent = labels.copy || "Copy quote";
    // Four buttons with the same text: the accessible name says whose quote each copies.
    var person = part.spokenByCharacter;
    var name = person && person.name ? labels.copyBy : labels.copyNumber;
    if (name) {
      button.setAttribute("aria-label", name
        .replace("{number}", index + 1).replace("{name}", person && person.name));
    }
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var timer;
    function say(text) {
      status.textContent = text;
      clearTimeout(timer);
      timer = setTimeout(function () { status.textContent = ""; }, 4000);
    }
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(attributed(part) + "\n" + url).then(
        function () { say(labels.copied || "Copied"); },
        function () { say(labels.failed || "Could not copy"); }
      );
    });
    figure.append(button, status);
  });
})();
