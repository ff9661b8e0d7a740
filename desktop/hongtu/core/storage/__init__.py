"""Storage: SQLAlchemy 2 ORM models, the database opener with backup-before-migrate, stores."""
