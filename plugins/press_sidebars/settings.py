"""The one settings dict, PRESS_SIDEBARS: defaults, merging and start-up validation."""

from dataclasses import dataclass
from functools import cached_property
from typing import Any


class PressSidebarsSettingsError(ValueError):
    """PRESS_SIDEBARS is malformed; the message names the key and what is expected."""


# Cue words per language. "verbs" may be several words; "auxiliaries" may stand before a verb
# ("a déclaré", "a-t-elle ajouté"); "pronouns" refer back to the last named speaker.
def _words(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


DEFAULT_CUES: dict[str, dict[str, list[str]]] = {
    "en": {
        "verbs": _words(
            """said, says, added, adds, explained, explains, warned, warns, noted, notes, told,
            tells, stated, states, continued, continues, commented, comments, stressed, stresses,
            emphasized, emphasised, emphasizes, emphasises, urged, urges, declared, declares,
            announced, observed, remarked, concluded, concludes, argued, argues, insisted,
            insists, wrote, writes, recalled, acknowledged, pointed out, points out, went on,
            according to, asked, asks, replied, answered, shouted, shouts, admitted, admits,
            announces, acknowledges, observes, confirmed, confirms, cautioned,
            cautions, responded, responds, reiterated, reiterates, maintained, maintains,
            suggested, suggests, agreed, agrees, promised, promises, pledged, pledges,
            exclaimed, exclaims, cried, whispered, predicted, predicts, vowed, vows"""
        ),
        "auxiliaries": ["has", "had"],
        "pronouns": ["he", "she", "they"],
    },
    "fr": {
        "verbs": _words(
            """déclaré, déclare, ajouté, ajoute, expliqué, explique, affirmé, affirme, souligné,
            souligne, indiqué, indique, précisé, précise, estimé, estime, averti, avertit,
            rappelé, rappelle, poursuivi, poursuit, conclu, conclut, dit, insisté, insiste,
            commenté, commente, noté, note, martelé, martèle, confié, confie, selon, d'après,
            d’après, lancé, lance, assuré, assure, déploré, déplore, annoncé, reconnu,
            reconnaît, admis, admet, répondu, répond, répliqué, confirmé, confirme,
            écrit, observé, observe, demandé, plaidé, plaide, regretté, regrette, prévenu,
            prévient, exhorté, exhorte, crié, s'est exclamé, s’est exclamé, promis, promet,
            rétorqué, rétorque, renchéri, renchérit"""
        ),
        "auxiliaries": ["a", "avait", "t"],
        "pronouns": ["il", "elle", "ils", "elles"],
    },
}

DEFAULT_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "quotes": "Who said what",
        "facts": "Key facts",
        "in_text": "In the text",
        "unattributed": "Unattributed",
        "speakers": "Speakers",
        "statements": "Statements",
    },
    "fr": {
        "quotes": "Qui a dit quoi",
        "facts": "Faits essentiels",
        "in_text": "Dans le texte",
        "unattributed": "Non attribué",
        "speakers": "Intervenants",
        "statements": "Déclarations",
    },
}

DEFAULT_HONORIFICS = _words(
    "Dr, Prof, Professor, Mr, Mrs, Ms, Mx, Sir, Dame, Rev, Hon, M, Mme, Mlle, Me, Pr"
)

DEFAULTS: dict[str, Any] = {
    "enabled": True,  # False: no sidebars, no ids, no speaker pages
    "excerpt_words": 40,  # the sidebar shows at most this many words of a statement
    "speaker_pages": True,  # write speakers/<slug>/ and speakers/
    "fail_on_unattributed": False,  # True: an unattributed quotation fails the strict build
    "cues": DEFAULT_CUES,
    "labels": DEFAULT_LABELS,
    "honorifics": DEFAULT_HONORIFICS,
}


@dataclass(frozen=True)
class LanguageCues:
    verbs: tuple[str, ...]
    auxiliaries: tuple[str, ...]
    pronouns: tuple[str, ...]


