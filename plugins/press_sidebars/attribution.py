"""Who said it: parse the words around a quotation ("…," said Name, role.) into a speaker."""

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from .settings import LanguageCues

# Lowercase words allowed inside a name ("Ursula von der Leyen", "Luiz Inácio Lula da Silva").
PARTICLES = frozenset(
    re.findall(
        r"\S+",
        "de du des da das do dos di del della van von der den ter le la bin binti ibn al el y e",
    )
)
# Capitalised words that start a sentence, not a name.
NOT_NAMES = frozenset(
    re.findall(
        r"\S+",
        "the a an this that these those it its we i our in on at for but and "
        "le la les un une ce cette nous je dans pour mais et",
    )
)
# A role stops before a clause like ", who …" or ", in a statement".
_ROLE_END = re.compile(
    r",\s+(?:who|which|adding|noting|speaking|referring|in|at|on|during|after|before|when|as|"
    r"qui|lors|dans|en|ajoutant|avant|après)\b|[;!?]|\.(?=\s|$)"
)
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:Inc|Ltd|Co|Corp|Dr|Prof|St|Jr|Sr|No|Mr|Mrs|Ms))$")


_TOKEN = re.compile(r"\S+")
_INITIAL = re.compile(r"[^\W\d_]\.")


@dataclass(frozen=True)
class Attribution:
    name: str | None  # None with pronoun=True: "she added" → the last named speaker
    role: str | None = None
    pronoun: bool = False
    # No name but a description ("said the minister", "a spokesperson said"): the statement
    # stays unattributed, and the description is never turned into a person's name.
    description: str | None = None


_MAX_DESCRIPTION_WORDS = 8


def parse_description(text: str) -> str | None:
    """'the spokesperson for the Trust' in "the spokesperson for the Trust, in a statement."."""
    text = text.strip().lstrip(",;:—–- ")
    end = _ROLE_END.search(text)
    if end is not None:
        text = text[: end.start()]
    text = text.strip(" ,.;:!?")
    words = text.split()
    if not words or len(words) > _MAX_DESCRIPTION_WORDS:
        return None
    if len(words) == 1 and words[0].lower() in NOT_NAMES:
        return None  # "it said", "this says": nothing that describes a speaker
    return text


@lru_cache(maxsize=64)
def _verb_pattern(cues: LanguageCues) -> re.Pattern:
    verbs = "|".join(re.escape(v) for v in sorted(cues.verbs, key=len, reverse=True))
    aux = "|".join(re.escape(a) for a in sorted(cues.auxiliaries, key=len, reverse=True))
    prefix = rf"(?:(?:{aux})\s+)?" if aux else ""
    return re.compile(rf"(?<![\w’'-]){prefix}(?:{verbs})(?![\w’'])", re.I)


def _token_core(token: str) -> str:
    return token.strip(',;:.!?()[]"“”«»')


def _is_honorific(token: str, honorifics: tuple[str, ...]) -> bool:
    return token.rstrip(".,") in honorifics


def parse_name(text: str, honorifics: tuple[str, ...]) -> tuple[str | None, str]:
    """Split "Dr. Jane Doe, director of X …" into ("Jane Doe", ", director of X …")."""
    tokens = list(islice(_TOKEN.finditer(text), 12))  # a name is never longer than this
    i = 0
    while i < len(tokens) and _is_honorific(tokens[i].group(), honorifics):
        i += 1
    words: list[str] = []
    end = tokens[i].start() if i < len(tokens) else len(text)
    while i < len(tokens):
        token = tokens[i].group()
        core = token.rstrip(",;:.!?")
        core = core.lstrip('("“«')
        if not core:
            break
        initial = _INITIAL.fullmatch(token) is not None and core[0].isupper()
        capital = core[0].isupper()
        particle = core.lower() in PARTICLES and words and i + 1 < len(tokens)
        if particle:
            following = tokens[i + 1].group().lstrip('("“«')
            particle = bool(following) and following[0].isupper()
        if not (capital or particle):
            break
        if not words and core.lower() in NOT_NAMES:
            return None, text
        words.append(token if initial else core)
        end = tokens[i].start() + len(core)
        i += 1
        if token != core and not initial:
            break  # punctuation after the word ends the name
    if not words or words[-1].lower() in PARTICLES:
        return None, text
    return " ".join(words), text[end:]


def parse_role(rest: str) -> str | None:
    """The role in ", chair of Amnesty's International Board." (None if there is none)."""
    rest = rest.strip()
    if not rest.startswith(","):
        return None
    rest = rest[1:].strip()
    for match in _ROLE_END.finditer(rest):
        if match.group().startswith(".") and _ABBREVIATION.search(rest, 0, match.start()):
            continue
        rest = rest[: match.start()]
        break
    rest = rest.strip(" ,")
    return rest or None


def _is_pronoun_phrase(text: str, cues: LanguageCues) -> bool:
    words = [w for w in re.split(r"[\s\-–]+", text.strip().lower()) if w]
    allowed = {p.lower() for p in cues.pronouns} | {a.lower() for a in cues.auxiliaries}
    return bool(words) and set(words) <= allowed and any(w in cues.pronouns for w in words)


def parse_attribution(
    clause: str, cues: LanguageCues, honorifics: tuple[str, ...]
) -> Attribution | None:
    """The speaker named in the words next to a quotation, or None.

    Accepts "said Name[, role]", "Name[, role,] said …", "she added", "a-t-elle ajouté",
    "according to Name", and the same with a leading phrase ("In a statement, Name said").
    """
    clause = clause.strip().lstrip(",;:—–- ").rstrip(":, ")
    if not clause:
        return None
    description = None
    for verb in _verb_pattern(cues).finditer(clause):
        before, after = clause[: verb.start()].strip(), clause[verb.end() :]
        if not before:
            if _is_pronoun_phrase(re.split(r"[,.;]", after, maxsplit=1)[0], cues):
                return Attribution(None, pronoun=True)
            name, rest = parse_name(after.lstrip(" -"), honorifics)
            if name:
                return Attribution(name, parse_role(rest))
            description = description or parse_description(after)
            continue
        if _is_pronoun_phrase(before, cues):
            return Attribution(None, pronoun=True)
        # "Name said", "Name, role, said"; also after a leading phrase: "In Geneva, Name said".
        candidates = [before] + [before[m.end() :] for m in re.finditer(r",\s+", before)]
        for candidate in candidates:
            name, rest = parse_name(candidate.rstrip(", "), honorifics)
            if not name:
                continue
            rest = rest.strip()
            if not rest:
                return Attribution(name, None)
            if rest.startswith(","):
                return Attribution(name, rest.strip(" ,") or None)
        description = parse_description(candidates[-1])
        return Attribution(None, description=description) if description else None
    return Attribution(None, description=description) if description else None
