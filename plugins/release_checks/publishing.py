"""Whether a release may be on the published site yet: drafts, embargoes, future dates."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class ReleaseStatus:
    """Why a release is not public yet; the preview banner shows it."""

    kind: str  # "draft", "embargo" or "scheduled"
    until: datetime.datetime | None = None


def unpublished_status(
    status: str | None,
    date: datetime.datetime | None,
    embargo: datetime.datetime | None,
    now: datetime.datetime,
) -> ReleaseStatus | None:
    """None when the release is public at ``now``; all datetimes are timezone-aware."""
    if (status or "").lower() == "draft":
        return ReleaseStatus("draft")
    if embargo is not None and embargo > now:
        return ReleaseStatus("embargo", embargo)
    if date is not None and date > now:
        return ReleaseStatus("scheduled", date)
    return None
