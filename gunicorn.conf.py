"""gunicorn's settings for every way the workbench runs under it (the Dockerfile,
docker-compose.yml, the benchmarks and the audit all start it from this folder, where
gunicorn reads this file).

gunicorn believes X-Forwarded-Proto, X-Forwarded-Protocol and X-Forwarded-SSL from
127.0.0.1 by default and then tells Django the request came over HTTPS, before any
middleware can drop the header: any local client could claim HTTPS (the audit,
benchmarks/audit.py, found it). The one rule for proxy headers is the app's own
(WB_TRUSTED_PROXIES, tracker/web/proxies.py), so gunicorn believes none of them.
"""

forwarded_allow_ips = ""
secure_scheme_headers: dict[str, str] = {}
