"""The HTTP API (FastAPI): serves what the pipeline stored; never imports spaCy."""
