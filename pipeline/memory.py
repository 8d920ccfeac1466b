"""Give freed memory back to the operating system (glibc's malloc_trim), so that a huge report's peak
is what its stages hold at once, not what the allocator kept from earlier stages. A no-op elsewhere."""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache

from .config import settings


@lru_cache(maxsize=1)
def _trim():
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


def is_huge(chars: int) -> bool:
    """A report long enough for the memory measures of configs/pipeline.yml (release_tagger_above_chars)."""
    return chars > int(settings().get("release_tagger_above_chars", 10**12))


def give_back() -> None:
    trim = _trim()
    if trim is not None:
        trim(0)


def release_models() -> bool:
    """Drop the models this process loaded (spaCy pipeline, segmenter, LAC, jieba's dictionary), so the
    corpus-wide steps after the reports (corpus tables, registry, database) reuse their memory: without
    this, those steps' rows, which grow with the number of reports, sat on top of the models and the peak
    grew with the corpus. The next report loads them again. Returns whether anything was loaded."""
    import sys

    nlp = sys.modules.get(f"{__package__}.nlp")
    if nlp is None:  # nothing was analysed here (an up-to-date run, or worker processes did it)
        return False
    from . import jieba_dictionary, lac_tagger, lexicon, segment

    nlp.get_nlp.cache_clear()
    segment.get_segmenter.cache_clear()
    lac_tagger.release_lac()
    lexicon.release_dictionary()
    jieba_dictionary.release()
    import gc

    gc.collect()
    give_back()
    return True
