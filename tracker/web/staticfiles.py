"""The production static files storage: WhiteNoise's compressed manifest storage (hashed
names, cached forever) with the JavaScript module imports rewritten to those names.

The workspace script is native ES modules (static/js/workspace/). Without the rewrite,
main.<hash>.js would still `import ... from "./api.js"` — the unhashed copy, which is not
cached forever and may belong to another deploy than the module importing it.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class ManifestStaticFilesStorage(CompressedManifestStaticFilesStorage):
    # Django 5.2 rewrites `import`/`export ... from "./x.js";` only when asked to.
    support_js_module_import_aggregation = True
    # A module's hash depends on those of the modules it imports, and a pass settles them
    # only as far as they were processed before it: the workspace's imports run about ten
    # deep and need 7 passes, more than Django's default 5. The imports must stay acyclic,
    # or no number of passes settles (tests/tracker/test_staticfiles.py).
    max_post_process_passes = 20
