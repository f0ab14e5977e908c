"""Compiled templates kept in memory between builds in one process (`make serve`).

Pelican makes new Jinja environments on every build, so each rebuild compiles the theme's
templates again. Jinja's bytecode cache skips that; a template is reused only when its
source is unchanged (Jinja checks a checksum) and the environment's syntax and escaping
options are the same ones it was compiled with (part of the key here).
"""

from jinja2.bccache import Bucket, BytecodeCache

# Environment options that change the compiled code (filters and globals are looked up when
# a template runs, so they may differ).
_COMPILE_OPTIONS = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
)


def compile_options(environment) -> tuple | None:
    """What the compiled code depends on; None when that cannot be told (a callable
    autoescape decides per template name, so such templates are not kept)."""
    if callable(environment.autoescape):
        return None
    options = tuple(repr(getattr(environment, name, None)) for name in _COMPILE_OPTIONS)
    extensions = tuple(sorted(environment.extensions))
    return (*options, repr(environment.autoescape), extensions)


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self, max_entries: int = 500) -> None:
        self._store: dict[str, bytes] = {}
        self._max_entries = max_entries

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        options = compile_options(environment)
        key = self.get_cache_key(name, filename) + repr(options)
        bucket = Bucket(
            environment, key if options is not None else "", self.get_source_checksum(source)
        )
        if options is not None:
            self.load_bytecode(bucket)
        return bucket

    def set_bucket(self, bucket: Bucket) -> None:
        if bucket.key:
            self.dump_bytecode(bucket)

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if len(self._store) >= self._max_entries:
            self._store.clear()
        self._store[bucket.key] = bucket.bytecode_to_string()


# One for the process: `make serve` builds many times in it.
SHARED = MemoryBytecodeCache()
