"""The web page and the HTTP API over the register (``fehrest serve``)."""

from fehrest.web.app import create_app

__all__ = ["create_app"]
