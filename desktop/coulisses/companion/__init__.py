"""The phone companion: a page on the local network to flag moments and take reels."""
