#!/usr/bin/env python
"""Same as the installed `secbio` command."""

from config.cli import main

if __name__ == "__main__":
    main()
