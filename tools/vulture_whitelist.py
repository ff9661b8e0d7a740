"""Names vulture cannot see used (read by `vulture`, never imported or run).

Each is called or read by a framework or library, not by our own code:

- Qt calls the model/view overrides, event filters, undo merges and request interceptors, and the
  map page calls MapBridge.receive through the QWebChannel;
- python-docx, openpyxl, folium and sqlite3 read the attributes we set on their objects;
- SQLAlchemy maps the column; pytest reads ``pytestmark`` and runs the autouse fixture;
  http.server and HTMLParser call their handler methods; the soak test picks methods by name.
"""

# ruff: noqa: B018, F821

# Qt overrides and slots
_.columnCount
_.requestStarted  # QWebEngineUrlSchemeHandler: the hongtu-tiles:// scheme
_.headerData
_.filterAcceptsRow
_.lessThan
_.supportedDropActions
_.supportedDragActions
_.mimeTypes
_.mimeData
_.dropMimeData
_.dragEnterEvent
_.dragMoveEvent
_.dropEvent
_.eventFilter
_.mergeWith
_.interceptRequest
_.receive

# attributes the libraries read (python-docx, openpyxl, folium, sqlite3, PyInstaller spec)
_.author
_.creator
_.page_width
_.top_margin
_.bottom_margin
_.left_margin
_.right_margin
_.space_before
_.space_after
_.line_spacing
_.line_spacing_rule
_.first_line_indent
_.keep_with_next
_.autofit
_.border
_.pageSetUpPr
_.horizontalCentered
_.freeze_panes
_.fitToHeight
_.default_js
_.default_css
_.row_factory
_.isolation_level
_.text_factory
_.pure
_.optionxform
_.binaries
_.collect_data_files

# SQLAlchemy column, pytest, http.server, HTMLParser, io, the soak test's actions by name
_.created_at
_.saved_at
_.added_at
_.pytestmark
_.pytest_collection_modifyitems  # pytest hook in scripts/mutation_conftest.py (the mutation run)
_.pytest_configure  # pytest hook in tests/conftest.py (faulthandler after pytest's)
_.pytest_runtest_makereport  # pytest hook in tests/conftest.py (a failed test reports Qt's focus)
_.no_network
_.collector  # tests/test_start_up_heap.py: restores the collector after each test
_.do_GET
_.log_message
_.handle_starttag
_.handle_endtag
_.handle_data
_.writable
_.erase_title
_.type_branch
_.type_notes
