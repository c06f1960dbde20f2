"""One module per CLI command: ``register(subparsers)`` adds it, ``run(args, ctx)`` runs it."""
