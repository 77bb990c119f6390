"""Persistence: SQLAlchemy 2 typed models, repositories, the unit of work, migrations."""
