"""Dialogs. Each opens through a classmethod `ask(...)` that returns what the user chose (None
when cancelled), so that tests patch one call."""
