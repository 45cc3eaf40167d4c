"""Read models of the log: the deadline board and the runner that keeps read models current.

See :mod:`projections.runner` for the protocol a read model implements.
"""
