/* gk-supervision-print.c: the supervision (督查) report printed on A4 pages, as a clerk hands it in. */
#include "config.h"

#include "gk-report-template.h"
#include "gk-supervision-print.h"

/* In points (the operation's unit). */
#define PADDING 3.0
#define TITLE_GAP 6.0
#define TABLE_GAP 10.0
#define FOOTER_HEIGHT 24.0
#define LINE_WIDTH 0.5
#define FONT "Sans 9"
#define TITLE_FONT "Sans Bold 16"

/* Each column's share of the width: the domain and unit names get the room,
 * the counts the rest, as the workbook's column widths do. */
static const double column_weights[] = { 16, 30, 11, 11, 11, 11, 11, 11, 11 };

struct _GkSupervisionPrint
{
  GtkPrintOperation parent_instance;

  GkSupervisionTable *table;
  double widths[G_N_ELEMENTS (column_weights)];
  double header_height;
  double heading_height;  /* the title and the period, above the table on page one */
  GArray *heights;        /* double: each line's height */
  GArray *page_starts;    /* guint: the first line of each page, then the number of lines */
};

G_DEFINE_FINAL_TYPE (GkSupervisionPrint, gk_supervision_print, GTK_TYPE_PRINT_OPERATION)

static PangoLayout *
new_layout (GtkPrintContext *context,
            const char      *font,
            const char      *text,
            double           width,
            gboolean         bold)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  if (bold)
    pango_font_description_set_weight (description, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* A row's height: its tallest cell, long names wrapping within their column. */
static double
measure_row (GkSupervisionPrint *self,
             GtkPrintContext    *context,
             char              **cells,
             gboolean            bold)
{
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->widths) && cells[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (context, FONT, cells[i], self->widths[i] - 2 * PADDING, bold);

      height = MAX (height, layout_height (layout));
    }
  return height + 2 * PADDING;
}

static double
measure_heading (GkSupervisionPrint *self,
                 GtkPrintContext    *context)
{
  double width = gtk_print_context_get_width (context);
  g_autoptr(PangoLayout) title = new_layout (context, TITLE_FONT, self->table->title, width, FALSE);
  g_autoptr(PangoLayout) range = new_layout (context, FONT, self->table->range, width, FALSE);

  return layout_height (title) + TITLE_GAP + layout_height (range) + TABLE_GAP;
}

/* Lays out every line once, then splits them into pages: a row never
 * breaks across two, and each page starts with the header row. */
static void
gk_supervision_print_begin_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  GkSupervisionPrint *self = GK_SUPERVISION_PRINT (operation);
  double width = gtk_print_context_get_width (context);
  double bottom = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  double weights = 0, y;
  guint start = 0;

  for (guint i = 0; i < G_N_ELEMENTS (column_weights); i++)
    weights += column_weights[i];
  for (guint i = 0; i < G_N_ELEMENTS (column_weights); i++)
    self->widths[i] = width * column_weights[i] / weights;

  self->header_height = measure_row (self, context, self->table->columns, TRUE);
  self->heading_height = measure_heading (self, context);

  g_array_set_size (self->heights, 0);
  g_array_set_size (self->page_starts, 0);
  g_array_append_val (self->page_starts, start);
  y = self->heading_height + self->header_height;
  for (guint r = 0; r < self->table->lines->len; r++)
    {
      gboolean total = g_array_index (self->table->totals, gboolean, r);
      double height = measure_row (self, context, g_ptr_array_index (self->table->lines, r), total);

      g_array_append_val (self->heights, height);
      if (y + height > bottom && r > g_array_index (self->page_starts, guint, self->page_starts->len - 1))
        {
          g_array_append_val (self->page_starts, r);
          y = self->header_height;
        }
      y += height;
    }
  start = self->table->lines->len;
  g_array_append_val (self->page_starts, start);
  gtk_print_operation_set_n_pages (operation, self->page_starts->len - 1);
}

