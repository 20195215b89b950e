"""Issue 29's ratios (rush_check.ratios) and the scale-out's configuration (rush_stack)."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bench.lib import rush_check, rush_stack

ROOT = Path(__file__).resolve().parents[2]


def test_ratios_divide_by_the_same_runs_bare_endpoint_and_pgbench():
    rushes = [
        {"clients": 64, "popular_share": 0.85, "cpu_ms_per_registration": 15.0, "per_s": 100.0},
        {"clients": 256, "popular_share": 0.85, "cpu_ms_per_registration": 12.0, "per_s": 90.0},
    ]
    post = {"clients": 64, "cpu_ms_per_registration": 9.0}
    bare = {"64": {"cpu_ms_per_request": 3.0}}
    pgbench = {"64": {"tps": 400.0}, "256": {"tps": 150.0}}
    ratios = rush_check.ratios(rushes, post, bare, pgbench)
    first, second = ratios["rushes"]
    assert first == {
        "clients": 64,
        "popular_share": 0.85,
        "full_path_cpu_vs_bare": 5.0,
        "rate_vs_pgbench": 0.25,
        "rate_vs_pgbench_64": 0.25,
    }
    assert second["full_path_cpu_vs_bare"] is None  # no bare run at 256 clients
    assert second["rate_vs_pgbench"] == 0.6
    assert second["rate_vs_pgbench_64"] == 0.225
    assert ratios["post"] == {"clients": 64, "post_cpu_vs_bare": 3.0}


def test_ratios_are_none_where_a_part_was_skipped_and_judged_against_the_targets():
    rushes = [{"clients": 64, "popular_share": 0, "cpu_ms_per_registration": 5, "per_s": 200.0}]
    skipped = {"64": {"tps": float("nan")}}
    ratios = rush_check.ratios(rushes, None, {}, skipped)
    assert ratios["rushes"][0]["rate_vs_pgbench_64"] is None
    assert ratios["rushes"][0]["full_path_cpu_vs_bare"] is None
    assert ratios["post"] is None
    assert rush_check.meets("full_path_cpu_vs_bare", 2.5) is True
    assert rush_check.meets("full_path_cpu_vs_bare", 2.6) is False
    assert rush_check.meets("post_cpu_vs_bare", 1.4) is True
    assert rush_check.meets("rate_vs_pgbench_64", 0.49) is False
    assert rush_check.meets("rate_vs_pgbench_64", 0.5) is True
    assert rush_check.meets("rate_vs_pgbench_64", None) is None


def pgbouncer_config(url: str, port: int, pool: int) -> configparser.ConfigParser:
    """rush_stack's pgbouncer.ini for the database at `url`, read back as an ini file is."""
    ini = configparser.ConfigParser()
    ini.read_string(rush_stack.pgbouncer_ini(url, port, pool))
    return ini


def test_pgbouncer_config_pools_transactions_to_the_unix_socket_it_was_given():
    url = "postgres://postgres@%2Ftmp%2FfpG.Ab12/postgres"
    ini = pgbouncer_config(url, 6543, 8)
    assert ini["databases"]["postgres"] == (
        "host=/tmp/fpG.Ab12 port=5432 dbname=postgres user=postgres"
    )
    bouncer = ini["pgbouncer"]
    assert bouncer["pool_mode"] == "transaction"
    assert (bouncer["listen_addr"], bouncer["listen_port"]) == ("127.0.0.1", "6543")
    assert bouncer["default_pool_size"] == "8"
    assert bouncer["auth_type"] == "any"  # loopback only; it logs in as the URL's user
    assert rush_stack.pooled_url(url, 6543) == "postgres://postgres@127.0.0.1:6543/postgres"


def test_pgbouncer_config_for_a_tcp_database_with_a_password():
    url = "postgres://forsamling:s%40cret@db.example.org:5433/forsamling"
    ini = pgbouncer_config(url, 6432, 4)
    assert ini["databases"]["forsamling"] == (
        "host=db.example.org port=5433 dbname=forsamling user=forsamling password=s@cret"
    )


def _proxy_directives(conf: str) -> set[str]:
    lines = (" ".join(line.split()) for line in conf.splitlines())
    return {line for line in lines if line.startswith("proxy_") and "temp_path" not in line}


def test_the_benchmarks_nginx_proxies_as_productions_site_does(tmp_path: Path):
    conf = rush_stack.nginx_conf(tmp_path, 18080, [18001, 18002])
    production = (ROOT / "deploy" / "nginx" / "forsamling.conf").read_text()
    assert _proxy_directives(conf) == _proxy_directives(production)
    upstream = re.search(r"upstream forsamling \{(.*?)\}", conf, re.S)
    assert upstream is not None
    assert re.findall(r"server (127\.0\.0\.1:\d+)", upstream.group(1)) == [
        "127.0.0.1:18001",
        "127.0.0.1:18002",
    ]
    assert "listen 127.0.0.1:18080;" in conf


@pytest.mark.skipif(not Path("/usr/sbin/nginx").exists(), reason="no nginx")
def test_the_benchmarks_nginx_config_passes_nginx_t(tmp_path: Path):
    (tmp_path / "tmp").mkdir()
    (tmp_path / "nginx.conf").write_text(rush_stack.nginx_conf(tmp_path, 18080, [18001]))
    done = subprocess.run(
        ["/usr/sbin/nginx", "-t", "-q", "-e", "stderr", "-c", str(tmp_path / "nginx.conf"),
         "-p", str(tmp_path)],
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(shutil.which("pgbouncer", path="/usr/sbin") is None, reason="no pgbouncer")
def test_pgbouncer_accepts_the_config(tmp_path: Path):
    """`pgbouncer --version` cannot check a config; starting it and reading its log can."""
    ini = tmp_path / "pgbouncer.ini"
    ini.write_text(rush_stack.pgbouncer_ini("postgres://postgres@%2Fnonexistent/postgres", 0, 2))
    tmp_path.chmod(0o755)
    ini.chmod(0o644)
    as_user = ["-u", "postgres"] if os.geteuid() == 0 else []
    process = subprocess.Popen(
        ["/usr/sbin/pgbouncer", *as_user, str(ini)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        output, _ = process.communicate(timeout=2)
    except subprocess.TimeoutExpired:  # still running after 2 s: it took the config
        process.terminate()
        output, _ = process.communicate(timeout=10)
        assert "process up" in output, output
    else:
        pytest.fail(f"pgbouncer exited: {output}")


def test_floors_add_each_requests_empty_cost_to_the_sql_alone_and_divide_by_the_bare():
    bare = {"cpu_ms_per_request": 1.0, "empty": {"cpu_ms_per_request": 0.25}}
    floors = rush_check.floors(
        bare, {"db_cpu_ms_per_registration": 1.5}, {"db_cpu_ms_per_registration": 1.0}
    )
    assert floors is not None
    assert floors["full_path_floor_ms_4"] == 2.5  # 4 × 0.25 + 1.5
    assert floors["full_path_floor_vs_bare_4"] == 2.5
    assert floors["full_path_floor_vs_bare_3"] == 2.25
    assert floors["post_floor_ms"] == 1.25  # one request + the POST's statements
    assert floors["post_floor_vs_bare"] == 1.25
    # A part skipped, or a run of the harness before the empty endpoint: no floors.
    assert rush_check.floors({"cpu_ms_per_request": 1.0}, {}, {}) is None
    assert rush_check.floors(bare, None, {"db_cpu_ms_per_registration": 1.0}) is None
