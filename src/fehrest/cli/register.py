"""Commands of the register area (registered on the shared app)."""
