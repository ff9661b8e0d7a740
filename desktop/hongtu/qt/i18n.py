"""Qt translations. Source strings are Simplified Chinese; ``--lang en`` loads English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hongtu.core import paths


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load HongTu's own catalogue (for English) and Qt's own (for the standard dialogs)."""
    installed: list[QTranslator] = []
    locale = QLocale(
        QLocale.Language.English if lang == "en" else QLocale.Language.Chinese,
        QLocale.Country.UnitedStates if lang == "en" else QLocale.Country.China,
    )
    QLocale.setDefault(locale)
    if lang == "en":
        own = QTranslator(app)
        if own.load(str(paths.resource_path("i18n", "hongtu_en.qm"))):
            app.installTranslator(own)
            installed.append(own)
    else:
        qt_base = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(locale, "qtbase", "_", qt_dir):
            app.installTranslator(qt_base)
            installed.append(qt_base)
    return installed
