"""Commands of the ingest area (registered on the shared app)."""
