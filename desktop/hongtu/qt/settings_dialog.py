"""The settings dialog: edits a ``Settings`` value; saving is the caller's job."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hongtu.core.basemaps import PROVIDERS, BaseMapId, KeyProblem, key_problem
from hongtu.core.plans import TransportMode
from hongtu.core.settings import MAX_DAY_RANGE, Settings
from hongtu.qt import messages
from hongtu.qt.map_controller import basemap_label, package_label
from hongtu.qt.number_fields import (
    NumberRange,
    TypedDoubleSpinBox,
    TypedSpinBox,
    first_range_problem,
    hint_range,
    show_field,
)
from hongtu.qt.plan_models import transport_label


def tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


_SPEED_FIELDS = ("coach_kmh", "cars_kmh", "walk_kmh", "public_kmh")
# walking has one speed: the road beyond the town is no faster on foot
_INTERCITY_FIELDS = ("coach_intercity_kmh", "cars_intercity_kmh", None, "public_intercity_kmh")
_BUFFER_FIELDS = (
    "coach_boarding_minutes",
    "cars_boarding_minutes",
    "walk_boarding_minutes",
    "public_boarding_minutes",
)
_MODES = (TransportMode.COACH, TransportMode.CARS, TransportMode.WALK, TransportMode.PUBLIC)
SPEED_RANGE = (1.0, 120.0)  # km/h
URBAN_KM_RANGE = (0.0, 100.0)  # road km of each leg at the urban speed
BOARDING_RANGE = (0, 120)  # minutes


def _combo(parent: QWidget, items: list[tuple[str, str]], current: str) -> QComboBox:
    combo = QComboBox(parent)
    for value, label in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _key_edit(parent: QWidget, key: str) -> QLineEdit:
    edit = QLineEdit(key, parent)
    edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
    edit.setPlaceholderText(tr("未填写"))
    return edit


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("设置"))
        self._original = settings
        choices = [(b.value, basemap_label(b)) for b in PROVIDERS]
        if settings.base_map is BaseMapId.PACKAGE:  # the offline map package in use stays chosen
            choices.append((BaseMapId.PACKAGE.value, package_label(settings.base_package)))
        self.base_map = _combo(self, choices, settings.base_map.value)
        self.tianditu_key = _key_edit(self, settings.tianditu_key)
        self.baidu_key = _key_edit(self, settings.baidu_key)
        self.transport = _combo(
            self, [(m.value, transport_label(m)) for m in _MODES], settings.transport_mode.value
        )
        self.speeds = {
            name: self._speed(getattr(settings.travel, name))
            for name in (*_SPEED_FIELDS, *_INTERCITY_FIELDS)
            if name is not None
        }
        self.urban_km = TypedDoubleSpinBox(self)
        self.urban_km.setSuffix(" km")
        self.urban_km.setValue(settings.travel.urban_road_km)
        self.buffers = {
            name: self._minutes(getattr(settings.travel, name)) for name in _BUFFER_FIELDS
        }
        self.max_day = TypedSpinBox(self)
        self.max_day.setSingleStep(30)
        self.max_day.setSuffix(tr(" 分钟"))
        self.max_day.setValue(settings.max_day_minutes)
        self.language = _combo(
            self, [("zh_CN", tr("简体中文")), ("en", "English")], settings.language
        )
        for box, limits in self.number_ranges():
            hint_range(box, limits)
        body = self._layout()
        # Qt's minimum size takes a wrapped note as one line: shown at that minimum (a dialog
        # taller than 2/3 of the screen is), the speed grid was squeezed to half-height boxes
        self.setMinimumHeight(body.totalHeightForWidth(self.sizeHint().width()))

    # The number boxes keep what is typed (a box held to its range turned a typed 30 into the
    # old 600, 5000 into 500, -100 into 100); 保存 checks the ranges and says what is wrong.
    def _speed(self, value: float) -> TypedDoubleSpinBox:
        box = TypedDoubleSpinBox(self)
        box.setSuffix(" km/h")
        box.setValue(value)
        return box

    def _minutes(self, value: int) -> TypedSpinBox:
        box = TypedSpinBox(self)
        box.setSuffix(tr(" 分钟"))
        box.setValue(value)
        return box

    def _layout(self) -> QVBoxLayout:
        maps = QFormLayout()
        maps.addRow(tr("底图"), self.base_map)
        maps.addRow(tr("天地图密钥"), self.tianditu_key)
        maps.addRow(tr("百度地图密钥（查地址）"), self.baidu_key)
        note = QLabel(tr("密钥只保存在本机设置文件中，不会写入日志或导出文件。"), self)
        note.setWordWrap(True)
        maps.addRow(note)
        travel = QFormLayout()
        travel.addRow(tr("默认交通方式"), self.transport)
        travel.addRow(self._mode_grid())
        travel.addRow(tr("每段路程按市区速度的里程"), self.urban_km)
        model = QLabel(
            tr(
                "道路里程按直线距离 × {0} 估算；每段路程的前面这些公里（出城、进村）按市区速度，"
                "其余按城际速度（高速公路、国道）。"
            ).format(f"{self._original.travel.road_detour:g}"),
            self,
        )
        model.setWordWrap(True)
        travel.addRow(model)
        travel.addRow(tr("单日最长时长（超过即提醒）"), self.max_day)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._group(tr("地图"), maps))
        layout.addWidget(self._group(tr("行程估算"), travel))
        language = QFormLayout()
        language.addRow(tr("界面语言（下次启动生效）"), self.language)
        layout.addLayout(language)
        layout.addWidget(buttons)
        return layout

    def _mode_grid(self) -> QGridLayout:
        """One row per transport mode: its urban and intercity speeds and its boarding time
        (eight rows of a form would make the dialog taller than a 768-pixel screen)."""
        grid = QGridLayout()
        for column, title in enumerate((tr("市区速度"), tr("城际速度"), tr("上车集合")), 1):
            grid.addWidget(QLabel(title, self), 0, column)
        for row, mode in enumerate(_MODES, 1):
            grid.addWidget(QLabel(transport_label(mode), self), row, 0)
            boxes: list[QWidget | None] = [
                self.speeds[_SPEED_FIELDS[row - 1]],
                self.speeds.get(_INTERCITY_FIELDS[row - 1] or ""),
                self.buffers[_BUFFER_FIELDS[row - 1]],
            ]
            for column, box in enumerate(boxes, 1):
                grid.addWidget(box or QLabel("—", self), row, column)
        for box, label in self.number_ranges():
            box.setAccessibleName(label.label)  # the grid's cells have no label of their own
        return grid

    def _group(self, title: str, form: QFormLayout) -> QGroupBox:
        box = QGroupBox(title, self)
        box.setLayout(form)
        return box

    def number_ranges(self) -> list[tuple[QAbstractSpinBox, NumberRange]]:
        """Each number box with its label and range, in the order the dialog shows them (the
        grid row by row: a mode's speeds, then its boarding time)."""
        minutes = tr(" 分钟")
        fields: list[tuple[QAbstractSpinBox, NumberRange]] = []
        for mode, name, far, buffer in zip(
            _MODES, _SPEED_FIELDS, _INTERCITY_FIELDS, _BUFFER_FIELDS, strict=True
        ):
            label = tr("{0}市区平均速度") if far else tr("{0}平均速度")
            fields.append(
                (
                    self.speeds[name],
                    NumberRange(label.format(transport_label(mode)), *SPEED_RANGE, " km/h"),
                )
            )
            if far is not None:
                label = tr("{0}城际平均速度").format(transport_label(mode))
                fields.append((self.speeds[far], NumberRange(label, *SPEED_RANGE, " km/h")))
            label = tr("{0}上车集合时间").format(transport_label(mode))
            fields.append((self.buffers[buffer], NumberRange(label, *BOARDING_RANGE, minutes)))
        fields.append(
            (self.urban_km, NumberRange(tr("每段路程按市区速度的里程"), *URBAN_KM_RANGE, " km"))
        )
        fields.append((self.max_day, NumberRange(tr("单日最长时长"), *MAX_DAY_RANGE, minutes)))
        return fields

    def accept(self) -> None:
        """保存 (or Enter in any field): a number out of its range is refused with the field's
        name and range, and the dialog stays open on that field. A key that cannot be one is
        refused here, with what a key looks like, instead of being saved and later reported
        as missing while the map falls back to 无."""
        wrong = first_range_problem(self.number_ranges())
        if wrong is not None:
            box, problem = wrong
            messages.warning(self, tr("请检查数值"), problem)
            show_field(box)
            return
        for label, edit in (
            (tr("天地图密钥"), self.tianditu_key),
            (tr("百度地图密钥"), self.baidu_key),
        ):
            if key_problem(edit.text()) is KeyProblem.MALFORMED:
                messages.warning(
                    self,
                    tr("密钥格式不正确"),
                    tr(
                        "{0}格式不正确：密钥由 8–128 个字母、数字、- 或 _ 组成，"
                        "不含空格或其他符号。请从服务商的控制台重新复制，或清空不填。"
                    ).format(label),
                )
                edit.setFocus()
                edit.selectAll()
                return
        super().accept()

    def settings(self) -> Settings:
        """The edited value; fields the dialog does not show keep their current values."""
        # field names are checked by dataclasses.replace; speeds are floats, buffers ints
        changes: dict[str, Any] = {name: box.value() for name, box in self.speeds.items()}
        changes |= {name: box.value() for name, box in self.buffers.items()}
        changes["urban_road_km"] = self.urban_km.value()
        travel = dataclasses.replace(self._original.travel, **changes)
        return dataclasses.replace(
            self._original,
            base_map=BaseMapId(self.base_map.currentData()),
            tianditu_key=self.tianditu_key.text().strip(),
            baidu_key=self.baidu_key.text().strip(),
            transport_mode=TransportMode(self.transport.currentData()),
            travel=travel,
            max_day_minutes=self.max_day.value(),
            language=self.language.currentData(),
        )
