"""Keyturn client packages: generated stubs (keyturn.v1) and the client facade (keyturn.client)."""
