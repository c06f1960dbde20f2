"""H.264 MP4 through PyAV's libx264: what every platform and player accepts.

yuv420p, constant 30 fps (frame n has pts n in a 1/fps time base), moov atom
moved to the front on close (``+faststart``) so playback and upload
processing can start before the whole file is read.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import av
import numpy as np

from coulisses.export import yuv

# Colour tags matching OpenCV's BGR->I420 conversion (BT.601 matrix, video
# range) of sRGB stills, so players do not guess BT.709 and shift colours.
_RANGE_TV, _MATRIX_BT601, _PRIMARIES_BT709, _TRC_BT709 = 1, 6, 1, 1


def to_i420(frame_bgr: np.ndarray) -> np.ndarray:
    """BGR frame to planar YUV 4:2:0 (what the encoder eats); ~2 ms at 1080x1920."""
    return yuv.to_i420(frame_bgr)


class Mp4Writer:
    def __init__(self, path: Path, width: int, height: int, fps: int, *, crf: int = 20,
                 preset: str = "veryfast") -> None:
        if width % 2 or height % 2:
            raise ValueError("H.264 in yuv420p needs an even frame width and height")
        self.path = Path(path)
        self.width, self.height, self.fps = width, height, fps
        self.frames = 0
        self._container = av.open(str(self.path), mode="w", format="mp4",
                                  options={"movflags": "+faststart"})
        try:
            stream = self._container.add_stream("libx264", rate=fps)
            stream.width, stream.height = width, height
            stream.pix_fmt = "yuv420p"
            stream.options = {"crf": str(crf), "preset": preset}
            cc = stream.codec_context
            # PyAV defaults to slice threads, which makes x264 run sliced_threads=1
            # with 2 threads; frame threads (what the ffmpeg CLI uses) encode faster
            # on few cores and compress better.
            cc.thread_type = "AUTO"
            cc.color_range, cc.colorspace = _RANGE_TV, _MATRIX_BT601
            cc.color_primaries, cc.color_trc = _PRIMARIES_BT709, _TRC_BT709
            self._stream = stream
        except BaseException:
            self._container.close()
            raise

    def write_i420(self, planes: np.ndarray) -> None:
        frame = av.VideoFrame.from_ndarray(planes, format="yuv420p")
        frame.pts = self.frames
        self._mux(self._stream.encode(frame))
        self.frames += 1

    def write_bgr(self, frame_bgr: np.ndarray) -> None:
        self.write_i420(to_i420(frame_bgr))

    def _mux(self, packets) -> None:
        for packet in packets:
            self._container.mux(packet)

    def close(self) -> None:
        """Flush the encoder and finish the file (moov moved to the front)."""
        try:
            self._mux(self._stream.encode(None))
        finally:
            self._container.close()

    def abort(self) -> None:
        # The partial file is deleted by the caller anyway.
        with contextlib.suppress(Exception):
            self._container.close()
