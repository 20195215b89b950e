"""A mail server for the fault benchmark: aiosmtpd on 127.0.0.1, one JSON line per message
it accepted (recipients, subject). Stopping the process is the mail server being down.
Run: python bench/lib/fault_smtp.py PORT LOGFILE
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from email import message_from_bytes, policy
from typing import Any

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, path: str) -> None:
        self.out = open(path, "a", buffering=1)  # noqa: SIM115 (one line per message)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = message_from_bytes(envelope.content, policy=policy.default)
        line = {"to": envelope.rcpt_tos, "subject": str(message["Subject"]).strip()}
        self.out.write(json.dumps(line) + "\n")
        return "250 Message accepted for delivery"


def main() -> None:
    port, path = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Recorder(path), hostname="127.0.0.1", port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print("ready", flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
