"""红途 HongTu — a desktop planner for red-heritage education tours around Taiyuan."""

__version__ = "0.1.0"
APP_NAME = "hongtu"
