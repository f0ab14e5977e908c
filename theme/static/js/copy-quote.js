// Copy a quote with its attribution: “…,” said Name, role. + the release URL.
// Progressive enhancement: without JavaScript (or a clipboard) the sidebar is unchanged.
"use strict";
(function () {
  var data = document.getElementById("quote-data");
  var figures = document.querySelectorAll("aside.quotes figure.quote");
  if (!data || !figures.length || !navigator.clipboard) return;
  var quotes = JSON.parse(data.textContent);
  var canonical = document.querySelector('link[rel="canonical"]');
  var url = canonical ? canonical.href : window.location.href.split("#")[0];

  function attribution(quote) {
    // Press style: the closing full stop inside the quote becomes a comma before "said".
    var text = quote.text.trim();
    if (!quote.name) return "“" + text + "”";
    text = text.replace(/[.,;:]+$/, "");
    if (!/[?!…]$/.test(text)) text += ",";
    var said = "“" + text + "” said " + quote.name;
    return said + (quote.role ? ", " + quote.role : "") + ".";
  }

  var byAnchor = {};
  quotes.forEach(function (quote) { byAnchor[quote.anchor] = quote; });

  // A figure names its statement by data-anchor or by its link to the paragraph; failing
  // both, figures and statements are paired in order.
  function quoteFor(figure, index) {
    var link = figure.querySelector('a[href^="#"]');
    var anchor = figure.dataset.anchor || (link && decodeURIComponent(link.hash.slice(1)));
    return byAnchor[anchor] || (figures.length === quotes.length ? quotes[index] : null);
  }

  figures.forEach(function (figure, index) {
    var quote = quoteFor(figure, index);
    if (!quote) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-quote";
    button.textContent = "Copy quote";
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(attribution(quote) + "\n" + url).then(
        function () { status.textContent = "Copied"; },
        function () { status.textContent = "Could not copy"; }
      );
    });
    figure.append(button, status);
  });
})();
