"""Make packaging/icons/ from assets/icons/coulisses.svg: PNGs 16-512, .ico and .icns.

Run at commit time after changing the SVG (the outputs are committed, so a build
needs neither this script nor an SVG renderer):

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

Each size is rendered from the vector drawing (no downscaled 512 px image), so
the small sizes stay crisp. Qt's SVG renderer does the drawing because PySide6
is already installed; Pillow writes the PNG, ICO and ICNS files.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "assets" / "icons" / "coulisses.svg"
OUT = ROOT / "packaging" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows uses up to 256 px
ICNS_SIZES = (16, 32, 64, 128, 256, 512)  # Pillow fills the @2x slots from these


def png_name(size: int) -> str:
    return f"coulisses-{size}.png"


def render(svg: Path, size: int) -> Image.Image:
    """The SVG drawn on a transparent size x size RGBA image."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _ = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG Qt can draw; fix the file and run again.")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def make_icons(svg: Path = SVG, out: Path = OUT) -> list[Path]:
    """Write every icon file into ``out``; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    images = {size: render(svg, size) for size in PNG_SIZES}
    written = []
    for size, image in images.items():
        path = out / png_name(size)
        image.save(path, optimize=True)
        written.append(path)
    ico = out / "coulisses.ico"
    largest = images[max(ICO_SIZES)]
    largest.save(ico, sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    icns = out / "coulisses.icns"
    images[max(ICNS_SIZES)].save(icns, append_images=[images[s] for s in ICNS_SIZES])
    return [*written, ico, icns]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    for path in make_icons(args.svg, args.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
