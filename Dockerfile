# The web image of docker-compose.yml: the workbench under gunicorn, static files
# served by WhiteNoise from the collected, compressed and hashed copies.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first: a code change does not reinstall them.
COPY pyproject.toml ./
RUN pip install .

COPY . .

# collectstatic reads the settings, which refuse DJANGO_DEBUG=0 without a key and hosts:
# these values exist only for this build step; the running container gets its own.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=collectstatic-build-step-only \
    DJANGO_ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --no-input \
    && useradd --system --uid 10001 --no-create-home --home-dir /nonexistent workbench

USER workbench
EXPOSE 8000
CMD ["gunicorn", "tracker.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120"]
