/* gk-report-xlsx-ledger.c: the workbook's public-resource figures, overdue list and ledger sheets. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gk-report-xlsx-private.h"
#include "gk-item.h"
#include "gk-schema.h"
#include "gk-store-report.h"

/* ---- 公共资源配置公开情况 ---- */

typedef struct
{
  char   *name;
  gint64  due, on_time, late, late_workdays, overdue, withheld;
  GString *grounds;
} Sum;

static Sum *
sum_new (const char *name)
{
  Sum *sum = g_new0 (Sum, 1);

  sum->name = g_strdup (name);
  sum->grounds = g_string_new (NULL);
  return sum;
}

static void
sum_free (Sum *sum)
{
  g_free (sum->name);
  g_string_free (sum->grounds, TRUE);
  g_free (sum);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sum, sum_free)

static void
sum_add (Sum                       *sum,
         const GkReportResourceRow *row)
{
  sum->due += row->due;
  sum->on_time += row->on_time;
  sum->late += row->late;
  sum->late_workdays += row->late_workdays;
  sum->overdue += row->overdue;
  sum->withheld += row->withheld;
  if (row->grounds != NULL && *row->grounds != '\0' && strstr (sum->grounds->str, row->grounds) == NULL)
    {
      if (sum->grounds->len > 0)
        g_string_append (sum->grounds, "；");
      g_string_append (sum->grounds, row->grounds);
    }
}

/* Columns of the figures: 本年应公开 … 按时公开率 from column @col on. */
static void
write_sum (GkReportWriter *w,
           lxw_worksheet  *sheet,
           lxw_row_t       row,
           lxw_col_t       col,
           const Sum      *sum,
           gboolean        bold,
           gboolean        with_grounds)
{
  lxw_format *number = bold ? w->f.total : w->f.count;
  gint64 judged = sum->on_time + sum->late + sum->overdue;

  worksheet_write_number (sheet, row, col++, sum->due, number);
  worksheet_write_number (sheet, row, col++, sum->on_time, number);
  worksheet_write_number (sheet, row, col++, sum->late, number);
  worksheet_write_number (sheet, row, col++, sum->late_workdays, number);
  worksheet_write_number (sheet, row, col++, sum->overdue, number);
  worksheet_write_number (sheet, row, col++, sum->withheld, number);
  /* The unit table leaves the grounds column empty, so that the rates line up. */
  if (with_grounds)
    gk_report_write_text (w, sheet, row, col++, sum->grounds->str, TRUE, w->f.label);
  else
    worksheet_write_blank (sheet, row, col++, w->f.label);
  /* Records not yet due say nothing about timeliness (as in supervision). */
  if (judged > 0)
    worksheet_write_number (sheet, row, col, (double) sum->on_time / judged, w->f.rate);
  else
    worksheet_write_blank (sheet, row, col, w->f.rate);
}

static const char * const figure_labels[] = {
  "resources.due", "resources.on_time", "resources.late", "resources.late_workdays",
  "resources.overdue", "resources.withheld",
};

static lxw_row_t
write_figure_header (GkReportWriter *w,
                     lxw_worksheet  *sheet,
                     lxw_row_t       row,
                     const char     *first,
                     const char     *second,
                     gboolean        with_grounds)
{
  lxw_col_t col = 2;

  if (second != NULL)
    {
      worksheet_write_string (sheet, row, 0, gk_report_writer_label (w, first), w->f.header);
      worksheet_write_string (sheet, row, 1, gk_report_writer_label (w, second), w->f.header);
    }
  else
    worksheet_merge_range (sheet, row, 0, row, 1, gk_report_writer_label (w, first), w->f.header);
  for (guint i = 0; i < G_N_ELEMENTS (figure_labels); i++)
    worksheet_write_string (sheet, row, col++, gk_report_writer_label (w, figure_labels[i]), w->f.header);
  if (with_grounds)
    worksheet_write_string (sheet, row, col++, gk_report_writer_label (w, "resources.grounds"), w->f.header);
  else
    worksheet_write_blank (sheet, row, col++, w->f.header);
  worksheet_write_string (sheet, row, col, gk_report_writer_label (w, "resources.rate"), w->f.header);
  worksheet_set_row (sheet, row, 30, NULL);
  return row + 1;
}

