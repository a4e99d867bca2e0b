#!/usr/bin/python3
# check-supervision-export.py: reads a supervision report exported as CSV and as a workbook, independently of the code that wrote them, and prints their rows as JSON.
import csv
import json
import sys

try:
    import openpyxl
except ImportError:
    print("openpyxl is missing", file=sys.stderr)
    sys.exit(77)

csv_path, xlsx_path = sys.argv[1], sys.argv[2]

with open(csv_path, encoding="utf-8-sig", newline="") as f:
    csv_rows = list(csv.reader(f))

book = openpyxl.load_workbook(xlsx_path)
sheet = book["督查"]
title = sheet.cell(row=1, column=1).value
header = [cell.value for cell in sheet[4]]
xlsx_rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5)]
rate_format = sheet.cell(row=5, column=8).number_format

json.dump({"csv": csv_rows, "title": title, "header": header, "xlsx": xlsx_rows,
           "rate_format": rate_format}, sys.stdout, ensure_ascii=False)
