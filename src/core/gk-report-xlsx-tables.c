/* gk-report-xlsx-tables.c: the workbook's 说明 sheet and the national report (年度报告) with tables 二, 三 and 四. */
#include "config.h"

#include "gk-report-xlsx-private.h"

/* 年度报告 is laid out on a grid of narrow columns, each table's cells being
 * merged spans of it, so that tables of 4, 10 and 15 columns share one
 * printable page width. */
#define GRID_COLUMNS 30
#define GRID_WIDTH   3.3
#define LAST_COLUMN  (GRID_COLUMNS - 1)

/* Table 三: three label columns over grid columns 0–1, 2–5 and 6–15, then
 * seven numbers of two grid columns each. */
#define T3_LABEL1 0
#define T3_LABEL2 2
#define T3_LABEL3 6
#define T3_LABEL_END 15
#define T3_NUMBERS 16

#define LINE_TEXT  17.0
#define LINE_TABLE 13.5

static void
merge (lxw_worksheet *sheet,
       lxw_row_t      first_row,
       lxw_col_t      first_col,
       lxw_row_t      last_row,
       lxw_col_t      last_col,
       const char    *text,
       lxw_format    *format)
{
  if (first_row == last_row && first_col == last_col)
    worksheet_write_string (sheet, first_row, first_col, text, format);
  else
    worksheet_merge_range (sheet, first_row, first_col, last_row, last_col, text, format);
}

/* A number in a merged span: the span first, then the number in its first cell. */
static void
merge_number (lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_col_t      first_col,
              lxw_col_t      last_col,
              double         value,
              lxw_format    *format)
{
  worksheet_merge_range (sheet, row, first_col, row, last_col, "", format);
  worksheet_write_number (sheet, row, first_col, value, format);
}

static double
grid_width (lxw_col_t first_col,
            lxw_col_t last_col)
{
  return (last_col - first_col + 1) * GRID_WIDTH;
}

/* ---- 说明 ---- */

static lxw_row_t
write_pair (GkReportWriter *w,
            lxw_worksheet  *sheet,
            lxw_row_t       row,
            const char     *label_path,
            const char     *value)
{
  worksheet_write_string (sheet, row, 0, gk_report_writer_label (w, label_path), w->f.label);
  merge (sheet, row, 1, row, 2, value, w->f.label);
  return row + 1;
}