static lxw_row_t
write_by_item (GkReportWriter *w,
               lxw_worksheet  *sheet,
               lxw_row_t       row)
{
  GPtrArray *rows = w->counts->resources;
  g_autoptr(Sum) total = NULL;
  guint i = 0;

  total = sum_new (gk_report_writer_label (w, "resources.total"));
  row = write_figure_header (w, sheet, row, "resources.domain", "resources.item", TRUE);
  while (i < rows->len)
    {
      const GkReportResourceRow *first = g_ptr_array_index (rows, i);
      g_autoptr(Sum) domain = sum_new (first->domain_name);

      /* One line per item (its units summed), then the domain's subtotal. */
      while (i < rows->len && g_strcmp0 (((GkReportResourceRow *) g_ptr_array_index (rows, i))->domain, first->domain) == 0)
        {
          const GkReportResourceRow *item_row = g_ptr_array_index (rows, i);
          g_autoptr(Sum) item = sum_new (item_row->item_name);

          while (i < rows->len && ((GkReportResourceRow *) g_ptr_array_index (rows, i))->item_id == item_row->item_id)
            {
              sum_add (item, g_ptr_array_index (rows, i));
              sum_add (domain, g_ptr_array_index (rows, i));
              sum_add (total, g_ptr_array_index (rows, i));
              i++;
            }
          worksheet_write_string (sheet, row, 0, first->domain_name, w->f.label);
          worksheet_write_string (sheet, row, 1, item->name, w->f.label);
          write_sum (w, sheet, row, 2, item, FALSE, TRUE);
          row++;
        }
      worksheet_write_string (sheet, row, 0, first->domain_name, w->f.total_label);
      worksheet_write_string (sheet, row, 1, gk_report_writer_label (w, "resources.subtotal"), w->f.total_label);
      write_sum (w, sheet, row, 2, domain, TRUE, TRUE);
      row++;
    }
  worksheet_merge_range (sheet, row, 0, row, 1, total->name, w->f.total_label);
  write_sum (w, sheet, row, 2, total, TRUE, TRUE);
  return row + 1;
}

/* The rows of the unit table, for the on-time chart: first and last. */
static lxw_row_t
write_by_unit (GkReportWriter *w,
               lxw_worksheet  *sheet,
               lxw_row_t       row,
               lxw_row_t      *first_row,
               lxw_row_t      *last_row)
{
  GPtrArray *rows = w->counts->resources;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) sum_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  row = write_figure_header (w, sheet, row, "resources.unit", NULL, FALSE);
  /* Units in the order they first appear: the rows are sorted by domain,
   * item, then unit position. */
  for (guint i = 0; i < rows->len; i++)
    {
      const GkReportResourceRow *r = g_ptr_array_index (rows, i);
      Sum *sum = g_hash_table_lookup (by_id, &r->unit_id);

      if (sum == NULL)
        {
          sum = sum_new (r->unit_name != NULL ? r->unit_name : gk_report_writer_label (w, "resources.no_unit"));
          g_ptr_array_add (units, sum);
          g_array_append_val (ids, r->unit_id);
          g_hash_table_insert (by_id, &g_array_index (ids, gint64, ids->len - 1), sum);
        }
      sum_add (sum, r);
    }

  *first_row = row;
  for (guint i = 0; i < units->len; i++)
    {
      Sum *sum = g_ptr_array_index (units, i);

      worksheet_merge_range (sheet, row, 0, row, 1, sum->name, w->f.label);
      write_sum (w, sheet, row, 2, sum, FALSE, FALSE);
      row++;
    }
  *last_row = row - 1;
  return row;
}

static lxw_row_t
write_channels (GkReportWriter *w,
                lxw_worksheet  *sheet,
                lxw_row_t       row)
{
  GPtrArray *rows = w->counts->channels;

  worksheet_write_string (sheet, row, 0, gk_report_writer_label (w, "resources.domain"), w->f.header);
  worksheet_write_string (sheet, row, 1, gk_report_writer_label (w, "resources.channel"), w->f.header);
  worksheet_write_string (sheet, row, 2, gk_report_writer_label (w, "resources.count"), w->f.header);
  row++;
  for (guint i = 0; i < rows->len; i++)
    {
      const GkReportChannelRow *r = g_ptr_array_index (rows, i);

      worksheet_write_string (sheet, row, 0, r->domain_name, w->f.label);
      worksheet_write_string (sheet, row, 1, r->channel, w->f.label);
      worksheet_write_number (sheet, row, 2, r->count, w->f.count);
      row++;
    }
  return row;
}

