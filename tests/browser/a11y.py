"""axe-core (shipped by axe-playwright-python) with the WCAG 2.2 AA rules and best practices."""

from axe_playwright_python.sync_playwright import Axe

AXE_RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def axe_violations(page) -> str | None:
    """None when axe finds nothing, else its readable report."""
    results = Axe().run(page, options=AXE_RULES)
    return results.generate_report() if results.violations_count else None
