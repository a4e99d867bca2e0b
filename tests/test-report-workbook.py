#!/usr/bin/python3
# test-report-workbook.py: the annual report workbook read back with openpyxl: sheets, the national tables' labels and numbers, formats, locales, masking.
#
# Usage: test-report-workbook.py MAKE-REPORT-LEDGER GONGKAI-CLI
# The expected labels are typed here from the national format (国办公开办函〔2021〕30号),
# not read from the catalog the program uses, so that a changed label fails.

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

try:
    import openpyxl
except ImportError:
    print("openpyxl is not installed (python3-openpyxl)")
    sys.exit(77)

MAKE_LEDGER, CLI = sys.argv[1], sys.argv[2]

SHEETS = ["说明", "年度报告", "公共资源配置公开情况", "逾期清单",
          "保障性安居工程建设台账", "保障性住房分配台账", "政府采购台账", "工程建设项目招标投标台账",
          "黑名单", "工作目标与实施方案台账", "依申请公开台账"]

TABLE_3_HEADER = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况",
                  "自然人", "法人或其他组织", "总计",
                  "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]

# (label columns as read left to right, then the seven numbers), by hand.
TABLE_3_ROWS = [
    (["一、本年新收政府信息公开申请数量"], [3, 1, 1, 1, 1, 1, 8]),
    (["二、上年结转政府信息公开申请数量"], [1, 0, 0, 0, 0, 0, 1]),
    (["三、本年度办理结果", "（一）予以公开"], [2, 0, 0, 0, 0, 0, 2]),
    (["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"], [1, 0, 0, 0, 0, 0, 1]),
    (["（三）不予公开", "1.属于国家秘密"], [0] * 7),
    (["2.其他法律行政法规禁止公开"], [0] * 7),
    (["3.危及“三安全一稳定”"], [0] * 7),
    (["4.保护第三方合法权益"], [0, 1, 0, 0, 0, 0, 1]),
    (["5.属于三类内部事务信息"], [0] * 7),
    (["6.属于四类过程性信息"], [0] * 7),
    (["7.属于行政执法案卷"], [0] * 7),
    (["8.属于行政查询事项"], [0] * 7),
    (["（四）无法提供", "1.本机关不掌握相关政府信息"], [0, 0, 0, 0, 1, 0, 1]),
    (["2.没有现成信息需要另行制作"], [0] * 7),
    (["3.补正后申请内容仍不明确"], [0] * 7),
    (["（五）不予处理", "1.信访举报投诉类申请"], [0] * 7),
    (["2.重复申请"], [0, 0, 0, 0, 0, 1, 1]),
    (["3.要求提供公开出版物"], [0] * 7),
    (["4.无正当理由大量反复申请"], [0] * 7),
    (["5.要求行政机关确认或重新出具已获取信息"], [0] * 7),
    (["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"], [1, 0, 0, 0, 0, 0, 1]),
    (["2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"], [0] * 7),
    (["3.其他"], [0] * 7),
    (["（七）总计"], [4, 1, 0, 0, 1, 1, 7]),
    (["四、结转下年度继续办理"], [0, 0, 1, 1, 0, 0, 2]),
]

RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
TABLE_4 = [1, 0, 0, 1, 2, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1]

TABLE_2 = [
    ["第二十条第（一）项"],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", 2, 0, 15],
    ["行政规范性文件", 7, 1, 43],
    ["第二十条第（五）项"],
    ["信息内容", "本年处理决定数量"],
    ["行政许可", 1250],
    ["第二十条第（六）项"],
    ["信息内容", "本年处理决定数量"],
    ["行政处罚", 36],
    ["行政强制", 4],
    ["第二十条第（八）项"],
    ["信息内容", "本年收费金额（单位：万元）"],
    ["行政事业性收费", 0.1234],
]

SECTIONS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]

FULL_ID = "11010519491231002X"
FULL_MOBILE = "13812345678"


