"""Entry point for `python -m diplograph`."""

from __future__ import annotations

from diplograph.cli import main

if __name__ == "__main__":
    main()
