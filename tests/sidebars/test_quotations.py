"""One test per attribution pattern of issue 3 (plain functions, no Pelican run)."""

import pytest

from .helpers import read, who


def test_said_name_role():
    assert who('*"We open on Monday,"* said Mira Castellanos, director of the Harbour Trust.') == [
        ("Mira Castellanos", "director of the Harbour Trust", ["We open on Monday."])
    ]


def test_name_said():
    assert who('"We open on Monday," Mira Castellanos said.') == [
        ("Mira Castellanos", None, ["We open on Monday."])
    ]


def test_name_role_said():
    assert who('"We open on Monday," Mira Castellanos, director of the Trust, said.') == [
        ("Mira Castellanos", "director of the Trust", ["We open on Monday."])
    ]


@pytest.mark.parametrize(
    "cue", ["says", "added", "explained", "warned", "noted", "told reporters", "stressed"]
)
def test_other_cue_verbs_and_present_tense(cue):
    assert who(f'"The quay is open," Mira Castellanos {cue}.')[0][0] == "Mira Castellanos"
    assert who(f'"The quay is open," {cue.split()[0]} Mira Castellanos.')[0][0] == (
        "Mira Castellanos"
    )


def test_pronoun_refers_to_the_last_named_speaker():
    statements = who(
        """
        "We open on Monday," said Mira Castellanos, director of the Trust.

        The boardwalk cost 2 million euros.

        "It belongs to everyone," she added.
        """
    )
    assert [(s[0], s[1]) for s in statements] == [
        ("Mira Castellanos", "director of the Trust"),
        ("Mira Castellanos", "director of the Trust"),
    ]


def test_pronoun_without_a_named_speaker_is_unattributed():
    assert who('"It belongs to everyone," she added.') == [
        (None, None, ["It belongs to everyone."])
    ]


def test_split_quotation_in_one_paragraph_is_one_statement():
    assert who('"We built it," Mira Castellanos said. "It belongs to everyone."') == [
        ("Mira Castellanos", None, ["We built it … It belongs to everyone."])
    ]


def test_introduced_by_name_role_said_colon():
    assert who('Mira Castellanos, director of the Trust, said: "We open on Monday."') == [
        ("Mira Castellanos", "director of the Trust", ["We open on Monday."])
    ]


def test_introduced_by_according_to():
    assert who('According to Mira Castellanos, "the quay belongs to everyone."') == [
        ("Mira Castellanos", None, ["the quay belongs to everyone."])
    ]


def test_french_a_declare_with_role():
    assert who(
        "« Le quai appartient à tous », a déclaré Marie Dupont, directrice du port.", lang="fr"
    ) == [("Marie Dupont", "directrice du port", ["Le quai appartient à tous."])]


def test_french_a_ajoute_and_pronoun_inversion():
    statements = who(
        """
        « Le quai ouvre lundi », a ajouté Marie Dupont.

        Le chantier a duré deux ans.

        « Il appartient à tous », a-t-elle précisé.
        """,
        lang="fr",
    )
    assert [s[0] for s in statements] == ["Marie Dupont", "Marie Dupont"]


def test_french_selon_before_and_after():
    assert who("Selon Marie Dupont, « le quai appartient à tous ».", lang="fr") == [
        ("Marie Dupont", None, ["le quai appartient à tous"])
    ]
    assert who("« Le quai appartient à tous », selon Marie Dupont.", lang="fr")[0][0] == (
        "Marie Dupont"
    )


def test_continuation_of_an_open_quotation():
    statements = who(
        """
        "We open on Monday," said Mira Castellanos.

        "The quay was built with the neighbourhood.

        "It belongs to everyone."
        """
    )
    assert len(statements) == 1
    assert statements[0][2] == [
        "We open on Monday.",
        "The quay was built with the neighbourhood.",
        "It belongs to everyone.",
    ]


def test_attribution_in_the_second_paragraph_of_an_open_quotation():
    statements = who(
        """
        "The quay was built with the neighbourhood.

        "It belongs to everyone," said Mira Castellanos.
        """
    )
    assert statements == [
        (
            "Mira Castellanos",
            None,
            ["The quay was built with the neighbourhood.", "It belongs to everyone."],
        )
    ]


def test_narrative_between_quotations_ends_a_statement():
    statements = who(
        """
        "We open on Monday," said Mira Castellanos.

        The boardwalk is 1.2 km long.

        "Nobody asked us."
        """
    )
    assert [s[0] for s in statements] == ["Mira Castellanos", None]


def test_surname_resolves_to_the_full_name_given_earlier():
    statements = who(
        """
        "We open on Monday," said Mira Castellanos, director of the Trust.

        The boardwalk is 1.2 km long.

        "It belongs to everyone," Castellanos said.
        """
    )
    assert [(s[0], s[1]) for s in statements] == [
        ("Mira Castellanos", "director of the Trust"),
        ("Mira Castellanos", "director of the Trust"),
    ]


def test_honorifics_are_not_part_of_the_name():
    statements = who(
        """
        "We open on Monday," said Dr. Mira Castellanos, director of the Trust.

        The boardwalk is 1.2 km long.

        "It belongs to everyone," Prof. Castellanos said.
        """
    )
    assert [s[0] for s in statements] == ["Mira Castellanos", "Mira Castellanos"]


def test_role_given_once_is_carried_to_later_mentions():
    statements = who(
        """
        "We open on Monday," said Agnes Callamard, Secretary General of Amnesty International.

        The boardwalk is 1.2 km long.

        "It belongs to everyone," said Agnes Callamard.
        """
    )
    assert statements[1][1] == "Secretary General of Amnesty International"