/* A row per month, a column per domain: the chart's series are the columns. */
static lxw_row_t
write_months (GkReportWriter *w,
              lxw_worksheet  *sheet,
              lxw_row_t       row,
              lxw_row_t      *header_row)
{
  GPtrArray *rows = w->counts->months;

  *header_row = row;
  worksheet_write_string (sheet, row, 0, gk_report_writer_label (w, "resources.month_header"), w->f.header);
  for (guint i = 0; i < rows->len; i++)
    worksheet_write_string (sheet, row, i + 1, ((GkReportMonthRow *) g_ptr_array_index (rows, i))->domain_name, w->f.header);
  worksheet_set_row (sheet, row, 30, NULL);
  row++;
  for (int m = 0; m < 12; m++)
    {
      g_autofree char *month = g_strdup_printf ("%d", m + 1);
      g_autofree char *label = gk_report_expand (gk_report_writer_label (w, "resources.month"), "month", month, NULL);

      worksheet_write_string (sheet, row, 0, label, w->f.label_centre);
      for (guint i = 0; i < rows->len; i++)
        worksheet_write_number (sheet, row, i + 1, ((GkReportMonthRow *) g_ptr_array_index (rows, i))->months[m], w->f.count);
      row++;
    }
  return row;
}

gboolean
gk_report_write_resources (GkReportWriter  *w,
                           GError         **error)
{
  const char *name = gk_report_writer_label (w, "sheets.resources");
  lxw_worksheet *sheet = gk_report_writer_add_sheet (w, name, FALSE, TRUE, TRUE);
  g_autofree char *title = gk_report_writer_dup_title (w, "resources.title");
  lxw_row_t row = 0, unit_first = 0, unit_last = 0, months_header = 0;
  lxw_row_t breaks[2] = { 0, 0 };
  lxw_chart *chart;
  lxw_chart_series *series;

  g_assert (sheet != NULL);
  worksheet_set_column (sheet, 0, 0, 20, NULL);
  worksheet_set_column (sheet, 1, 1, 22, NULL);
  worksheet_set_column (sheet, 2, 7, 9.5, NULL);
  worksheet_set_column (sheet, 8, 8, 26, NULL);
  worksheet_set_column (sheet, 9, 12, 9.5, NULL);

  worksheet_merge_range (sheet, row, 0, row, 9, title, w->f.title);
  worksheet_set_row (sheet, row, 30, NULL);
  row += 2;

  worksheet_write_string (sheet, row++, 0, gk_report_writer_label (w, "resources.by_item"), w->f.heading);
  row = write_by_item (w, sheet, row);
  row++;
  worksheet_write_string (sheet, row++, 0, gk_report_writer_label (w, "resources.by_unit"), w->f.heading);
  row = write_by_unit (w, sheet, row, &unit_first, &unit_last);
  row++;
  worksheet_write_string (sheet, row++, 0, gk_report_writer_label (w, "resources.channels"), w->f.heading);
  row = write_channels (w, sheet, row);
  row++;
  worksheet_write_string (sheet, row++, 0, gk_report_writer_label (w, "resources.monthly"), w->f.heading);
  row = write_months (w, sheet, row, &months_header);

  /* Publications per month, a series per domain. */
  chart = workbook_add_chart (w->workbook, LXW_CHART_COLUMN);
  chart_title_set_name (chart, gk_report_writer_label (w, "resources.monthly_chart"));
  for (guint i = 0; i < w->counts->months->len; i++)
    {
      series = chart_add_series (chart, NULL, NULL);
      chart_series_set_categories (series, name, months_header + 1, 0, months_header + 12, 0);
      chart_series_set_values (series, name, months_header + 1, i + 1, months_header + 12, i + 1);
      chart_series_set_name_range (series, name, months_header, i + 1);
    }
  chart_axis_set_num_format (chart->y_axis, "0");
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  /* The charts print on a page of their own, not cut by a page break. */
  breaks[0] = row + 1;
  worksheet_set_h_pagebreaks (sheet, breaks);
  worksheet_insert_chart_opt (sheet, row + 1, 0, chart, &(lxw_chart_options) { .x_scale = 1.5, .y_scale = 1.0 });

  /* On-time rate by unit. */
  if (unit_last >= unit_first && unit_first > 0)
    {
      chart = workbook_add_chart (w->workbook, LXW_CHART_BAR);
      chart_title_set_name (chart, gk_report_writer_label (w, "resources.rate_chart"));
      series = chart_add_series (chart, NULL, NULL);
      chart_series_set_categories (series, name, unit_first, 0, unit_last, 0);
      chart_series_set_values (series, name, unit_first, 9, unit_last, 9);
      /* A bar chart's values run along its x axis. */
      chart_axis_set_num_format (chart->x_axis, "0%");
      chart_axis_set_min (chart->x_axis, 0);
      chart_axis_set_max (chart->x_axis, 1);
      chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      worksheet_insert_chart_opt (sheet, row + 17, 0, chart, &(lxw_chart_options) { .x_scale = 1.5, .y_scale = 1.0 });
    }

  return !g_cancellable_set_error_if_cancelled (w->cancellable, error);
}

