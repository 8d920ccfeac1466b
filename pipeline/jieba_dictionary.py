"""jieba's dictionary as the pipeline uses it: word → frequency (with jieba's zero-frequency prefixes),
word → part of speech, and jieba's dictionary-only cut (posseg without HMM).

Why not `jieba.posseg` itself: importing it loads the HMM tables and parses dict.txt again, and
`jieba.dt.initialize()` unmarshals a slower cache; together over a second in every process, most of the
cost of extracting one new report. Here both tables are read from one marshal file, written once per
jieba dictionary into the project's .models/ (beside the other model files; not the shared temporary
folder, where another user could plant a file for marshal to read), and shared with `jieba.dt`, so
the jieba segmenter and its user dictionary see and extend the same tables. The cut is jieba's own
algorithm (`Tokenizer.get_DAG` and `calc`, then posseg's handling of Latin letters and digits);
tests/test_jieba_dictionary.py checks it against `jieba.posseg` word for word.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

# posseg's block patterns (jieba/posseg/__init__.py), for the same cut
_HAN_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_SKIP = re.compile("(\r\n|\\s)")
_LATIN = re.compile("[a-zA-Z0-9]+")
_NUMBER = re.compile("[\\.0-9]+")
_ONE_LATIN = re.compile("^[a-zA-Z0-9]$")


class JiebaDictionary:
    """jieba's default dictionary, loaded into `jieba.dt` (unless jieba loaded it already)."""

    def __init__(self):
        import jieba

        tok = jieba.dt
        if not tok.initialized:
            tok.FREQ, tok.total, tags = _load_tables()
            tok.initialized = True
        else:  # jieba read its dictionary first: its frequencies, and posseg's tags where it is loaded
            posseg = sys.modules.get("jieba.posseg")
            tags = posseg.dt.word_tag_tab if posseg else _load_tables()[2]  # (the cache, not a second parse)
        self.tokenizer = tok
        self.freq: dict[str, int] = tok.FREQ
        self.tags: dict[str, str] = tags
        self._add_taiwan_words()

    def _add_taiwan_words(self) -> None:
        """Taiwan usage the dictionary lacks after a character-by-character simplification (計畫 → 计画):
        configs/taiwan_words.txt, added as jieba adds a user word (its prefixes too)."""
        from .config import CONFIG_DIR
        from .shadow import simplify

        path = CONFIG_DIR / "taiwan_words.txt"
        if not path.exists():
            return
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) != 3 or line.startswith("#"):
                continue
            word = simplify(parts[0])
            if word not in self.freq or not self.freq[word]:
                self.tokenizer.add_word(word, int(parts[1]), parts[2])
                self.tags[word] = parts[2]

    def add_user_tags(self) -> None:
        """Tags of words added to `jieba.dt` since (a user dictionary), as posseg merges them."""
        if self.tokenizer.user_word_tag_tab:
            self.tags.update(self.tokenizer.user_word_tag_tab)

    def cut(self, sentence: str):
        """(word, tag) pairs of jieba.posseg's cut with HMM=False."""
        self.add_user_tags()
        for block in _HAN_BLOCK.split(sentence):
            if not block:
                continue
            if _HAN_BLOCK.match(block):
                yield from self._cut_block(block)
                continue
            for piece in _SKIP.split(block):
                if _SKIP.match(piece):
                    yield piece, "x"
                    continue
                for ch in piece:
                    yield ch, "m" if _NUMBER.match(ch) else "eng" if _LATIN.match(piece) else "x"

    def _cut_block(self, block: str):
        tok = self.tokenizer
        dag = tok.get_DAG(block)
        route: dict = {}
        tok.calc(block, dag, route)
        x, latin = 0, ""
        while x < len(block):
            y = route[x][1] + 1
            word = block[x:y]
            if _ONE_LATIN.match(word):
                latin += word
            else:
                if latin:
                    yield latin, "eng"
                    latin = ""
                yield word, self.tags.get(word, "x")
            x = y
        if latin:
            yield latin, "eng"


@lru_cache(maxsize=1)
def dictionary() -> JiebaDictionary:
    return JiebaDictionary()


def release() -> None:
    """Forget the tables (memory.release_models); the next dictionary() reads the cache again."""
    import jieba

    if dictionary.cache_info().currsize:
        dictionary.cache_clear()
        jieba.dt.FREQ, jieba.dt.total, jieba.dt.initialized = {}, 0, False


def _dict_path() -> Path:
    import jieba

    return Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME


CACHE_DIR = Path(__file__).resolve().parent.parent / ".models"


def _cache_path(source: Path) -> Path:
    import jieba

    st = source.stat()
    key = f"{jieba.__version__}|{source}|{st.st_size}|{st.st_mtime_ns}|{marshal.version}"
    return CACHE_DIR / f"jieba-dictionary-{hashlib.sha1(key.encode()).hexdigest()[:16]}.marshal"


def _load_tables() -> tuple[dict, int, dict]:
    """(FREQ with prefixes, total, tags) from the cache, built from dict.txt when missing or unreadable."""
    source = _dict_path()
    cache = _cache_path(source)
    try:
        freq, total, tags = marshal.loads(cache.read_bytes())
        return freq, total, tags
    except (OSError, EOFError, ValueError, TypeError):
        pass
    freq, total, tags = _build_tables(source)
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:  # a cache that cannot be written only costs the next process the parse again
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps((freq, total, tags)))
        os.replace(tmp, cache)
    except OSError:
        tmp.unlink(missing_ok=True)
    return freq, total, tags


def _build_tables(source: Path) -> tuple[dict, int, dict]:
    """jieba's gen_pfdict (a word's frequency, 0 for each new prefix) and posseg's word → tag."""
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split(" ")
        if not parts[0]:
            continue
        word, count = parts[0], int(parts[1])
        freq[word] = count
        total += count
        if len(parts) > 2:
            tags[word] = parts[2]
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    return freq, total, tags
