"""Feed titles as plain text.

Pelican's feed writer runs ``Markup(title).striptags()``: it treats a release title as HTML,
so ``Fees < 5% & "fair" <b>deal</b>`` becomes ``Fees deal``. Our titles are text (the theme
escapes them everywhere), so this puts each entry's real title back before the feed is
written; the feed library escapes it for XML.
"""

from .titles import feed_names, feed_title, plain_titles
from .wiring import register

__all__ = ["feed_names", "feed_title", "plain_titles", "register"]
