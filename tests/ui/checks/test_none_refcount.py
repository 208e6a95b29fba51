"""A long session must not drain the reference count of None (PySide6 6.12.0 on CPython 3.11).

That release dropped one reference to None on every Qt method returning nothing; after a few
thousand calls the process aborted with "Fatal Python error: none_dealloc". The pin in
pyproject.toml avoids it; this test keeps a later upgrade from bringing it back. It runs the
calls in a child process, because a failure here is an abort, not an exception.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 1_000_000

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QAbstractListModel, QModelIndex
    from PySide6.QtWidgets import QApplication, QLabel

    class Model(QAbstractListModel):
        def rowCount(self, parent=QModelIndex()):
            return 0

    app = QApplication([])
    label = QLabel()
    model = Model()
    before = sys.getrefcount(None)
    for i in range({CALLS} // 4):
        label.setText("x")      # setter returning void
        label.update()          # QWidget.update
        label.clear()
        model.beginResetModel() # a model reset is a pair of void calls
        model.endResetModel()
    after = sys.getrefcount(None)
    print(before, after)
    """
)


def test_a_million_void_qt_calls_leave_none_alone():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    before, after = (int(x) for x in done.stdout.split())
    assert after >= before - 100, f"None lost {before - after} references"