/* One row of cells at @y: text cells from the left, numbers from the right. */
static void
draw_row (GkSupervisionPrint *self,
          GtkPrintContext    *context,
          char              **cells,
          double              y,
          double              height,
          gboolean            bold,
          gboolean            header)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double x = 0;

  if (header || bold)
    {
      cairo_set_source_rgb (cr, header ? 0.88 : 0.95, header ? 0.88 : 0.95, header ? 0.88 : 0.95);
      cairo_rectangle (cr, 0, y, gtk_print_context_get_width (context), height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < G_N_ELEMENTS (self->widths) && cells[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (context, FONT, cells[i], self->widths[i] - 2 * PADDING, bold);

      if (header)
        pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      else if (i >= 2)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      cairo_move_to (cr, x + PADDING, y + PADDING);
      pango_cairo_show_layout (cr, layout);

      cairo_set_line_width (cr, LINE_WIDTH);
      cairo_rectangle (cr, x, y, self->widths[i], height);
      cairo_stroke (cr);
      x += self->widths[i];
    }
}

static void
gk_supervision_print_draw_page (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page)
{
  GkSupervisionPrint *self = GK_SUPERVISION_PRINT (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint first = g_array_index (self->page_starts, guint, page);
  guint end = g_array_index (self->page_starts, guint, page + 1);
  g_autofree char *number = NULL;
  g_autofree char *count = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page == 0)
    {
      g_autoptr(PangoLayout) title = new_layout (context, TITLE_FONT, self->table->title, width, FALSE);
      g_autoptr(PangoLayout) range = new_layout (context, FONT, self->table->range, width, FALSE);

      pango_layout_set_alignment (title, PANGO_ALIGN_CENTER);
      pango_layout_set_alignment (range, PANGO_ALIGN_CENTER);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, title);
      cairo_move_to (cr, 0, layout_height (title) + TITLE_GAP);
      pango_cairo_show_layout (cr, range);
      y = self->heading_height;
    }

  draw_row (self, context, self->table->columns, y, self->header_height, TRUE, TRUE);
  y += self->header_height;
  for (guint r = first; r < end; r++)
    {
      double row_height = g_array_index (self->heights, double, r);

      draw_row (self, context, g_ptr_array_index (self->table->lines, r), y, row_height,
                g_array_index (self->table->totals, gboolean, r), FALSE);
      y += row_height;
    }

  number = g_strdup_printf ("%d", page + 1);
  count = g_strdup_printf ("%u", self->page_starts->len - 1);
  footer = gk_report_expand (self->table->page, "page", number, "pages", count, NULL);
  layout = new_layout (context, FONT, footer, width, FALSE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 0, height - layout_height (layout));
  pango_cairo_show_layout (cr, layout);
}

static void
gk_supervision_print_finalize (GObject *object)
{
  GkSupervisionPrint *self = GK_SUPERVISION_PRINT (object);

  g_clear_pointer (&self->table, gk_supervision_table_free);
  g_clear_pointer (&self->heights, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);

  G_OBJECT_CLASS (gk_supervision_print_parent_class)->finalize (object);
}

static void
gk_supervision_print_class_init (GkSupervisionPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = gk_supervision_print_finalize;
  operation_class->begin_print = gk_supervision_print_begin_print;
  operation_class->draw_page = gk_supervision_print_draw_page;
}

static void
gk_supervision_print_init (GkSupervisionPrint *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  self->heights = g_array_new (FALSE, FALSE, sizeof (double));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  /* Landscape, as the workbook prints: nine columns with their full headers. */
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
}

GtkPrintOperation *
gk_supervision_print_new (GkSupervisionTable *table)
{
  GkSupervisionPrint *self;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_object_new (GK_TYPE_SUPERVISION_PRINT, NULL);
  self->table = table;
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), table->title);
  return GTK_PRINT_OPERATION (self);
}
