"""The event log: the vocabulary of recorded facts, their transcodings, the store and reading it.

This package imports none of the tracker's other packages.
"""
