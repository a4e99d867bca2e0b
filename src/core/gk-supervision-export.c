/* gk-supervision-export.c: the supervision (督查) report as a file to hand in: CSV, a workbook, or text for the clipboard. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "gk-report-template.h"
#include "gk-store.h"
#include "gk-supervision-export.h"

#define N_COLUMNS 9
#define RATE_COLUMN 7

/* One line of the table, as text; the counts also as numbers for a workbook. */
typedef struct
{
  char *cells[N_COLUMNS];
  double numbers[N_COLUMNS];     /* NAN where the cell is text or empty */
  gboolean total;
} Line;

static void
line_free (Line *line)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (line->cells[i]);
  g_free (line);
}

typedef struct
{
  GkReportTemplate *template;
  char *title;
  char *range;
  char *sheet;
  char *columns[N_COLUMNS];
  GPtrArray *lines;              /* Line */
} Table;

static void
table_clear (Table *table)
{
  g_clear_pointer (&table->template, gk_report_template_free);
  g_free (table->title);
  g_free (table->range);
  g_free (table->sheet);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (table->columns[i]);
  g_clear_pointer (&table->lines, g_ptr_array_unref);
}

static void
set_count (Line  *line,
           guint  column,
           guint  value)
{
  line->cells[column] = g_strdup_printf ("%u", value);
  line->numbers[column] = value;
}

/* Every label comes from the report template: an exported document is
 * Chinese whatever the interface's language. */
static gboolean
table_init (Table       *table,
            GPtrArray   *rows,
            const char  *from,
            const char  *to,
            const char  *today,
            GError     **error)
{
  JsonArray *columns;

  memset (table, 0, sizeof *table);
  table->template = gk_report_template_new_default (error);
  if (table->template == NULL)
    return FALSE;

  columns = gk_report_template_get_array (table->template, "supervision.columns");
  if (columns == NULL || json_array_get_length (columns) != N_COLUMNS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The report template does not list the %d columns of the supervision report"), N_COLUMNS);
      return FALSE;
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    table->columns[i] = g_strdup (json_array_get_string_element (columns, i));
  table->title = g_strdup (gk_report_template_get (table->template, "supervision.title"));
  table->sheet = g_strdup (gk_report_template_get (table->template, "supervision.sheet"));
  table->range = gk_report_expand (gk_report_template_get (table->template, "supervision.range"),
                                   "from", from, "to", to, "today", today, NULL);

  table->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  for (guint r = 0; r < rows->len; r++)
    {
      const GkSupervisionRow *row = g_ptr_array_index (rows, r);
      Line *line = g_new0 (Line, 1);
      double rate = gk_supervision_row_get_rate (row);

      for (guint i = 0; i < N_COLUMNS; i++)
        line->numbers[i] = NAN;
      line->total = row->kind != GK_SUPERVISION_ROW_UNIT;
      line->cells[0] = g_strdup (row->kind == GK_SUPERVISION_ROW_TOTAL
                                   ? gk_report_template_get (table->template, "supervision.total")
                                   : row->domain_name);
      if (row->kind != GK_SUPERVISION_ROW_UNIT)
        line->cells[1] = g_strdup (gk_report_template_get (table->template, "supervision.all_units"));
      else if (row->unit_name != NULL)
        line->cells[1] = g_strdup (row->unit_name);
      else
        line->cells[1] = g_strdup (gk_report_template_get (table->template, "supervision.no_unit"));
      set_count (line, 2, row->due);
      set_count (line, 3, row->on_time);
      set_count (line, 4, row->late);
      set_count (line, 5, row->overdue);
      set_count (line, 6, row->pending);
      if (isnan (rate))
        line->cells[RATE_COLUMN] = g_strdup ("—");
      else
        {
          line->cells[RATE_COLUMN] = g_strdup_printf ("%.1f%%", rate * 100);
          line->numbers[RATE_COLUMN] = rate;
        }
      set_count (line, 8, row->late_workdays);
      g_ptr_array_add (table->lines, line);
    }
  return TRUE;
}

/* RFC 4180; a cell a spreadsheet would take for a formula is kept as text. */
static void
append_csv (GString    *out,
            const char *text)
{
  gboolean formula = text != NULL && text[0] != '\0' && strchr ("=+-@", text[0]) != NULL;

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '"')
        g_string_append_c (out, '"');
    }
  g_string_append_c (out, '"');
}