def test_ambiguous_surname_is_not_guessed():
    statements = who(
        """
        "A," said Mira Castellanos.

        The board met.

        "B," said Luis Castellanos.

        The board met again.

        "C," Castellanos said.
        """
    )
    assert [s[0] for s in statements] == ["Mira Castellanos", "Luis Castellanos", "Castellanos"]


def test_blockquote_with_dash_attribution():
    assert who(
        """
        > The quay belongs to everyone who lives here.
        >
        > — Mira Castellanos, director of the Harbour Trust
        """
    ) == [
        (
            "Mira Castellanos",
            "director of the Harbour Trust",
            ["The quay belongs to everyone who lives here."],
        )
    ]


def test_blockquote_with_dash_attribution_on_the_last_line():
    assert who(
        """
        > "The quay belongs to everyone who lives here."
        > — Mira Castellanos
        """
    ) == [("Mira Castellanos", None, ["The quay belongs to everyone who lives here."])]


def test_unattributed_quotation_is_kept():
    sidebars = read(
        """
        The board met on Monday.

        "Nobody asked the neighbours."
        """
    ).sidebars
    assert [s.paragraphs for s in sidebars.unattributed] == [["Nobody asked the neighbours."]]


@pytest.mark.parametrize(
    ("paragraph", "description"),
    [
        ('"Good," said the minister.', "the minister"),
        ('"Danger ahead," a spokesperson said.', "a spokesperson"),
        ('"Danger ahead," the director said.', "the director"),
        (
            '*"Danger ahead,"* said the spokesperson for the Trust.',
            "the spokesperson for the Trust",
        ),
        ("« Danger », a déclaré le ministre.", "le ministre"),
    ],
)
def test_a_speaker_described_without_a_name_is_unattributed_never_dropped(paragraph, description):
    lang = "fr" if paragraph.startswith("«") else "en"
    (statement,) = read(paragraph, lang=lang).sidebars.statements
    assert statement.speaker is None  # a description is never made into a person's name
    assert statement.description == description
    assert statement.text in ("Good.", "Danger ahead.", "Danger.")


@pytest.mark.parametrize(
    "verb", ["shouted", "stated", "declared", "remarked", "admitted", "pointed out", "replied"]
)
def test_common_cue_verbs_name_the_speaker(verb):
    assert who(f'"Danger ahead," {verb} Mira Castellanos.') == [
        ("Mira Castellanos", None, ["Danger ahead."])
    ]


def test_an_unknown_cue_verb_keeps_the_quotation_unattributed():
    assert who('"Danger ahead," bellowed Mira Castellanos.') == [(None, None, ["Danger ahead."])]


def test_a_pronoun_after_an_unnamed_speaker_is_not_the_last_named_one():
    statements = read(
        """
        "We open on Monday," said Mira Castellanos.

        The board met.

        "Too soon," said the minister.

        The Trust replied.

        "We will listen," she added.
        """
    ).sidebars.statements
    assert [(s.speaker and s.speaker.name, s.description) for s in statements] == [
        ("Mira Castellanos", None),
        (None, "the minister"),
        (None, "the minister"),
    ]


def test_two_speakers_in_one_paragraph_make_two_statements():
    statements = read('"A," said John Smith. "B," said Jane Doe.').sidebars.statements
    assert [(s.speaker.name, s.text) for s in statements] == [
        ("John Smith", "A."),
        ("Jane Doe", "B."),
    ]
    assert statements[0].anchor == statements[1].anchor == "quote-1"  # their one paragraph


def test_split_quotation_by_the_same_speaker_stays_one_statement():
    assert who('"A," said John Smith. "B," Smith added. "C," he said.') == [
        ("John Smith", None, ["A … B … C."])
    ]


def test_a_split_quotation_after_an_unreadable_attribution_is_not_credited_to_the_next():
    assert who('"A," bellowed John Smith. "B," said Jane Doe.') == [
        (None, None, ["A."]),
        ("Jane Doe", None, ["B."]),
    ]


def test_front_matter_speakers_set_roles_and_full_names():
    statements = who(
        '"It belongs to everyone," Castellanos said.',
        speakers={"Mira Castellanos": "chair of the Harbour Trust"},
    )
    assert statements[0][:2] == ("Mira Castellanos", "chair of the Harbour Trust")


# --- Not quotations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        'It targets alleged acts of "secession", "subversion of state power" and "collusion".',
        'Its definition of "national security" follows that of Beijing.',
        'The report "Hidden Costs", published today, documents 40 cases.',
        "The report *Hidden Costs* was published today.",
        '"Hidden Costs" is the title of the report published today by the Trust.',
        "Amnesty’s members said the decision was hard, and the Trust’s board agreed.",
        'According to the report, the quay is "safe".',
    ],
)
def test_not_quotations(paragraph):
    assert read(paragraph).sidebars is None


def test_nested_quotes_do_not_end_a_quotation():
    statements = who(
        """
        "Our research covered Japan's atrocities against "comfort women", and the crackdown
        on lawyers," said Agnes Callamard.
        """
    )
    assert statements == [
        (
            "Agnes Callamard",
            None,
            [
                'Our research covered Japan\'s atrocities against "comfort women", and the '
                "crackdown on lawyers."
            ],
        )
    ]


def test_apostrophes_do_not_end_a_quotation():
    statements = who('"Amnesty’s work goes on; the Trust’s too," said Agnes Callamard.')
    assert statements[0][2] == ["Amnesty’s work goes on; the Trust’s too."]


def test_two_speakers_in_one_blockquote_line_make_two_statements():
    assert who(
        """
        > "A," said John Smith. "B," said Jane Doe.
        """
    ) == [("John Smith", None, ["A."]), ("Jane Doe", None, ["B."])]
