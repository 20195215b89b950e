"""Operations: health endpoints, Prometheus metrics, structured logs with a request id, error
reporting and the version shown to staff. Holds no data of its own; reads the data apps' tables
for its counts."""
