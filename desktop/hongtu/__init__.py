"""红途 HongTu — a desktop planner for red-heritage education tours around Taiyuan."""

__version__ = "0.1.0"
APP_NAME = "hongtu"

# Before any of HongTu's dataclasses is made: their generated methods' code is cached.
from hongtu.dataclass_code import install as _install_dataclass_code  # noqa: E402

_install_dataclass_code()
