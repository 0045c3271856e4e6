"""Commands of the web area (registered on the shared app)."""