/* ---- 逾期清单 ---- */

typedef struct
{
  GkReportWriter *w;
  lxw_worksheet  *sheet;
  lxw_row_t       row;
} OverdueState;

static gboolean
write_overdue_row (const GkReportRecordRow  *r,
                   gpointer                  user_data,
                   GError                  **error)
{
  OverdueState *s = user_data;
  GkReportWriter *w = s->w;
  lxw_col_t col = 0;
  gboolean late = r->published_on != NULL;

  gk_report_write_text (w, s->sheet, s->row, col++, r->unit_name, FALSE, w->f.cell);
  gk_report_write_text (w, s->sheet, s->row, col++, r->domain_name, FALSE, w->f.cell);
  gk_report_write_text (w, s->sheet, s->row, col++, r->item_name, FALSE, w->f.cell);
  gk_report_write_text (w, s->sheet, s->row, col++, r->title, TRUE, w->f.cell);
  gk_report_write_text (w, s->sheet, s->row, col++, r->index_no, FALSE, w->f.cell);
  gk_report_write_date (w, s->sheet, s->row, col++, r->formed_on, w->f.cell);
  gk_report_write_date (w, s->sheet, s->row, col++, r->due_on, w->f.cell);
  gk_report_write_date (w, s->sheet, s->row, col++, r->published_on, w->f.cell);
  if (late)
    worksheet_write_number (s->sheet, s->row, col++, r->late_workdays, w->f.count);
  else
    worksheet_write_blank (s->sheet, s->row, col++, w->f.count);
  worksheet_write_string (s->sheet, s->row, col, gk_report_writer_label (w, late ? "overdue.late" : "overdue.open"), w->f.cell);
  s->row++;
  return gk_report_writer_tick (w, error);
}

gboolean
gk_report_write_overdue (GkReportWriter  *w,
                         GError         **error)
{
  static const double widths[] = { 18, 16, 18, 40, 26, 11, 11, 11, 8, 11 };
  lxw_worksheet *sheet = gk_report_writer_add_sheet (w, gk_report_writer_label (w, "sheets.overdue"), TRUE, TRUE, TRUE);
  JsonArray *columns = gk_report_template_get_array (w->template, "overdue.columns");
  g_autofree char *title = gk_report_writer_dup_title (w, "overdue.title");
  OverdueState state = { w, sheet, 0 };
  guint n = json_array_get_length (columns);

  g_assert (sheet != NULL);
  for (guint i = 0; i < n && i < G_N_ELEMENTS (widths); i++)
    worksheet_set_column (sheet, i, i, widths[i], NULL);

  /* Rows strictly in order: this sheet streams. */
  worksheet_merge_range (sheet, 0, 0, 0, n - 1, title, w->f.title);
  worksheet_set_row (sheet, 0, 30, NULL);
  worksheet_set_row (sheet, 1, 30, NULL);
  for (guint i = 0; i < n; i++)
    worksheet_write_string (sheet, 1, i, json_array_get_string_element (columns, i), w->f.header);
  state.row = 2;
  worksheet_freeze_panes (sheet, 2, 0);
  worksheet_repeat_rows (sheet, 1, 1);

  if (!gk_store_report_foreach_overdue (w->store, w->counts->year, w->counts->unit_id, w->counts->as_of,
                                        write_overdue_row, &state, error))
    return FALSE;
  worksheet_autofilter (sheet, 1, 0, MAX (state.row - 1, 1), n - 1);
  return TRUE;
}

