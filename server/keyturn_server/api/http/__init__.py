"""The HTTP edge: REST/JSON from the contract's google.api.http annotations, the OpenAPI
document and the web console, over the same servicers as gRPC (see app.py)."""
