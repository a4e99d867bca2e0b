/* gk-report-xlsx.c: the annual report workbook (libxlsxwriter): the file, its formats and the shared cell writers. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "gk-date.h"
#include "gk-error.h"
#include "gk-report-xlsx-private.h"
#include "gk-settings.h"

#define MAX_CELL_CHARS 32767

/* The fonts a signed report uses in China's government offices. */
#define FONT_BODY    "仿宋"
#define FONT_TABLE   "宋体"
#define FONT_HEADING "黑体"

static lxw_format *
add_format (lxw_workbook *workbook,
            const char   *font,
            double        size,
            gboolean      bold,
            gboolean      border)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_font_name (format, font);
  format_set_font_size (format, size);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (bold)
    format_set_bold (format);
  if (border)
    format_set_border (format, LXW_BORDER_THIN);
  return format;
}

static void
create_formats (GkReportWriter *w)
{
  lxw_workbook *wb = w->workbook;
  GkReportFormats *f = &w->f;

  f->title = add_format (wb, FONT_HEADING, 16, FALSE, FALSE);
  format_set_align (f->title, LXW_ALIGN_CENTER);
  format_set_text_wrap (f->title);
  f->heading = add_format (wb, FONT_HEADING, 12, FALSE, FALSE);
  f->text = add_format (wb, FONT_BODY, 12, FALSE, FALSE);
  format_set_text_wrap (f->text);
  format_set_align (f->text, LXW_ALIGN_VERTICAL_TOP);
  f->plain = add_format (wb, FONT_TABLE, 10.5, FALSE, FALSE);
  format_set_text_wrap (f->plain);
  f->right = add_format (wb, FONT_BODY, 12, FALSE, FALSE);
  format_set_align (f->right, LXW_ALIGN_RIGHT);
  f->header = add_format (wb, FONT_TABLE, 10, TRUE, TRUE);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_text_wrap (f->header);
  format_set_bg_color (f->header, 0xF2F2F2);
  f->label = add_format (wb, FONT_TABLE, 10, FALSE, TRUE);
  format_set_text_wrap (f->label);
  f->label_centre = add_format (wb, FONT_TABLE, 10, FALSE, TRUE);
  format_set_text_wrap (f->label_centre);
  format_set_align (f->label_centre, LXW_ALIGN_CENTER);
  f->total_label = add_format (wb, FONT_TABLE, 10, TRUE, TRUE);
  format_set_text_wrap (f->total_label);
  f->count = add_format (wb, FONT_TABLE, 10, FALSE, TRUE);
  format_set_num_format (f->count, "0");
  format_set_align (f->count, LXW_ALIGN_CENTER);
  f->total = add_format (wb, FONT_TABLE, 10, TRUE, TRUE);
  format_set_num_format (f->total, "0");
  format_set_align (f->total, LXW_ALIGN_CENTER);
  f->wan = add_format (wb, FONT_TABLE, 10, FALSE, TRUE);
  format_set_num_format (f->wan, "0.0000");
  format_set_align (f->wan, LXW_ALIGN_CENTER);
  f->yuan = add_format (wb, FONT_TABLE, 10, FALSE, TRUE);
  format_set_num_format (f->yuan, "#,##0.00");
  f->rate = add_format (wb, FONT_TABLE, 10, FALSE, TRUE);
  format_set_num_format (f->rate, "0.0%");
  format_set_align (f->rate, LXW_ALIGN_CENTER);
  f->date = add_format (wb, FONT_TABLE, 10, FALSE, TRUE);
  format_set_num_format (f->date, "yyyy-mm-dd");
  format_set_align (f->date, LXW_ALIGN_CENTER);
  f->cell = add_format (wb, FONT_TABLE, 10, FALSE, TRUE);
  f->passed = add_format (wb, FONT_TABLE, 10, FALSE, TRUE);
  format_set_font_color (f->passed, 0x1E7B34);
  format_set_align (f->passed, LXW_ALIGN_CENTER);
  f->failed = add_format (wb, FONT_TABLE, 10, TRUE, TRUE);
  format_set_font_color (f->failed, 0xC00000);
  format_set_align (f->failed, LXW_ALIGN_CENTER);
}

const char *
gk_report_writer_label (GkReportWriter *w,
                        const char     *path)
{
  return gk_report_template_get (w->template, path);
}

char *
gk_report_writer_dup_title (GkReportWriter *w,
                            const char     *path)
{
  g_autofree char *year = g_strdup_printf ("%d", w->counts->year);

  return gk_report_expand (gk_report_writer_label (w, path),
                           "organisation", w->counts->organisation, "year", year, NULL);
}

