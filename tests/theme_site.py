"""A small sample site for the theme tests: translations, tags shared, tricky characters."""

from pathlib import Path

TRICKY_TITLE = 'Fees < 5% & "fair" <b>deal</b>'
TRICKY_SUMMARY = 'Costs < 5 & rising > 3 "quoted" <b>now</b>'
TRICKY_TAG = "R&D <lab>"
TRICKY_FEED_TAG = "A&B <c>"

RELEASES = {
    "2024-03-01-boardwalk.md": """---
title: Harbour Trust opens the East Quay boardwalk
date: 2024-03-01T09:30:00+01:00
modified: 2024-03-02T08:00:00+01:00
author: Harbour Trust
category: Press releases
tags: [Harbour, Public space]
summary: The East Quay boardwalk opens to the public on 2 March.
lang: en
location: Lisbon
source: https://example.org/releases/east-quay
boilerplate: The Harbour Trust looks after the public quays of the city.
contacts:
  - name: Rui Almeida
    email: press@example.org
    phone: +351 21 000 0000
---

The Harbour Trust will open the East Quay boardwalk on **2 March**.

*"The quay belongs to everyone who lives here,"* said Mira Castellanos,
director of the Harbour Trust.
""",
    "2024-03-01-boardwalk-fr.md": """---
title: Le Harbour Trust ouvre la promenade du quai Est
date: 2024-03-01T09:30:00+01:00
author: Harbour Trust
category: Press releases
tags: [Harbour, Public space]
summary: La promenade du quai Est ouvre au public le 2 mars.
lang: fr
slug: harbour-trust-opens-the-east-quay-boardwalk
location: Lisbonne
source: https://example.org/fr/communiques/quai-est
boilerplate: Le Harbour Trust entretient les quais publics de la ville.
contacts:
  - name: Rui Almeida
    email: presse@example.org
---

Le Harbour Trust ouvrira la promenade du quai Est le **2 mars**.

« Le quai appartient à tous ceux qui vivent ici », a déclaré Mira Castellanos,
directrice du Harbour Trust.
""",
    "2024-02-01-fees.md": f"""---
title: '{TRICKY_TITLE}'
date: 2024-02-01T10:00:00+01:00
author: Harbour Trust
category: Notices
tags: ["{TRICKY_TAG}", Harbour, "{TRICKY_FEED_TAG}"]
summary: '{TRICKY_SUMMARY}'
lang: en
---

Mooring fees change on 1 April.
""",
    "2023-05-05-chair.md": """---
title: Harbour Trust names new chair
date: 2023-05-05T12:00:00+00:00
author: Harbour Trust
category: Press releases
tags: [Governance]
summary: The board elected a new chair.
lang: en
---

The board of the Harbour Trust elected a new chair today.
""",
}

ABOUT = """---
title: About
summary: What this newsroom is.
---

Releases from the organisations that write them.
"""

BOARDWALK = "2024/harbour-trust-opens-the-east-quay-boardwalk/index.html"
BOARDWALK_FR = "2024/harbour-trust-opens-the-east-quay-boardwalk/fr/index.html"
FEES = "2024/fees-deal/index.html"
CHAIR = "2023/harbour-trust-names-new-chair/index.html"


def write_sample_content(folder: Path) -> Path:
    (folder / "pages").mkdir(parents=True)
    for name, text in RELEASES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "pages" / "about.md").write_text(ABOUT, encoding="utf-8")
    return folder
