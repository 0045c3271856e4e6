"""Commands of the time area (registered on the shared app)."""
