"""The export's own failure, raised by every part of it."""


class ExportError(Exception):
    """The export could not be made; nothing was written under a final name."""
