"""The web console: static assets served by the HTTP edge at /console (api/http/app.py)."""
