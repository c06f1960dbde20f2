"""Words Qt's own French catalogue lacks, answered from ours.

PySide6's ``qtbase_fr.qm`` has "Look in:" but the file dialog asks for
"&Look in:", and it has no "Folder" for the file list's type column, so every
file chooser showed English in a French window. Our translator is installed
beside Qt's and answers for these contexts when Qt's does not.
"""

from __future__ import annotations

from coulisses.i18n import translate


def _for_lupdate() -> None:  # pragma: no cover - never called: lupdate reads these calls
    translate("QFileDialog", "&Look in:")
    translate("QFileDialog", "Files of &type:")
    translate("QAbstractFileIconProvider", "Folder", "All other platforms")
    translate("QAbstractFileIconProvider", "Drive")
    translate("QAbstractFileIconProvider", "Unknown")
