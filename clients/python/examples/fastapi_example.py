"""Guard a FastAPI app with Keyturn API keys (keyturn.client.fastapi.require_api_key).

    pip install "keyturn-client[fastapi]" uvicorn
    KEYTURN_ADDR=127.0.0.1:50051 KEYTURN_TOKEN=kta_... python fastapi_example.py
    curl -H "X-API-Key: kt_live_..." http://127.0.0.1:8000/orders

Missing, invalid or expired keys get 401, revoked keys or missing scopes 403, a used-up rate
limit 429 with Retry-After.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI
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


@app.get("/orders")
async def list_orders(key: Annotated[ApiKey, Depends(read_orders)]) -> dict[str, Any]:
    return {"user_id": key.metadata.custom["user_id"], "orders": [], "key": key.start}


@app.post("/orders")
async def create_order(key: Annotated[ApiKey, Depends(write_orders)]) -> dict[str, Any]:
    return {"created_by": key.metadata.custom["user_id"]}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=8000)
