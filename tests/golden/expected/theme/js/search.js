// Search page: runs the ?q= query against the Pagefind index written after every build and
// lists the matching releases. Without JavaScript the page explains where to browse instead.
"use strict";
(function () {
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("search-page-q");
  var query = (new URLSearchParams(window.location.search).get("q") || "").trim();
  if (!list || !query) return;
  input.value = query;
  status.textContent = "Searching…";

  // Pagefind's excerpt is HTML with <mark>; keep only its text and the marks.
  function excerpt(html) {
    var source = new DOMParser().parseFromString(html, "text/html").body;
    var out = document.createElement("p");
    source.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.append(mark);
      } else {
        out.append(node.textContent);
      }
    });
    return out;
  }

  function show(results) {
    status.textContent = results.length
      ? results.length + (results.length === 1 ? " release" : " releases") + " found for “" + query + "”."
      : "No release found for “" + query + "”.";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title;
      item.append(link, excerpt(result.excerpt));
      list.append(item);
    });
  }

  import(new URL(list.dataset.pagefind, document.baseURI).href)
    .then(function (pagefind) { return pagefind.search(query); })
    .then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    })
    .then(show, function () { status.textContent = "Search is not available right now."; });
})();