gboolean
gk_report_write_notes (GkReportWriter  *w,
                       GError         **error)
{
  const GkReportCounts *counts = w->counts;
  lxw_worksheet *sheet = gk_report_writer_add_sheet (w, gk_report_writer_label (w, "sheets.notes"), FALSE, FALSE, TRUE);
  g_autofree char *title = gk_report_writer_dup_title (w, "title");
  JsonArray *rules = gk_report_template_get_array (w->template, "rules");
  lxw_row_t row = 0;

  g_assert (sheet != NULL);
  worksheet_set_column (sheet, 0, 0, 34, NULL);
  worksheet_set_column (sheet, 1, 1, 10, NULL);
  worksheet_set_column (sheet, 2, 2, 64, NULL);

  merge (sheet, row, 0, row, 2, title, w->f.title);
  worksheet_set_row (sheet, row, 30, NULL);
  row += 2;

  worksheet_write_string (sheet, row++, 0, gk_report_writer_label (w, "notes.heading"), w->f.heading);
  row = write_pair (w, sheet, row, "notes.organisation", counts->organisation);
  row = write_pair (w, sheet, row, "notes.unit",
                    counts->unit_name != NULL ? counts->unit_name : gk_report_writer_label (w, "notes.all_units"));
  worksheet_write_string (sheet, row, 0, gk_report_writer_label (w, "notes.year"), w->f.label);
  worksheet_merge_range (sheet, row, 1, row, 2, "", w->f.count);
  worksheet_write_number (sheet, row, 1, counts->year, w->f.count);
  row++;
  worksheet_write_string (sheet, row, 0, gk_report_writer_label (w, "notes.as_of"), w->f.label);
  worksheet_merge_range (sheet, row, 1, row, 2, "", w->f.date);
  gk_report_write_date (w, sheet, row, 1, counts->as_of, w->f.label);
  row++;
  row = write_pair (w, sheet, row, "notes.public",
                    gk_report_writer_label (w, w->public_ ? "notes.public_yes" : "notes.public_no"));
  row++;

  worksheet_write_string (sheet, row++, 0, gk_report_writer_label (w, "notes.rules"), w->f.heading);
  for (guint i = 0; rules != NULL && i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);
      const char *text = json_object_get_string_member (rule, "text");

      worksheet_write_string (sheet, row, 0, json_object_get_string_member (rule, "title"), w->f.label);
      merge (sheet, row, 1, row, 2, text, w->f.label);
      worksheet_set_row (sheet, row, gk_report_text_height (text, 72, LINE_TABLE), NULL);
      row++;
    }
  row++;

  worksheet_write_string (sheet, row++, 0, gk_report_writer_label (w, "notes.checks"), w->f.heading);
  worksheet_write_string (sheet, row, 0, gk_report_writer_label (w, "notes.check"), w->f.header);
  worksheet_write_string (sheet, row, 1, gk_report_writer_label (w, "notes.result"), w->f.header);
  worksheet_write_string (sheet, row, 2, "", w->f.header);
  row++;
  for (guint i = 0; i < counts->checks->len; i++)
    {
      const GkReportCheck *check = g_ptr_array_index (counts->checks, i);
      const char *result = check->passed ? "notes.passed" : check->warning ? "notes.warning" : "notes.failed";
      double height = MAX (gk_report_text_height (check->name, 32, LINE_TABLE),
                           gk_report_text_height (check->detail, 62, LINE_TABLE));

      worksheet_write_string (sheet, row, 0, check->name, w->f.label);
      worksheet_write_string (sheet, row, 1, gk_report_writer_label (w, result),
                              check->passed || check->warning ? w->f.passed : w->f.failed);
      gk_report_write_text (w, sheet, row, 2, check->detail, FALSE, w->f.label);
      if (check->detail == NULL)
        worksheet_write_blank (sheet, row, 2, w->f.label);
      worksheet_set_row (sheet, row, height, NULL);
      row++;
    }

  worksheet_print_area (sheet, 0, 0, row, 2);
  return TRUE;
}

/* ---- 年度报告 ---- */

static lxw_row_t
write_section_text (GkReportWriter *w,
                    lxw_worksheet  *sheet,
                    lxw_row_t       row,
                    const char     *text)
{
  const char *shown = text != NULL && *text != '\0' ? text : gk_report_writer_label (w, "report.empty_text");

  merge (sheet, row, 0, row, LAST_COLUMN, "", w->f.text);
  gk_report_write_text (w, sheet, row, 0, shown, TRUE, w->f.text);
  worksheet_set_row (sheet, row, gk_report_text_height (shown, grid_width (0, LAST_COLUMN) * 0.9, LINE_TEXT), NULL);
  return row + 1;
}

static lxw_row_t
write_heading (GkReportWriter *w,
               lxw_worksheet  *sheet,
               lxw_row_t       row,
               guint           section)
{
  JsonArray *sections = gk_report_template_get_array (w->template, "report.sections");

  merge (sheet, row, 0, row, LAST_COLUMN, json_array_get_string_element (sections, section), w->f.heading);
  worksheet_set_row (sheet, row, 24, NULL);
  return row + 1;
}

/* A value named in the template's table 二, as a number: counts as they
 * are, the fees from 分 to 万元. */
static double
figure_value (const GkReportFigures *figures,
              const char            *member,
              gboolean              *is_fee)
{
  gint64 value = 0;

  if (!gk_report_figures_lookup (figures, member, &value))
    g_critical ("The report template names an unknown figure “%s”", member);
  *is_fee = g_strcmp0 (member, "fees-fen") == 0;
  return *is_fee ? value / 1000000.0 : (double) value;
}

