"""Where projects live: the data, config and cache folders, the last project used, where the demo
goes (reader.core.ingest.demo builds it).

platformdirs gives the folders (user_data_dir('renda-reader') and friends); the environment
variable READER_HOME, when set, replaces all three with READER_HOME/data, /config and /cache (tests
and the smoke test use it so that nothing touches the real home). The last project opened is
remembered in config/state.json.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs

from reader.resources import resource_path

APP = "renda-reader"
ENV_HOME = "READER_HOME"
SUFFIX = ".renda"
STATE_FILE = "state.json"


def _base(kind: str) -> Path:
    home = os.environ.get(ENV_HOME)
    if home:
        return Path(home) / kind
    fn = {"data": platformdirs.user_data_dir, "config": platformdirs.user_config_dir,
          "cache": platformdirs.user_cache_dir}[kind]
    return Path(fn(APP, appauthor=False))


def data_dir() -> Path:
    return _base("data")


def config_dir() -> Path:
    return _base("config")


def cache_dir() -> Path:
    return _base("cache")


def projects_dir() -> Path:
    """Where new projects go by default."""
    return data_dir() / "projects"


def demo_project_path() -> Path:
    return data_dir() / f"demo{SUFFIX}"


def sample_files() -> list[Path]:
    return sorted(resource_path("sample").glob("*.txt"))


def _state_path() -> Path:
    return config_dir() / STATE_FILE


def _read_state() -> dict:
    try:
        data = json.loads(_state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no state yet, or unreadable: start afresh
        return {}
    return data if isinstance(data, dict) else {}


def last_project() -> Path | None:
    """The project opened last, if it still exists."""
    p = _read_state().get("last_project")
    if isinstance(p, str) and Path(p).is_file():
        return Path(p)
    return None


def remember_project(path: str | Path) -> None:
    """Record `path` as the last project (best effort: a read-only config folder is not an error)."""
    _write_state("last_project", str(Path(path).resolve()))


def _write_state(key: str, value: object) -> bool:
    """Set one key of state.json (best effort: False when the config folder cannot be written)."""
    state = _read_state()
    state[key] = value
    try:
        _state_path().parent.mkdir(parents=True, exist_ok=True)
        tmp = _state_path().with_suffix(".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(_state_path())
    except OSError:
        return False
    return True


def remembered_coder() -> str | None:
    """The coder name set on this machine (编辑 ▸ 标注人), stored with every passage tagged here;
    None when none was set (then the user name is used: reader.core.store.coders)."""
    name = _read_state().get("coder")
    return name.strip() or None if isinstance(name, str) else None


def remember_coder(name: str) -> bool:
    """Keep `name` as this machine's coder, for the window and the command line alike."""
    return _write_state("coder", name)


__all__ = [
    "cache_dir",
    "config_dir",
    "data_dir",
    "demo_project_path",
    "last_project",
    "projects_dir",
    "remember_coder",
    "remember_project",
    "remembered_coder",
    "sample_files",
]
