"""Lower the calling thread to background priority: CPU and disk go to the officer first.

The full page check reads and decrypts the whole vault file (3.9 GB at 100k cases) on a
thread of the window's own process. At normal priority it takes a core and the disk queue
from the work the officer is doing; lowered, it runs on what the officer's work leaves over
and takes longer when the machine is busy (the check itself is unchanged: every page, every
HMAC). Only the calling thread is lowered, never the process:

- Linux: nice 19 for this thread (``setpriority`` on its thread id: on Linux the nice value
  is per thread) and the idle I/O class (``ioprio_set``), which the mq-deadline and BFQ disk
  schedulers honour;
- Windows: ``THREAD_MODE_BACKGROUND_BEGIN`` (low CPU, I/O and memory priority);
- macOS: the background quality of service (CPU and I/O throttled).

Anything the platform refuses is skipped: the check runs all the same.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import platform
import sys
import threading

log = logging.getLogger(__name__)

_IOPRIO_WHO_PROCESS = 1  # a thread id names one thread
_IOPRIO_CLASS_IDLE = 3
_IOPRIO_CLASS_SHIFT = 13
_SYS_IOPRIO = {"x86_64": (251, 252), "aarch64": (30, 31)}  # (ioprio_set, ioprio_get)
_THREAD_MODE_BACKGROUND_BEGIN = 0x00010000
_QOS_CLASS_BACKGROUND = 0x09


def lower_this_thread() -> list[str]:
    """Lower the calling thread's CPU and I/O priority; what was applied, for the log."""
    applied: list[str] = []
    try:
        if sys.platform.startswith("linux"):
            applied += _linux()
        elif sys.platform == "win32":
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            if kernel32.SetThreadPriority(
                kernel32.GetCurrentThread(), _THREAD_MODE_BACKGROUND_BEGIN
            ):
                applied.append("background mode")
        elif sys.platform == "darwin":
            libc = ctypes.CDLL(ctypes.util.find_library("c"))
            if libc.pthread_set_qos_class_self_np(_QOS_CLASS_BACKGROUND, 0) == 0:
                applied.append("background QoS")
    except (OSError, AttributeError, ValueError) as exc:  # never stop the check for this
        log.debug("background priority not applied (%s)", type(exc).__name__)
    return applied


def _linux() -> list[str]:
    applied = []
    tid = threading.get_native_id()
    try:
        os.setpriority(os.PRIO_PROCESS, tid, 19)
        applied.append("nice 19")
    except OSError as exc:
        log.debug("nice not applied (%s)", type(exc).__name__)
    numbers = _SYS_IOPRIO.get(platform.machine())
    if numbers is not None:
        libc = ctypes.CDLL(None, use_errno=True)
        value = _IOPRIO_CLASS_IDLE << _IOPRIO_CLASS_SHIFT
        if libc.syscall(numbers[0], _IOPRIO_WHO_PROCESS, tid, value) == 0:
            applied.append("idle I/O")
    return applied


def io_class_of_this_thread() -> int | None:
    """The calling thread's I/O priority class on Linux (3 = idle), None elsewhere."""
    numbers = _SYS_IOPRIO.get(platform.machine())
    if not sys.platform.startswith("linux") or numbers is None:
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    value = libc.syscall(numbers[1], _IOPRIO_WHO_PROCESS, threading.get_native_id())
    return None if value < 0 else value >> _IOPRIO_CLASS_SHIFT