/* ---- the ledgers ---- */

/* One column of a ledger sheet beyond the common ones: every item's field
 * of that label. */
typedef struct
{
  const GkField *field;
  lxw_col_t      col;
  guint          value;  /* the index of the field's id in the sheet's keys */
} FieldColumn;

typedef struct
{
  GkSchema *schema;
  GArray   *columns;  /* FieldColumn */
} ItemColumns;

static void
item_columns_free (ItemColumns *item)
{
  g_clear_pointer (&item->schema, gk_schema_unref);
  g_clear_pointer (&item->columns, g_array_unref);
  g_free (item);
}

typedef struct
{
  GkReportWriter *w;
  lxw_worksheet  *sheet;
  lxw_row_t       row;
  GHashTable     *items;   /* item id → ItemColumns */
  guint           n_columns;
  GHashTable     *statuses;  /* a record's status → its label */
  GHashTable     *modes;     /* a record's mode → its label */
} LedgerState;

/* The labels of the few statuses and modes, looked up once each. */
static const char *
ledger_label (LedgerState *s,
              GHashTable  *labels,
              const char  *prefix,
              const char  *value)
{
  const char *label = g_hash_table_lookup (labels, value);

  if (label == NULL)
    {
      g_autofree char *path = g_strconcat (prefix, value, NULL);

      label = gk_report_writer_label (s->w, path);
      g_hash_table_insert (labels, g_strdup (value), (gpointer) label);
    }
  return label;
}

#define N_COMMON_COLUMNS 11

/* A table in a record: how many rows, and the first column's values. */
static char *
summarise_table (GkReportWriter *w,
                 const GkField  *field,
                 JsonNode       *value)
{
  g_autofree char *count = NULL;
  g_autofree char *rows_label = NULL;
  GString *text;
  JsonArray *rows;
  const GkField *first;

  if (!JSON_NODE_HOLDS_ARRAY (value))
    return NULL;
  rows = json_node_get_array (value);
  if (json_array_get_length (rows) == 0)
    return NULL;
  count = g_strdup_printf ("%u", json_array_get_length (rows));
  rows_label = gk_report_expand (gk_report_writer_label (w, "ledger.rows"), "count", count, NULL);
  text = g_string_new (rows_label);
  first = field->columns != NULL && field->columns->len > 0 ? g_ptr_array_index (field->columns, 0) : NULL;
  for (guint i = 0; first != NULL && i < json_array_get_length (rows) && text->len < 2000; i++)
    {
      JsonNode *row = json_array_get_element (rows, i);
      g_autofree char *cell = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (row))
        continue;
      cell = gk_field_format_value (first, json_object_get_member (json_node_get_object (row), first->id));
      if (cell != NULL)
        {
          g_string_append (text, i == 0 ? "：" : "；");
          g_string_append (text, cell);
        }
    }
  return g_string_free (text, FALSE);
}

