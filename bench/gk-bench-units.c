/* gk-bench-units.c: times the unit-level work the tests check only for correctness: due dates, long tables. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "gk-calendar.h"
#include "gk-core.h"
#include "gk-record-editor-private.h"
#include "gk-store.h"

#define N_DUE_DATES 100000
#define N_ROWS      500

typedef enum
{
  DUE_DATES,
  PASTE,
  ADD_MOVE_REMOVE,
  TYPE_CELL,
  N_MEASURES
} Measure;

static const char *measure_names[] = {
  "100 000 due dates (shipped calendar)",
  "paste 500 rows into a table, then save",
  "add, move and remove a row of 500",
  "type in one cell of 500 rows",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_due_dates (GkCalendar *calendar)
{
  GDate start;
  guint32 checksum = 0;
  gint64 t;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 1, G_DATE_JANUARY, 2018);
  t = g_get_monotonic_time ();
  for (guint i = 0; i < N_DUE_DATES; i++)
    {
      GDate day = start;
      GDate due;

      g_date_add_days (&day, i % 3250);
      gk_calendar_add_workdays (calendar, &day, i % 2 ? 20 : 7, &due, NULL);
      checksum += g_date_get_julian (&due);
    }
  /* Keeps the loop from being optimised away. */
  if (checksum == 0)
    g_printerr ("checksum 0\n");
  return ms_since (t);
}

/* One sample of the table measures, on a fresh record in an editor that is shown. */
static void
time_table (GkStore *store,
            double   samples[N_MEASURES])
{
  g_autoptr(GString) tsv = g_string_new ("序号\t姓名\t身份证号\t家庭人口\t房源位置\t户型\t面积（平方米）\n");
  g_autoptr(GkRecord) record = gk_store_create_record (store, "housing-allocation.result", NULL, NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GkRecordEditor *editor = GK_RECORD_EDITOR (gk_record_editor_new (store));
  GkTableEditor *table;
  gint64 t;

  for (guint i = 1; i <= N_ROWS; i++)
    g_string_append_printf (tsv, "%u\t住户%u\t11010519491231002X\t%u\t幸福里%u号楼%u\t两室一厅\t%u.5\n",
                            i, i, 1 + i % 5, 1 + i / 50, 100 + i % 50, 40 + i % 60);

  gtk_window_set_default_size (window, 1000, 760);
  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  gk_record_editor_set_record (editor, record);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  table = gk_tables_section_get_editor (editor->tables_section, "results");

  /* Pasted, laid out and drawn, and saved. */
  t = g_get_monotonic_time ();
  gk_table_editor_paste_text (table, tsv->str);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  gk_record_editor_flush (editor, NULL);
  samples[PASTE] = ms_since (t);

  t = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (table), "table.add-row", NULL);
  gk_table_editor_select_row (table, 100);
  gtk_widget_activate_action (GTK_WIDGET (table), "table.move-up", NULL);
  gtk_widget_activate_action (GTK_WIDGET (table), "table.remove-row", NULL);
  samples[ADD_MOVE_REMOVE] = ms_since (t);

  t = g_get_monotonic_time ();
  gk_table_editor_set_cell_text (table, 250, "name", "改名");
  samples[TYPE_CELL] = ms_since (t);

  gk_record_editor_flush (editor, NULL);
  gtk_window_destroy (window);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkCalendar) calendar = NULL;
  g_autoptr(GkStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GArray *samples[N_MEASURES];
  int runs = argc > 1 ? atoi (argv[1]) : 7;

  if (runs < 1 || !gtk_init_check ())
    {
      g_printerr ("usage: gk-bench-units [RUNS], with a display\n"
                  "Prints one line per measure: name, median ms, p90 ms, runs\n");
      return 2;
    }
  adw_init ();
  gk_core_init ();
  calendar = gk_calendar_new_default (&error);
  dir = g_dir_make_tmp ("gongkai-bench-XXXXXX", &error);
  if (calendar == NULL || dir == NULL)
    {
      g_printerr ("gk-bench-units: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "ledger.db", NULL);
  store = gk_store_open (path, &error);
  /* Records are numbered with the organisation's code: a ledger needs one. */
  if (store == NULL || !gk_store_set_organisation (store, "基准测试单位", "000014349", &error))
    {
      g_printerr ("gk-bench-units: %s\n", error->message);
      return 1;
    }

  for (guint m = 0; m < N_MEASURES; m++)
    samples[m] = g_array_new (FALSE, FALSE, sizeof (double));
  /* One run left out: cold caches. */
  for (int run = 0; run <= runs; run++)
    {
      double one[N_MEASURES];

      one[DUE_DATES] = time_due_dates (calendar);
      time_table (store, one);
      for (guint m = 0; run > 0 && m < N_MEASURES; m++)
        g_array_append_val (samples[m], one[m]);
    }

  for (guint m = 0; m < N_MEASURES; m++)
    {
      g_array_sort (samples[m], compare_doubles);
      printf ("%s\t%.1f\t%.1f\t%u\n", measure_names[m],
              g_array_index (samples[m], double, samples[m]->len / 2),
              g_array_index (samples[m], double, (samples[m]->len * 9) / 10 < samples[m]->len ? (samples[m]->len * 9) / 10 : samples[m]->len - 1),
              samples[m]->len);
      g_array_unref (samples[m]);
    }

  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_remove (file);
    }
  g_rmdir (dir);
  return 0;
}
