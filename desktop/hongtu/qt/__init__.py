"""The thin Qt layer: widgets, models and the map view on top of ``hongtu.core``."""