static char *
table_to_text (Table    *table,
               gboolean  csv)
{
  GString *out = g_string_new (csv ? "\xEF\xBB\xBF" : NULL);
  const char *separator = csv ? "," : "\t";
  const char *end = csv ? "\r\n" : "\n";

  for (int r = -1; r < (int) table->lines->len; r++)
    {
      char **cells = r < 0 ? table->columns : ((Line *) g_ptr_array_index (table->lines, r))->cells;

      for (guint i = 0; i < N_COLUMNS; i++)
        {
          if (i > 0)
            g_string_append (out, separator);
          if (csv)
            append_csv (out, cells[i]);
          else
            /* A tab or line break inside a cell would split it. */
            g_string_append (out, g_strdelimit (cells[i], "\t\r\n", ' '));
        }
      g_string_append (out, end);
    }
  return g_string_free (out, FALSE);
}

static gboolean
write_workbook (Table       *table,
                const char  *today,
                const char  *path,
                GError     **error)
{
  lxw_workbook *workbook = workbook_new (path);
  lxw_worksheet *sheet;
  lxw_format *title, *header, *text, *bold, *number, *percent, *percent_bold;
  lxw_doc_properties properties = { 0 };
  g_autoptr(GDateTime) created = NULL;
  int year = 1970, month = 1, day = 1;
  lxw_error status;

  if (workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create the workbook %s"), path);
      return FALSE;
    }

  /* Dated by the data, never by the clock: the same report gives the same file. */
  if (sscanf (today, "%d-%d-%d", &year, &month, &day) == 3)
    created = g_date_time_new_utc (year, month, day, 0, 0, 0);
  properties.title = table->title;
  if (created != NULL)
    properties.created = (time_t) g_date_time_to_unix (created);
  workbook_set_properties (workbook, &properties);

  title = workbook_add_format (workbook);
  format_set_bold (title);
  format_set_font_size (title, 14);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_border (header, LXW_BORDER_THIN);
  format_set_text_wrap (header);
  format_set_align (header, LXW_ALIGN_CENTER);
  text = workbook_add_format (workbook);
  format_set_border (text, LXW_BORDER_THIN);
  bold = workbook_add_format (workbook);
  format_set_border (bold, LXW_BORDER_THIN);
  format_set_bold (bold);
  number = workbook_add_format (workbook);
  format_set_border (number, LXW_BORDER_THIN);
  percent = workbook_add_format (workbook);
  format_set_border (percent, LXW_BORDER_THIN);
  format_set_num_format (percent, "0.0%");
  percent_bold = workbook_add_format (workbook);
  format_set_border (percent_bold, LXW_BORDER_THIN);
  format_set_num_format (percent_bold, "0.0%");
  format_set_bold (percent_bold);

  sheet = workbook_add_worksheet (workbook, table->sheet);
  worksheet_set_landscape (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_column (sheet, 0, 0, 16, NULL);
  worksheet_set_column (sheet, 1, 1, 30, NULL);
  worksheet_set_column (sheet, 2, N_COLUMNS - 1, 11, NULL);
  worksheet_write_string (sheet, 0, 0, table->title, title);
  worksheet_write_string (sheet, 1, 0, table->range, NULL);
  for (guint i = 0; i < N_COLUMNS; i++)
    worksheet_write_string (sheet, 3, i, table->columns[i], header);
  worksheet_freeze_panes (sheet, 4, 2);

  for (guint r = 0; r < table->lines->len; r++)
    {
      const Line *line = g_ptr_array_index (table->lines, r);
      lxw_row_t at = 4 + r;

      for (guint i = 0; i < N_COLUMNS; i++)
        {
          if (isnan (line->numbers[i]))
            worksheet_write_string (sheet, at, i, line->cells[i], line->total ? bold : text);
          else if (i == RATE_COLUMN)
            worksheet_write_number (sheet, at, i, line->numbers[i], line->total ? percent_bold : percent);
          else
            worksheet_write_number (sheet, at, i, line->numbers[i], line->total ? bold : number);
        }
    }
  worksheet_autofilter (sheet, 3, 0, 3 + table->lines->len, N_COLUMNS - 1);

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook: %s"),
                   lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
gk_supervision_export_format_for_path (const char                *path,
                                       GkSupervisionExportFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".csv"))
    *format = GK_SUPERVISION_EXPORT_CSV;
  else if (g_str_has_suffix (lower, ".xlsx"))
    *format = GK_SUPERVISION_EXPORT_XLSX;
  else
    return FALSE;
  return TRUE;
}

