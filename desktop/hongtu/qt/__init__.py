"""The thin Qt layer: widgets, models and the map view on top of ``hongtu.core``.

Every module here imports PySide6; the first of them makes PySide6's scan of each later import
cheap (``import_scan``), before the rest of HongTu (and later SQLAlchemy) is imported.
"""

from hongtu.qt.import_scan import quicken_import_scan

quicken_import_scan()
