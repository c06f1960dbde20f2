"""The capture panel: a view (layout) and a controller (drives a CaptureSession)."""