lxw_worksheet *
gk_report_writer_add_sheet (GkReportWriter *w,
                            const char     *name,
                            gboolean        streamed,
                            gboolean        landscape,
                            gboolean        fit_width)
{
  lxw_worksheet *sheet;

  /* libxlsxwriter takes constant-memory mode per sheet from the workbook's
   * options when the sheet is added: the ledgers stream, the formatted
   * sheets (merged cells across rows) do not. */
  w->workbook->options.constant_memory = streamed ? LXW_TRUE : LXW_FALSE;
  sheet = workbook_add_worksheet (w->workbook, name);
  w->workbook->options.constant_memory = LXW_FALSE;
  if (sheet == NULL)
    return NULL;

  worksheet_set_paper (sheet, 9);  /* A4 */
  if (landscape)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  if (fit_width)
    worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_margins (sheet, 0.6, 0.6, 0.75, 0.75);
  {
    g_autofree char *footer = g_strconcat ("&C", gk_report_writer_label (w, "footer"), NULL);

    worksheet_set_footer (sheet, footer);
  }
  return sheet;
}

/* An 18-character ID or an 11-digit mobile number inside free text. */
static gboolean
mask_match_cb (const GMatchInfo *match,
               GString          *result,
               gpointer          user_data)
{
  GkReportWriter *w = user_data;
  g_autofree char *found = g_match_info_fetch (match, 0);
  g_autofree char *masked = NULL;

  if (strlen (found) == 11)
    masked = gk_mask_phone (found, &w->policy);
  else
    masked = gk_mask_idcard (found, &w->policy);
  g_string_append (result, masked != NULL ? masked : found);
  return FALSE;
}

void
gk_report_write_text (GkReportWriter *w,
                      lxw_worksheet  *sheet,
                      lxw_row_t       row,
                      lxw_col_t       col,
                      const char     *text,
                      gboolean        free_text,
                      lxw_format     *format)
{
  g_autofree char *masked = NULL;
  g_autofree char *cut = NULL;

  if (text == NULL || *text == '\0')
    {
      if (format != NULL)
        worksheet_write_blank (sheet, row, col, format);
      return;
    }

  /* A public workbook masks what looks like personal data even in the
   * texts the clerk typed (titles, notes): the fields' own masks cannot
   * reach those. */
  if (w->public_ && free_text)
    {
      g_autofree char *step = g_regex_replace_eval (w->id_pattern, text, -1, 0, 0, mask_match_cb, w, NULL);

      masked = g_regex_replace_eval (w->phone_pattern, step != NULL ? step : text, -1, 0, 0, mask_match_cb, w, NULL);
      if (masked != NULL)
        text = masked;
    }

  /* Bytes first: a text of fewer bytes has fewer characters. */
  if (strlen (text) > MAX_CELL_CHARS && g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    {
      cut = g_utf8_substring (text, 0, MAX_CELL_CHARS);
      text = cut;
    }
  worksheet_write_string (sheet, row, col, text, format);
}

void
gk_report_write_date (GkReportWriter *w,
                      lxw_worksheet  *sheet,
                      lxw_row_t       row,
                      lxw_col_t       col,
                      const char     *iso,
                      lxw_format     *format)
{
  GDate date;

  if (iso != NULL && gk_date_from_iso (iso, &date, NULL))
    {
      lxw_datetime datetime = {
        .year = g_date_get_year (&date),
        .month = g_date_get_month (&date),
        .day = g_date_get_day (&date),
      };

      worksheet_write_datetime (sheet, row, col, &datetime, w->f.date);
      return;
    }
  gk_report_write_text (w, sheet, row, col, iso, TRUE, format);
}

double
gk_report_text_height (const char *text,
                       double      width,
                       double      line_height)
{
  double used = 0;
  guint lines = 1;

  /* A Chinese character takes about two columns of width, Latin text one. */
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double w = g_unichar_iswide (c) ? 2.0 : 1.1;

      if (c == '\n')
        {
          lines++;
          used = 0;
          continue;
        }
      if (used + w > width)
        {
          lines++;
          used = 0;
        }
      used += w;
    }
  return lines * line_height + 4;
}

gboolean
gk_report_writer_tick (GkReportWriter  *w,
                       GError         **error)
{
  w->rows_written++;
  if (w->rows_written % 256 != 0)
    return TRUE;
  return !g_cancellable_set_error_if_cancelled (w->cancellable, error);
}

