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
        # Qt's dialogs and menus (取消, 复制, the file dialog, the map's context menu), then the
        # few labels Qt's catalogue still has only in English (“&Look in:”, “Files of &type:”)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in (
            ("qtbase", qt_dir),
            ("qtwebengine", qt_dir),
            ("qt_extra", str(paths.resource_path("i18n"))),
        ):
            translator = QTranslator(app)
            if translator.load(locale, name, "_", folder):
                app.installTranslator(translator)
                installed.append(translator)
    return installed
