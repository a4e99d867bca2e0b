#!/usr/bin/python3
# report-xlsxwriter.py: the Python peer: writes the cells report-cells.py dumped with XlsxWriter in
# constant-memory mode, with the formats the report uses for dates, money and headers.
#   report-xlsxwriter.py CELLS.tsv OUT.xlsx
import datetime
import sys

import xlsxwriter

book = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
cell = book.add_format({"font_name": "宋体", "font_size": 10, "border": 1})
date = book.add_format({"font_name": "宋体", "font_size": 10, "border": 1, "num_format": "yyyy-mm-dd"})
sheet = None
row = 0
with open(sys.argv[1], encoding="utf-8") as cells:
    for line in cells:
        parts = line.rstrip("\n").split("\t")
        if parts[0] == "#":
            sheet = book.add_worksheet(parts[1])
            row = 0
            continue
        for col, text in enumerate(parts):
            if not text:
                continue
            kind, value = text[0], text[1:]
            if kind == "n":
                sheet.write_number(row, col, float(value), cell)
            elif kind == "d":
                sheet.write_datetime(row, col, datetime.datetime.strptime(value, "%Y-%m-%d"), date)
            else:
                sheet.write_string(row, col, value, cell)
        row += 1
book.close()
