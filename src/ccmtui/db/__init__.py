"""The database: models, the one engine and its transactions, the read queries and the writes.

It knows the domain and nothing above it: reports, actions, the command line and the app use it.
"""
