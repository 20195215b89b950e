"""Staff sessions end after STAFF_SESSION_IDLE_TIMEOUT without a request, and after
STAFF_SESSION_MAX_AGE in any case: the back office shows people's dietary and accessibility
needs, and a laptop left open at the registration desk must not show them for 14 days.

Only staff sessions are stamped; participants do not log in (their pages are reached by private
links), so nothing here touches their visits. The login page then says, in Danish, why.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

STARTED = "staff_session_started"
SEEN = "staff_session_seen"
# The last-seen stamp is renewed at most once a minute: each renewal writes the session row, and
# a page's own queries should not pay for that on every request (the idle timeout is then exact
# to within a minute).
SEEN_RESOLUTION_SECONDS = 60


def stamp(session: SessionBase, now: float) -> None:
    session[STARTED] = session[SEEN] = now
    # The cookie outlives the session a little, so the login page can say why it ended.
    session.set_expiry(
        int(
            settings.STAFF_SESSION_MAX_AGE.total_seconds()
            + settings.STAFF_SESSION_IDLE_TIMEOUT.total_seconds()
        )
    )


def stamp_at_login(sender: object, request: HttpRequest, user: Any, **kwargs: object) -> None:
    """Receiver of `user_logged_in`: a staff session's clock starts at the login, so its first
    page does not write the session row again."""
    if getattr(user, "is_staff", False) and request is not None and hasattr(request, "session"):
        stamp(request.session, time.time())


class StaffSessionTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            self._check(request)
        return self.get_response(request)

    def _check(self, request: HttpRequest) -> None:
        idle = settings.STAFF_SESSION_IDLE_TIMEOUT.total_seconds()
        lifetime = settings.STAFF_SESSION_MAX_AGE.total_seconds()
        now = time.time()
        session = request.session
        started, seen = session.get(STARTED), session.get(SEEN)
        if started is None or seen is None:
            stamp(session, now)
            return
        if now - started > lifetime:
            why = _(
                "Du er logget ud, fordi du har været logget ind i %(hours)s timer. Log ind "
                "igen for at fortsætte."
            ) % {"hours": round(lifetime / 3600)}
        elif now - seen > idle:
            why = _(
                "Du er logget ud, fordi du ikke har brugt backoffice i %(minutes)s minutter. "
                "Log ind igen for at fortsætte."
            ) % {"minutes": round(idle / 60)}
        else:
            if now - seen >= SEEN_RESOLUTION_SECONDS:
                session[SEEN] = now
            return
        logout(request)
        messages.warning(request, why)
