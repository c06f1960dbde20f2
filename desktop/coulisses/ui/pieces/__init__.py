"""The list of pieces: a summary loader, a model, and the panel around it."""
