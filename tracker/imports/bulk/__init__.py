"""Bulk import: a folder, a list of files or a zip of records, from the command line or
as background work behind the browser's multi-file upload.

    sources.py   what to read: folders, files, zips (and zip safety), no parsing
    runner.py    import_many(...) → BulkReport: pure orchestration, no HTTP
    jobs.py      ImportJob writes: create and enqueue, record progress, parse in background
    tasks.py     the task the queue's worker runs
    views.py, forms.py, urls.py   the upload page, the progress page, its JSON status
"""
