"""A long list's pages: 100 rows a page, chosen by ?side=, and the rest of the query (the
filters) for the links to the other pages (backoffice/_pages.html)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

if TYPE_CHECKING:
    from django.core.paginator import _SupportsPagination

T = TypeVar("T")


def paged(
    request: HttpRequest, rows: _SupportsPagination[T], per_page: int = 100
) -> tuple[Page[T], str]:
    page = Paginator(rows, per_page).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    return page, query.urlencode()
