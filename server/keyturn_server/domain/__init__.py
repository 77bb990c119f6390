"""Business rules. Imports neither grpc nor sqlalchemy."""
