"""Keyturn server: KeyService, CryptoService and AuditService over PostgreSQL or SQLite."""

__version__ = "0.1.0"