/* The value columns of table 二: three spans of six, or one of eighteen. */
static void
value_span (guint      index,
            guint      n_values,
            lxw_col_t *first,
            lxw_col_t *last)
{
  if (n_values == 1)
    {
      *first = 12;
      *last = LAST_COLUMN;
      return;
    }
  *first = 12 + index * 6;
  *last = *first + 5;
}

static lxw_row_t
write_table_2 (GkReportWriter *w,
               lxw_worksheet  *sheet,
               lxw_row_t       row)
{
  JsonArray *blocks = gk_report_template_get_array (w->template, "report.proactive");

  for (guint b = 0; b < json_array_get_length (blocks); b++)
    {
      JsonObject *block = json_array_get_object_element (blocks, b);
      JsonArray *header = json_object_get_array_member (block, "header");
      JsonArray *rows = json_object_get_array_member (block, "rows");
      guint n_values = json_array_get_length (header) - 1;

      merge (sheet, row, 0, row, LAST_COLUMN, json_object_get_string_member (block, "caption"), w->f.header);
      row++;
      merge (sheet, row, 0, row, 11, json_array_get_string_element (header, 0), w->f.header);
      for (guint i = 0; i < n_values; i++)
        {
          lxw_col_t first, last;

          value_span (i, n_values, &first, &last);
          merge (sheet, row, first, row, last, json_array_get_string_element (header, i + 1), w->f.header);
        }
      worksheet_set_row (sheet, row, 20, NULL);
      row++;

      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *line = json_array_get_object_element (rows, r);
          JsonArray *values = json_object_get_array_member (line, "values");

          merge (sheet, row, 0, row, 11, json_object_get_string_member (line, "label"), w->f.label_centre);
          for (guint i = 0; i < json_array_get_length (values); i++)
            {
              gboolean is_fee = FALSE;
              double value = figure_value (w->counts->figures, json_array_get_string_element (values, i), &is_fee);
              lxw_col_t first, last;

              value_span (i, n_values, &first, &last);
              merge_number (sheet, row, first, last, value, is_fee ? w->f.wan : w->f.count);
            }
          worksheet_set_row (sheet, row, 18, NULL);
          row++;
        }
    }
  return row;
}

static const char *
applicant_label (GkReportWriter *w,
                 guint           column)
{
  return ((GkCatalogTerm *) g_ptr_array_index (w->catalog->applicant_types, column))->name;
}

static void
write_request_numbers (GkReportWriter *w,
                       lxw_worksheet  *sheet,
                       lxw_row_t       row,
                       guint           table_row,
                       gboolean        bold)
{
  for (guint c = 0; c < GK_APPLICANT_N_COLUMNS; c++)
    merge_number (sheet, row, T3_NUMBERS + 2 * c, T3_NUMBERS + 2 * c + 1, w->counts->requests[table_row][c],
                  bold || c == GK_APPLICANT_TOTAL ? w->f.total : w->f.count);
}

static void
fit_label_row (lxw_worksheet *sheet,
               lxw_row_t      row,
               const char    *label,
               lxw_col_t      first,
               lxw_col_t      last)
{
  worksheet_set_row (sheet, row, MAX (18, gk_report_text_height (label, grid_width (first, last), LINE_TABLE)), NULL);
}

