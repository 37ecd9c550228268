"""Workbooks written by openpyxl (an independent writer), for src/lib/upload/xlsxOpenpyxl.test.ts.

Run with Debian's python3-openpyxl: /usr/bin/python3 scripts/make-xlsx-fixtures.py
Writes tests/fixtures/xlsx/openpyxl-table.xlsx and openpyxl-1904.xlsx (a few kB each).
"""
import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "xlsx"
OUT.mkdir(parents=True, exist_ok=True)


def table() -> None:
    wb = Workbook()
    notes = wb.active
    notes.title = "Notes"
    ws = wb.create_sheet("Table 3")
    ws["A1"] = "Table 3. Households with internet, 2022"
    ws.merge_cells("A1:D1")
    ws["A3"] = "Region"
    ws.merge_cells("A3:A4")
    ws["B3"] = "Access 2022"
    ws.merge_cells("B3:C3")
    ws["D3"] = "Surveyed"
    ws["B4"] = "Urban"
    ws["C4"] = "Rural"
    rows = [
        ("Arusha", 45.5, "12.5", datetime.date(2022, 3, 15)),
        ("Dodoma", "1,234", 20, datetime.date(1900, 2, 28)),
        ("Mbeya", "#N/A", 0.30000000000000004, datetime.datetime(2022, 1, 1, 18, 0)),
    ]
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            ws.cell(row=5 + i, column=1 + j, value=value)
    ws["D5"].number_format = "dd/mm/yyyy"
    ws["D7"].number_format = "yyyy-mm-dd hh:mm"
    wb.save(OUT / "openpyxl-table.xlsx")


def mac1904() -> None:
    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Dates"
    ws.append(["Published", "Value"])
    ws.append([datetime.date(2022, 1, 1), 1])
    wb.save(OUT / "openpyxl-1904.xlsx")


table()
mac1904()
