"""The admin of the analysis domain, one module per feature.

Every page here writes through the same services as the API (or is read-only where
a service allows no administrator's change), so the admin cannot break a rule the
services keep. Importing the modules registers their pages with Django's admin site.
"""

from . import codebook, coding, review, statements, users  # noqa: F401