def run_cli(args, env_extra=None):
    env = dict(os.environ)
    env.update(env_extra or {})
    result = subprocess.run([CLI] + args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError("gongkai-cli %s failed (%d): %s" % (" ".join(args), result.returncode, result.stderr))
    return result


def values(row):
    return [v for v in row if v is not None and v != ""]


def find_row(sheet, text):
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell.row
    raise AssertionError("%s has no cell “%s”" % (sheet.title, text))


def merged_at(sheet, row, column):
    for cell_range in sheet.merged_cells.ranges:
        if cell_range.min_row == row and cell_range.min_col == column:
            return cell_range
    return None


def all_cells(path):
    book = openpyxl.load_workbook(path)
    return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


class Workbook(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="gongkai-report-")
        cls.db = os.path.join(cls.dir, "ledger.db")
        subprocess.run([MAKE_LEDGER, cls.db], check=True, capture_output=True)
        cls.path = os.path.join(cls.dir, "report.xlsx")
        run_cli(["--db", cls.db, "report", "--year", "2024", "--on", "2025-01-15", "-o", cls.path])
        cls.book = openpyxl.load_workbook(cls.path)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir)

    def scratch(self):
        """A folder of the test's own, removed after it."""
        path = tempfile.mkdtemp(prefix="gongkai-report-out-")
        self.addCleanup(shutil.rmtree, path)
        return path

    def test_sheets(self):
        self.assertEqual(self.book.sheetnames, SHEETS)
        # Nothing but the workbook is left in the folder: the temporary file was renamed.
        # The ledger's daily backups live beside it; no partial workbook may.
        self.assertEqual(sorted(n for n in os.listdir(self.dir) if not n.endswith(".backups")), ["ledger.db", "report.xlsx"])

    def test_sections(self):
        sheet = self.book["年度报告"]
        rows = [find_row(sheet, section) for section in SECTIONS]
        self.assertEqual(rows, sorted(rows))
        self.assertEqual(sheet.cell(rows[0] + 1, 1).value,
                         "2024年，本单位认真贯彻落实《中华人民共和国政府信息公开条例》，推进公共资源配置领域政府信息公开。")

    def test_table_2(self):
        sheet = self.book["年度报告"]
        first = find_row(sheet, "第二十条第（一）项")
        read = [values(row) for row in sheet.iter_rows(min_row=first, max_row=first + len(TABLE_2) - 1, values_only=True)]
        self.assertEqual(read, TABLE_2)
        # The caption spans the table; a single value spans the value columns.
        caption = merged_at(sheet, first, 1)
        self.assertIsNotNone(caption)
        self.assertEqual((caption.min_col, caption.max_col), (1, 30))
        fee_row = find_row(sheet, "行政事业性收费")
        fee = [c for c in sheet[fee_row] if isinstance(c.value, float)][0]
        self.assertEqual(fee.number_format, "0.0000")
        self.assertEqual(merged_at(sheet, fee_row, fee.column).max_col, 30)

    def test_table_3(self):
        sheet = self.book["年度报告"]
        top = find_row(sheet, TABLE_3_HEADER[0])
        header = [v for row in sheet.iter_rows(min_row=top, max_row=top + 2, values_only=True) for v in values(row)]
        self.assertEqual(header, TABLE_3_HEADER)
        first = top + 3
        for i, (labels, numbers) in enumerate(TABLE_3_ROWS):
            row = values(next(sheet.iter_rows(min_row=first + i, max_row=first + i, values_only=True)))
            self.assertEqual(row, labels + numbers, "table 三 row %d" % (i + 1))
            for cell in sheet[first + i]:
                if isinstance(cell.value, int):
                    self.assertEqual(cell.number_format, "0")
        self.assertEqual(sheet.cell(first + len(TABLE_3_ROWS), 1).value, None)

        # Merged cells: the note over three header rows and the label columns,
        # 申请人情况 over the seven numbers, 自然人 and 总计 over two rows,
        # 法人或其他组织 over five, 三、本年度办理结果 over its 22 rows, each group over its items.
        note = merged_at(sheet, top, 1)
        self.assertEqual((note.max_row - note.min_row + 1), 3)
        applicants = merged_at(sheet, top, note.max_col + 1)
        self.assertEqual(applicants.max_col, 30)
        person = merged_at(sheet, top + 1, note.max_col + 1)
        self.assertEqual(person.max_row, top + 2)
        self.assertEqual(sheet.cell(top + 1, person.max_col + 1).value, "法人或其他组织")
        organisations = merged_at(sheet, top + 1, person.max_col + 1)
        self.assertEqual((organisations.max_col - organisations.min_col + 1), 5 * (person.max_col - person.min_col + 1))
        results = merged_at(sheet, first + 2, 1)
        self.assertEqual(sheet.cell(first + 2, 1).value, "三、本年度办理结果")
        self.assertEqual((results.min_row, results.max_row), (first + 2, first + 23))
        for group, size in (("（三）不予公开", 8), ("（四）无法提供", 3), ("（五）不予处理", 5), ("（六）其他处理", 3)):
            row = find_row(sheet, group)
            column = [c.column for c in sheet[row] if c.value == group][0]
            cell_range = merged_at(sheet, row, column)
            self.assertEqual(cell_range.max_row - cell_range.min_row + 1, size, group)

    def test_table_4(self):
        sheet = self.book["年度报告"]
        top = find_row(sheet, "行政复议")
        rows = [values(row) for row in sheet.iter_rows(min_row=top, max_row=top + 3, values_only=True)]
        self.assertEqual(rows, [["行政复议", "行政诉讼"], ["未经复议直接起诉", "复议后起诉"], RESULTS * 3, TABLE_4])
        review = merged_at(sheet, top, 1)
        self.assertEqual(review.max_row, top + 1)
        litigation = merged_at(sheet, top, review.max_col + 1)
        self.assertEqual(litigation.max_col, 30)
        # No row label: the numbers start in the first column.
        self.assertEqual(sheet.cell(top + 3, 1).value, 1)

    def test_notes(self):
        sheet = self.book["说明"]
        self.assertEqual(sheet.cell(find_row(sheet, "年度"), 2).value, 2024)
        as_of = sheet.cell(find_row(sheet, "数据截至"), 2)
        self.assertEqual(as_of.value, datetime.datetime(2025, 1, 15))
        self.assertEqual(as_of.number_format, "yyyy-mm-dd")
        checks = find_row(sheet, "校验项")
        results = [sheet.cell(r, 2).value for r in range(checks + 1, sheet.max_row + 1) if sheet.cell(r, 1).value]
        self.assertTrue(results)
        self.assertEqual(set(results), {"通过"})

    def test_resources(self):
        sheet = self.book["公共资源配置公开情况"]
        row = find_row(sheet, "招标公告")
        self.assertEqual(values(next(sheet.iter_rows(min_row=row, max_row=row, values_only=True))),
                         ["工程建设项目招标投标", "招标公告", 3, 1, 1, 2, 1, 0, 1 / 3])
        rate = [c for c in sheet[row] if isinstance(c.value, float)][0]
        self.assertEqual(rate.number_format, "0.0%")
        self.assertEqual(len(sheet._charts), 2)
        # Publications per month, a column per domain: 招标公告 in March and April, the
        # procurement contract in June, the blacklist entry in May.
        months = find_row(sheet, "月份")
        table = {r[0]: list(r[1:6]) for r in sheet.iter_rows(min_row=months, max_row=months + 12, values_only=True)}
        self.assertEqual(table["月份"], ["保障性安居工程建设", "保障性住房分配", "政府采购", "工程建设项目招标投标", "黑名单"])
        self.assertEqual(table["3月"], [0, 0, 0, 1, 0])
        self.assertEqual(table["4月"], [0, 0, 0, 1, 0])
        self.assertEqual(table["5月"], [0, 0, 0, 0, 1])
        self.assertEqual(table["6月"], [0, 0, 1, 0, 0])
        self.assertEqual(sum(sum(v) for k, v in table.items() if k != "月份"), 4)

    def test_overdue(self):
        sheet = self.book["逾期清单"]
        rows = list(sheet.iter_rows(min_row=3, values_only=True))
        self.assertEqual(len(rows), 2)
        late = rows[0]
        self.assertEqual(late[3], "某绿化工程招标公告")
        self.assertEqual(late[6], datetime.datetime(2024, 3, 29))
        self.assertEqual(late[7], datetime.datetime(2024, 4, 2))
        self.assertEqual(late[8], 2)
        self.assertEqual(sheet.cell(3, 7).number_format, "yyyy-mm-dd")
        self.assertEqual(rows[1][9], "逾期未公开")
        self.assertEqual(sheet.freeze_panes, "A3")

    def test_ledgers(self):
        sheet = self.book["政府采购台账"]
        header = [c.value for c in sheet[1]]
        self.assertEqual(header[:3], ["索引号", "事项", "标题"])
        amount_column = header.index("合同金额") + 1
        row = find_row(sheet, "某设备采购合同")
        amount = sheet.cell(row, amount_column)
        self.assertEqual(amount.value, 123456.78)
        self.assertEqual(amount.number_format, "#,##0.00")
        self.assertEqual(sheet.freeze_panes, "D2")
        self.assertIsNotNone(sheet.auto_filter.ref)
        # Only the fields some record of the year fills are columns.
        self.assertIn("供应商", header)
        self.assertNotIn("合同编号", header)

        # A table: how many rows, and the first column of those that have it.
        bidding = self.book["工程建设项目招标投标台账"]
        header = [c.value for c in bidding[1]]
        self.assertIn("标段（包）", header)
        self.assertNotIn("投标截止时间", header)
        lots = bidding.cell(find_row(bidding, "某道路工程招标公告"), header.index("标段（包）") + 1)
        self.assertEqual(lots.value, "3行：一标段；三标段")
        self.assertIsNone(bidding.cell(find_row(bidding, "某绿化工程招标公告"), header.index("标段（包）") + 1).value)

        requests = self.book["依申请公开台账"]
        header = [c.value for c in requests[1]]
        ids = [r[header.index("身份证明（证件号码）")] for r in requests.iter_rows(min_row=2, values_only=True)]
        # The internal workbook keeps the ledger's values.
        self.assertIn(FULL_ID, ids)
        received = header.index("收到申请日期") + 1
        self.assertIsInstance(requests.cell(2, received).value, datetime.datetime)

    def test_deterministic_and_locale_independent(self):
        # A German locale writes decimal commas through printf: the workbook must not change.
        locales = tempfile.mkdtemp(prefix="gongkai-locales-")
        self.addCleanup(shutil.rmtree, locales)
        made = subprocess.run(["localedef", "-i", "de_DE", "-f", "UTF-8", os.path.join(locales, "de_DE.UTF-8")],
                              capture_output=True)
        if made.returncode not in (0, 1) or not os.path.isdir(os.path.join(locales, "de_DE.UTF-8")):
            self.skipTest("the de_DE.UTF-8 locale cannot be made here: %s" % made.stderr.decode(errors="replace"))
        out = self.scratch()
        german = os.path.join(out, "german.xlsx")
        plain = os.path.join(out, "plain.xlsx")
        run_cli(["--db", self.db, "report", "--year", "2024", "--on", "2025-01-15", "-o", german],
                {"LOCPATH": locales, "LC_ALL": "de_DE.UTF-8", "LANG": "de_DE.UTF-8"})
        run_cli(["--db", self.db, "report", "--year", "2024", "--on", "2025-01-15", "-o", plain],
                {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
        self.assertEqual(all_cells(german), all_cells(plain))
        with open(german, "rb") as a, open(self.path, "rb") as b:
            self.assertEqual(a.read(), b.read(), "the same ledger gives the same file")

    def test_public(self):
        public = os.path.join(self.scratch(), "public.xlsx")
        run_cli(["--db", self.db, "report", "--year", "2024", "--on", "2025-01-15", "--public", "-o", public])
        cells = all_cells(public)
        seen_masked = set()
        for sheet, rows in cells.items():
            for row in rows:
                for value in row:
                    if isinstance(value, str):
                        self.assertNotIn(FULL_ID, value, sheet)
                        self.assertNotIn(FULL_MOBILE, value, sheet)
                        seen_masked.add(value)
        # An ID field keeps 6 + 4, a mobile 3 + 4, also inside a title.
        self.assertIn("110105********002X", seen_masked)
        self.assertIn("138****5678", seen_masked)
        self.assertIn("王五（电话138****5678）骗取补贴", seen_masked)
        self.assertEqual(cells["说明"][find_row(openpyxl.load_workbook(public)["说明"], "用途") - 1][1],
                         "对外公开（个人信息已按脱敏规则处理）")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=2)
