"""Fehrest: a sourced, time-aware register of group designations read from the news."""

__version__ = "0.1.0"
