"""keyturn.v1.KeyService: thin handlers (validate + convert in, use case, convert out).

ValidateKey's decoding and rendering live in validate_servicer.py. Handlers raise domain
errors; the edge interceptor maps them to statuses.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from typing import Any

import grpc
from keyturn.v1 import keys_pb2, keys_pb2_grpc

from keyturn_server.api import convert, import_convert, leak_reports, validate_servicer
from keyturn_server.api.interceptors import failure_status
from keyturn_server.api.request_check import check_request
from keyturn_server.domain import validation as check
from keyturn_server.domain.context import current_request, request_meta
from keyturn_server.domain.errors import DomainError, InvalidArgument
from keyturn_server.usecases import utcnow
from keyturn_server.usecases.imported_keys import ImportedKeys
from keyturn_server.usecases.keys import KeyManagement
from keyturn_server.usecases.leaks import LeakReports
from keyturn_server.usecases.tenancy import Tenancy
from keyturn_server.usecases.validate import KeyValidation

Context = grpc.aio.ServicerContext[Any, Any]

# ValidateKeys: validations in progress at once on one stream. The stream stops reading
# while this many are unanswered, so HTTP/2 flow control slows a caller that outruns us.
MAX_IN_FLIGHT_PER_STREAM = 256
MAX_STREAM_REQUEST_ID_CHARS = 128


def _id(field: str, value: str) -> str:
    checked = check.resource_id(field, value)
    assert checked is not None
    return checked


def _name(field: str, value: str) -> str:
    return check.name(field, value)


def _org_and_name(organization_id: str, name: str) -> tuple[str, str]:
    v = check.Violations()
    org = v.check(lambda: _id("organization_id", organization_id), "")
    checked = v.check(lambda: _name("name", name), "")
    v.raise_if_any()
    return org, checked


def _page_size(value: int) -> int:
    return check.page_size("page_size", value)


class KeyServicer(keys_pb2_grpc.KeyServiceServicer):
    def __init__(
        self,
        tenancy: Tenancy,
        keys: KeyManagement,
        validation: KeyValidation,
        leaks: LeakReports,
        imports: ImportedKeys,
    ) -> None:
        self.tenancy = tenancy
        self.keys = keys
        self.validation = validation
        self.leaks = leaks
        self.imports = imports

    # --- Organizations ------------------------------------------------------------------------

    async def CreateOrganization(
        self, request: keys_pb2.CreateOrganizationRequest, context: Context
    ) -> keys_pb2.Organization:
        row = await self.tenancy.create_organization(_name("name", request.name))
        return convert.organization_to_proto(row)

    async def GetOrCreateOrganization(
        self, request: keys_pb2.GetOrCreateOrganizationRequest, context: Context
    ) -> keys_pb2.GetOrCreateOrganizationResponse:
        row, created = await self.tenancy.get_or_create_organization(_name("name", request.name))
        return keys_pb2.GetOrCreateOrganizationResponse(
            organization=convert.organization_to_proto(row), created=created
        )

    async def GetOrganization(
        self, request: keys_pb2.GetOrganizationRequest, context: Context
    ) -> keys_pb2.Organization:
        row = await self.tenancy.get_organization(_id("id", request.id))
        return convert.organization_to_proto(row)

    async def ListOrganizations(
        self, request: keys_pb2.ListOrganizationsRequest, context: Context
    ) -> keys_pb2.ListOrganizationsResponse:
        page = await self.tenancy.list_organizations(_page_size(request.page_size), request.page_token)
        return keys_pb2.ListOrganizationsResponse(
            organizations=[convert.organization_to_proto(r) for r in page.items],
            next_page_token=page.next_page_token,
        )

    # --- Projects -----------------------------------------------------------------------------

    async def CreateProject(
        self, request: keys_pb2.CreateProjectRequest, context: Context
    ) -> keys_pb2.Project:
        org, name = _org_and_name(request.organization_id, request.name)
        return convert.project_to_proto(await self.tenancy.create_project(org, name))

    async def GetOrCreateProject(
        self, request: keys_pb2.GetOrCreateProjectRequest, context: Context
    ) -> keys_pb2.GetOrCreateProjectResponse:
        org, name = _org_and_name(request.organization_id, request.name)
        view, created = await self.tenancy.get_or_create_project(org, name)
        return keys_pb2.GetOrCreateProjectResponse(project=convert.project_to_proto(view), created=created)

    async def GetProject(self, request: keys_pb2.GetProjectRequest, context: Context) -> keys_pb2.Project:
        return convert.project_to_proto(await self.tenancy.get_project(_id("id", request.id)))

    async def ListProjects(
        self, request: keys_pb2.ListProjectsRequest, context: Context
    ) -> keys_pb2.ListProjectsResponse:
        v = check.Violations()
        org = v.check(lambda: _id("organization_id", request.organization_id), "")
        size = v.check(lambda: _page_size(request.page_size), 0)
        v.raise_if_any()
        page = await self.tenancy.list_projects(org, size, request.page_token)
        return keys_pb2.ListProjectsResponse(
            projects=[convert.project_to_proto(p) for p in page.items], next_page_token=page.next_page_token
        )

    # --- Products -----------------------------------------------------------------------------

    async def CreateProduct(
        self, request: keys_pb2.CreateProductRequest, context: Context
    ) -> keys_pb2.Product:
        org, name = _org_and_name(request.organization_id, request.name)
        return convert.product_to_proto(await self.tenancy.create_product(org, name))

    async def GetOrCreateProduct(
        self, request: keys_pb2.GetOrCreateProductRequest, context: Context
    ) -> keys_pb2.GetOrCreateProductResponse:
        org, name = _org_and_name(request.organization_id, request.name)
        row, created = await self.tenancy.get_or_create_product(org, name)
        return keys_pb2.GetOrCreateProductResponse(product=convert.product_to_proto(row), created=created)

    async def GetProduct(self, request: keys_pb2.GetProductRequest, context: Context) -> keys_pb2.Product:
        return convert.product_to_proto(await self.tenancy.get_product(_id("id", request.id)))

    async def ListProducts(
        self, request: keys_pb2.ListProductsRequest, context: Context
    ) -> keys_pb2.ListProductsResponse:
        v = check.Violations()
        org = v.check(lambda: _id("organization_id", request.organization_id), "")
        project = v.check(lambda: check.resource_id("project_id", request.project_id, required=False), None)
        size = v.check(lambda: _page_size(request.page_size), 0)
        v.raise_if_any()
        page = await self.tenancy.list_products(org, project, size, request.page_token)
        return keys_pb2.ListProductsResponse(
            products=[convert.product_to_proto(p) for p in page.items], next_page_token=page.next_page_token
        )

    async def AddProductToProject(
        self, request: keys_pb2.AddProductToProjectRequest, context: Context
    ) -> keys_pb2.AddProductToProjectResponse:
        v = check.Violations()
        product = v.check(lambda: _id("product_id", request.product_id), "")
        project = v.check(lambda: _id("project_id", request.project_id), "")
        v.raise_if_any()
        view, created = await self.tenancy.add_product_to_project(product, project)
        return keys_pb2.AddProductToProjectResponse(project=convert.project_to_proto(view), created=created)

    # --- Keys ---------------------------------------------------------------------------------

    async def CreateKey(
        self, request: keys_pb2.CreateKeyRequest, context: Context
    ) -> keys_pb2.CreateKeyResponse:
        now = utcnow()
        row, plaintext = await self.keys.create_key(convert.new_key(request, now))
        return keys_pb2.CreateKeyResponse(key=convert.api_key_to_proto(row, utcnow()), plaintext=plaintext)

    async def ValidateKey(
        self, request: keys_pb2.ValidateKeyRequest, context: Context
    ) -> keys_pb2.ValidateKeyResponse:
        result = await self.validation.validate(validate_servicer.validation_request(request))
        return validate_servicer.render(result)

    async def ValidateKeys(
        self, requests: AsyncIterator[keys_pb2.ValidateKeysRequest], context: Context
    ) -> AsyncIterator[keys_pb2.ValidateKeysResponse]:
        """Each message is validated by the same use case as ValidateKey, concurrently (a
        cache miss or a lease refill does not hold up the answers behind it), and answered
        as soon as it is done; errors go into the answer, not the stream's status."""
        answers: asyncio.Queue[keys_pb2.ValidateKeysResponse | None] = asyncio.Queue()
        room = asyncio.Semaphore(MAX_IN_FLIGHT_PER_STREAM)
        stream_meta = request_meta()
        running: set[asyncio.Task[None]] = set()

        async def answer(message: keys_pb2.ValidateKeysRequest) -> None:
            # Its own request facts (the log fields of one validation), same request id.
            current_request.set(dataclasses.replace(stream_meta, log_fields={}))
            try:
                answers.put_nowait(await self._validate_one(message))
            finally:
                room.release()

        async def read() -> None:
            try:
                async for message in requests:
                    await room.acquire()
                    task = asyncio.create_task(answer(message))
                    running.add(task)
                    task.add_done_callback(running.discard)
                while running:
                    await asyncio.wait(set(running))
            finally:
                answers.put_nowait(None)  # ends the writer below, also when reading failed

        reader = asyncio.create_task(read())
        try:
            while (item := await answers.get()) is not None:
                yield item
            await reader  # a message that did not parse: its error ends the stream
        finally:
            reader.cancel()
            for task in list(running):
                task.cancel()

    async def _validate_one(self, message: keys_pb2.ValidateKeysRequest) -> keys_pb2.ValidateKeysResponse:
        request_id = message.request_id
        try:
            if not request_id or len(request_id) > MAX_STREAM_REQUEST_ID_CHARS:
                raise InvalidArgument.field(
                    "request_id", f"is required, 1..{MAX_STREAM_REQUEST_ID_CHARS} characters"
                )
            check_request(message.validation)  # the edge's shared checks, per message
            result = await self.validation.validate(validate_servicer.validation_request(message.validation))
        except Exception as error:
            return keys_pb2.ValidateKeysResponse(request_id=request_id, error=failure_status(error))
        return keys_pb2.ValidateKeysResponse(
            request_id=request_id, validation=validate_servicer.render(result)
        )

    async def GetKey(self, request: keys_pb2.GetKeyRequest, context: Context) -> keys_pb2.ApiKey:
        row = await self.keys.get_key(_id("id", request.id))
        return convert.api_key_to_proto(row, utcnow())

    async def ListKeys(
        self, request: keys_pb2.ListKeysRequest, context: Context
    ) -> keys_pb2.ListKeysResponse:
        page = await self.keys.list_keys(convert.key_listing(request))
        now = utcnow()
        return keys_pb2.ListKeysResponse(
            keys=[convert.api_key_to_proto(r, now) for r in page.items], next_page_token=page.next_page_token
        )

    async def UpdateKey(self, request: keys_pb2.UpdateKeyRequest, context: Context) -> keys_pb2.ApiKey:
        row = await self.keys.update_key(convert.key_update(request, utcnow()))
        return convert.api_key_to_proto(row, utcnow())

    async def RotateKey(
        self, request: keys_pb2.RotateKeyRequest, context: Context
    ) -> keys_pb2.RotateKeyResponse:
        v = check.Violations()
        key_id = v.check(lambda: _id("id", request.id), "")
        grace = (
            v.check(lambda: convert.from_duration("grace_period", request.grace_period), None)
            if request.HasField("grace_period")
            else None
        )
        period = v.check(lambda: check.grace_period("grace_period", grace), check.DEFAULT_ROTATION_GRACE)
        v.raise_if_any()
        successor, plaintext, previous = await self.keys.rotate_key(key_id, period)
        now = utcnow()
        return keys_pb2.RotateKeyResponse(
            key=convert.api_key_to_proto(successor, now),
            plaintext=plaintext,
            previous_key=convert.api_key_to_proto(previous, now),
        )

    async def RevokeKey(self, request: keys_pb2.RevokeKeyRequest, context: Context) -> keys_pb2.ApiKey:
        v = check.Violations()
        key_id = v.check(lambda: _id("id", request.id), "")
        reason = v.check(lambda: check.revoke_reason("reason", request.reason), "")
        v.raise_if_any()
        row = await self.keys.revoke_key(key_id, reason)
        return convert.api_key_to_proto(row, utcnow())

    async def DeleteKey(
        self, request: keys_pb2.DeleteKeyRequest, context: Context
    ) -> keys_pb2.DeleteKeyResponse:
        await self.keys.delete_key(_id("id", request.id))
        return keys_pb2.DeleteKeyResponse()

    # --- Leaked keys ------------------------------------------------------------------------------

    async def ReportLeakedKeys(
        self, request: keys_pb2.ReportLeakedKeysRequest, context: Context
    ) -> keys_pb2.ReportLeakedKeysResponse:
        candidates = leak_reports.candidates_from_proto(request)
        answers = await self.leaks.report(candidates)
        return leak_reports.answers_to_proto(answers)

    async def ImportKeys(
        self, request: keys_pb2.ImportKeysRequest, context: Context
    ) -> keys_pb2.ImportKeysResponse:
        batch = import_convert.import_batch(request, utcnow())
        outcomes = await self.imports.import_keys(batch)
        now = utcnow()
        response = keys_pb2.ImportKeysResponse()
        for index, (outcome, key) in enumerate(zip(outcomes, request.keys, strict=True)):
            result = response.results.add(index=index, external_id=key.external_id)
            if isinstance(outcome, DomainError):
                result.error.CopyFrom(failure_status(outcome))
                response.failed_count += 1
            else:
                result.key.CopyFrom(import_convert.imported_key_to_proto(outcome, now, batch.validate_only))
                if not batch.validate_only:
                    response.imported_count += 1
        return response

    async def RevealKey(
        self, request: keys_pb2.RevealKeyRequest, context: Context
    ) -> keys_pb2.RevealKeyResponse:
        # The rotation use case (usecases/key_rotation.py) owns recoverable keys.
        row, plaintext = await self.keys.rotation.reveal_key(_id("id", request.id), utcnow())
        return keys_pb2.RevealKeyResponse(key=convert.api_key_to_proto(row, utcnow()), plaintext=plaintext)
