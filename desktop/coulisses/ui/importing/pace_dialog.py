"""Asked once per import: were these videos filmed in real time, or are they time-lapses?

A phone's time-lapse (an iPhone's says nothing about it in the file) plays
hours of work in seconds; the maker's answer puts each still at the real time
it shows. The answer is a speed-up for every video, or, for one video, the
real time it covers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coulisses.capture.video_meta import VideoInfo
from coulisses.units import format_duration

MAX_LISTED = 5


class VideoPaceDialog(QDialog):
    def __init__(self, videos: list[VideoInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("video_pace")
        self.videos = videos
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.real_time = QRadioButton(self)
        self.real_time.setObjectName("real_time")
        self.sped_up = QRadioButton(self)
        self.sped_up.setObjectName("sped_up")
        self.covers = QRadioButton(self)
        self.covers.setObjectName("covers")
        self.group = QButtonGroup(self)
        for b in (self.real_time, self.sped_up, self.covers):
            self.group.addButton(b)
        # Phones film time-lapses without sound: silent videos are most likely ones.
        self.silent = not any(v.has_audio for v in videos)
        (self.sped_up if self.silent else self.real_time).setChecked(True)
        self.speedup = QDoubleSpinBox(self)
        self.speedup.setObjectName("speedup")
        self.speedup.setRange(1.0, 100_000.0)
        self.speedup.setDecimals(1)
        self.speedup.setValue(60.0)
        self.hours, self.minutes = QSpinBox(self), QSpinBox(self)
        self.hours.setObjectName("hours")
        self.minutes.setObjectName("minutes")
        self.hours.setRange(0, 999)
        self.minutes.setRange(0, 59)
        self.hours.setValue(2)
        self.speedup.valueChanged.connect(lambda _v: self.sped_up.setChecked(True))
        self.hours.valueChanged.connect(lambda _v: self.covers.setChecked(True))
        self.minutes.valueChanged.connect(lambda _v: self.covers.setChecked(True))
        # A real duration is one video's: with several, only a speed-up fits them all.
        for w in (self.covers, self.hours, self.minutes):
            w.setVisible(len(videos) == 1)
        grid = QGridLayout()
        grid.addWidget(self.real_time, 0, 0, 1, 3)
        grid.addWidget(self.sped_up, 1, 0)
        grid.addWidget(self.speedup, 1, 1)
        grid.addWidget(self.covers, 2, 0)
        grid.addWidget(self.hours, 2, 1)
        grid.addWidget(self.minutes, 2, 2)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Filmed in real time, or a time-lapse?"))
        names = ", ".join(v.path.name for v in self.videos[:MAX_LISTED])
        if len(self.videos) > MAX_LISTED:
            names += " " + self.tr("and %n more", "", len(self.videos) - MAX_LISTED)
        self.intro.setText(self.tr(
            "%n video(s) do not say how fast they were filmed: {names}. A phone's "
            "time-lapse plays hours of work in seconds; say which it is, so each still is "
            "placed at the time it shows.", "", len(self.videos)).format(names=names))
        if self.silent:
            silent = self.tr("It has no sound, as a phone's time-lapses.") \
                if len(self.videos) == 1 else self.tr("They have no sound, as a phone's "
                                                      "time-lapses.")
            self.intro.setText(self.intro.text() + " " + silent)
        if len(self.videos) == 1:
            self.real_time.setText(self.tr("Filmed in real time (an ordinary video of {length})")
                                   .format(length=format_duration(self.videos[0].duration)))
        else:
            self.real_time.setText(self.tr("Filmed in real time (ordinary videos)"))
        self.sped_up.setText(self.tr("A time-lapse, sped up"))
        self.speedup.setSuffix(self.tr(" times"))
        self.covers.setText(self.tr("A time-lapse of this much real work:"))
        self.hours.setSuffix(self.tr(" h"))
        self.minutes.setSuffix(self.tr(" min"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def answer(self) -> tuple[float | None, float | None]:
        """(speed-up, real duration in seconds): both None for real time."""
        if self.sped_up.isChecked():
            return float(self.speedup.value()), None
        if self.covers.isChecked() and len(self.videos) == 1:
            seconds = self.hours.value() * 3600 + self.minutes.value() * 60
            return (None, float(seconds)) if seconds > 0 else (None, None)
        return None, None
