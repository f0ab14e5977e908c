// Search page: runs the ?q= query against the Pagefind bundles written after every build and
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

  // The index may be split into bundles (bundles.json lists them with their languages). Like
  // Pagefind, search the page's language: its first bundle is the primary, the others merge in.
  // Pagefind skips merging a path the primary's starts with; the first bundle, the only one
  // that contains the others, is the primary whenever it is used.
  var base = new URL(list.dataset.pagefind, document.baseURI);
  var lang = (document.documentElement.lang || "").toLowerCase();
  function speaks(bundle) {
    return bundle.languages.indexOf(lang) >= 0 || bundle.languages.indexOf(lang.split("-")[0]) >= 0;
  }
  function manifest() {
    return fetch(new URL("bundles.json", base)).then(function (response) {
      if (!response.ok) throw new Error("no bundles.json");
      return response.json();
    });
  }
  function load(pagefind, bundles) {
    var urls = bundles.filter(speaks).map(function (bundle) { return new URL(bundle.path, base).href; });
    if (!urls.length) return pagefind; // no release in this language: Pagefind picks one
    return pagefind.options({ basePath: urls[0] })
      .then(function () { return Promise.all(urls.slice(1).map(function (url) { return pagefind.mergeIndex(url); })); })
      .then(function () { return pagefind; });
  }

  Promise.all([import(new URL("pagefind.js", base).href), manifest()])
    .then(function (loaded) { return load(loaded[0], loaded[1].bundles); })
    .then(function (pagefind) { return pagefind.search(query); })
    .then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    })
    .then(show, function () { status.textContent = "Search is not available right now."; });
})();
