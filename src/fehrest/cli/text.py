"""Commands of the text area (registered on the shared app)."""
