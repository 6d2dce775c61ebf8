"""Monitoring across meetings: corpus search, country profiles, the Gender Index,
trends and the code × attribute matrix (selectors read, pure modules compute, the
faces are views.py, api.py, urls.py and serializers.py)."""
