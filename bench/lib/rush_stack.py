"""Configuration of the scale-out rush (`bench/run-rush --app-servers 2 --pgbouncer`): nginx
in front of several gunicorns, as production's site (deploy/nginx/forsamling.conf, written by
scripts/serve) has it, and PgBouncer in transaction mode between them and PostgreSQL. Pure
text from arguments, no I/O: the processes are started by bench/lib/rush.py."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit


def nginx_conf(directory: Path, port: int, app_ports: list[int], *, user: str = "") -> str:
    """nginx on 127.0.0.1:`port` balancing over the gunicorns on `app_ports` with production's
    proxy settings. Left out: TLS (the clients speak plain HTTP on loopback, as they do to a
    single gunicorn), the static files (the rush fetches none) and the access log."""
    upstreams = "".join(
        f"    server 127.0.0.1:{p} max_fails=3 fail_timeout=5s;\n" for p in app_ports
    )
    temp = "".join(
        f"  {name}_temp_path {directory / 'tmp' / name};\n"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""# Written by bench/lib/rush.py (production's site: deploy/nginx/forsamling.conf).
{f"user {user};" if user else ""}
worker_processes auto;
worker_rlimit_nofile 8192;
pid {directory / "nginx.pid"};
error_log stderr warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
{temp}  server_tokens off;
  client_max_body_size 20m;
  upstream forsamling {{
{upstreams}  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://forsamling;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_hide_header Strict-Transport-Security;
      proxy_read_timeout 90s;
      proxy_next_upstream error timeout;
    }}
  }}
}}
"""


def pgbouncer_ini(database_url: str, port: int, pool_size: int) -> str:
    """PgBouncer on 127.0.0.1:`port` in transaction mode, one pool of `pool_size` server
    connections to the database of `database_url` (a TCP host or a unix socket directory),
    logging in as that URL's user; clients are not asked for a password (loopback only)."""
    url = urlsplit(database_url)
    # From the netloc as written: `hostname` lower-cases, and a socket directory
    # (postgres://user@%2Ftmp%2FfPg.x/db, as scripts/with-postgres makes) keeps its case.
    host = unquote(url.netloc.rsplit("@", 1)[-1].split(":")[0]) or "/var/run/postgresql"
    dbname = url.path.lstrip("/") or "postgres"
    target = f"host={host} port={url.port or 5432} dbname={dbname}"
    if url.username:
        target += f" user={unquote(url.username)}"
    if url.password:
        target += f" password={unquote(url.password)}"
    return f"""; Written by bench/lib/rush.py for one run.
[databases]
{dbname} = {target}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = any
pool_mode = transaction
default_pool_size = {pool_size}
min_pool_size = 0
reserve_pool_size = 0
max_client_conn = 2000
server_reset_query =
ignore_startup_parameters = extra_float_digits
log_connections = 0
log_disconnections = 0
logfile =
pidfile =
"""


def pooled_url(database_url: str, port: int) -> str:
    """The application's DATABASE_URL through PgBouncer: same database name, any user."""
    url = urlsplit(database_url)
    dbname = url.path.lstrip("/") or "postgres"
    user = url.username or "postgres"
    return f"postgres://{user}@127.0.0.1:{port}/{dbname}"