gboolean
gk_supervision_export_write (GPtrArray                 *rows,
                             const char                *from,
                             const char                *to,
                             const char                *today,
                             GkSupervisionExportFormat  format,
                             const char                *path,
                             GError                   **error)
{
  Table table;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  locale_t c_numeric, previous;
  gboolean ok;
  int fd;

  g_return_val_if_fail (rows != NULL && from != NULL && to != NULL && today != NULL && path != NULL, FALSE);

  if (!table_init (&table, rows, from, to, today, error))
    {
      table_clear (&table);
      return FALSE;
    }

  if (format == GK_SUPERVISION_EXPORT_CSV)
    {
      g_autofree char *csv = table_to_text (&table, TRUE);

      table_clear (&table);
      /* g_file_set_contents() writes a temporary file and renames it. */
      return g_file_set_contents_full (path, csv, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
    }

  /* The workbook is written beside the target and renamed: whole or not at all. */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp (temp);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write to the folder %s: %s"), dir, g_strerror (saved));
      table_clear (&table);
      return FALSE;
    }
  close (fd);

  /* libxlsxwriter formats doubles with the thread's LC_NUMERIC. */
  c_numeric = newlocale (LC_NUMERIC_MASK, "C", duplocale (LC_GLOBAL_LOCALE));
  previous = uselocale (c_numeric);
  ok = write_workbook (&table, today, temp, error);
  uselocale (previous);
  freelocale (c_numeric);
  table_clear (&table);

  if (ok)
    g_chmod (temp, 0644);
  if (ok && g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not save %s: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temp);
  return ok;
}

char *
gk_supervision_export_dup_text (GPtrArray   *rows,
                                const char  *from,
                                const char  *to,
                                const char  *today,
                                GError     **error)
{
  Table table;
  char *text = NULL;

  g_return_val_if_fail (rows != NULL, NULL);

  if (table_init (&table, rows, from, to, today, error))
    text = table_to_text (&table, FALSE);
  table_clear (&table);
  return text;
}

GkSupervisionTable *
gk_supervision_table_new (GPtrArray   *rows,
                          const char  *from,
                          const char  *to,
                          const char  *today,
                          GError     **error)
{
  Table table;
  GkSupervisionTable *out = NULL;

  g_return_val_if_fail (rows != NULL && from != NULL && to != NULL && today != NULL, NULL);

  if (table_init (&table, rows, from, to, today, error))
    {
      out = g_new0 (GkSupervisionTable, 1);
      out->title = g_steal_pointer (&table.title);
      out->range = g_steal_pointer (&table.range);
      out->page = g_strdup (gk_report_template_get (table.template, "supervision.page"));
      out->columns = g_new0 (char *, N_COLUMNS + 1);
      for (guint i = 0; i < N_COLUMNS; i++)
        out->columns[i] = g_steal_pointer (&table.columns[i]);
      out->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      out->totals = g_array_sized_new (FALSE, FALSE, sizeof (gboolean), table.lines->len);
      for (guint r = 0; r < table.lines->len; r++)
        {
          Line *line = g_ptr_array_index (table.lines, r);
          GStrv cells = g_new0 (char *, N_COLUMNS + 1);

          for (guint i = 0; i < N_COLUMNS; i++)
            cells[i] = g_steal_pointer (&line->cells[i]);
          g_ptr_array_add (out->lines, cells);
          g_array_append_val (out->totals, line->total);
        }
    }
  table_clear (&table);
  return out;
}

void
gk_supervision_table_free (GkSupervisionTable *table)
{
  if (table == NULL)
    return;
  g_free (table->title);
  g_free (table->range);
  g_free (table->page);
  g_strfreev (table->columns);
  g_clear_pointer (&table->lines, g_ptr_array_unref);
  g_clear_pointer (&table->totals, g_array_unref);
  g_free (table);
}
