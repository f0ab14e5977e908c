"""Python-Markdown's inline patterns, skipped where they cannot match.

Markdown tries every inline pattern (links, emphasis, entities …) on every text node, one
regex search each: about 30 % of converting a release. Most patterns can only match where a
given character is (a link needs "[", an entity "&"), and most text nodes of a release hold
none of those. The guard tests for the character first, a substring test in C, and skips the
pattern when it is absent: the search would have found nothing, so the HTML is the same byte
for byte. Patterns it does not know (another extension's) always run.
"""

from markdown import inlinepatterns
from markdown.treeprocessors import InlineProcessor

# Regex source -> substrings of which every match contains at least one.
_KNOWN_TRIGGERS: dict[str, tuple[str, ...]] = {
    inlinepatterns.BACKTICK_RE: ("`",),
    inlinepatterns.ESCAPE_RE: ("\\",),
    inlinepatterns.REFERENCE_RE: ("[",),  # also LINK_RE: the same source
    inlinepatterns.IMAGE_LINK_RE: ("![",),  # also IMAGE_REFERENCE_RE
    inlinepatterns.AUTOLINK_RE: ("<",),
    inlinepatterns.AUTOMAIL_RE: ("<",),
    inlinepatterns.HTML_RE: ("<",),
    inlinepatterns.ENTITY_RE: ("&",),
    inlinepatterns.LINE_BREAK_RE: ("  \n",),
    r"\[\^([^\]]*)\]": ("[^",),  # markdown.extensions.footnotes, defined inside a method
}


def triggers(pattern) -> tuple[str, ...] | None:
    """Substrings one of which every match of ``pattern`` contains; None when unknown."""
    if isinstance(pattern, inlinepatterns.DelimiterProcessor):
        return tuple(pattern.tokens)  # its regex is exactly these tokens, escaped, or'ed
    compiled = getattr(pattern, "compiled_re", None)
    return None if compiled is None else _KNOWN_TRIGGERS.get(compiled.pattern)


class GuardedInlineProcessor(InlineProcessor):
    """Markdown's inline treeprocessor, skipping the patterns that cannot match a text."""

    def _InlineProcessor__applyPattern(self, pattern, data, patternIndex, startIndex=0):
        # Overrides InlineProcessor.__applyPattern (name-mangled), called once per pattern
        # and text node; "no match" is what it returns itself when the regex finds nothing.
        needed = triggers(pattern)
        if needed is not None and not any(text in data for text in needed):
            return data, False, 0
        return super()._InlineProcessor__applyPattern(pattern, data, patternIndex, startIndex)


def install(md) -> None:
    """Replace ``md``'s inline treeprocessor with the guarded one (same name and priority)."""
    current = md.treeprocessors["inline"]
    if isinstance(current, GuardedInlineProcessor) or type(current) is not InlineProcessor:
        return  # already guarded, or replaced by an extension we leave alone
    md.treeprocessors.register(GuardedInlineProcessor(md), "inline", _priority(md, "inline"))


def _priority(md, name: str) -> float:
    return next(item.priority for item in md.treeprocessors._priority if item.name == name)
