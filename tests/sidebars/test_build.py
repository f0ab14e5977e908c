"""End to end: real Pelican builds into tmp_path with the sidebar plugin."""

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from pelican import signals

from conftest import run_build
from press_sidebars import PressSidebarsSettingsError
from strict_build import StrictBuildError

ROOT = Path(__file__).resolve().parents[2]
PUBLISH = ROOT / "publishconf.py"


def release(title, date, body, **front):
    lines = [
        "---",
        f"title: {title}",
        f"date: {date}",
        "author: Harbour Trust",
        "category: Press releases",
        f"summary: {title}.",
        f"lang: {front.pop('lang', 'en')}",
    ]
    for key, value in front.items():
        lines.append(f"{key}: {value}")
    return "\n".join([*lines, "---", "", body.strip(), ""])


def page(output: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((output / path).read_text(encoding="utf-8"), "html.parser")


RELEASES = {
    "2024-03-01-quay.md": release(
        "Quay opens",
        "2024-03-01T09:00:00+01:00",
        """
The quay opens on **2 March**, the Trust announced.

*"The quay belongs to everyone &lt;who&gt; lives here,"* said Mira Castellanos,
director of the Harbour & Quay Trust.

*"We built it with the neighbourhood."*

The boardwalk is 1.2 km long.

"Nobody asked the fishermen."
""",
    ),
    "2024-05-01-benches.md": release(
        "Benches arrive",
        "2024-05-01T09:00:00+01:00",
        '"Twelve benches arrive this week," Castellanos said.',
        speakers="{Mira Castellanos: chair of the Harbour Trust}",
    ),
    "2024-06-01-draft.md": release(
        "Draft",
        "2024-06-01T09:00:00+01:00",
        '"A secret plan," said Luis Ortega.',
        status="draft",
    ),
    "2024-06-02-hidden.md": release(
        "Hidden",
        "2024-06-02T09:00:00+01:00",
        '"Another secret," said Ana Hidden.',
        status="hidden",
    ),
    "2024-07-01-off.md": release(
        "Sidebars off",
        "2024-07-01T09:00:00+01:00",
        '"Off the record," said Mira Castellanos.\n\nOpens on **3 March**.',
        sidebars="false",
    ),
    "2024-08-01-fr.md": release(
        "Le quai ouvre",
        "2024-08-01T09:00:00+01:00",
        "« Le quai appartient à tous », a déclaré Marie Dupont, directrice du port.",
        lang="fr",
    ),
    "2024-09-01-plain.md": release(
        "Nothing to quote", "2024-09-01T09:00:00+01:00", "The board met on Monday."
    ),
}
SITEURL = "https://news.example.org"
NO_SEARCH = {"ENABLED": False}  # Pagefind is tested on its own; it adds nothing here


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("content")
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def site(content, tmp_path_factory) -> Path:
    """The local preview (pelicanconf): drafts are shown as normal pages, with a banner."""
    output = tmp_path_factory.mktemp("preview")
    run_build(output, PATH=str(content), SEARCH_INDEX=NO_SEARCH)
    return output


@pytest.fixture(scope="module")
def published(content, tmp_path_factory) -> Path:
    """The published site (publishconf: PRESS_SHOW_UNPUBLISHED = False, absolute SITEURL)."""
    output = tmp_path_factory.mktemp("published")
    run_build(output, PUBLISH, PATH=str(content), SITEURL=SITEURL, SEARCH_INDEX=NO_SEARCH)
    return output


def json_ld(soup: BeautifulSoup) -> dict:
    """The page's one JSON-LD object (the theme's NewsArticle)."""
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def speaker_links_resolve(output: Path) -> list[str]:
    """Every speaker link of every page, checked to lead to a written speaker page."""
    links = []
    for path in output.rglob("*.html"):
        for link in page(output, str(path.relative_to(output))).select("cite.speaker a"):
            href = link["href"].removeprefix(SITEURL + "/")
            target = (path.parent / href if href.startswith(".") else output / href).resolve()
            assert (target / "index.html").is_file(), f"{path}: dead link {link['href']}"
            links.append(link["href"])
    return links


def test_aside_markup_ids_and_links(site):
    quay = page(site, "2024/quay-opens/index.html")
    figures = quay.select("aside.quotes > figure.quote")
    assert len(figures) == 2
    first = figures[0]
    assert (
        first.blockquote.get_text(strip=True) == "The quay belongs to everyone <who> lives here. …"
    )
    assert first.select_one("cite.speaker").get_text(strip=True) == "Mira Castellanos"
    assert first.select_one("span.role").get_text() == "director of the Harbour & Quay Trust"
    assert first.select_one("a.in-text")["href"] == "#quote-1"
    assert quay.select_one(".body #quote-1") is not None
    assert quay.select_one(".body #quote-1-2") is not None
    assert figures[1].select_one("cite.speaker").get_text(strip=True) == "Unattributed"
    assert quay.select_one("aside.key-facts li strong").get_text() == "2 March"
    raw = (site / "2024/quay-opens/index.html").read_text(encoding="utf-8")
    assert "&lt;who&gt;" in raw and "Harbour &amp; Quay Trust" in raw  # escaped, not markup


def test_unattributed_quotations_are_listed_by_the_build(write_release, tmp_path, capsys):
    write_release(
        "2024-03-01-a.md",
        release("A", "2024-03-01T09:00:00+01:00", 'The board met.\n\n"Nobody asked us."'),
    )
    run_build(tmp_path / "out", PATH=str(write_release.content))
    err = capsys.readouterr().err
    assert "1 unattributed quotation(s)" in err
    assert "2024-03-01-a.md: unattributed quotation #quote-1: “Nobody asked us.”" in err


def test_json_ld_has_part(published, site):
    quay = page(published, "2024/quay-opens/index.html")
    data = json_ld(quay)
    assert data["@type"] == "NewsArticle" and data["url"] == f"{SITEURL}/2024/quay-opens/"
    assert data["hasPart"][0] == {
        "@type": "Quotation",
        "text": (
            "The quay belongs to everyone <who> lives here.\n\nWe built it with the neighbourhood."
        ),
        "spokenByCharacter": {
            "@type": "Person",
            "name": "Mira Castellanos",
            "jobTitle": "director of the Harbour & Quay Trust",
        },
        "url": f"{SITEURL}/2024/quay-opens/#quote-1",
    }
    assert data["hasPart"][1] == {
        "@type": "Quotation",
        "text": "Nobody asked the fishermen.",
        "url": f"{SITEURL}/2024/quay-opens/#quote-2",
    }
    # The local preview has no absolute URL: its parts still point at the page's own anchors.
    preview = page(site, "2024/quay-opens/index.html")
    served_at = "http://127.0.0.1:8080/2024/quay-opens/"
    parts = json_ld(preview)["hasPart"]
    assert [urljoin(served_at, part["url"]) for part in parts] == [
        f"{served_at}#quote-1",
        f"{served_at}#quote-2",
    ]
    assert preview.select_one(".body #quote-1") and preview.select_one(".body #quote-2")


def test_speaker_pages_newest_first_published_only(published):
    mira = page(published, "speakers/mira-castellanos/index.html")
    links = [a["href"] for a in mira.select("figure.quote figcaption a")]
    assert links == [
        f"{SITEURL}/2024/benches-arrive/#quote-1",
        f"{SITEURL}/2024/quay-opens/#quote-1",
    ]
    assert mira.select_one("p.role").get_text() == "chair of the Harbour Trust"  # newest role
    index = page(published, "speakers/index.html")
    assert [a.get_text() for a in index.select("ul.speakers a")] == [
        "Mira Castellanos",
        "Marie Dupont",
    ]
    assert not (published / "2024" / "draft").exists()  # withheld: not written at all
    assert not (published / "speakers" / "luis-ortega").exists()  # draft
    assert not (published / "speakers" / "ana-hidden").exists()  # hidden
    assert "Luis Ortega" not in (published / "speakers/index.html").read_text(encoding="utf-8")
    assert speaker_links_resolve(published)


def test_front_matter_speakers_override_the_role(site):
    benches = page(site, "2024/benches-arrive/index.html")
    assert benches.select_one("cite.speaker").get_text(strip=True) == "Mira Castellanos"
    assert benches.select_one("span.role").get_text() == "chair of the Harbour Trust"


def test_sidebars_false_and_nothing_to_show(published):
    off = page(published, "2024/sidebars-off/index.html")
    assert off.select("aside") == [] and off.select(".body [id]") == []
    assert "hasPart" not in json_ld(off)  # the theme's NewsArticle, without quotations
    mira = page(published, "speakers/mira-castellanos/index.html")
    assert "Off the record" not in mira.get_text()
    plain = page(published, "2024/nothing-to-quote/index.html")
    assert plain.select("aside") == [] and "hasPart" not in json_ld(plain)


def test_french_release_gets_french_labels(site):
    fr = page(site, "2024/le-quai-ouvre/fr/index.html")
    assert fr.select_one("aside.quotes h2").get_text() == "Qui a dit quoi"
    assert fr.select_one("span.role").get_text() == "directrice du port"


def test_draft_page_keeps_its_sidebar_without_a_dead_speaker_link(site):
    # The preview shows a draft as it will be published: sidebar, speaker page and link.
    draft = page(site, "2024/draft/index.html")
    assert draft.select_one(".status-banner") is not None
    link = draft.select_one("cite.speaker a")
    assert link.get_text() == "Luis Ortega" and link["href"] == "../../speakers/luis-ortega/"
    # A hidden release is written but feeds no speaker page: its name is not a link.
    hidden = page(site, "2024/hidden/index.html")
    assert hidden.select_one("cite.speaker").get_text(strip=True) == "Ana Hidden"
    assert hidden.select_one("cite.speaker a") is None
    assert speaker_links_resolve(site)


def test_results_survive_the_generator_content_cache(write_release, tmp_path):
    write_release(
        "2024-03-01-quay.md",
        release(
            "Quay opens",
            "2024-03-01T09:00:00+01:00",
            '"It belongs to everyone," said Mira Castellanos.\n\nOpens on **2 March**.',
        ),
    )
    cache = {
        "PATH": str(write_release.content),
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "generator",
        "CACHE_PATH": str(tmp_path / "cache"),
    }
    run_build(tmp_path / "cold", **cache)
    run_build(tmp_path / "warm", **cache)  # articles come from the pickled cache
    cold = (tmp_path / "cold/2024/quay-opens/index.html").read_text(encoding="utf-8")
    warm = (tmp_path / "warm/2024/quay-opens/index.html").read_text(encoding="utf-8")
    assert warm == cold
    assert 'id="quote-1"' in warm and 'class="quotes"' in warm
    assert (tmp_path / "warm/speakers/mira-castellanos/index.html").is_file()


def test_bad_settings_stop_the_build_at_start_up(write_release, tmp_path):
    write_release("2024-03-01-a.md", release("A", "2024-03-01T09:00:00+01:00", "Text."))
    with pytest.raises(PressSidebarsSettingsError, match="unknown key"):
        run_build(tmp_path / "out", PATH=str(write_release.content), PRESS_SIDEBARS={"nope": 1})


def test_bad_front_matter_fails_the_strict_build_naming_the_file(write_release, tmp_path):
    write_release(
        "2024-03-01-a.md",
        release(
            "A", "2024-03-01T09:00:00+01:00", '"Hi," said Mira Castellanos.', speakers="[Mira]"
        ),
    )
    # Reported once, by release_checks (which then keeps the file from being read).
    with pytest.raises(StrictBuildError, match=r"2024-03-01-a\.md:\d+: speakers: expected `Name"):
        run_build(tmp_path / "out", PATH=str(write_release.content))


def test_invoke_quotes_prints_what_the_plugin_read():
    seed = ROOT / "content" / "2021-10-25-amnesty-international-to-close-its-hong-kong-offices.md"
    result = subprocess.run(
        [str(Path(sys.executable).with_name("invoke")), "quotes", str(seed)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    out = result.stdout
    assert "Statements (4):" in out and "Facts (2):" in out
    assert "Anjhula Mya Singh Bais — chair of Amnesty's International Board" in out
    assert "Agnes Callamard — Secretary General of Amnesty International" in out
    assert "**31 October**" in out and "**by the end of 2021**" in out


def test_a_surname_only_release_joins_the_full_name_site_wide(tmp_path):
    """The golden site: the second release only says "Castellanos"; the first names her."""
    from tasks import _golden_overrides

    run_build(tmp_path, **_golden_overrides(tmp_path))
    assert sorted(p.name for p in (tmp_path / "speakers").iterdir() if p.is_dir()) == [
        "mira-castellanos"
    ]
    speaker = page(tmp_path, "speakers/mira-castellanos/index.html")
    assert "I am honoured to serve." in speaker.get_text()
    assert "The quay belongs to everyone who lives here." in speaker.get_text()
    second = page(tmp_path, "2024/harbour-trust-names-new-chair/index.html")
    cite = second.select_one("aside.quotes cite.speaker")
    assert cite.get_text(strip=True) == "Mira Castellanos"
    assert cite.a["href"].endswith("speakers/mira-castellanos/")
    (news,) = [
        data
        for script in second.select('script[type="application/ld+json"]')
        if (data := json.loads(script.string)).get("@type") == "NewsArticle"
    ]
    assert news["hasPart"][0]["spokenByCharacter"]["name"] == "Mira Castellanos"
    # The body's text is unchanged: it still says what the release wrote.
    assert "Castellanos said." in second.select_one("#quote-1").get_text()


def test_site_wide_names_survive_the_generator_content_cache(write_release, tmp_path):
    """Warm builds restore each release's own result; the site-wide name is applied again."""
    write_release(
        "2024-03-01-quay.md",
        release("Quay opens", "2024-03-01T09:00:00+01:00", '"Open," said Mira Castellanos.'),
    )
    write_release(
        "2024-04-01-chair.md",
        release("New chair", "2024-04-01T09:00:00+01:00", '"Honoured," Castellanos said.'),
    )
    cache = {
        "PATH": str(write_release.content),
        "CACHE_CONTENT": True,
        "LOAD_CONTENT_CACHE": True,
        "CONTENT_CACHING_LAYER": "generator",
        "CACHE_PATH": str(tmp_path / "cache"),
    }
    for build in ("cold", "warm"):
        run_build(tmp_path / build, **cache)
        speakers = sorted(p.name for p in (tmp_path / build / "speakers").iterdir() if p.is_dir())
        assert speakers == ["mira-castellanos"], build
        chair = page(tmp_path / build, "2024/new-chair/index.html")
        assert chair.select_one("cite.speaker").get_text(strip=True) == "Mira Castellanos"


def test_speaker_pages_are_written_with_the_articles_generator_output(write_release, tmp_path):
    """Not after every other generator: so they render while fast_writer's pool may still be
    rendering release pages (page_writer_finalized is where the pool is waited for)."""
    write_release(
        "2024-03-01-quay.md",
        release("Quay opens", "2024-03-01T09:00:00+01:00", '"Open," said Mira Castellanos.'),
    )
    written: list[str] = []
    speakers_when_pages_done: list[bool] = []

    def record(path, context):
        written.append(Path(path).relative_to(tmp_path / "out").as_posix())

    def pages_done(generator, writer):
        speakers_when_pages_done.append("speakers/index.html" in written)

    signals.content_written.connect(record)
    signals.page_writer_finalized.connect(pages_done)
    try:
        run_build(tmp_path / "out", PATH=str(write_release.content))
    finally:
        signals.content_written.disconnect(record)
        signals.page_writer_finalized.disconnect(pages_done)
    assert speakers_when_pages_done == [True]
    assert "speakers/mira-castellanos/index.html" in written
    assert written.count("speakers/index.html") == 1


def test_worker_processes_keep_no_results_cache():
    """fast_reader's forked workers extract and send the result back on the article; a cache
    kept in them dies with them and only gives the cyclic collector more to walk."""
    import multiprocessing
    from types import SimpleNamespace

    from press_sidebars import load_config, wiring

    config = load_config({})

    def article(text):
        return SimpleNamespace(
            _content=f'<p>"{text}," said Mira Castellanos.</p>',
            metadata={},
            lang="en",
            source_path="a.md",
        )

    def extract_in_child(queue):
        quoted = article("In a worker")
        wiring.apply(quoted, config)
        queue.put((len(wiring._RESULTS), quoted.press_sidebars.statements[0].text))

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=extract_in_child, args=(queue,))
    child.start()
    kept_in_child, text = queue.get(timeout=30)
    child.join()
    assert (kept_in_child, text) == (len(wiring._RESULTS), "In a worker.")

    quoted = article("In the build's own process")
    before = len(wiring._RESULTS)
    wiring.apply(quoted, config)
    assert len(wiring._RESULTS) > before  # `make serve` rebuilds look results up here
