"""`python -m newsclean ...` runs the command line."""

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while the modules load: no traceback
    raise SystemExit(130) from None

raise SystemExit(main())