static void
write_value (GkReportWriter *w,
             lxw_worksheet  *sheet,
             lxw_row_t       row,
             lxw_col_t       col,
             const GkField  *field,
             JsonNode       *value)
{
  g_autofree char *text = NULL;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return;

  switch (field->kind)
    {
    case GK_FIELD_MONEY:
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        {
          worksheet_write_number (sheet, row, col, json_node_get_int (value) / 100.0, w->f.yuan);
          return;
        }
      break;
    case GK_FIELD_INTEGER:
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
        {
          worksheet_write_number (sheet, row, col, json_node_get_int (value), w->f.cell);
          return;
        }
      break;
    case GK_FIELD_DECIMAL:
      if (JSON_NODE_HOLDS_VALUE (value))
        {
          const char *digits = json_node_get_value_type (value) == G_TYPE_STRING ? json_node_get_string (value) : NULL;
          char *end = NULL;
          double number = digits != NULL ? g_ascii_strtod (digits, &end) : json_node_get_double (value);

          if (digits == NULL || (end != digits && *end == '\0'))
            {
              worksheet_write_number (sheet, row, col, number, w->f.cell);
              return;
            }
        }
      break;
    case GK_FIELD_DATE:
      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        {
          gk_report_write_date (w, sheet, row, col, json_node_get_string (value), w->f.cell);
          return;
        }
      break;
    case GK_FIELD_TABLE:
      text = summarise_table (w, field, value);
      gk_report_write_text (w, sheet, row, col, text, TRUE, w->f.cell);
      return;
    default:
      break;
    }

  text = gk_field_format_value (field, value);
  gk_report_write_text (w, sheet, row, col, text, TRUE, w->f.cell);
}

static gboolean
write_ledger_row (const GkReportRecordRow  *r,
                  gpointer                  user_data,
                  GError                  **error)
{
  LedgerState *s = user_data;
  GkReportWriter *w = s->w;
  ItemColumns *item = g_hash_table_lookup (s->items, &r->item_id);
  g_autoptr(JsonNode) masked = NULL;
  JsonObject *object = NULL;
  lxw_col_t col = 0;

  gk_report_write_text (w, s->sheet, s->row, col++, r->index_no, FALSE, w->f.cell);
  gk_report_write_text (w, s->sheet, s->row, col++, r->item_name, FALSE, w->f.cell);
  gk_report_write_text (w, s->sheet, s->row, col++, r->title, TRUE, w->f.cell);
  gk_report_write_text (w, s->sheet, s->row, col++, r->unit_name, FALSE, w->f.cell);
  gk_report_write_text (w, s->sheet, s->row, col++, r->doc_no, TRUE, w->f.cell);
  gk_report_write_date (w, s->sheet, s->row, col++, r->formed_on, w->f.cell);
  gk_report_write_date (w, s->sheet, s->row, col++, r->due_on, w->f.cell);
  gk_report_write_date (w, s->sheet, s->row, col++, r->published_on, w->f.cell);
  gk_report_write_text (w, s->sheet, s->row, col++, ledger_label (s, s->statuses, "ledger.status.", r->status), FALSE, w->f.cell);
  gk_report_write_text (w, s->sheet, s->row, col++, ledger_label (s, s->modes, "ledger.mode.", r->mode), FALSE, w->f.cell);
  gk_report_write_text (w, s->sheet, s->row, col++, r->exemption, TRUE, w->f.cell);

  if (item == NULL)
    {
      s->row++;
      return gk_report_writer_tick (w, error);
    }

  /* A public workbook shows what the mask policy leaves of personal data. */
  if (w->public_ && item->schema != NULL)
    {
      g_autoptr(JsonObject) values = json_object_new ();
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

      for (guint i = 0; i < item->columns->len; i++)
        {
          FieldColumn *column = &g_array_index (item->columns, FieldColumn, i);
          JsonNode *value = r->values[column->value];

          if (value != NULL)
            json_object_set_member (values, column->field->id, json_node_copy (value));
        }
      json_node_set_object (node, values);
      masked = gk_schema_mask_values (item->schema, node, &w->policy);
      object = json_node_get_object (masked);
    }

  for (guint i = 0; i < item->columns->len; i++)
    {
      FieldColumn *column = &g_array_index (item->columns, FieldColumn, i);

      write_value (w, s->sheet, s->row, column->col, column->field,
                   object != NULL ? json_object_get_member (object, column->field->id)
                                  : r->values[column->value]);
    }
  s->row++;
  return gk_report_writer_tick (w, error);
}

/* The columns of @domain's sheet: the common ones, then each field label
 * of its items in catalog order, once, leaving out the fields no record of
 * the item that the year touched fills (a domain's items have dozens);
 * known before the sheet's first row is streamed. */
/* The one column of a table that the sheet shows (see summarise_table()):
 * @tables holds it for key @k when every table of that key in the sheet
 * has the same first column, and NULL then for good. */
