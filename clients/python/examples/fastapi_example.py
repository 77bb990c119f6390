"""Guard a FastAPI app with Keyturn API keys (keyturn.client.fastapi.require_api_key).

    pip install "./clients/python[fastapi]" uvicorn      # from the repository's root
    KEYTURN_ADDR=127.0.0.1:50051 KEYTURN_TOKEN=kta_... python clients/python/examples/fastapi_example.py
    curl -H "X-API-Key: kt_live_..." http://127.0.0.1:8000/orders

Missing, invalid or expired keys get 401, revoked keys or missing scopes 403, a used-up rate
limit 429 with Retry-After. The orders belong to the user a key was issued for (custom metadata
`user_id`, e.g. `create_key(org.id, metadata=KeyMetadata(custom={"user_id": "u_alice"}))`); a
valid key issued for no user gets 403 KEY_WITHOUT_USER.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException
from keyturn.client import AsyncClient
from keyturn.client.fastapi import require_api_key
from keyturn.v1.keys_pb2 import ApiKey

keyturn = AsyncClient()  # KEYTURN_ADDR / KEYTURN_TOKEN; the channel opens on first use


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    await keyturn.close()


app = FastAPI(title="Orders", lifespan=lifespan)
read_orders = require_api_key(keyturn, required_scopes=["orders:read"])
write_orders = require_api_key(keyturn, required_scopes=["orders:write"])


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


def user_of(key: ApiKey) -> str:
    """The user the key was issued for; 403 (not a 500) for a key that names none."""
    custom = key.metadata.custom
    user_id = custom["user_id"] if "user_id" in custom else None
    if not isinstance(user_id, str) or not user_id:
        raise HTTPException(
            status_code=403,
            detail={
                "reason": "KEY_WITHOUT_USER",
                "message": "this API key was not issued for a user (no user_id in its custom metadata)",
            },
        )
    return user_id


@app.get("/orders")
async def list_orders(key: Annotated[ApiKey, Depends(read_orders)]) -> dict[str, Any]:
    return {"user_id": user_of(key), "orders": [], "key": key.start}


@app.post("/orders")
async def create_order(key: Annotated[ApiKey, Depends(write_orders)]) -> dict[str, Any]:
    return {"created_by": user_of(key)}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=8000)
