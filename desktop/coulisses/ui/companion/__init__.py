"""The window's phone companion: the QR code dialog, the host flagging through the bench."""
