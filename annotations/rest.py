"""What every feature's REST API shares: the methods a resource answers and the
documented answer to bad input. (Cross-app plumbing — the error handler, the
filter backend, pagination — is tracker's.)"""

from drf_spectacular.utils import OpenApiResponse

# No PUT: every change is a PATCH of the fields it changes.
WRITE_METHODS = ["get", "post", "patch", "delete", "head", "options"]

ERROR = OpenApiResponse(description="Bad input: field messages.")
