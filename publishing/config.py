"""The PUBLISHING setting: one dict with defaults, validated before anything is built."""

from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_CSP = {
    "default-src": ["'self'"],
    # Pagefind compiles its WebAssembly search; that needs 'wasm-unsafe-eval', not 'unsafe-eval'.
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


@dataclass(frozen=True)
class PublishConfig:
    # Folders of the built site whose files get content hashes in their names.
    fingerprint_dirs: tuple[str, ...] = ("theme",)
    # Files that get .gz and .br siblings (pelican-precompress).
    compress_extensions: tuple[str, ...] = (".html", ".css", ".js", ".xml", ".json")
    asset_cache_control: str = "public, max-age=31536000, immutable"
    page_cache_control: str = "public, max-age=300, must-revalidate"
    csp: dict = field(default_factory=lambda: {k: list(v) for k, v in DEFAULT_CSP.items()})
    security_headers: dict = field(
        default_factory=lambda: {
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "strict-origin-when-cross-origin",
            "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        }
    )
    vnu_jar: str = str(ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
    java: str = "java"


class ConfigError(ValueError):
    """A PUBLISHING setting that cannot work; the message says which key and why."""


def load_config(settings: dict) -> PublishConfig:
    """Validate ``settings["PUBLISHING"]`` (missing keys take the defaults)."""
    raw = settings.get("PUBLISHING") or {}
    if not isinstance(raw, dict):
        raise ConfigError("PUBLISHING must be a dict")
    known = {f.name for f in fields(PublishConfig)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ConfigError(f"PUBLISHING: unknown key(s) {unknown}; known: {sorted(known)}")
    values = dict(raw)
    if "fingerprint_dirs" not in values and settings.get("THEME_STATIC_DIR"):
        values["fingerprint_dirs"] = (settings["THEME_STATIC_DIR"],)
    for key in ("fingerprint_dirs", "compress_extensions"):
        if key in values:
            items = values[key]
            if isinstance(items, str) or not all(isinstance(i, str) and i for i in items):
                raise ConfigError(f"PUBLISHING[{key!r}] must be a list of non-empty strings")
            values[key] = tuple(items)
    for ext in values.get("compress_extensions", ()):
        if not ext.startswith("."):
            raise ConfigError(f"PUBLISHING['compress_extensions']: {ext!r} must start with '.'")
    for key in ("csp", "security_headers"):
        if key in values and not isinstance(values[key], dict):
            raise ConfigError(f"PUBLISHING[{key!r}] must be a dict")
    if "csp" in values:
        values["csp"] = {**DEFAULT_CSP, **values["csp"]}
    for key, value in values.get("security_headers", {}).items():
        if "\n" in f"{key}{value}" or ":" in key:
            raise ConfigError(f"PUBLISHING['security_headers']: invalid header {key!r}")
    return PublishConfig(**values)
