"""Handover bundles: a round trip keeps every record and verifies on the receiver; a tampered,
truncated or wrongly keyed bundle is refused with a clear message and imports nothing; the
receiver's acknowledgement makes the sender's case read-only."""

from __future__ import annotations

import zlib
from datetime import date

import pytest

from app.domain.records import Officer
from app.services.demo import DEMO_PASSPHRASE, build_demo
from app.services.privacy.handover_service import HandoverError
from app.services.services import create_vault
from app.vault.audit.audit_log import canonical_json
from app.vault.privacy import bundle_crypto
from app.vault.privacy.case_tables import case_tables, rows_of_case
from app.vault.vault import CaseHandedOver
from tests.factories import employee, observation


@pytest.fixture(scope="module")
def sender(tmp_path_factory):
    path = tmp_path_factory.mktemp("sender") / "sender.casepath"
    svc = build_demo(path, DEMO_PASSPHRASE)
    yield svc
    svc.close()


@pytest.fixture
def receiver(tmp_path, clock):
    svc = create_vault(
        tmp_path / "receiver.casepath", DEMO_PASSPHRASE, Officer(name="Bea Receiver"), clock
    )
    yield svc
    if svc.vault.is_open:
        svc.close()


def _richest(svc, n=2):
    """The cases with the most kinds of record (plans, reviews, attachments, packs …)."""
    conn = svc.vault.conn
    tables = case_tables(conn)
    scored = []
    for cid, ref in conn.query("SELECT id, reference FROM cases ORDER BY id"):
        kinds = sum(1 for t in tables if rows_of_case(conn, t, cid))
        scored.append((-kinds, cid, ref))
    return [ref for _, _, ref in sorted(scored)[:n]]


def _comparable(svc, ref):
    """Every record of the case per table, ids, case ids and owner taken out."""
    conn = svc.vault.conn
    cid = svc.cases.by_reference(ref).id
    out = {}
    for t in case_tables(conn):
        keep = [
            i
            for i, c in enumerate(t.columns)
            if not (c == "id" or c.endswith("_id") or c in ("revision_of",))
        ]
        out[t.name] = [tuple(r[i] for i in keep) for r in rows_of_case(conn, t, cid)]
    case = svc.cases.by_reference(ref)
    emp = svc.employees.get(case.employee_id)
    out["case"] = (
        case.reference,
        case.stage,
        case.status,
        case.opened_on,
        case.track,
        emp.employee_number,
        emp.name,
    )
    return out


def test_round_trip_keeps_every_record_and_verifies(sender, receiver, tmp_path):
    refs = _richest(sender)
    key = receiver.handover.key()
    bundle = tmp_path / "handover.casepath-bundle"
    result = sender.handover.export(refs, key, bundle)
    assert bundle.stat().st_mode & 0o777 == 0o600
    assert bundle.read_bytes().startswith(b"age-encryption.org/v1")
    assert result.events > 0
    imported = receiver.handover.import_bundle(bundle, tmp_path / "handover.ack")
    assert imported.references == tuple(refs)
    assert imported.employees_created == len(refs) and imported.employees_matched == 0
    for ref in refs:
        assert _comparable(receiver, ref) == _comparable(sender, ref)
        moved = receiver.cases.by_reference(ref)
        assert moved.owner_id == receiver.officer.id  # the receiving officer owns it now
        (prov,) = receiver.handover.provenance(moved.id)
        assert prov.direction == "received" and prov.peer_officer == sender.officer.name
    kinds = {t for ref in refs for t, rows in _comparable(receiver, ref).items() if rows}
    assert {"conversations", "indicators", "stage_changes", "coaching_plans", "reviews",
            "attachments"} <= kinds  # fmt: skip
    report = receiver.vault.verify()
    assert report.ok, report.lines()
    # The attachment content arrived byte for byte.
    cid = receiver.cases.by_reference(refs[0]).id
    for att in receiver.attachments.for_case(cid):
        import hashlib

        assert hashlib.sha256(receiver.attachments.content(att.id)).hexdigest() == att.sha256
    # Search finds the imported case by its employee's name.
    assert (tmp_path / "handover.ack").stat().st_mode & 0o777 == 0o600


