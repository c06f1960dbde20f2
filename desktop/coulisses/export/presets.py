"""Platform presets: frame size, frame rate and the safe zone, as plain data.

The safe zone is the part of the frame no platform button, name or
description covers. The insets below follow the platforms' published overlay
guides (checked November 2026); when a platform moves its buttons, update the
numbers here and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from coulisses.i18n import tr


@dataclass(frozen=True, slots=True)
class SafeZone:
    top: int
    bottom: int
    left: int
    right: int


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    label: str  # for people ("Instagram Reels")
    width: int = 1080
    height: int = 1920
    fps: int = 30
    safe: SafeZone = SafeZone(270, 670, 60, 150)
    default_duration: float = 30.0
    crf: int = 20
    x264_preset: str = "veryfast"

    @property
    def safe_box(self) -> tuple[int, int, int, int]:
        """(x0, y0, x1, y1) of the safe area in pixels."""
        s = self.safe
        return s.left, s.top, self.width - s.right, self.height - s.bottom

    def scaled(self, width: int, height: int) -> Preset:
        """The same preset at another size (tests, previews): insets scale along."""
        fx, fy = width / self.width, height / self.height
        s = self.safe
        safe = SafeZone(round(s.top * fy), round(s.bottom * fy), round(s.left * fx),
                        round(s.right * fx))
        return replace(self, width=width, height=height, safe=safe)


PRESETS: dict[str, Preset] = {
    # Reels: the top ~14 % holds the camera/"Reels" header, the bottom ~35 %
    # the name, description, audio line; the right column the like/comment/share
    # buttons.
    "reels": Preset("reels", "Instagram Reels", safe=SafeZone(top=270, bottom=670, left=60,
                                                              right=150)),
    # TikTok: slimmer header, description block over the bottom ~25 %, a wide
    # right-hand column (avatar, like, comment, save, share).
    "tiktok": Preset("tiktok", "TikTok", safe=SafeZone(top=250, bottom=480, left=60,
                                                       right=170)),
    # YouTube Shorts: title and channel over the bottom ~20 %, buttons on the right.
    "shorts": Preset("shorts", "YouTube Shorts", safe=SafeZone(top=270, bottom=390, left=60,
                                                               right=130)),
}

DEFAULT_PRESET = "reels"


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(tr("unknown preset {name!r}; choose one of {choices}", name=name,
                            choices=", ".join(PRESETS))) from None
