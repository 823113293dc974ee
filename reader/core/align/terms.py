"""Tokens for alignment: a private jieba tokenizer with the people's-congress dictionary, a domain
stop list, and the sub-terms of long domain words (so 代表联络站 also counts as 代表 and 联络站).

The tokenizer is created once per process, lazily and under a lock (jieba takes ~0.7 s to load);
token lists are cached by text, so re-aligning the same sections costs nothing.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections import Counter
from functools import lru_cache

from reader.resources import resource_path

_LOCK = threading.Lock()
_STATE: dict[str, object] = {}

_CJK = re.compile(r"[\u3400-\u9fff]")
_GAP = re.compile(r"(?<=[\u3400-\u9fff])[ \t\u3000\r\n]+(?=[\u3400-\u9fff])")
_PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
_MARKER = re.compile(
    r"^\s*(?:#+\s*)?(?:[一二三四五六七八九十]+[、.．，,是]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十]+[，,、])\s*"
)

# Words that say nothing about a topic in these reports: verbs of effort, adverbs, report furniture.
STOP = frozenset(
    """
    工作 加强 坚持 开展 推进 进一步 全面 不断 积极 切实 持续 深入 提升 推动 提高 完善 健全 建设
    实现 做好 落实 贯彻 贯彻落实 着力 努力 扎实 有效 有力 全力 充分 发挥 作用 情况 方面 问题 重要
    组织 各项 相关 主要 重点 严格 认真 始终 一年 一是 二是 三是 四是 五是 六是 七是 八是 九是 十是
    我们 今年 去年 明年 全年 以来 通过 围绕 紧扣 聚焦 突出 强化 注重 深化 不断加强 结合 进行 按照
    根据 以及 同时 其中 共计 累计 达到 取得 成效 新的 一批 一系列 先后 年度 目前 当前 今后 新时代
    县委 全县 全区 全市 我县 我区 我市 本县 本区 县区 县级 乡镇 各级 人大 县人大 区人大 市人大
    人大常委会 常委会 人大工作 地方 关于 为了 更加 更好 确保 保障 不断完善 有序 稳步 常态 长效
    各位代表
    """.split()
)


def _logger_quiet() -> None:
    # jieba reports a cache file it could not write (another user's /tmp/jieba.cache, a read-only
    # folder) as an error with a traceback on stderr; harmless: the dictionary is built in memory
    logging.getLogger("jieba").setLevel(logging.CRITICAL)


def _cache_dir() -> str | None:
    """Our cache folder for jieba's prefix dictionary (not one /tmp/jieba.cache shared by users)."""
    from reader.core.paths import cache_dir

    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # no cache folder: jieba uses the system's temporary folder
        return None
    return str(folder)


def tokenizer():  # -> jieba.Tokenizer (imported lazily: importing jieba costs ~0.1 s)
    """The process-wide private tokenizer with the domain dictionary loaded (created on first use)."""
    tok = _STATE.get("tokenizer")
    if tok is not None:
        return tok
    with _LOCK:
        tok = _STATE.get("tokenizer")
        if tok is None:
            import jieba

            _logger_quiet()
            tok = jieba.Tokenizer()
            tok.tmp_dir = _cache_dir()
            tok.initialize()
            tok.load_userdict(str(dictionary_path()))
            _STATE["tokenizer"] = tok
    return tok


def dictionary_path():
    return resource_path("dict", "renda_dict.txt")


@lru_cache(maxsize=1)
def domain_terms() -> tuple[str, ...]:
    """The words of the domain dictionary, in file order."""
    out: list[str] = []
    for line in dictionary_path().read_text(encoding="utf-8").splitlines():
        word = line.strip().split(" ")[0] if line.strip() else ""
        if word and not word.startswith("#"):
            out.append(word)
    return tuple(out)


@lru_cache(maxsize=1)
def _parts() -> dict[str, tuple[str, ...]]:
    """For each long domain word, the shorter domain or common words inside it (longest first)."""
    terms = set(domain_terms()) | _COMMON_PARTS
    out: dict[str, tuple[str, ...]] = {}
    for word in sorted(terms):
        if len(word) < 4:
            continue
        inside = sorted((t for t in terms if t != word and len(t) >= 2 and t in word and t not in STOP),
                        key=lambda t: (-len(t), t))
        if inside:
            out[word] = tuple(inside)
    return out


