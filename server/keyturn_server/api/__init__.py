"""The gRPC edge: thin servicers, proto<->domain conversion, the error table, interceptors."""
