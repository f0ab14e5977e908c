"""Gates: each checks the built site and returns a list of problems (empty means pass)."""
