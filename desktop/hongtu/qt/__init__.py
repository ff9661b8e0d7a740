"""The thin Qt layer: widgets, models and the map view on top of ``hongtu.core``.

Every module here imports PySide6. Before PySide6 is imported, its enums are set to be made the
quick way (``quick_enums``); it is imported with its own Python code (shiboken's signature
support) compiled once and kept (``signature_code``); then its scan of each later import is made
cheap (``import_scan``), before the rest of HongTu (and later SQLAlchemy) is imported.
"""

from hongtu.qt.quick_enums import install_quick_enums

install_quick_enums()

from hongtu.qt.signature_code import cached_signature_code  # noqa: E402

with cached_signature_code():
    import PySide6  # noqa: F401  (shiboken's signature support is compiled as it is imported)

from hongtu.qt.import_scan import quicken_import_scan  # noqa: E402  (imports PySide6)

quicken_import_scan()
