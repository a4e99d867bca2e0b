#!/usr/bin/python3
# import-rows.py: N rows of 采购合同 as a workbook (XlsxWriter: shared strings and a date format, as Excel writes) and as a UTF-8 CSV, for bench/import.
#
# Usage: import-rows.py N OUT.xlsx OUT.csv

import csv
import datetime
import sys

import xlsxwriter

n, xlsx_path, csv_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(i):
    first17 = f"911301{i:09d}XX"
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS))
    return first17 + ALPHABET[(31 - total % 31) % 31]


HEADERS = ["标题", "合同编号", "供应商", "供应商统一社会信用代码", "合同金额（万元）", "合同签订日期", "文号"]
SUPPLIERS = ["华建科技有限公司", "恒信物业服务有限公司", "润泽园林绿化工程有限公司", "长安信息技术股份有限公司"]
start = datetime.date(2024, 1, 1)


def row(i):
    return [f"第{i}号采购合同", f"HT-{i:06d}", SUPPLIERS[i % len(SUPPLIERS)], uscc(i),
            round(1 + (i * 37 % 10000) / 100, 2), start + datetime.timedelta(days=i % 700),
            f"冀财采〔{2024 + i % 2}〕{i}号"]


book = xlsxwriter.Workbook(xlsx_path)
sheet = book.add_worksheet("合同台账")
date_format = book.add_format({"num_format": "yyyy/m/d"})
sheet.write_row(0, 0, HEADERS)
with open(csv_path, "w", encoding="utf-8", newline="") as f:
    out = csv.writer(f)
    out.writerow(HEADERS)
    for i in range(1, n + 1):
        values = row(i)
        sheet.write_row(i, 0, values[:5])
        sheet.write_datetime(i, 5, datetime.datetime.combine(values[5], datetime.time()), date_format)
        sheet.write_string(i, 6, values[6])
        out.writerow(values[:5] + [values[5].isoformat()] + values[6:])
book.close()
