"""Databases built from nothing: sample.db (`sample.py`) and large invented ones (`generate.py`).

They write through the same models and actions as the commands; only `ccm sample`, the bench
and the tests import this package.
"""
