"""Guard your own gRPC service with Keyturn API keys (keyturn.client.interceptor).

    KEYTURN_ADDR=127.0.0.1:50051 KEYTURN_TOKEN=kta_... python grpc_interceptor_example.py

Starts a tiny Echo service (raw bytes, no .proto needed) behind APIKeyInterceptor, issues a
key through Keyturn, and calls the service with it, without it, and with a key lacking the
required scope.
"""

from __future__ import annotations

import asyncio

import grpc
import grpc.aio
from keyturn.client import AsyncClient, KeyMetadata, from_rpc_error
from keyturn.client.interceptor import APIKeyInterceptor, current_api_key

ECHO = "/example.Echo/Echo"


async def echo(request: bytes, context: grpc.aio.ServicerContext) -> bytes:
    key = current_api_key.get()
    assert key is not None  # the interceptor validated it
    return f"{request.decode()} (for {key.metadata.custom['user_id']})".encode()


async def start_echo_server(keyturn: AsyncClient, product_id: str) -> tuple[grpc.aio.Server, int]:
    server = grpc.aio.server(
        interceptors=[APIKeyInterceptor(keyturn, {ECHO: ["echo:call"]}, product_id=product_id)]
    )
    handlers = {"Echo": grpc.unary_unary_rpc_method_handler(echo)}  # bytes in, bytes out
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("example.Echo", handlers),))
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    return server, port


async def main() -> None:
    async with AsyncClient() as keyturn:  # KEYTURN_ADDR / KEYTURN_TOKEN
        org, _ = await keyturn.get_or_create_organization("Echo Example")
        product, _ = await keyturn.get_or_create_product(org.id, "echo")
        allowed = await keyturn.create_key(
            org.id,
            product_id=product.id,
            metadata=KeyMetadata(scopes=["echo:call"], custom={"user_id": "u_bob"}),
        )
        read_only = await keyturn.create_key(
            org.id, product_id=product.id, metadata=KeyMetadata(scopes=["read"])
        )

        server, port = await start_echo_server(keyturn, product.id)
        try:
            async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
                call = channel.unary_unary(ECHO)
                reply = await call(b"hello", metadata=(("x-api-key", allowed.plaintext),))
                print(f"with key: {reply.decode()}")
                for label, metadata in (
                    ("without key", ()),
                    ("with a read-only key", (("x-api-key", read_only.plaintext),)),
                ):
                    try:
                        await call(b"hello", metadata=metadata)
                        raise SystemExit(f"{label}: expected a refusal")
                    except grpc.aio.AioRpcError as err:
                        error = from_rpc_error(err)
                        print(f"{label}: {err.code().name} {error.reason}")
        finally:
            await server.stop(None)


if __name__ == "__main__":
    asyncio.run(main())
