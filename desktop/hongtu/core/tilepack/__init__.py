"""Offline map packages: base-map tiles of one area stored in one MBTiles file.

``mbtiles`` is the store (one sqlite file, MBTiles 1.3), ``area`` turns an area and a zoom range
into tile ranges and a size estimate, ``download`` fetches tiles politely and resumably, and
``packages`` lists, deletes, exports and imports the files in the user's data folder.
"""

SCHEME = "hongtu-tiles"  # the app-local URL scheme the page reads packages through (qt/tile_scheme)
HOST = "pack"
