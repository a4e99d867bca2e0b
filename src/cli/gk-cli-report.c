/* gk-cli-report.c: `gongkai-cli report`, the annual report workbook of a year. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-cli.h"
#include "gk-db.h"
#include "gk-plan.h"
#include "gk-report-xlsx.h"
#include "gk-store.h"

#define COMMAND "report"

int
gk_cli_report (GkCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GkStore) store = NULL;
  int status = GK_CLI_EXIT_OK;
  g_autoptr(GkReportCounts) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *output = NULL;
  g_autofree char *on = NULL;
  g_autofree char *organisation = NULL;
  gboolean public_ = FALSE;
  gint64 unit_id = 0;
  int year = 0;
  GDate as_of;
  const GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("The year to report on"), N_("YEAR") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, &unit, N_("Count only the records of the unit NAME"), N_("NAME") },
    { "public", 0, 0, G_OPTION_ARG_NONE, &public_, N_("Mask personal data as published outputs must"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the workbook to FILE (.xlsx)"), N_("FILE") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("Count only the records of the organisation CODE (its index number code), or all (default)"), N_("CODE") },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("Count overdue records as of DATE (YYYY-MM-DD) instead of today"), N_("DATE") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Write the annual government information disclosure report of a year as a workbook:\n"
                                           "the national tables counted from the ledger, the public resource disclosure\n"
                                           "figures, the overdue list and the ledgers. The workbook is in Chinese\n"
                                           "whatever the language of the interface. Failed consistency checks are\n"
                                           "printed and listed in the workbook."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc > 1)
    return gk_cli_usage_error (COMMAND, _("unexpected argument “%s”"), argv[1]);
  if (year == 0)
    return gk_cli_usage_error (COMMAND, _("--year is required"));
  if (year < GK_REPORT_FIRST_YEAR || year > 9999)
    return gk_cli_usage_error (COMMAND, _("the national report format applies from %d on, not to %d"),
                               GK_REPORT_FIRST_YEAR, year);
  if (output == NULL)
    return gk_cli_usage_error (COMMAND, _("-o FILE is required"));
  if (on != NULL && !gk_date_from_iso (on, &as_of, &error))
    return gk_cli_usage_error (COMMAND, "%s", error->message);

  /* The report only reads: it works on a read-only ledger and leaves
   * nothing beside it. */
  store = gk_cli_open_store_read_only (ctx, &status);
  if (store == NULL)
    return status;
  if (!gk_cli_set_organisation (store, COMMAND, organisation, &status))
    return status;

  if (unit != NULL)
    {
      unit_id = gk_store_find_report_unit (store, unit, &error);
      /* Translators: the reason (several organisations have that unit) comes first */
      if (g_error_matches (error, GK_DB_ERROR, GK_DB_ERROR_INVALID))
        return gk_cli_usage_error (COMMAND, _("%s: add --organisation CODE"), error->message);
      if (error != NULL)
        return gk_cli_failure (error);
      if (unit_id == 0)
        return gk_cli_usage_error (COMMAND, _("no unit is called “%s”"), unit);
    }

  counts = gk_report_count (store, year, unit_id, on, NULL, &error);
  if (counts == NULL)
    return gk_cli_failure (error);

  for (guint i = 0; i < counts->checks->len; i++)
    {
      const GkReportCheck *check = g_ptr_array_index (counts->checks, i);

      if (check->passed)
        continue;
      /* Translators: a consistency check of the report that failed, then what failed */
      g_printerr (check->warning ? _("Note: %s: %s\n") : _("Check failed: %s: %s\n"), check->name,
                  check->detail != NULL ? check->detail : "");
    }

  if (!gk_report_write_xlsx (store, counts, public_, output, NULL, NULL, NULL, &error))
    return gk_cli_failure (error);
  g_clear_object (&store);
  /* The whole organisation's workbook is what goes to the office: its
   * export is the first half of the year's report duties, noted through a
   * connection that writes, opened for that alone. */
  if (unit == NULL)
    {
      g_autoptr(GkStore) writer = gk_store_open_existing (ctx->db_path, &error);

      if (writer == NULL || !gk_store_record_report_export (writer, year, NULL, &error))
        {
          /* A ledger nobody may write still gives its workbook. */
          if (g_error_matches (error, GK_DB_ERROR, GK_DB_ERROR_READ_ONLY))
            {
              /* Translators: the workbook is on disk; the ledger cannot be written. The reason follows */
              g_printerr (_("Note: the ledger is read-only: this export is not recorded in it: %s\n"), error->message);
              return GK_CLI_EXIT_OK;
            }
          /* Translators: the workbook is on disk; the ledger could not note that. The reason follows */
          g_prefix_error (&error, _("The workbook was written, but the ledger could not record its export: "));
          return gk_cli_failure (error);
        }
    }
  return GK_CLI_EXIT_OK;
}
