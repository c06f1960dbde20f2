"""Listing the cameras for the app's source menu, from a fake sysfs (no camera here)."""

from __future__ import annotations

import logging
from pathlib import Path

from coulisses.capture.probe import CameraInfo, list_cameras


def _node(root: Path, name: str, label: str | None, index: str | None) -> None:
    node = root / name
    node.mkdir(parents=True)
    if label is not None:
        (node / "name").write_text(label + "\n")
    if index is not None:
        (node / "index").write_text(index + "\n")


def test_primary_nodes_only_sorted_by_index_with_their_names(tmp_path):
    root = tmp_path / "video4linux"
    _node(root, "video0", "HD Pro Webcam C920", "0")
    _node(root, "video1", "HD Pro Webcam C920", "1")  # its metadata node: no pictures
    _node(root, "video10", "Integrated Camera: Integrated C", "0")
    _node(root, "video2", "USB2.0 PC CAMERA", None)  # old kernel: no index file
    _node(root, "video3", None, "0")  # no name: a readable fallback
    _node(root, "v4l-subdev0", "sensor", "0")  # not a video node
    (root / "video4").write_text("not a directory")
    assert list_cameras(sysfs=root) == [
        CameraInfo(0, "HD Pro Webcam C920"),
        CameraInfo(2, "USB2.0 PC CAMERA"),
        CameraInfo(3, "camera 3"),
        CameraInfo(10, "Integrated Camera: Integrated C"),
    ]


def test_no_video4linux_folder_means_no_camera(tmp_path):
    assert list_cameras(sysfs=tmp_path / "absent") == []


def test_never_raises(tmp_path, caplog):
    def broken_opener(index: int) -> bool:
        raise RuntimeError("backend crashed")

    caplog.set_level(logging.WARNING, logger="coulisses.capture.probe")
    assert list_cameras(opener=broken_opener) == []
    assert any("listing the cameras failed" in r.getMessage() for r in caplog.records)


def test_elsewhere_indices_are_tried_and_the_search_stops_after_two_misses():
    tried: list[int] = []
    present = {0, 2, 5}

    def opener(index: int) -> bool:
        tried.append(index)
        return index in present

    assert list_cameras(max_index=6, opener=opener) == [CameraInfo(0, "camera 0"),
                                                         CameraInfo(2, "camera 2")]
    assert tried == [0, 1, 2, 3, 4]  # 3 and 4 missing: 5 and 6 are not tried
