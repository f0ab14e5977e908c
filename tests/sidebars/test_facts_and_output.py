"""Key facts, ids in the body, excerpts, JSON-LD parts, settings and front matter (no Pelican)."""

import re

import pytest
from bs4 import BeautifulSoup

from press_sidebars import PressSidebarsSettingsError, extract, load_config
from press_sidebars.frontmatter import FrontMatterError, declared_speakers, sidebars_switch

from .helpers import CONFIG, read, render, text_of


def facts(md_text: str) -> list[list[tuple[str, bool]]]:
    sidebars = read(md_text).sidebars
    return [fact.segments for fact in sidebars.facts] if sidebars else []


def test_bold_phrase_with_its_whole_sentence():
    assert facts("The quay opened in 2020. The boardwalk opens on **2 March**. Come along!") == [
        [("The boardwalk opens on ", False), ("2 March", True), (".", False)]
    ]


def test_several_bold_phrases_in_one_sentence_make_one_fact():
    assert facts("It closes on **31 October** and moves **by the end of 2021**.") == [
        [
            ("It closes on ", False),
            ("31 October", True),
            (" and moves ", False),
            ("by the end of 2021", True),
            (".", False),
        ]
    ]


def test_abbreviations_do_not_end_a_sentence():
    assert facts("Dr. Smith of Acme Inc. opens the quay on **2 March** at noon.")[0][0] == (
        "Dr. Smith of Acme Inc. opens the quay on ",
        False,
    )


def test_bold_in_a_list_item_is_a_fact():
    assert facts("- **1.2 km** of new walkway;\n- twelve benches.") == [
        [("1.2 km", True), (" of new walkway;", False)]
    ]


def test_bold_labels_and_headings_are_not_facts():
    assert (
        facts(
            """
            ## **Background**

            **Notes to editors**

            **P.-S.**

            **Media contact:** Jane Doe, +44 20 7946 0000

            **Press office**: press@example.org
            """
        )
        == []
    )


def test_a_long_bold_paragraph_is_a_fact():
    assert facts("**At least 35 groups have disbanded since the law was enacted.**") == [
        [("At least 35 groups have disbanded since the law was enacted.", True)]
    ]


def test_ids_are_added_and_the_body_text_is_unchanged():
    html = render(
        """
        The quay opens on **2 March**.

        "It belongs to everyone," said Mira Castellanos.

        "We built it together."

        The end.
        """
    )
    result = extract(html, "en", CONFIG)
    assert text_of(result.html) == text_of(html)
    soup = BeautifulSoup(result.html, "html.parser")
    assert [p.get("id") for p in soup.find_all("p")] == ["fact-1", "quote-1", "quote-1-2", None]
    assert result.sidebars.statements[0].anchor == "quote-1"
    assert result.sidebars.facts[0].anchor == "fact-1"
    # Removing the ids gives back exactly the HTML Markdown produced.
    assert re.sub(r' id="(quote|fact)-[\d-]+"', "", result.html) == html


def test_existing_ids_are_reused_and_never_duplicated():
    html = '<p id="opening">"Hello," said Mira Castellanos.</p>\n<h2 id="quote-1">Quote 1</h2>'
    html += '\n<p>"Bye," said Luis Ortega.</p>'
    result = extract(html, "en", CONFIG)
    assert [s.anchor for s in result.sidebars.statements] == ["opening", "quote-2"]
    ids = re.findall(r'id="([^"]+)"', result.html)
    assert len(ids) == len(set(ids))


def test_extraction_is_idempotent():
    html = render('"It belongs to everyone," said Mira Castellanos.\n\nOpens on **2 March**.')
    once = extract(html, "en", CONFIG)
    twice = extract(once.html, "en", CONFIG)
    assert twice.html == once.html
    assert twice.sidebars == once.sidebars


def test_long_statement_has_a_short_excerpt():
    sentence = "The quay was built with the neighbourhood over many long months of work. "
    result = read(f'"{sentence * 6}" said Mira Castellanos.')
    statement = result.sidebars.statements[0]
    assert statement.excerpt.endswith(" …")
    assert len(statement.excerpt.split()) <= CONFIG.excerpt_words + 1
    assert statement.text.startswith(statement.excerpt[:-2])


LONG_SENTENCE = (
    "We stood with the people of Hong Kong through every protest, every arrest and every trial "
    "of the past two years, and we will keep standing with them from outside the city in the "
    "darkest of days, whatever it takes, for as long as it takes to see justice done"
)


def test_a_long_first_sentence_is_cut_at_a_clause_boundary():
    statement = read(f'"{LONG_SENTENCE}," said Agnes Callamard.').sidebars.statements[0]
    assert statement.excerpt == (
        "We stood with the people of Hong Kong through every protest, every arrest and every "
        "trial of the past two years, and we will keep standing with them from outside the city "
        "in the darkest of days, whatever it takes …"
    )
    # The full text ends where the speaker took over, with a full stop instead of the comma.
    assert statement.text == LONG_SENTENCE + "."


