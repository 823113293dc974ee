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
