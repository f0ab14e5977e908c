"""Feed titles plugin: entries get their text titles back (Pelican strips them as HTML)."""

from types import SimpleNamespace

from feed_titles import plain_titles


def test_titles_are_restored_by_link():
    release = SimpleNamespace(url="2024/fees/", title='Fees < 5% & "fair" <b>deal</b>')
    items = [
        {"title": "Fees deal", "link": "https://n.example/2024/fees/"},
        {"title": "Other", "link": "https://n.example/2024/other/"},
    ]
    assert plain_titles(items, [release], "https://n.example/") == 1
    assert [item["title"] for item in items] == ['Fees < 5% & "fair" <b>deal</b>', "Other"]


def test_feed_reference_suffix_is_ignored():
    release = SimpleNamespace(url="a/", title="A & B")
    items = [{"title": "A B", "link": "https://n.example/a/?ref=feed"}]
    plain_titles(items, [release], "https://n.example")
    assert items[0]["title"] == "A & B"
