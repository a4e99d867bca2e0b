#!/usr/bin/python3
# test-import-workbooks.py: workbooks written by openpyxl and by LibreOffice (from a CSV) imported with gongkai-cli import-table, read back with list and show.
#
# Usage: test-import-workbooks.py GONGKAI-CLI
# LibreOffice's part is skipped without soffice; openpyxl's without python3-openpyxl.

import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CLI = sys.argv[1]
ITEM = "procurement.contract"

try:
    import openpyxl
except ImportError:
    openpyxl = None

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def uscc(first17):
    """The check character of a unified social credit code (GB 32100-2015)."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(alphabet.index(c) * w for c, w in zip(first17, weights))
    return first17 + alphabet[(31 - total % 31) % 31]


CODE = uscc("91130100MA07L8XX1")
HEADERS = ["标题", "合同编号", "供应商", "供应商统一社会信用代码", "合同金额（万元）", "合同签订日期"]
ROWS = [
    ["办公设备采购合同", "HT-2025-001", "华建科技有限公司", CODE, 35.5, datetime.date(2025, 3, 7)],
    ["物业服务合同", "HT-2025-002", "恒信物业服务有限公司", CODE, 12, datetime.date(2024, 12, 31)],
]
# What the ledger must hold: 分 and ISO dates.
EXPECTED = {
    "办公设备采购合同": {"contract_no": "HT-2025-001", "supplier": "华建科技有限公司", "supplier_uscc": CODE,
                         "amount": 35500000, "sign_date": "2025-03-07"},
    "物业服务合同": {"contract_no": "HT-2025-002", "supplier": "恒信物业服务有限公司", "supplier_uscc": CODE,
                     "amount": 12000000, "sign_date": "2024-12-31"},
}


def cli(db, *args, check=True):
    result = subprocess.run([CLI, "--db", db] + list(args), capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"gongkai-cli {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result


class ImportWorkbooks(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="gongkai-import-")
        self.db = os.path.join(self.dir, "ledger.db")
        # Records are numbered with the organisation's code: set up first.
        cli(self.db, "setup", "--name", "石家庄市长安区人民政府", "--code", "11130102000014349N")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def records(self):
        listed = json.loads(cli(self.db, "list", "--item", ITEM, "--format", "json").stdout)
        out = {}
        for row in listed:
            shown = json.loads(cli(self.db, "show", row["uuid"]).stdout)
            out[shown["record"]["title"]] = shown["record"]["fields"]
        return out

    def check_import(self, path):
        dry = cli(self.db, "import-table", path, "--item", ITEM, "--dry-run")
        self.assertIn("Would import 2 records", dry.stdout)
        done = cli(self.db, "import-table", path, "--item", ITEM)
        self.assertIn("Imported 2 records as batch", done.stdout)
        fields = self.records()
        self.assertEqual(set(fields), set(EXPECTED))
        for title, expected in EXPECTED.items():
            for key, value in expected.items():
                self.assertEqual(fields[title].get(key), value, f"{title}: {key}")
        # Twice: nothing more.
        again = cli(self.db, "import-table", path, "--item", ITEM)
        self.assertIn("Nothing new to import; 2 rows were imported before", again.stdout)
        self.assertEqual(len(self.records()), 2)

    @unittest.skipIf(openpyxl is None, "openpyxl is not installed (python3-openpyxl)")
    def test_openpyxl(self):
        path = os.path.join(self.dir, "openpyxl.xlsx")
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "合同"
        sheet.append(HEADERS)
        for row in ROWS:
            sheet.append(row)
        for cell in sheet["F"][1:]:
            cell.number_format = "yyyy/m/d"
        book.save(path)
        self.check_import(path)

    @unittest.skipIf(SOFFICE is None, "LibreOffice is not installed (libreoffice-calc-nogui)")
    def test_libreoffice(self):
        csv_path = os.path.join(self.dir, "libreoffice.csv")
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write(",".join(HEADERS) + "\n")
            for row in ROWS:
                f.write(",".join(str(v) for v in row) + "\n")
        profile = os.path.join(self.dir, "profile")
        # 44: comma, 34: quote, 76: UTF-8, 1: from the first line.
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", self.dir, csv_path],
                       check=True, capture_output=True, timeout=240)
        path = os.path.join(self.dir, "libreoffice.xlsx")
        self.assertTrue(os.path.exists(path))
        # LibreOffice stores the dates as day numbers in a date format.
        if openpyxl is not None:
            cell = openpyxl.load_workbook(path)["libreoffice"]["F2"]
            self.assertIsInstance(cell.value, datetime.datetime)
        self.check_import(path)

    def test_bad_row_reported(self):
        csv_path = os.path.join(self.dir, "bad.csv")
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write("标题,合同编号,合同签订日期\n")
            for i in range(1, 7):
                f.write(f"合同{i},HT-{i},{'2025-13-01' if i == 6 else '2025-03-0' + str(i)}\n")
        result = cli(self.db, "import-table", csv_path, "--item", ITEM, check=False)
        self.assertEqual(result.returncode, 4)
        self.assertIn("bad.csv, row 7, column C", result.stderr)
        self.assertIn("“2025-13-01”", result.stderr)
        self.assertEqual(self.records(), {})
        skipped = cli(self.db, "import-table", csv_path, "--item", ITEM, "--skip-bad-rows")
        self.assertIn("Skipped rows: 7", skipped.stdout)
        self.assertEqual(len(self.records()), 5)
        batches = cli(self.db, "imports").stdout.splitlines()
        self.assertEqual(len(batches), 2)
        batch = batches[1].split("\t")[0]
        undone = cli(self.db, "import-undo", batch)
        self.assertIn("5 records", undone.stdout)
        self.assertEqual(self.records(), {})


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
