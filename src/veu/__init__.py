"""veu: validated end-user export control for rare earths.

The package is layered: a pure core (`model`, `names`, `matching`, `graph`, `policy`) that never
touches a database, a file or the clock; `ingest` and `store` at the edges; `services` holding the
use cases; and thin adapters (`api`, `web`, `cli`, `batch`).
"""

__version__ = "0.1.0"
