"""Pagers: iterate over every item of a List RPC, following next_page_token (AIP-158).

`AsyncPager` is written in aio.py beside AsyncClient; `Pager` is generated from it into sync.py.
"""

from keyturn.client.aio import AsyncPager
from keyturn.client.sync import Pager

__all__ = ["AsyncPager", "Pager"]