static void
note_table_column (GPtrArray     *tables,
                   guint          k,
                   const GkField *field)
{
  const GkField *first;
  const char *known;

  if (field->kind != GK_FIELD_TABLE)
    return;
  while (tables->len <= k)
    g_ptr_array_add (tables, NULL);
  first = field->columns != NULL && field->columns->len > 0 ? g_ptr_array_index (field->columns, 0) : NULL;
  known = g_ptr_array_index (tables, k);
  if (known == NULL)
    g_ptr_array_index (tables, k) = (gpointer) (first != NULL ? first->id : "");
  else if (first == NULL || strcmp (known, first->id) != 0)
    g_ptr_array_index (tables, k) = (gpointer) "";
}

static GPtrArray *
collect_columns (GkReportWriter  *w,
                 const char      *domain,
                 GHashTable      *items,
                 GPtrArray       *keys,
                 GPtrArray       *tables,
                 GError         **error)
{
  g_autoptr(GPtrArray) list = gk_store_list_items (w->store, domain, TRUE, error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) by_label = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *common = gk_report_template_get_array (w->template, "ledger.columns");

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (common); i++)
    g_ptr_array_add (labels, g_strdup (json_array_get_string_element (common, i)));

  for (guint i = 0; i < list->len; i++)
    {
      GkItem *source = g_ptr_array_index (list, i);
      ItemColumns *item = g_new0 (ItemColumns, 1);
      gint64 id = gk_item_get_id (source);
      GkSchema *schema = gk_item_get_schema (source);
      g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) used = NULL;

      item->columns = g_array_new (FALSE, FALSE, sizeof (FieldColumn));
      item->schema = schema != NULL ? gk_schema_ref (schema) : NULL;
      g_hash_table_insert (items, g_memdup2 (&id, sizeof id), item);
      if (item->schema == NULL)
        continue;
      for (guint f = 0; f < gk_schema_get_n_fields (item->schema); f++)
        g_hash_table_add (ids, gk_schema_get_field (item->schema, f)->id);
      used = gk_store_report_used_keys (w->store, w->counts->year, domain, id, w->counts->unit_id, ids, error);
      if (used == NULL)
        return NULL;

      for (guint f = 0; f < gk_schema_get_n_fields (item->schema); f++)
        {
          const GkField *field = gk_schema_get_field (item->schema, f);
          gpointer col, value;
          FieldColumn column = { field, 0, 0 };

          if (!g_hash_table_contains (used, field->id))
            continue;
          if (!g_hash_table_lookup_extended (by_key, field->id, NULL, &value))
            {
              value = GUINT_TO_POINTER (keys->len);
              g_ptr_array_add (keys, g_strdup (field->id));
              g_hash_table_insert (by_key, g_ptr_array_index (keys, keys->len - 1), value);
            }
          column.value = GPOINTER_TO_UINT (value);
          note_table_column (tables, column.value, field);
          if (!g_hash_table_lookup_extended (by_label, field->label, NULL, &col))
            {
              col = GUINT_TO_POINTER (labels->len);
              g_ptr_array_add (labels, g_strdup (field->label));
              g_hash_table_insert (by_label, g_ptr_array_index (labels, labels->len - 1), col);
            }
          column.col = GPOINTER_TO_UINT (col);
          g_array_append_val (item->columns, column);
        }
    }
  return g_steal_pointer (&labels);
}

static char *
sheet_name (GkReportWriter *w,
            const char     *domain,
            const char     *name)
{
  const GkCatalogDomain *known = gk_catalog_lookup_domain (w->catalog, domain);
  GString *text = g_string_new (NULL);

  if (known != NULL && known->kind == GK_DOMAIN_KIND_BLACKLIST)
    g_string_append (text, gk_report_writer_label (w, "sheets.blacklist"));
  else
    g_string_append_printf (text, "%s%s", name, gk_report_writer_label (w, "sheets.ledger_suffix"));
  /* What Excel refuses in a sheet name, and its length limit of 31. */
  for (char *p = text->str; *p != '\0'; p++)
    if (strchr ("[]:*?/\\'", *p) != NULL)
      *p = '_';
  if (g_utf8_strlen (text->str, -1) > 31)
    {
      g_autofree char *cut = g_utf8_substring (text->str, 0, 31);

      g_string_assign (text, cut);
    }
  return g_string_free (text, FALSE);
}

