/* gk-cli-duty.c: `gongkai-cli duty`, the yearly reports due to the district office and the public, and their submission. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-cli.h"
#include "gk-plan.h"

#define COMMAND "duty"

const char *
gk_cli_timeliness_nick (GkTimeliness status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (GK_TYPE_TIMELINESS);
  GEnumValue *value = g_enum_get_value (klass, status);

  return value != NULL ? value->value_nick : "";
}

static int
run_list (GkStore    *store,
          const char *today,
          gboolean    all)
{
  g_autoptr(GPtrArray) duties = NULL;
  g_autoptr(GError) error = NULL;

  duties = gk_store_list_duties (store, today, all, &error);
  if (duties == NULL)
    return gk_cli_failure (error);

  g_print ("duty\tyear\tdue_on\tstate\texported_at\tsubmitted_on\n");
  for (guint i = 0; i < duties->len; i++)
    {
      GkDuty *duty = g_ptr_array_index (duties, i);

      g_print ("%s\t%d\t%s\t%s\t%s\t%s\n", gk_duty_kind_to_key (duty->kind), duty->year, duty->due_on,
               gk_cli_timeliness_nick (duty->info.status),
               duty->exported_at != NULL ? duty->exported_at : "",
               duty->submitted_on != NULL ? duty->submitted_on : "");
    }
  return GK_CLI_EXIT_OK;
}

static int
run_submit (GkStore    *store,
            char      **args,
            const char *on)
{
  g_autoptr(GError) error = NULL;
  GkDutyKind kind;
  guint64 year;

  if (!gk_duty_kind_from_key (args[0], &kind))
    return gk_cli_usage_error (COMMAND, _("unknown duty “%s” (use annual-report or progress-report)"), args[0]);
  if (!g_ascii_string_to_unsigned (args[1], 10, 1900, 9998, &year, NULL))
    return gk_cli_usage_error (COMMAND, _("“%s” is not a year"), args[1]);

  if (!gk_store_submit_duty (store, kind, year, on, &error))
    {
      if (g_error_matches (error, GK_DB_ERROR, GK_DB_ERROR_INVALID))
        return gk_cli_usage_error (COMMAND, "%s", error->message);
      return gk_cli_failure (error);
    }
  return GK_CLI_EXIT_OK;
}

int
gk_cli_duty (GkCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[list | submit DUTY YEAR]"));
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *on = NULL;
  gboolean all = FALSE;
  int status = GK_CLI_EXIT_OK;
  GDate date;
  const GOptionEntry entries[] = {
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("As of DATE (YYYY-MM-DD), or the submission date, instead of today"), N_("DATE") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("List the duties already done too"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("List the yearly reports due (the annual report by 31 January for a department, "
                                           "31 March for the district; the progress report with it), shown from December on,\n"
                                           "or mark one submitted once the report workbook of that year has been exported:\n"
                                           "  gongkai-cli duty submit annual-report 2026"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (on != NULL && !gk_date_from_iso (on, &date, &error))
    return gk_cli_usage_error (COMMAND, "%s", error->message);

  if (argc <= 1 || g_strcmp0 (argv[1], "list") == 0)
    {
      if (argc > 2)
        return gk_cli_usage_error (COMMAND, _("unexpected argument “%s”"), argv[2]);
      store = gk_cli_open_store (ctx, FALSE, &status);
      return store != NULL ? run_list (store, on, all) : status;
    }
  if (g_strcmp0 (argv[1], "submit") == 0)
    {
      if (argc != 4)
        return gk_cli_usage_error (COMMAND, _("submit takes a duty and a year, e.g. “submit annual-report 2026”"));
      store = gk_cli_open_store (ctx, FALSE, &status);
      return store != NULL ? run_submit (store, argv + 2, on) : status;
    }
  return gk_cli_usage_error (COMMAND, _("unknown action “%s” (use list or submit)"), argv[1]);
}
