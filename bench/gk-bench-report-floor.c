/* gk-bench-report-floor.c: the floor for the report bench: the ledger's cells of a year read with plain sqlite3 and dumped with libxlsxwriter in constant-memory mode, nothing else. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

/* The rows the report's ledger sheets and overdue list read: the records
 * the year touched, domain by domain in catalog order, and the records due
 * in the year that were published late or are still overdue. Each record's
 * values come out of its JSON by SQLite's json_each, one row per value. */
#define COMMON \
  "r.id, r.index_no, i.level2, r.title, u.name, r.doc_no, r.formed_on, r.due_on, r.published_on, " \
  "r.status, r.mode, r.exemption "
#define FROM \
  "FROM records r JOIN catalog_items i ON i.id = r.item_id LEFT JOIN units u ON u.id = r.unit_id " \
  "LEFT JOIN json_each (r.fields) j ON j.type NOT IN ('null', 'object') AND j.value <> '' "
#define LEDGER_SQL \
  "SELECT " COMMON ", j.key, j.type, j.atom " FROM \
  "WHERE r.domain = ?3 AND (r.formed_on BETWEEN ?1 AND ?2 OR r.due_on BETWEEN ?1 AND ?2 " \
  "  OR r.published_on BETWEEN ?1 AND ?2) " \
  "ORDER BY i.position, r.item_id, r.formed_on, r.id"
#define OVERDUE_SQL \
  "SELECT " COMMON ", NULL, NULL, NULL FROM records r JOIN catalog_items i ON i.id = r.item_id " \
  "LEFT JOIN units u ON u.id = r.unit_id " \
  "WHERE r.domain <> 'request' AND r.due_on BETWEEN ?1 AND ?2 " \
  "  AND (r.published_on > r.due_on OR (r.published_on IS NULL AND r.due_on < ?4)) " \
  "ORDER BY u.position IS NULL, u.position, u.name, r.due_on, r.id"

#define N_COMMON 11
#define MAX_KEYS 512

typedef struct
{
  lxw_format *cell, *date;
  char *keys[MAX_KEYS];  /* a domain's value keys, a column each, as they come */
  int n_keys;
} Dump;

static void
write_common (Dump          *d,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              sqlite3_stmt  *stmt)
{
  for (int c = 0; c < N_COMMON; c++)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, c + 1);
      lxw_datetime dt = { 0 };

      if (text == NULL || *text == '\0')
        continue;
      if (c >= 5 && c <= 7 && sscanf (text, "%d-%d-%d", &dt.year, &dt.month, &dt.day) == 3)
        worksheet_write_datetime (sheet, row, c, &dt, d->date);
      else
        worksheet_write_string (sheet, row, c, text, d->cell);
    }
}

static int
key_column (Dump       *d,
            const char *key)
{
  for (int k = 0; k < d->n_keys; k++)
    if (strcmp (d->keys[k], key) == 0)
      return N_COMMON + k;
  if (d->n_keys == MAX_KEYS)
    return -1;
  d->keys[d->n_keys] = strdup (key);
  return N_COMMON + d->n_keys++;
}

static int
dump (Dump          *d,
      lxw_worksheet *sheet,
      sqlite3_stmt  *stmt)
{
  sqlite3_int64 last = -1;
  lxw_row_t row = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      sqlite3_int64 id = sqlite3_column_int64 (stmt, 0);
      const char *key = (const char *) sqlite3_column_text (stmt, N_COMMON + 1);
      const char *type;
      int col;

      if (id != last)
        {
          row++;
          last = id;
          write_common (d, sheet, row, stmt);
        }
      if (key == NULL || (col = key_column (d, key)) < 0)
        continue;
      type = (const char *) sqlite3_column_text (stmt, N_COMMON + 2);
      if (strcmp (type, "integer") == 0 || strcmp (type, "real") == 0)
        worksheet_write_number (sheet, row, col, sqlite3_column_double (stmt, N_COMMON + 3), d->cell);
      else
        worksheet_write_string (sheet, row, col, (const char *) sqlite3_column_text (stmt, N_COMMON + 3), d->cell);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? 0 : 1;
}

int
main (int    argc,
      char **argv)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *book;
  sqlite3 *db = NULL;
  sqlite3_stmt *domains = NULL, *ledger = NULL, *overdue = NULL;
  char first[16], last[16];
  Dump d = { 0 };
  int failed = 0;

  if (argc != 5)
    {
      fprintf (stderr, "usage: gk-bench-report-floor LEDGER YEAR AS-OF OUT.xlsx\n");
      return 2;
    }
  snprintf (first, sizeof first, "%s-01-01", argv[2]);
  snprintf (last, sizeof last, "%s-12-31", argv[2]);
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT key, name FROM domains ORDER BY position, key", -1, &domains, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, LEDGER_SQL, -1, &ledger, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, OVERDUE_SQL, -1, &overdue, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "%s\n", sqlite3_errmsg (db));
      return 1;
    }

  book = workbook_new_opt (argv[4], &options);
  d.cell = workbook_add_format (book);
  format_set_font_name (d.cell, "宋体");
  format_set_font_size (d.cell, 10);
  format_set_border (d.cell, LXW_BORDER_THIN);
  d.date = workbook_add_format (book);
  format_set_font_name (d.date, "宋体");
  format_set_font_size (d.date, 10);
  format_set_border (d.date, LXW_BORDER_THIN);
  format_set_num_format (d.date, "yyyy-mm-dd");

  sqlite3_bind_text (overdue, 1, first, -1, SQLITE_STATIC);
  sqlite3_bind_text (overdue, 2, last, -1, SQLITE_STATIC);
  sqlite3_bind_text (overdue, 4, argv[3], -1, SQLITE_STATIC);
  failed |= dump (&d, workbook_add_worksheet (book, "逾期清单"), overdue);

  while (sqlite3_step (domains) == SQLITE_ROW)
    {
      char name[128];

      snprintf (name, sizeof name, "%s台账", (const char *) sqlite3_column_text (domains, 1));
      for (int k = 0; k < d.n_keys; k++)
        free (d.keys[k]);
      d.n_keys = 0;
      sqlite3_bind_text (ledger, 1, first, -1, SQLITE_STATIC);
      sqlite3_bind_text (ledger, 2, last, -1, SQLITE_STATIC);
      sqlite3_bind_text (ledger, 3, (const char *) sqlite3_column_text (domains, 0), -1, SQLITE_TRANSIENT);
      failed |= dump (&d, workbook_add_worksheet (book, name), ledger);
    }

  sqlite3_finalize (domains);
  sqlite3_finalize (ledger);
  sqlite3_finalize (overdue);
  sqlite3_close (db);
  return workbook_close (book) == LXW_NO_ERROR && !failed ? 0 : 1;
}
