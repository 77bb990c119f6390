"""Hand-written client facade over the generated keyturn.v1 stubs."""