static lxw_row_t
write_table_3 (GkReportWriter *w,
               lxw_worksheet  *sheet,
               lxw_row_t       row)
{
  const GkCatalogRequestReport *labels = &w->catalog->request_report;
  GPtrArray *outcomes = w->catalog->outcomes;
  lxw_row_t first;

  /* Three header rows. */
  merge (sheet, row, T3_LABEL1, row + 2, T3_LABEL_END, labels->balance_note, w->f.header);
  merge (sheet, row, T3_NUMBERS, row, LAST_COLUMN, labels->applicants, w->f.header);
  merge (sheet, row + 1, T3_NUMBERS, row + 2, T3_NUMBERS + 1, applicant_label (w, GK_APPLICANT_PERSON), w->f.header);
  merge (sheet, row + 1, T3_NUMBERS + 2, row + 1, T3_NUMBERS + 11, labels->organisations, w->f.header);
  merge (sheet, row + 1, T3_NUMBERS + 12, row + 2, LAST_COLUMN, labels->sum, w->f.header);
  for (guint c = GK_APPLICANT_BUSINESS; c < GK_APPLICANT_TOTAL; c++)
    merge (sheet, row + 2, T3_NUMBERS + 2 * c, row + 2, T3_NUMBERS + 2 * c + 1, applicant_label (w, c), w->f.header);
  worksheet_set_row (sheet, row, 20, NULL);
  worksheet_set_row (sheet, row + 1, 20, NULL);
  worksheet_set_row (sheet, row + 2, 42, NULL);
  row += 3;

  merge (sheet, row, T3_LABEL1, row, T3_LABEL_END, labels->received, w->f.label);
  write_request_numbers (w, sheet, row, GK_REPORT_ROW_RECEIVED, FALSE);
  fit_label_row (sheet, row, labels->received, T3_LABEL1, T3_LABEL_END);
  row++;
  merge (sheet, row, T3_LABEL1, row, T3_LABEL_END, labels->carried_in, w->f.label);
  write_request_numbers (w, sheet, row, GK_REPORT_ROW_CARRIED_IN, FALSE);
  fit_label_row (sheet, row, labels->carried_in, T3_LABEL1, T3_LABEL_END);
  row++;

  /* 三、本年度办理结果: the outcomes, grouped under （三）to（六）, and （七）总计. */
  first = row;
  merge (sheet, row, T3_LABEL1, row + GK_REPORT_N_OUTCOMES, T3_LABEL2 - 1, labels->results, w->f.label_centre);
  for (guint i = 0; i < outcomes->len; i++)
    {
      GkCatalogTerm *outcome = g_ptr_array_index (outcomes, i);
      lxw_row_t r = first + i;

      if (outcome->group == NULL)
        {
          merge (sheet, r, T3_LABEL2, r, T3_LABEL_END, outcome->name, w->f.label);
          fit_label_row (sheet, r, outcome->name, T3_LABEL2, T3_LABEL_END);
        }
      else
        {
          /* The group's label spans its outcomes, written at the first of them. */
          if (i == 0 || g_strcmp0 (((GkCatalogTerm *) g_ptr_array_index (outcomes, i - 1))->group, outcome->group) != 0)
            {
              guint n = 1;

              while (i + n < outcomes->len &&
                     g_strcmp0 (((GkCatalogTerm *) g_ptr_array_index (outcomes, i + n))->group, outcome->group) == 0)
                n++;
              for (guint g = 0; g < w->catalog->outcome_groups->len; g++)
                {
                  GkCatalogTerm *group = g_ptr_array_index (w->catalog->outcome_groups, g);

                  if (g_strcmp0 (group->key, outcome->group) == 0)
                    merge (sheet, r, T3_LABEL2, r + n - 1, T3_LABEL3 - 1, group->name, w->f.label_centre);
                }
            }
          merge (sheet, r, T3_LABEL3, r, T3_LABEL_END, outcome->name, w->f.label);
          fit_label_row (sheet, r, outcome->name, T3_LABEL3, T3_LABEL_END);
        }
      write_request_numbers (w, sheet, r, GK_REPORT_ROW_FIRST_OUTCOME + i, FALSE);
    }
  row = first + outcomes->len;
  merge (sheet, row, T3_LABEL2, row, T3_LABEL_END, labels->total, w->f.total_label);
  write_request_numbers (w, sheet, row, GK_REPORT_ROW_TOTAL, TRUE);
  worksheet_set_row (sheet, row, 18, NULL);
  row++;

  merge (sheet, row, T3_LABEL1, row, T3_LABEL_END, labels->carried_over, w->f.label);
  write_request_numbers (w, sheet, row, GK_REPORT_ROW_CARRIED_OVER, FALSE);
  fit_label_row (sheet, row, labels->carried_over, T3_LABEL1, T3_LABEL_END);
  return row + 1;
}

