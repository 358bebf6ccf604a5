"""Use cases: the only place that opens a transaction. Adapters call these and nothing else."""