def test_without_a_clause_boundary_the_cut_never_leaves_a_phrase_hanging():
    words = "the harbour and the quay and the benches of the city " * 6
    statement = read(f'"{words.strip()}," said Agnes Callamard.').sidebars.statements[0]
    shown = statement.excerpt.removesuffix(" …").split()
    assert statement.excerpt.endswith(" …")
    assert CONFIG.excerpt_words // 3 <= len(shown) <= CONFIG.excerpt_words
    assert shown[-1] not in {"the", "of", "and"}
    assert statement.text.startswith(" ".join(shown))


def test_a_short_first_sentence_alone_is_not_an_excerpt():
    """ "Yes." would say nothing: the excerpt goes on to a clause boundary of the next sentence."""
    statement = read(f'"Yes. {LONG_SENTENCE}," said Agnes Callamard.').sidebars.statements[0]
    assert statement.excerpt == (
        "Yes. We stood with the people of Hong Kong through every protest, every arrest and "
        "every trial of the past two years, and we will keep standing with them from outside "
        "the city in the darkest of days …"
    )


def test_the_body_keeps_the_comma_the_statement_ends_with_a_full_stop():
    result = read('"It belongs to everyone," said Mira Castellanos.')
    assert "It belongs to everyone,” said" in text_of(result.html).replace('"', "”")
    assert result.sidebars.statements[0].text == "It belongs to everyone."
    assert result.sidebars.statements[0].excerpt == "It belongs to everyone."


def test_quotation_parts_for_json_ld():
    sidebars = read(
        """
        "It belongs to everyone," said Mira Castellanos, director of the Trust.

        The board met.

        "Nobody asked us."
        """
    ).sidebars
    assert sidebars.quotation_parts("https://example.org/2024/quay/") == [
        {
            "@type": "Quotation",
            "text": "It belongs to everyone.",  # the comma before "said" ends it standalone
            "spokenByCharacter": {
                "@type": "Person",
                "name": "Mira Castellanos",
                "jobTitle": "director of the Trust",
            },
            "url": "https://example.org/2024/quay/#quote-1",
        },
        {
            "@type": "Quotation",
            "text": "Nobody asked us.",
            "url": "https://example.org/2024/quay/#quote-2",
        },
    ]


def test_nothing_to_show_gives_none():
    assert read("The quay opens on Monday.").sidebars is None


def test_speaker_slug_and_url():
    speaker = read('"Bonjour," said Hélène Dupont-Aignan.').sidebars.statements[0].speaker
    assert (speaker.slug, speaker.url) == ("helene-dupont-aignan", "speakers/helene-dupont-aignan/")


# --- Settings and front matter ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"excerpt_word": 10}, "unknown key(s) 'excerpt_word'"),
        ({"excerpt_words": "ten"}, "['excerpt_words'] must be an integer"),
        ({"enabled": "yes"}, "['enabled'] must be True or False"),
        ({"cues": {"de": {"verbs": []}}}, "['cues']['de']['verbs'] must be a non-empty list"),
        ({"cues": {"en": {"verbs": "said"}}}, "must be a list of non-empty strings"),
        ({"labels": {"en": {"quotes": 3}}}, "['labels']['en'] must be a dict of strings"),
        ([], "PRESS_SIDEBARS must be a dict"),
    ],
)
def test_bad_settings_fail_with_a_clear_error(raw, message):
    with pytest.raises(PressSidebarsSettingsError, match=re.escape(message)):
        load_config(raw)


def test_a_site_language_without_cues_is_an_error():
    with pytest.raises(PressSidebarsSettingsError, match=r"PRESS_LANGUAGES has 'de'"):
        load_config({}, ["en", "fr", "de"])


def test_a_newsroom_can_add_a_language():
    config = load_config(
        {
            "cues": {"de": {"verbs": ["sagte"], "pronouns": ["sie", "er"]}},
            "labels": {
                "de": {
                    "quotes": "Wer sagte was",
                    "facts": "Fakten",
                    "in_text": "Im Text",
                    "unattributed": "Ohne Quelle",
                    "speakers": "Personen",
                    "statements": "Aussagen",
                }
            },
        },
        ["en", "fr", "de"],
    )
    result = extract(render("„Der Kai gehört allen“, sagte Mira Castellanos."), "de", config)
    assert result.sidebars.statements[0].speaker.name == "Mira Castellanos"
    assert result.sidebars.labels["quotes"] == "Wer sagte was"


def test_front_matter_values_are_checked():
    assert sidebars_switch(False) is False
    assert sidebars_switch("no") is False
    assert sidebars_switch(None) is True
    with pytest.raises(FrontMatterError, match="`sidebars` must be true or false"):
        sidebars_switch("maybe")
    assert declared_speakers({"Mira  Castellanos": "director"}) == {"Mira Castellanos": "director"}
    with pytest.raises(FrontMatterError, match="`speakers` must map each name to a role"):
        declared_speakers(["Mira Castellanos"])
    with pytest.raises(FrontMatterError, match="the role of 'Mira' must be text"):
        declared_speakers({"Mira": 3})
