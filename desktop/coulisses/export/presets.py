"""Platform presets: frame size, frame rate, safe zone and the platforms' limits, as data.

ONE table (``PRESETS`` below) holds what each platform takes: the safe zone
(the part of the frame no button, name or description covers), how long a
reel may run, what its carousel (photo post) takes, whether it accepts a
caption file and a cover upload, with where each figure comes from and the
date it was checked (``CHECKED``). When an app moves its buttons or changes a
limit, the change is one edit of that table and of ``CHECKED``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from coulisses.i18n import tr

CHECKED = "2026-12-07"  # the date every figure in the table below was last checked


@dataclass(frozen=True, slots=True)
class SafeZone:
    top: int
    bottom: int
    left: int
    right: int


@dataclass(frozen=True, slots=True)
class CarouselFormat:
    """A platform's post of several images, swiped one by one."""

    name: str  # "instagram", "tiktok"
    label: str  # for people ("Instagram carousel")
    width: int
    height: int
    max_images: int
    safe: SafeZone  # where captions stay clear of the app's counters and buttons

    def safe_box(self, width: int | None = None,
                 height: int | None = None) -> tuple[int, int, int, int]:
        """(x0, y0, x1, y1) of the safe area at ``width`` x ``height`` (default: the
        format's own size); the insets scale along."""
        width, height = width or self.width, height or self.height
        fx, fy = width / self.width, height / self.height
        s = self.safe
        return (round(s.left * fx), round(s.top * fy), width - round(s.right * fx),
                height - round(s.bottom * fy))


@dataclass(frozen=True, slots=True)
class Preset:
    name: str
    label: str  # for people ("Instagram Reels")
    carousel: CarouselFormat
    width: int = 1080
    height: int = 1920
    fps: int = 30
    safe: SafeZone = SafeZone(270, 670, 60, 150)
    default_duration: float = 30.0  # short: the reels the platforms push
    max_duration: float = 180.0  # the longest reel the platform takes, seconds
    takes_srt: bool = False  # a caption file can be uploaded beside the video
    cover_upload: bool = True  # a cover image can be uploaded; else it is a frame of the video
    source: str = ""  # where the figures come from
    checked: str = CHECKED
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


# Carousels. Instagram: up to 20 photos since 2024-2025, and the first slide's ratio
# applies to every slide, so all are 4:5 (the tallest the feed shows); no button covers
# them, but the profile grid crops them to 3:4 (~34 px a side) and the feed draws the
# page counter top right and the tags badge bottom left. TikTok photo mode: up to 35
# images, shown full screen at 9:16 under the same buttons and description as a video.
INSTAGRAM_CAROUSEL = CarouselFormat("instagram", "Instagram carousel", 1080, 1350, 20,
                                    SafeZone(top=110, bottom=120, left=80, right=80))
TIKTOK_PHOTOS = CarouselFormat("tiktok", "TikTok photo mode", 1080, 1920, 35,
                               SafeZone(top=250, bottom=480, left=60, right=170))

PRESETS: dict[str, Preset] = {
    # Reels: the top ~14 % holds the camera/"Reels" header, the bottom ~35 % the name,
    # description, audio line; the right column the like/comment/share buttons. Up to
    # 3 min; no caption file (captions are burnt in); a cover can be uploaded.
    "reels": Preset(
        "reels", "Instagram Reels", INSTAGRAM_CAROUSEL,
        safe=SafeZone(top=270, bottom=670, left=60, right=150), max_duration=180.0,
        source="Instagram Help Centre (Reels, carousel posts); about.instagram.com "
               "announcements of 3-minute reels (Jan. 2025) and 20-photo carousels"),
    # TikTok: slimmer header, description block over the bottom ~25 %, a wide right-hand
    # column (avatar, like, comment, save, share). Videos up to 10 min in the app (longer
    # as uploads); photo mode up to 35 images; no caption file upload.
    "tiktok": Preset(
        "tiktok", "TikTok", TIKTOK_PHOTOS,
        safe=SafeZone(top=250, bottom=480, left=60, right=170), max_duration=600.0,
        source="TikTok Support (video length, photo mode); newsroom.tiktok.com"),
    # YouTube Shorts: title and channel over the bottom ~20 %, buttons on the right.
    # Up to 3 min (square or vertical, since 2024-10-15); subtitles as an SRT file in
    # YouTube Studio; no cover upload for Shorts: the thumbnail is a frame of the video.
    # No photo post of its own: a carousel made with this preset is Instagram's.
    "shorts": Preset(
        "shorts", "YouTube Shorts", INSTAGRAM_CAROUSEL,
        safe=SafeZone(top=270, bottom=390, left=60, right=130), max_duration=180.0,
        takes_srt=True, cover_upload=False,
        source="YouTube Help, support.google.com/youtube/answer/15424877 (3-minute "
               "Shorts), answer/2734796 (subtitle files)"),
}

DEFAULT_PRESET = "reels"
LONGEST = max(p.max_duration for p in PRESETS.values())


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(tr("unknown preset {name!r}; choose one of {choices}", name=name,
                            choices=", ".join(PRESETS))) from None
