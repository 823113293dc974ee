"""The interface language: Qt's translation system over English source strings.

Source strings in tr()/translate() are English; resources/i18n/reader_zh_CN.ts holds the Chinese
for every one of them, built into reader_zh_CN.qm with pyside6-lrelease and shipped beside it.

Which language: the one the user chose (视图 ▸ 语言, kept in the settings); else English when the
system locale is English; else Chinese. Chinese is the default for every other locale, the C
locale of a bare machine included, as the product asks. Switching installs the other translator;
Qt then sends LanguageChange and the window retranslates its menus and panels at once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.resources import resource_path

log = logging.getLogger(__name__)

ZH, EN = "zh_CN", "en"
LANGUAGES = (ZH, EN)
CATALOGUE = "reader"

_state: dict[str, object] = {"lang": ZH, "translators": []}


def qm_path(lang: str):
    return resource_path("i18n", f"{CATALOGUE}_{lang}.qm")


def ts_path(lang: str):
    return resource_path("i18n", f"{CATALOGUE}_{lang}.ts")


def system_language() -> str:
    """English when the system locale is English, else Chinese."""
    return EN if QLocale.system().language() == QLocale.Language.English else ZH


def initial_language(chosen: str | None) -> str:
    return chosen if chosen in LANGUAGES else system_language()


def current() -> str:
    return str(_state["lang"])


def message_lang() -> str:
    """The language code reader.core.messages.describe takes ('zh' or 'en')."""
    return "en" if current() == EN else "zh"


def install(lang: str) -> str:
    """Make `lang` the interface language (the translators of the previous one are removed)."""
    app = QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else ZH
    if app is None:
        _state["lang"] = lang
        return lang
    for old in list(_state["translators"]):  # type: ignore[arg-type]
        app.removeTranslator(old)
    translators: list[QTranslator] = []
    if lang != EN:
        ours = QTranslator(app)
        if ours.load(str(qm_path(lang))):
            translators.append(ours)
        else:
            log.warning("translation %s not found", qm_path(lang))
        qt = QTranslator(app)  # Qt's own strings: the buttons of standard dialogs
        if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt)
    _state["lang"] = lang
    _state["translators"] = translators
    for t in translators:
        app.installTranslator(t)
    return lang


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The interface text for an English source string. One translation context (""), which is
    the one pyside6-lupdate gives to tr() calls; QT_TR_NOOP marks strings kept in tables."""
    return QCoreApplication.translate("", text, disambiguation, n)


def unknown_county() -> str:
    """The one name of the reports whose county was not identified (reader.core.messages)."""
    from reader.core.messages import unknown_county as name

    return name(message_lang())


def no_theme() -> str:
    """The one name of the passages without a theme."""
    from reader.core.messages import no_theme as name

    return name(message_lang())
