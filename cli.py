"""Run claimcheck from a plain checkout: `python cli.py …` is `claimcheck …`."""
from claimcheck.cli import app
app()