@dataclass(frozen=True)
class Config:
    enabled: bool
    excerpt_words: int
    speaker_pages: bool
    fail_on_unattributed: bool
    cues: dict[str, LanguageCues]
    labels: dict[str, dict[str, str]]
    honorifics: tuple[str, ...]

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever a setting that affects extraction changes (part of cache keys)."""
        return repr((self.excerpt_words, sorted(self.cues.items()), self.honorifics))


def _fail(key: str, expected: str, value: object) -> None:
    raise PressSidebarsSettingsError(
        f"PRESS_SIDEBARS[{key}] must be {expected}, got {value!r} "
        "(see plugins/press_sidebars/settings.py for the defaults)"
    )


def _string_list(key: str, value: object, allow_empty: bool = True) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
        _fail(key, "a list of non-empty strings", value)
    if not allow_empty and not value:
        _fail(key, "a non-empty list of strings", value)
    return tuple(value)


def _per_language(key: str, value: object) -> dict:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        _fail(key, "a dict of language code → settings", value)
    return value


def load_config(raw: object, languages: list[str] | None = None) -> Config:
    """Merge PRESS_SIDEBARS over the defaults and validate everything; raise a clear error."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise PressSidebarsSettingsError(f"PRESS_SIDEBARS must be a dict, got {raw!r}")
    unknown = sorted(set(raw) - set(DEFAULTS))
    if unknown:
        raise PressSidebarsSettingsError(
            f"PRESS_SIDEBARS has unknown key(s) {', '.join(map(repr, unknown))}; "
            f"known keys: {', '.join(sorted(DEFAULTS))}"
        )
    merged = {**DEFAULTS, **raw}
    for key in ("enabled", "speaker_pages", "fail_on_unattributed"):
        if not isinstance(merged[key], bool):
            _fail(repr(key), "True or False", merged[key])
    words = merged["excerpt_words"]
    if not isinstance(words, int) or isinstance(words, bool) or words < 5:
        _fail("'excerpt_words'", "an integer of at least 5", words)

    # Languages merge key by key: a newsroom can add a language or replace one list.
    cues: dict[str, LanguageCues] = {}
    user_cues = _per_language("'cues'", raw.get("cues", {}))
    for lang in sorted(set(DEFAULT_CUES) | set(user_cues)):
        entry = _per_language(f"'cues'][{lang!r}", user_cues.get(lang, {}))
        unknown = set(entry) - {"verbs", "auxiliaries", "pronouns"}
        if unknown:
            _fail(f"'cues'][{lang!r}", "a dict with verbs, auxiliaries, pronouns", entry)
        base = DEFAULT_CUES.get(lang, {"verbs": [], "auxiliaries": [], "pronouns": []})
        entry = {**base, **entry}
        cues[lang] = LanguageCues(
            verbs=_string_list(f"'cues'][{lang!r}]['verbs'", entry["verbs"], allow_empty=False),
            auxiliaries=_string_list(f"'cues'][{lang!r}]['auxiliaries'", entry["auxiliaries"]),
            pronouns=_string_list(f"'cues'][{lang!r}]['pronouns'", entry["pronouns"]),
        )

    labels: dict[str, dict[str, str]] = {}
    user_labels = _per_language("'labels'", raw.get("labels", {}))
    required = set(DEFAULT_LABELS["en"])
    for lang in sorted(set(DEFAULT_LABELS) | set(user_labels)):
        entry = {**DEFAULT_LABELS.get(lang, {}), **_per_language(lang, user_labels.get(lang, {}))}
        if set(entry) != required or not all(isinstance(v, str) for v in entry.values()):
            _fail(f"'labels'][{lang!r}", f"a dict of strings with keys {sorted(required)}", entry)
        labels[lang] = entry

    for lang in languages or ():
        if lang not in cues or lang not in labels:
            raise PressSidebarsSettingsError(
                f"PRESS_LANGUAGES has {lang!r} but PRESS_SIDEBARS has no cues/labels for it: "
                f"add PRESS_SIDEBARS['cues'][{lang!r}] and PRESS_SIDEBARS['labels'][{lang!r}]"
            )

    honorifics = _string_list("'honorifics'", merged["honorifics"])
    return Config(
        enabled=merged["enabled"],
        excerpt_words=words,
        speaker_pages=merged["speaker_pages"],
        fail_on_unattributed=merged["fail_on_unattributed"],
        cues=cues,
        labels=labels,
        honorifics=tuple(h.rstrip(".") for h in honorifics),
    )
