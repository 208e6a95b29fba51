"""`casepath sar` and `casepath bundle key/export/import/ack` as a script runs them."""

from __future__ import annotations

from app.domain.records import Officer
from app.services.services import create_vault
from tests.conftest import PASSPHRASE
from tests.e2e.cli_runner import run_casepath
from tests.factories import observation, open_case


def test_sar_and_a_handover_round_trip_from_the_shell(tmp_path, clock):
    a, b = tmp_path / "a.casepath", tmp_path / "b.casepath"
    svc = create_vault(a, PASSPHRASE, Officer(name="Ann Sender"), clock)
    case = open_case(svc)
    svc.cases.add(observation(case, clock.today()))
    svc.close()
    create_vault(b, PASSPHRASE, Officer(name="Bea Receiver"), clock).close()

    done = run_casepath(
        "sar", a, "E1001", "--out", tmp_path / "sar", passphrase=PASSPHRASE, check=True
    )
    assert "1 case" in done.stdout and (tmp_path / "sar" / "subject-access-E1001.pdf").exists()
    missing = run_casepath(
        "sar", a, "E9999", "--out", tmp_path / "x", passphrase=PASSPHRASE, check=False
    )
    assert missing.returncode == 2 and "No employee with number E9999" in missing.stderr

    key = run_casepath("bundle", "key", b, passphrase=PASSPHRASE, check=True).stdout.strip()
    assert key.startswith("age1")
    bundle = tmp_path / "case.bundle"
    run_casepath("bundle", "export", a, case.reference, "--to", key, "--out", bundle,
                 passphrase=PASSPHRASE, check=True)  # fmt: skip
    wrong = run_casepath("bundle", "import", a, bundle, passphrase=PASSPHRASE, check=False)
    assert wrong.returncode == 2 and "not encrypted for this vault" in wrong.stderr
    done = run_casepath("bundle", "import", b, bundle, passphrase=PASSPHRASE, check=True)
    assert case.reference in done.stdout
    ack = tmp_path / "case.bundle.ack"
    assert ack.exists()
    done = run_casepath("bundle", "ack", a, ack, passphrase=PASSPHRASE, check=True)
    assert "read-only" in done.stdout
    for vault in (a, b):
        assert run_casepath("verify", vault, passphrase=PASSPHRASE, check=False).returncode == 0
