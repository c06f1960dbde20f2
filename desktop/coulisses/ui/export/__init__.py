"""Making the reel from the window: options, preview, render, player, past exports."""
