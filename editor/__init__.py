"""The bank editors' tools beyond the plain model pages: the admin site, bank health,
re-score preview, analytics, the bank's download and upload, and the results CSV.

No models of its own: it reads and writes the ``roles`` and ``quiz`` tables."""