static gboolean
write_ledger (GkReportWriter  *w,
              const char      *domain,
              const char      *name,
              GError         **error)
{
  g_autoptr(GHashTable) items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) item_columns_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();  /* per key: a table's first column, "" for none */
  g_autoptr(GPtrArray) labels = collect_columns (w, domain, items, keys, tables, error);
  g_autofree char *title = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) modes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) item_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                           (GDestroyNotify) g_array_unref);
  LedgerState state = { w, NULL, 1, items, 0, statuses, modes };
  GHashTableIter iter;
  gpointer id, value;
  gboolean wide;

  if (labels == NULL)
    return FALSE;
  while (tables->len < keys->len)
    g_ptr_array_add (tables, NULL);
  for (guint k = 0; k < tables->len; k++)
    if (g_strcmp0 (g_ptr_array_index (tables, k), "") == 0)
      g_ptr_array_index (tables, k) = NULL;
  g_ptr_array_add (keys, NULL);
  /* Each item's records are read for the keys of its own columns only. */
  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      ItemColumns *item = value;
      GArray *slots = g_array_sized_new (FALSE, FALSE, sizeof (guint), item->columns->len);

      for (guint i = 0; i < item->columns->len; i++)
        g_array_append_val (slots, g_array_index (item->columns, FieldColumn, i).value);
      g_hash_table_insert (item_keys, id, slots);
    }
  title = sheet_name (w, domain, name);
  /* A ledger of a few fields prints one page wide; a wider one runs on over
   * several, with the header row and the first columns repeated, at a
   * readable size. */
  wide = labels->len > N_COMMON_COLUMNS + 6;
  state.sheet = gk_report_writer_add_sheet (w, title, TRUE, TRUE, !wide);
  if (state.sheet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not add the sheet %s"), title);
      return FALSE;
    }
  state.n_columns = labels->len;

  worksheet_set_column (state.sheet, 0, 0, 26, NULL);
  worksheet_set_column (state.sheet, 1, 1, 16, NULL);
  worksheet_set_column (state.sheet, 2, 2, 36, NULL);
  worksheet_set_column (state.sheet, 3, 4, 16, NULL);
  worksheet_set_column (state.sheet, 5, 7, 11, NULL);
  worksheet_set_column (state.sheet, 8, 10, 10, NULL);
  if (labels->len > N_COMMON_COLUMNS)
    worksheet_set_column (state.sheet, N_COMMON_COLUMNS, labels->len - 1, 16, NULL);
  worksheet_set_row (state.sheet, 0, 30, NULL);
  for (guint i = 0; i < labels->len; i++)
    worksheet_write_string (state.sheet, 0, i, g_ptr_array_index (labels, i), w->f.header);
  worksheet_freeze_panes (state.sheet, 1, 3);
  worksheet_repeat_rows (state.sheet, 0, 0);
  if (wide)
    {
      worksheet_repeat_columns (state.sheet, 0, 2);
      worksheet_set_print_scale (state.sheet, 75);
    }

  if (!gk_store_report_foreach_record (w->store, w->counts->year, domain, w->counts->unit_id,
                                       (const char * const *) keys->pdata, (const char * const *) tables->pdata,
                                       item_keys, write_ledger_row, &state, error))
    return FALSE;
  worksheet_autofilter (state.sheet, 0, 0, MAX (state.row - 1, 1), labels->len - 1);
  return TRUE;
}

gboolean
gk_report_write_ledgers (GkReportWriter  *w,
                         GError         **error)
{
  g_autoptr(GPtrArray) domains = gk_store_report_domains (w->store, error);
  guint n;

  if (domains == NULL)
    return FALSE;
  n = domains->len / 2;
  for (guint i = 0; i < n; i++)
    {
      const char *domain = g_ptr_array_index (domains, 2 * i);

      if (!write_ledger (w, domain, g_ptr_array_index (domains, 2 * i + 1), error))
        return FALSE;
      if (w->progress != NULL)
        w->progress ((double) (i + 1) / (n + 1), w->progress_data);
    }
  return TRUE;
}
