"""The two front-matter switches of one release: `speakers:` (name → role) and `sidebars:`."""


class FrontMatterError(ValueError):
    pass


_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


def sidebars_switch(value: object) -> bool:
    """`sidebars: false` turns the plugin off for one release."""
    if value is None:
        return True
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise FrontMatterError(f"`sidebars` must be true or false, got {value!r}")


def declared_speakers(value: object) -> dict[str, str | None]:
    """`speakers:` maps each full name to a role (or null); it overrides what the text says."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise FrontMatterError(
            "`speakers` must map each name to a role (e.g. `Mira Castellanos: director`), "
            f"got {value!r}"
        )
    declared = {}
    for name, role in value.items():
        if not isinstance(name, str) or not name.strip():
            raise FrontMatterError(f"`speakers` has a name that is not text: {name!r}")
        if role is not None and not isinstance(role, str):
            raise FrontMatterError(f"`speakers`: the role of {name!r} must be text, got {role!r}")
        declared[" ".join(name.split())] = role.strip() or None if isinstance(role, str) else None
    return declared
