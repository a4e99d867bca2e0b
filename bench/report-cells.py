#!/usr/bin/python3
# report-cells.py: dumps the cells of a report workbook's ledger sheets (and the overdue list) to a
# TSV that the floor and the Python peer write again: the same cells, typed.
#   report-cells.py REPORT.xlsx CELLS.tsv
import sys

import openpyxl

FIRST_STREAMED = 3  # 说明, 年度报告, 公共资源配置公开情况 are formatted sheets, not dumps

book = openpyxl.load_workbook(sys.argv[1], read_only=True)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for sheet in book.worksheets[FIRST_STREAMED:]:
        out.write("#\t%s\n" % sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells = []
            for value in row:
                if value is None:
                    cells.append("")
                elif isinstance(value, (int, float)):
                    cells.append("n%r" % value)
                elif hasattr(value, "strftime"):
                    cells.append("d" + value.strftime("%Y-%m-%d"))
                else:
                    cells.append("s" + str(value).replace("\t", " ").replace("\n", " "))
            out.write("\t".join(cells) + "\n")
