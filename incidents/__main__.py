"""``python -m incidents``: the same command line as the ``incidents`` script."""

from incidents.cli import main

if __name__ == "__main__":
    main()
