"""Pagers: iterate over every item of a List RPC, following next_page_token (AIP-158)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import Generic, Protocol, TypeVar

__all__ = ["AsyncPager", "Pager"]


class _Page(Protocol):
    @property
    def next_page_token(self) -> str: ...


ItemT = TypeVar("ItemT")
PageT = TypeVar("PageT", bound=_Page)


class Pager(Generic[ItemT, PageT]):
    """Iterates items across pages; `.pages()` yields the raw responses instead.

    Nothing is fetched until iteration starts, and each page is fetched when the previous one
    is used up, so breaking out early costs no extra calls.
    """

    def __init__(self, fetch: Callable[[str], PageT], items: Callable[[PageT], Iterable[ItemT]]) -> None:
        self._fetch = fetch
        self._items = items

    def pages(self) -> Iterator[PageT]:
        token = ""
        while True:
            page = self._fetch(token)
            yield page
            token = page.next_page_token
            if not token:
                return

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.pages():
            yield from self._items(page)


class AsyncPager(Generic[ItemT, PageT]):
    """The asynchronous Pager: `async for item in pager`, or `async for page in pager.pages()`."""

    def __init__(
        self, fetch: Callable[[str], Awaitable[PageT]], items: Callable[[PageT], Iterable[ItemT]]
    ) -> None:
        self._fetch = fetch
        self._items = items

    async def pages(self) -> AsyncIterator[PageT]:
        token = ""
        while True:
            page = await self._fetch(token)
            yield page
            token = page.next_page_token
            if not token:
                return

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.pages():
            for item in self._items(page):
                yield item

    async def to_list(self) -> list[ItemT]:
        return [item async for item in self]
