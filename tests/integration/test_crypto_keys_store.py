"""store/crypto_keys.py and migration 0002 on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import pytest
from keyturn_server.domain import managed_keys as mk
from keyturn_server.domain.errors import AlreadyExists
from keyturn_server.domain.keyset import RootKeyRing, UnwrapFailed, VersionedKeySet, WrappedMaterial
from keyturn_server.store import crypto_keys as repo
from keyturn_server.store import migrate
from keyturn_server.store.db import Database
from keyturn_server.store.models import CryptoKey, CryptoKeyVersion, ImportJob, Organization
from keyturn_server.store.repositories import Cursor
from sqlalchemy import select, text, update

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
KIND = "crypto_key_version"
RING = RootKeyRing(VersionedKeySet.parse("r" * 40, "KEYTURN_ROOT_KEY"))


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(
    request: pytest.FixtureRequest, new_database_url: Callable[[str], str]
) -> AsyncIterator[Database]:
    db = Database(new_database_url(request.param))
    try:
        yield db
    finally:
        await db.dispose()


async def _org(db: Database) -> str:
    org_id = str(uuid.uuid4())
    async with db.transaction() as session:
        session.add(Organization(id=org_id, name=f"org-{org_id}", create_time=NOW))
    return org_id


def _key(org_id: str, name: str, created: datetime = NOW, **extra: object) -> CryptoKey:
    values: dict[str, object] = {
        "id": str(uuid.uuid4()),
        "organization_id": org_id,
        "name": name,
        "purpose": mk.Purpose.ENCRYPT_DECRYPT.value,
        "algorithm": mk.Algorithm.AES_256_GCM.value,
        "labels": {},
        "destroy_scheduled_seconds": 86400,
        "create_time": created,
        "update_time": created,
    }
    values.update(extra)
    return CryptoKey(**values)


def _version(key_id: str, number: int, material: bytes, state: str = "ENABLED") -> CryptoKeyVersion:
    wrapped = RING.wrap(material, KIND, key_id, number)
    return CryptoKeyVersion(
        state=state,
        algorithm=mk.Algorithm.AES_256_GCM.value,
        wrapped_material=wrapped.ciphertext,
        root_key_version=wrapped.root_key_version,
        create_time=NOW,
    )


def _unwrap(row: CryptoKeyVersion) -> bytes:
    assert row.wrapped_material is not None
    return RING.unwrap(
        WrappedMaterial(row.wrapped_material, row.root_key_version), KIND, row.crypto_key_id, row.number
    )


async def test_create_get_and_name_collision(database: Database) -> None:
    org = await _org(database)
    material = mk.generate_material(mk.Algorithm.AES_256_GCM)
    key = _key(org, "payments", labels={"team": "pay"})
    async with database.transaction() as session:
        created = await repo.create_key(session, key, _version(key.id, 1, material))
    assert created.primary_version == 1 and created.latest_version == 1
    async with database.transaction() as session:
        loaded = await repo.get_key(session, key.id, [org])
        assert loaded is not None and loaded.labels == {"team": "pay"}
        assert await repo.get_key(session, key.id, [str(uuid.uuid4())]) is None  # another tenant
        assert await repo.get_key(session, key.id, []) is None
        assert await repo.get_key(session, key.id, None) is not None  # global caller
        version = await repo.get_version(session, key.id, 1)
        assert version is not None and _unwrap(version) == material
    with pytest.raises(AlreadyExists) as caught:
        async with database.transaction() as session:
            await repo.create_key(session, _key(org, "payments"), None)
    assert caught.value.existing_id == key.id


async def test_import_only_key_starts_without_a_version(database: Database) -> None:
    org = await _org(database)
    async with database.transaction() as session:
        created = await repo.create_key(session, _key(org, "byok", import_only=True), None)
        assert created.primary_version == 0 and created.latest_version == 0
        assert await repo.list_versions(session, created.id) == []


async def test_list_pages_by_create_time_then_id_within_visible_orgs(database: Database) -> None:
    org_a, org_b = await _org(database), await _org(database)
    project_id = str(uuid.uuid4())
    async with database.transaction() as session:
        await session.execute(
            text("INSERT INTO project (id, organization_id, name, create_time) VALUES (:i, :o, 'p', :t)"),
            {
                "i": project_id,
                "o": org_a,
                "t": NOW.replace(tzinfo=None) if database.dialect == "sqlite" else NOW,
            },
        )
        for i in range(5):
            # Two keys share each create_time: the id breaks the tie.
            created = NOW + timedelta(seconds=i // 2)
            await repo.create_key(
                session, _key(org_a, f"a{i}", created, project_id=project_id if i % 2 else None), None
            )
        await repo.create_key(session, _key(org_b, "b0"), None)
    names: list[str] = []
    after: Cursor | None = None
    async with database.transaction() as session:
        while True:
            page = await repo.list_keys(session, [org_a], after=after, limit=2)
            names += [k.name for k in page]
            if len(page) < 2:
                break
            after = Cursor(page[-1].create_time, page[-1].id)
        everything = await repo.list_keys(session, [org_a], limit=100)
        assert [k.name for k in everything] == names
        assert sorted(names) == [f"a{i}" for i in range(5)]
        assert [(k.create_time, k.id) for k in everything] == sorted(
            (k.create_time, k.id) for k in everything
        )
        in_project = await repo.list_keys(session, [org_a], project_id=project_id)
        assert {k.name for k in in_project} == {"a1", "a3"}
        both = await repo.list_keys(session, [org_a, org_b])
        assert len(both) == 6
        only_b = await repo.list_keys(session, None, organization_id=org_b)
        assert [k.name for k in only_b] == ["b0"]
        assert await repo.list_keys(session, [org_b], organization_id=org_a) == []


async def test_versions_primary_states_and_destroy(database: Database) -> None:
    org = await _org(database)
    key = _key(org, "rotating")
    async with database.transaction() as session:
        await repo.create_key(session, key, _version(key.id, 1, b"m1" * 16))
    async with database.transaction() as session:
        locked = await repo.get_key(session, key.id, [org], for_update=True)
        assert locked is not None and repo.next_version_number(locked) == 2
        v2 = await repo.add_version(
            session, locked, _version(key.id, 2, b"m2" * 16), make_primary=True, now=NOW
        )
        assert v2.number == 2 and locked.primary_version == 2
        v3 = await repo.add_version(
            session, locked, _version(key.id, 3, b"m3" * 16), make_primary=False, now=NOW
        )
        assert v3.number == 3 and locked.primary_version == 2
        await repo.set_primary(session, locked, 3, NOW)
    async with database.transaction() as session:
        loaded = await repo.get_key(session, key.id)
        assert loaded is not None and (loaded.primary_version, loaded.latest_version) == (3, 3)
        assert [v.number for v in await repo.list_versions(session, key.id)] == [1, 2, 3]
        assert [v.number for v in await repo.list_versions(session, key.id, after_number=1, limit=1)] == [2]
        v1 = await repo.get_version(session, key.id, 1, for_update=True)
        assert v1 is not None
        await repo.set_version_state(session, v1, "DESTROY_SCHEDULED", destroy_time=NOW + timedelta(hours=24))
        v2row = await repo.get_version(session, key.id, 2)
        assert v2row is not None
        await repo.set_version_state(session, v2row, "DISABLED", destroy_time=NOW)
        assert v2row.destroy_time is None
        with pytest.raises(ValueError):
            await repo.set_version_state(session, v2row, "DESTROYED")
    async with database.transaction() as session:
        assert await repo.due_for_destroy(session, NOW + timedelta(hours=23)) == []
        due = await repo.due_for_destroy(session, NOW + timedelta(hours=24))
        assert [(v.crypto_key_id, v.number) for v in due] == [(key.id, 1)]
        await repo.destroy_version(session, due[0], NOW + timedelta(hours=24))
    async with database.transaction() as session:
        gone = await repo.get_version(session, key.id, 1)
        assert gone is not None and gone.state == "DESTROYED" and gone.wrapped_material is None
        assert gone.destroy_event_time == NOW + timedelta(hours=24)
        assert await repo.due_for_destroy(session, NOW + timedelta(days=30)) == []
        states = await repo.list_versions(session, key.id, states=["ENABLED"])
        assert [v.number for v in states] == [3]


async def test_due_for_rotation(database: Database) -> None:
    org = await _org(database)
    async with database.transaction() as session:
        due = await repo.create_key(
            session, _key(org, "due", rotation_period_seconds=3600, next_rotation_time=NOW), None
        )
        await repo.create_key(
            session,
            _key(org, "later", rotation_period_seconds=3600, next_rotation_time=NOW + timedelta(hours=1)),
            None,
        )
        await repo.create_key(session, _key(org, "manual"), None)
        await repo.create_key(
            session, _key(org, "imported", import_only=True, next_rotation_time=NOW - timedelta(days=1)), None
        )
    async with database.transaction() as session:
        found = await repo.due_for_rotation(session, NOW)
        assert [k.id for k in found if k.organization_id == org] == [due.id]


async def test_swapped_rows_fail_to_unwrap_and_rewrap_moves_root_versions(database: Database) -> None:
    org = await _org(database)
    key = _key(org, "swap")
    async with database.transaction() as session:
        locked = await repo.create_key(session, key, _version(key.id, 1, b"A" * 32))
        await repo.add_version(session, locked, _version(key.id, 2, b"B" * 32), make_primary=True, now=NOW)
    async with database.transaction() as session:
        rows = {v.number: v.wrapped_material for v in await repo.list_versions(session, key.id)}
        await session.execute(
            update(CryptoKeyVersion)
            .where(CryptoKeyVersion.crypto_key_id == key.id, CryptoKeyVersion.number == 1)
            .values(wrapped_material=rows[2])
        )
    async with database.transaction() as session:
        swapped = await repo.get_version(session, key.id, 1)
        assert swapped is not None
        with pytest.raises(UnwrapFailed):
            _unwrap(swapped)
        intact = await repo.get_version(session, key.id, 2)
        assert intact is not None and _unwrap(intact) == b"B" * 32

    # Root-key rotation: version 2 of the root key; the operator pass re-wraps row by row.
    rotated = RootKeyRing(VersionedKeySet.parse(f"2:{'s' * 40},1:{'r' * 40}", "KEYTURN_ROOT_KEY"))
    async with database.transaction() as session:
        todo = [v for v in await repo.versions_to_rewrap(session, 2) if v.crypto_key_id == key.id]
        assert [v.number for v in todo] == [1, 2]
        row = todo[1]
        assert row.wrapped_material is not None
        old = WrappedMaterial(row.wrapped_material, row.root_key_version)
        new = rotated.rewrap(old, KIND, key.id, 2)
        assert await repo.replace_wrapped_material(
            session, key.id, 2, 1, new.ciphertext, new.root_key_version
        )
        # A second replica doing the same work finds nothing left to change.
        assert not await repo.replace_wrapped_material(session, key.id, 2, 1, new.ciphertext, 2)
    async with database.transaction() as session:
        again = await repo.get_version(session, key.id, 2)
        assert again is not None and again.root_key_version == 2
        assert again.wrapped_material is not None
        assert rotated.unwrap(WrappedMaterial(again.wrapped_material, 2), KIND, key.id, 2) == b"B" * 32
        assert [v.number for v in await repo.versions_to_rewrap(session, 2) if v.crypto_key_id == key.id] == [
            1
        ]


async def test_import_jobs_are_tenant_scoped_and_the_dump_holds_no_material(database: Database) -> None:
    org = await _org(database)
    pair = mk.generate_import_key()
    job_id = str(uuid.uuid4())
    wrapped = RING.wrap(pair.private_der, "import_job", job_id)
    material = mk.generate_material(mk.Algorithm.HMAC_SHA256)
    key = _key(org, "mac", purpose="MAC", algorithm="HMAC_SHA256")
    async with database.transaction() as session:
        await repo.add_import_job(
            session,
            ImportJob(
                id=job_id,
                organization_id=org,
                import_method=mk.ImportMethod.RSA_OAEP_3072_SHA256.value,
                public_key_pem=pair.public_pem,
                wrapped_private_key=wrapped.ciphertext,
                root_key_version=wrapped.root_key_version,
                create_time=NOW,
                expire_time=NOW + mk.IMPORT_JOB_LIFETIME,
            ),
        )
        await repo.create_key(session, key, _version(key.id, 1, material))
    async with database.transaction() as session:
        job = await repo.get_import_job(session, job_id, [org])
        assert job is not None and job.public_key_pem == pair.public_pem
        assert await repo.get_import_job(session, job_id, [str(uuid.uuid4())]) is None
        dump = b""
        for model in (CryptoKeyVersion, ImportJob):
            for row in (await session.scalars(select(model))).all():
                dump += repr([getattr(row, c.key) for c in model.__table__.columns]).encode()
                blob = getattr(row, "wrapped_material", None) or getattr(row, "wrapped_private_key", b"")
                dump += blob
    assert material not in dump and material.hex().encode() not in dump
    assert pair.private_der[-64:] not in dump


def test_migration_0002_is_reversible(new_database_url: Callable[[str], str]) -> None:
    for backend in ("sqlite", "postgresql"):
        url = new_database_url(backend)
        assert migrate.current(url) == migrate.head()
        migrate.downgrade(url, "0001")
        assert migrate.current(url) == "0001"
        migrate.upgrade(url)
        assert migrate.current(url) == migrate.head()
