#!/usr/bin/env python3
"""Prints every cell of a workbook as text: sheet, cell, value or formula,
number format. Used by tests/golden/run.sh to compare workbooks by content,
never by zip bytes (STYLE.md "Tests")."""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print(f"== {ws.title}")
    for row in ws.iter_rows():
        for c in row:
            if c.value is None:
                continue
            v = c.value
            if isinstance(v, float):
                v = repr(v)
            print(f"{c.coordinate}\t{v!s}\t{c.number_format}")
