"""One place that finds files under `resources/`, from a checkout, a wheel or a bundle."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def resources_root() -> Path:
    """The directory holding policy, prompts, fonts, icons and schema files.

    A PyInstaller bundle unpacks them to ``sys._MEIPASS/resources`` (packaging/casepath.spec);
    a source checkout uses the top-level `resources/` beside `app/`; an installed wheel
    carries the same tree as the package `casepath_resources`.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    spec = importlib.util.find_spec("casepath_resources")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("Casepath resources are missing; reinstall the application.")
    return Path(next(iter(spec.submodule_search_locations)))


def resource_path(*parts: str) -> Path:
    """Path of one resource file, e.g. ``resource_path("policy", "default.toml")``."""
    return resources_root().joinpath(*parts)