static void
set_properties (GkReportWriter *w)
{
  const GkReportCounts *counts = w->counts;
  g_autofree char *year = g_strdup_printf ("%d", counts->year);
  g_autofree char *title = gk_report_writer_dup_title (w, "title");
  g_autoptr(GDateTime) created = NULL;
  lxw_doc_properties properties = { 0 };
  GDate as_of;

  /* Dated by the data, never by the clock: the same ledger gives the same file. */
  gk_date_from_iso (counts->as_of, &as_of, NULL);
  created = g_date_time_new_utc (g_date_get_year (&as_of), g_date_get_month (&as_of), g_date_get_day (&as_of), 0, 0, 0);
  properties.title = title;
  properties.subject = (char *) gk_report_writer_label (w, "subject");
  properties.author = counts->organisation;
  properties.company = counts->organisation;
  properties.keywords = year;
  properties.created = (time_t) g_date_time_to_unix (created);
  workbook_set_properties (w->workbook, &properties);
}

static gboolean
write_workbook (GkReportWriter  *w,
                const char      *path,
                GError         **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE };
  g_autofree char *dir = g_path_get_dirname (path);
  lxw_error status;
  gboolean ok;

  /* Constant-memory sheets keep their rows in temporary files: beside the
   * target, not in a /tmp that may live in memory. */
  options.tmpdir = dir;
  w->workbook = workbook_new_opt (path, &options);
  if (w->workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create the workbook %s"), path);
      return FALSE;
    }
  create_formats (w);
  set_properties (w);

  ok = gk_report_write_notes (w, error) &&
       gk_report_write_report (w, error) &&
       gk_report_write_resources (w, error) &&
       gk_report_write_overdue (w, error) &&
       gk_report_write_ledgers (w, error);

  /* The workbook is written even after a failure, to free it; the caller
   * removes the file then. */
  status = workbook_close (w->workbook);
  w->workbook = NULL;
  if (ok && status != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook: %s"), lxw_strerror (status));
      return FALSE;
    }
  return ok;
}

gboolean
gk_report_write_xlsx (GkStore               *store,
                      const GkReportCounts  *counts,
                      gboolean               public_,
                      const char            *path,
                      GCancellable          *cancellable,
                      GkReportProgressFunc   progress,
                      gpointer               progress_data,
                      GError               **error)
{
  g_autoptr(GkCatalog) catalog = NULL;
  g_autoptr(GkReportTemplate) template = NULL;
  g_autoptr(GRegex) id_pattern = NULL;
  g_autoptr(GRegex) phone_pattern = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = NULL;
  GkReportWriter w = { 0 };
  locale_t c_numeric, previous;
  gboolean ok;
  int fd;

  g_return_val_if_fail (GK_IS_STORE (store), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  catalog = gk_catalog_new_default (error);
  if (catalog == NULL)
    return FALSE;
  template = gk_report_template_new_default (error);
  if (template == NULL)
    return FALSE;

  w.store = store;
  w.counts = counts;
  w.public_ = public_;
  w.catalog = catalog;
  w.template = template;
  w.cancellable = cancellable;
  w.progress = progress;
  w.progress_data = progress_data;
  if (public_)
    {
      if (!gk_store_get_mask_policy (store, &w.policy, error))
        return FALSE;
      id_pattern = g_regex_new ("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])", G_REGEX_OPTIMIZE, 0, NULL);
      phone_pattern = g_regex_new ("(?<![0-9])1[3-9][0-9]{9}(?![0-9])", G_REGEX_OPTIMIZE, 0, NULL);
      w.id_pattern = id_pattern;
      w.phone_pattern = phone_pattern;
    }

  /* The temporary file sits beside the target so that the final rename
   * cannot cross file systems. */
  temp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp (temp);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write to the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  /* libxlsxwriter formats doubles with the thread's LC_NUMERIC: a comma
   * decimal locale would corrupt the file. */
  c_numeric = newlocale (LC_NUMERIC_MASK, "C", duplocale (LC_GLOBAL_LOCALE));
  previous = uselocale (c_numeric);
  ok = write_workbook (&w, temp, error);
  uselocale (previous);
  freelocale (c_numeric);

  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;
  /* mkstemp() made it private to the user; a saved workbook is an ordinary file. */
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
  else if (progress != NULL)
    progress (1.0, progress_data);
  return ok;
}

gboolean
gk_report_export (GkStore               *store,
                  const GkReportOptions *options,
                  const char            *path,
                  GCancellable          *cancellable,
                  GkReportProgressFunc   progress,
                  gpointer               progress_data,
                  GError               **error)
{
  g_autoptr(GkReportCounts) counts = NULL;

  counts = gk_report_count (store, options->year, options->unit_id, options->as_of, cancellable, error);
  if (counts == NULL)
    return FALSE;
  return gk_report_write_xlsx (store, counts, options->public_, path, cancellable, progress, progress_data, error);
}
