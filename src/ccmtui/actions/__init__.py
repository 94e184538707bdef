"""What a coordinator does to the record: each action validates, then writes through a Writer.

Actions know nothing of the CLI or the TUI; both call them with the same arguments.
"""
