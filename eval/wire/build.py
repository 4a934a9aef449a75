#!/usr/bin/env python3
"""Builds this set from src/ with the shared builder, eval/build.py (see its docstring).

    python3 eval/wire/build.py [--check]
"""
import os, runpy, sys

here = os.path.dirname(os.path.abspath(__file__))
sys.argv[1:1] = [here]
runpy.run_path(os.path.join(here, "..", "build.py"), run_name="__main__")
