# The API service for docker-compose.yml: `kg up` against the compose Neo4j (NEO4J_URI).
FROM python:3.11-slim
WORKDIR /app
COPY requirements.lock pyproject.toml README.md ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock
COPY schema ./schema
COPY loaders ./loaders
COPY graph ./graph
COPY api ./api
COPY seeds ./seeds
RUN pip install --no-cache-dir --no-deps --no-build-isolation -e .
ENV KG_HOME=/app KG_API_HOST=0.0.0.0
EXPOSE 8000
CMD ["kg", "up", "--host", "0.0.0.0", "--port", "8000"]
