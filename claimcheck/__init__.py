"""claimcheck: compare what several news articles say about one event, claim by claim."""
__version__ = "0.1.0"