static lxw_row_t
write_table_4 (GkReportWriter *w,
               lxw_worksheet  *sheet,
               lxw_row_t       row)
{
  GPtrArray *kinds = w->catalog->case_kinds;
  GPtrArray *results = w->catalog->case_results;
  const char *litigation = NULL;

  /* 行政复议 spans two header rows; 行政诉讼 heads its two kinds. */
  for (guint k = 0; k < kinds->len; k++)
    {
      GkCatalogTerm *kind = g_ptr_array_index (kinds, k);
      lxw_col_t first = k * 10, last = first + 9;

      if (kind->group == NULL)
        merge (sheet, row, first, row + 1, last, kind->name, w->f.header);
      else
        {
          if (litigation == NULL)
            {
              litigation = kind->group;
              merge (sheet, row, first, row, LAST_COLUMN, kind->group, w->f.header);
            }
          merge (sheet, row + 1, first, row + 1, last, kind->name, w->f.header);
        }
      for (guint r = 0; r < GK_REPORT_N_CASE_RESULTS; r++)
        {
          const char *label = r < results->len ? ((GkCatalogTerm *) g_ptr_array_index (results, r))->name
                                               : w->catalog->request_report.sum;

          merge (sheet, row + 2, first + 2 * r, row + 2, first + 2 * r + 1, label, w->f.header);
          merge_number (sheet, row + 3, first + 2 * r, first + 2 * r + 1, w->counts->cases[k][r],
                        r == GK_REPORT_N_CASE_RESULTS - 1 ? w->f.total : w->f.count);
        }
    }
  worksheet_set_row (sheet, row, 20, NULL);
  worksheet_set_row (sheet, row + 1, 20, NULL);
  worksheet_set_row (sheet, row + 2, 32, NULL);
  worksheet_set_row (sheet, row + 3, 20, NULL);
  return row + 4;
}

gboolean
gk_report_write_report (GkReportWriter  *w,
                        GError         **error)
{
  const GkReportCounts *counts = w->counts;
  lxw_worksheet *sheet = gk_report_writer_add_sheet (w, gk_report_writer_label (w, "sheets.report"), FALSE, FALSE, TRUE);
  g_autofree char *title = gk_report_writer_dup_title (w, "title");
  lxw_row_t row = 0;

  g_assert (sheet != NULL);
  worksheet_set_column (sheet, 0, LAST_COLUMN, GRID_WIDTH, NULL);

  merge (sheet, row, 0, row, LAST_COLUMN, title, w->f.title);
  worksheet_set_row (sheet, row, gk_report_text_height (title, grid_width (0, LAST_COLUMN) * 0.65, 24), NULL);
  row += 2;

  row = write_heading (w, sheet, row, 0);
  row = write_section_text (w, sheet, row, counts->figures->overview);
  row++;
  row = write_heading (w, sheet, row, 1);
  row = write_table_2 (w, sheet, row);
  row++;
  row = write_heading (w, sheet, row, 2);
  row = write_table_3 (w, sheet, row);
  row++;
  row = write_heading (w, sheet, row, 3);
  row = write_table_4 (w, sheet, row);
  row++;
  row = write_heading (w, sheet, row, 4);
  row = write_section_text (w, sheet, row, counts->figures->problems);
  row++;
  row = write_heading (w, sheet, row, 5);
  row = write_section_text (w, sheet, row, counts->figures->other);
  row += 2;

  merge (sheet, row, 16, row, LAST_COLUMN, counts->unit_name != NULL ? counts->unit_name : counts->organisation, w->f.right);
  row++;
  merge (sheet, row, 16, row, LAST_COLUMN, gk_report_writer_label (w, "report.signature"), w->f.right);

  worksheet_print_area (sheet, 0, 0, row, LAST_COLUMN);
  worksheet_center_horizontally (sheet);
  return TRUE;
}
