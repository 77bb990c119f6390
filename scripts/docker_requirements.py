"""Print the third-party requirements of the server and the client, one per line.

The Dockerfile's `deps` stage (and scripts/docker-steps.sh) builds wheels for exactly these
from the two pyproject.toml files alone, so that layer is rebuilt only when a dependency
changes, not on every source edit. The two local distributions are left out.

    python scripts/docker_requirements.py [ROOT] > requirements.txt
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

LOCAL = {"keyturn", "keyturn-client"}


def requirements(root: Path) -> list[str]:
    found: list[str] = []
    for pyproject in (root / "pyproject.toml", root / "clients" / "python" / "pyproject.toml"):
        for requirement in tomllib.loads(pyproject.read_text())["project"]["dependencies"]:
            name = re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower()
            if name not in LOCAL and requirement not in found:
                found.append(requirement)
    return found


if __name__ == "__main__":
    print("\n".join(requirements(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())))
