"""`python -m keyturn_server.cli`: the same as the `keyturn` command."""

import sys

from keyturn_server.cli import main

sys.exit(main())
