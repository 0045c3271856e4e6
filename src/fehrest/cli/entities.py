"""Commands of the entities area (registered on the shared app)."""
