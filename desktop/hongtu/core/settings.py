"""The organiser's settings: one typed value saved as JSON in ``config_dir()/settings.json``.

Reading never fails: a missing file gives the defaults, and an unknown or invalid value falls back
to its default with a logged warning that names the field, never its value (two fields are keys).
Writing is atomic. The keys are kept out of ``repr`` and out of every log line.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hongtu.core import paths
from hongtu.core.atomic import write_atomic
from hongtu.core.basemaps import BaseMapId, parse_basemap_id
from hongtu.core.plan_terms import DEFAULT_MAX_DAY_MINUTES, TransportMode
from hongtu.core.routing import TravelSettings
from hongtu.core.secrets import remember

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1
LANGUAGES = ("zh_CN", "en")
MAX_DAY_RANGE = (60, 24 * 60)
_KEY_FIELDS = ("tianditu_key", "baidu_key")


@dataclass(frozen=True, slots=True)
class Settings:
    base_map: BaseMapId = BaseMapId.NONE
    base_package: str = ""  # the offline map package shown when ``base_map`` is PACKAGE
    tianditu_key: str = field(default="", repr=False)
    baidu_key: str = field(default="", repr=False)
    transport_mode: TransportMode = TransportMode.COACH
    travel: TravelSettings = field(default_factory=TravelSettings)
    max_day_minutes: int = DEFAULT_MAX_DAY_MINUTES
    language: str = "zh_CN"  # applies at the next start
    confirmer_name: str = ""  # who exported site corrections last (导出核实信息, --by)

    def __post_init__(self) -> None:
        # Every key the app holds is known to the redaction of logs and crash reports.
        remember(self.tianditu_key, self.baidu_key)

    def key_for(self, basemap_id: BaseMapId) -> str:
        return self.tianditu_key if basemap_id is BaseMapId.TIANDITU else ""


def settings_file() -> Path:
    return paths.config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError):
        log.warning("settings file %s is unreadable; using defaults", path)
        return Settings()
    if not isinstance(data, dict):
        log.warning("settings file %s is not an object; using defaults", path)
        return Settings()
    return settings_from_json(data)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write atomically; raises ``hongtu.core.atomic.ExportError`` when the disk refuses."""
    path = path or settings_file()
    text = json.dumps(settings_to_json(settings), ensure_ascii=False, indent=2)
    write_atomic(path, text.encode("utf-8"))


def settings_to_json(settings: Settings) -> dict[str, Any]:
    return {
        "version": SETTINGS_VERSION,
        "base_map": settings.base_map.value,
        "base_package": settings.base_package,
        "tianditu_key": settings.tianditu_key,
        "baidu_key": settings.baidu_key,
        "transport_mode": settings.transport_mode.value,
        "travel": dataclasses.asdict(settings.travel),
        "max_day_minutes": settings.max_day_minutes,
        "language": settings.language,
        "confirmer_name": settings.confirmer_name,
    }


def settings_from_json(data: dict[str, Any]) -> Settings:
    default = Settings()
    known = {f.name for f in dataclasses.fields(Settings)} | {"version"}
    for name in sorted(set(data) - known):
        log.warning("settings: unknown field %r ignored", name)
    return Settings(
        base_map=_pick(data, "base_map", parse_basemap_id, default.base_map),
        base_package=_pick(data, "base_package", _package_name, default.base_package),
        tianditu_key=_pick(data, "tianditu_key", _key, default.tianditu_key),
        baidu_key=_pick(data, "baidu_key", _key, default.baidu_key),
        transport_mode=_pick(data, "transport_mode", _mode, default.transport_mode),
        travel=_pick(data, "travel", _travel, default.travel),
        max_day_minutes=_pick(data, "max_day_minutes", _day_minutes, default.max_day_minutes),
        language=_pick(data, "language", _language, default.language),
        confirmer_name=_pick(data, "confirmer_name", _person, default.confirmer_name),
    )


def _pick(data: dict[str, Any], name: str, parse: Any, default: Any) -> Any:
    if name not in data:
        return default
    value = parse(data[name])
    if value is None:
        log.warning("settings: invalid value for %r; using the default", name)  # no value logged
        return default
    return value


def _key(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and len(value) <= 256 else None


def _person(value: object) -> str | None:
    if not isinstance(value, str) or len(value) > 100 or not value.isprintable():
        return None
    return value.strip()


def _package_name(value: object) -> str | None:
    if value == "":
        return ""
    # only when a package was chosen: the packages module is not needed otherwise at start-up
    from hongtu.core.tilepack.mbtiles import PackageError
    from hongtu.core.tilepack.packages import check_name

    try:
        return check_name(value) if isinstance(value, str) else None
    except PackageError:
        return None


def _mode(value: object) -> TransportMode | None:
    try:
        return TransportMode(str(value))
    except ValueError:
        return None


def _day_minutes(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if MAX_DAY_RANGE[0] <= value <= MAX_DAY_RANGE[1] else None


def _language(value: object) -> str | None:
    return value if isinstance(value, str) and value in LANGUAGES else None


def _travel(value: object) -> TravelSettings | None:
    """Every field must have the default's type (an int where a float is expected is fine)."""
    if not isinstance(value, dict):
        return None
    merged: dict[str, Any] = {}
    for spec in dataclasses.fields(TravelSettings):
        default = getattr(TravelSettings(), spec.name)
        item = value.get(spec.name, default)
        if isinstance(item, bool) or not isinstance(item, int | float):
            return None
        if isinstance(default, int) and not float(item).is_integer():
            return None
        merged[spec.name] = type(default)(item)
    try:
        return TravelSettings(**merged)
    except ValueError:
        return None


def with_keys_hidden(settings: Settings) -> dict[str, Any]:
    """The settings as JSON with the keys blanked: for crash reports and exports."""
    data = settings_to_json(settings)
    for name in _KEY_FIELDS:
        data[name] = "***" if data[name] else ""
    return data
