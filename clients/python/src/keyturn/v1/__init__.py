"""Generated keyturn.v1 stubs. Do not edit; run scripts/generate.py."""