def test_received_events_are_checked_by_verify(sender, receiver, tmp_path):
    refs = _richest(sender, 1)
    bundle = tmp_path / "b.bundle"
    sender.handover.export(refs, receiver.handover.key(), bundle)
    receiver.handover.import_bundle(bundle)
    assert receiver.vault.verify().ok
    receiver.vault.conn.execute(
        "UPDATE handover_events SET officer = 'Someone Else' WHERE seq = "
        "(SELECT min(seq) FROM handover_events)"
    )
    report = receiver.vault.verify()
    assert not report.ok
    assert any("received audit event was changed" in str(p) for p in report.records)


def _counts(svc):
    return svc.handover.row_counts() | {
        "audit": int(svc.vault.conn.scalar("SELECT count(*) FROM audit_events")),
        "handovers": int(svc.vault.conn.scalar("SELECT count(*) FROM handovers")),
    }


def _refused(receiver, bundle, words):
    before = _counts(receiver)
    with pytest.raises(HandoverError) as err:
        receiver.handover.import_bundle(bundle)
    assert words in str(err.value)
    assert _counts(receiver) == before  # nothing imported
    return str(err.value)


def test_tampered_truncated_or_wrongly_keyed_bundles_are_refused(sender, receiver, tmp_path):
    refs = _richest(sender, 1)
    key = receiver.handover.key()
    bundle = tmp_path / "b.bundle"
    sender.handover.export(refs, key, bundle)
    data = bundle.read_bytes()
    receiver.handover.import_bundle  # noqa: B018 - the service exists before any refusal

    flipped = tmp_path / "flipped.bundle"
    raw = bytearray(data)
    raw[len(raw) // 2] ^= 0x01
    flipped.write_bytes(bytes(raw))
    _refused(receiver, flipped, "damaged or incomplete")

    short = tmp_path / "short.bundle"
    short.write_bytes(data[: len(data) * 2 // 3])
    _refused(receiver, short, "damaged or incomplete")

    other = create_vault(tmp_path / "other.casepath", DEMO_PASSPHRASE, Officer(name="Oli Other"))
    try:
        wrong = tmp_path / "wrong.bundle"
        sender.handover.export(refs, other.handover.key(), wrong)
    finally:
        other.close()
    _refused(receiver, wrong, "not encrypted for this vault")

    plain = tmp_path / "plain.bundle"
    plain.write_bytes(b'{"contents": {}}')
    _refused(receiver, plain, "not age-encrypted")


def test_a_bundle_altered_before_encryption_is_refused(sender, receiver, tmp_path):
    """Someone with the receiver's public key re-encrypts an edited bundle: the digest and the
    sender's record hashes still catch it."""
    refs = _richest(sender, 1)
    key = receiver.handover.key()
    bundle = tmp_path / "b.bundle"
    sender.handover.export(refs, key, bundle)
    doc = receiver.handover.read_bundle(bundle)
    conv = doc["contents"]["cases"][0]["tables"]["conversations"]
    col = conv["columns"].index("summary")
    conv["rows"][0][col] = ["text", "Something that never happened."]
    forged = tmp_path / "forged.bundle"
    forged.write_bytes(bundle_crypto.encrypt(zlib.compress(canonical_json(doc).encode()), key))
    _refused(receiver, forged, "does not match its own digest")
    # Even with the digest recomputed, the row no longer matches the sender's audit chain.
    from app.services.privacy.handover_service import _digest

    doc["digest"] = _digest(doc["contents"])
    forged.unlink()
    forged.write_bytes(bundle_crypto.encrypt(zlib.compress(canonical_json(doc).encode()), key))
    _refused(receiver, forged, "not what the sender's audit chain recorded")


def test_ack_makes_the_senders_case_read_only(tmp_path, clock):
    a = create_vault(tmp_path / "a.casepath", DEMO_PASSPHRASE, Officer(name="Ann Sender"), clock)
    b = create_vault(tmp_path / "b.casepath", DEMO_PASSPHRASE, Officer(name="Bea Receiver"), clock)
    try:
        b.employees.add(employee("E1001", "Zoë Ångström"))  # already known to the receiver
        emp = a.employees.add(employee("E1001", "Zoë Ångström"))
        case = a.cases.open_case(emp.id, stage="early_conversation", opened_on=date(2026, 3, 2))
        a.cases.add(observation(case, date(2026, 3, 5)))
        bundle, ack = tmp_path / "c.bundle", tmp_path / "c.ack"
        a.handover.export([case.reference], b.handover.key(), bundle)
        a.cases.add(observation(case, date(2026, 3, 6)))  # still writable before the ack
        result = b.handover.import_bundle(bundle, ack)
        assert result.employees_matched == 1 and result.employees_created == 0
        assert len(b.employees.all()) == 1
        assert a.handover.import_ack(ack) == (case.reference,)
        assert a.handover.handed_over_on(case.id)
        before = _counts(a)
        with pytest.raises(CaseHandedOver) as err:
            a.cases.add(observation(case, date(2026, 3, 7)))
        assert "handed over" in str(err.value) and "read-only" in str(err.value)
        assert _counts(a) == before
        with pytest.raises(HandoverError, match="handed over already"):
            a.handover.export([case.reference], b.handover.key(), tmp_path / "again.bundle")
        assert a.vault.verify().ok and b.vault.verify().ok
        # The receiver's copy stays writable.
        moved = b.cases.by_reference(case.reference)
        b.cases.add(observation(moved, date(2026, 3, 9)))
        # An acknowledgement is for the sender only; another vault cannot read it.
        with pytest.raises(HandoverError, match="not encrypted for this vault"):
            b.handover.import_ack(ack)
    finally:
        a.close()
        b.close()


def test_importing_twice_or_over_an_existing_case_is_refused(sender, receiver, tmp_path):
    refs = _richest(sender, 1)
    bundle = tmp_path / "b.bundle"
    sender.handover.export(refs, receiver.handover.key(), bundle)
    receiver.handover.import_bundle(bundle)
    _refused(receiver, bundle, "imported into this vault already")
    again = tmp_path / "again.bundle"
    sender.handover.export(refs, receiver.handover.key(), again)
    _refused(receiver, again, f"already has a case {refs[0]}")


def test_a_bad_key_or_reference_is_refused_before_anything_is_written(sender, tmp_path):
    with pytest.raises(HandoverError, match="not a handover key"):
        sender.handover.export(_richest(sender, 1), "age1nope", tmp_path / "x.bundle")
    assert not (tmp_path / "x.bundle").exists()


def test_a_case_table_added_later_travels_without_code_changes(tmp_path, clock):
    """Tables are found with PRAGMA table_info: a new table with a case_id (another branch's
    record versions, say) is carried and re-pointed to the new case id."""
    ddl = (
        "CREATE TABLE later_notes (id INTEGER PRIMARY KEY,"
        " case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE, note TEXT NOT NULL)"
    )
    a = create_vault(tmp_path / "a.casepath", DEMO_PASSPHRASE, Officer(name="Ann Sender"), clock)
    b = create_vault(tmp_path / "b.casepath", DEMO_PASSPHRASE, Officer(name="Bea Receiver"), clock)
    try:
        for svc in (a, b):
            svc.vault.conn.execute(ddl)
        b.employees.add(employee("E0001", "Someone Else"))
        b.cases.open_case(b.employees.by_number("E0001").id, stage="early_conversation",
                          opened_on=date(2026, 3, 1), reference="C-2026-0900")  # fmt: skip
        emp = a.employees.add(employee("E1001", "Zoë Ångström"))
        case = a.cases.open_case(emp.id, stage="early_conversation", opened_on=date(2026, 3, 2))
        with a.vault.write() as w:
            a.vault.conn.execute(
                "INSERT INTO later_notes(case_id, note) VALUES (?, 'kept')", (case.id,)
            )
            w.audit("note.add", "case", case.id, {})
        bundle = tmp_path / "c.bundle"
        a.handover.export([case.reference], b.handover.key(), bundle)
        (new_id,) = b.handover.import_bundle(bundle).case_ids
        assert new_id != case.id
        assert b.vault.conn.query("SELECT case_id, note FROM later_notes") == [(new_id, "kept")]
    finally:
        a.close()
        b.close()


# -- earlier versions travel ----------------------------------------------------------------
def _edited_case(tmp_path, clock):
    """A sender vault with one case whose conversation was edited before the export."""
    from dataclasses import replace

    from tests.factories import conversation

    a = create_vault(tmp_path / "va.casepath", DEMO_PASSPHRASE, Officer(name="Ann Sender"), clock)
    emp = a.employees.add(employee("E2001", "Per Persson"))
    case = a.cases.open_case(emp.id, stage="early_conversation", opened_on=date(2026, 3, 2))
    conv = a.cases.add(conversation(case, date(2026, 3, 4)))
    a.cases.update(replace(conv, summary="Corrected summary"))
    return a, case, conv


def _versions_round_trip(tmp_path, clock):
    a, case, conv = _edited_case(tmp_path, clock)
    b = create_vault(tmp_path / "vb.casepath", DEMO_PASSPHRASE, Officer(name="Bea Receiver"), clock)
    bundle = tmp_path / "v.bundle"
    a.handover.export([case.reference], b.handover.key(), bundle)
    return a, b, case, conv, bundle


def test_earlier_versions_travel_and_the_receiver_verifies(tmp_path, clock):
    a, b, case, conv, bundle = _versions_round_trip(tmp_path, clock)
    try:
        doc = b.handover.read_bundle(bundle)
        (carried,) = doc["contents"]["cases"][0]["versions"]
        assert carried[0] == "conversations" and carried[1] == conv.id
        b.handover.import_bundle(bundle)
        assert b.vault.verify().ok, b.vault.verify().lines()
        assert int(b.vault.conn.scalar("SELECT count(*) FROM record_versions")) == 0  # not ours
        moved = b.cases.by_reference(case.reference)
        (new_conv,) = b.cases.conversations(moved.id)
        history = b.history.record("conversations", new_conv.id)
        assert [s.values["summary"] for s in history.states] == [
            conv.summary,
            "Corrected summary",
        ]
        first, now = history.states
        assert first.before_handover == "Ann Sender" and first.officer == "Ann Sender"
        assert now.current and not now.before_handover
        assert now.officer == "Ann Sender" and now.action != "record.write"  # made by the sender
        data = history.as_json()["versions"]
        assert data[0]["before_handover"] == {"from": "Ann Sender", "via": "handover"}
        assert data[1]["before_handover"] is None
        listed = b.history.case_records(moved.id, changed_only=True)
        assert ("conversations", new_conv.id) in {(h.table, h.row_id) for h in listed}
    finally:
        a.close()
        b.close()


def test_an_edited_received_version_is_reported_by_verify(tmp_path, clock):
    a, b, _case, _conv, bundle = _versions_round_trip(tmp_path, clock)
    try:
        b.handover.import_bundle(bundle)
        assert b.vault.verify().ok
        b.vault.conn.execute(
            "UPDATE handover_versions SET row_json = json_set(row_json, '$.summary[1]', 'Never')"
        )
        report = b.vault.verify()
        assert not report.ok
        text = "\n".join(str(p) for p in report.records)
        assert "received earlier version does not match the event that wrote it" in text, text
        assert "no longer match the digest" in text, text
    finally:
        a.close()
        b.close()


def test_a_carried_version_that_does_not_match_its_event_is_refused(tmp_path, clock):
    from app.services.privacy.handover_service import _digest

    a, b, _case, _conv, bundle = _versions_round_trip(tmp_path, clock)
    try:
        key = b.handover.key()
        doc = b.handover.read_bundle(bundle)
        version = doc["contents"]["cases"][0]["versions"][0]
        version[5] = version[5].replace("Talked", "Shouted")  # the earlier summary, rewritten
        assert "Shouted" in version[5]
        doc["digest"] = _digest(doc["contents"])  # whoever forged it recomputed the digest
        forged = tmp_path / "forged.bundle"
        forged.write_bytes(bundle_crypto.encrypt(zlib.compress(canonical_json(doc).encode()), key))
        _refused(b, forged, "does not match the event that wrote it")
        assert int(b.vault.conn.scalar("SELECT count(*) FROM handover_versions")) == 0
        assert b.vault.verify().ok
    finally:
        a.close()
        b.close()


def test_erasing_a_received_case_takes_its_received_versions_and_still_verifies(tmp_path, clock):
    a, b, case, _conv, bundle = _versions_round_trip(tmp_path, clock)
    try:
        b.handover.import_bundle(bundle)
        moved = b.cases.by_reference(case.reference)
        assert int(b.vault.conn.scalar("SELECT count(*) FROM handover_versions")) == 1
        b.erasure.erase_case(moved.id)
        assert int(b.vault.conn.scalar("SELECT count(*) FROM handover_versions")) == 0
        report = b.vault.verify()
        assert report.ok, report.lines()
    finally:
        a.close()
        b.close()