# Frequent short words that domain compounds are built from.
_COMMON_PARTS = frozenset(
    "代表 监督 民主 履职 培训 建议 议案 联络站 选民 群众 政治 党建 机关 制度 作风 干部 宣传 预算 审计 审议 视察 调研 "
    "立法 任免 选举 决定 宪法 法治 生态 环境 城市 城乡 民生 就业 教育 医疗 养老 产业 项目 改革 旅游 廉洁 纪律 理论 "
    "党史 学习 监察 司法 执法 检查 询问 评议 审查 决算 资产 脱贫 振兴 乡村 疫情 防控 "
    "科技 创新 消费 投资 内需 开放 市场 农业 农村 农民 农田 区域 城镇化 城乡 生态 绿色 文化 文旅 安全 风险 政府 "
    "政策 财政 产业 制造业 经济 数字 民营 外资 外贸 碳达峰 碳中和 低碳 减排 节能 污染 服务 养老 托育 保障 化解".split()
)


def prepare(text: str) -> str:
    """Join words split by OCR spaces or line breaks, drop pinyin annotations and heading markers."""
    text = _PINYIN.sub("", text or "")
    text = _GAP.sub("", text)
    return text.replace("#", " ")


def strip_marker(heading: str) -> str:
    return _MARKER.sub("", heading or "", count=1)


def keep(word: str) -> bool:
    return len(word) >= 2 and word not in STOP and bool(_CJK.search(word)) and not any(c.isdigit() for c in word)


_RUN = re.compile(r"[\u3400-\u9fff]+")


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[str, ...]:
    """Content words of a text, in order (accurate mode, no HMM: fast, and the domain words are known).

    Cut run by run of Han characters (a kept word has no digit, letter or punctuation in it anyway),
    each run cached: stock clauses recur across reports, so a large corpus is cut much faster."""
    out: list[str] = []
    for run in _RUN.findall(prepare(text)):
        out += _run_tokens(run)
    return tuple(out)


@lru_cache(maxsize=65536)  # ~20 MB when full (a corpus of distinct clauses fills it; 262,144 took ~80 MB)
def _run_tokens(run: str) -> tuple[str, ...]:
    # interned: jieba makes a new string for every word it cuts, and the cache, the bags and the
    # vectors would hold hundreds of thousands of copies of a few thousand words
    return tuple(sys.intern(w) for w in tokenizer().cut(run, HMM=False) if keep(w))


def bag(text: str) -> Counter[str]:
    """Term counts of a text, long domain words also counted (half) as their parts. A fresh Counter."""
    return Counter(_bag(text))


_NUMBERS: dict[float, float] = {}


def shared_number(value: float) -> float:
    """One float object per value: term counts are few distinct numbers (1.0, 1.5, 2.0 …) held by
    millions of dict entries, so sharing them saves a float object each (a third of the memory)."""
    got = _NUMBERS.get(value)
    if got is None:
        if len(_NUMBERS) > 65536:
            return value
        got = _NUMBERS[value] = value
    return got


@lru_cache(maxsize=1)
def _part_vocab() -> frozenset[str]:
    return frozenset(t for t in set(domain_terms()) | _COMMON_PARTS if len(t) >= 2 and t not in STOP)


@lru_cache(maxsize=65536)
def word_parts(word: str) -> tuple[str, ...]:
    """The domain or common words inside a word (longest first): a long domain word's from the table, and
    for any other word of three or more characters the ones it contains (jieba's general dictionary
    joins verb and topic, 加强监督 or 代表团, where the topic word is what counts here)."""
    known = _parts().get(word)
    if known is not None or len(word) < 3:
        return known or ()
    vocab = _part_vocab()
    inside = {word[i:j] for i in range(len(word)) for j in range(i + 2, len(word) + 1) if (i, j) != (0, len(word))}
    return tuple(sorted((t for t in inside if t in vocab), key=lambda t: (-len(t), t)))


@lru_cache(maxsize=4096)
def _bag(text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for word in tokens(text):
        out[word] = shared_number(out.get(word, 0.0) + 1.0)
        for part in word_parts(word):
            out[part] = shared_number(out.get(part, 0.0) + 0.5)
    return out


def clear_caches() -> None:
    """Let go of the texts' token lists and bags (after aligning many reports: tens of MB)."""
    for cached in (tokens, _run_tokens, _bag, word_parts):
        cached.cache_clear()
