/* gk-cli-due.c: `gongkai-cli due`, the due date a catalog item's rule gives for a start date. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-calendar.h"
#include "gk-catalog.h"
#include "gk-cli.h"
#include "gk-deadline.h"
#include "gk-request-deadline.h"
#include "gk-store.h"

#define COMMAND "due"

/* The item's rule from @start, or the reply period of a request. */
static gboolean
compute_due (GkCalendar  *calendar,
             GkItem      *item,
             const GDate *start,
             GDate       *due,
             int         *missing_year,
             GError     **error)
{
  const char *text = gk_item_get_deadline_rule (item);
  GkDeadlineRule rule;

  if (g_strcmp0 (text, GK_ITEM_RULE_REQUEST) == 0)
    {
      GkRequestDeadline deadline;

      if (!gk_request_deadline_compute (calendar, start, NULL, 0, &deadline, error))
        return FALSE;
      *due = deadline.due;
      *missing_year = deadline.missing_year;
      return TRUE;
    }
  if (g_strcmp0 (text, GK_ITEM_RULE_NONE) == 0)
    {
      g_set_error (error, GK_DEADLINE_ERROR, GK_DEADLINE_ERROR_INVALID_RULE,
                   _("The catalog item “%s” has no deadline"), gk_item_get_key (item));
      return FALSE;
    }
  if (!gk_deadline_rule_parse (text, &rule, error))
    return FALSE;

  gk_deadline_rule_compute_due (&rule, calendar, start, due, missing_year);
  return TRUE;
}

int
gk_cli_due (GkCliContext  *ctx,
            int            argc,
            char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GkCalendar) calendar = NULL;
  int status = GK_CLI_EXIT_OK;
  g_autoptr(GkItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *item_key = NULL;
  g_autofree char *due_text = NULL;
  GDate start, due;
  int missing_year = 0;
  const GOptionEntry entries[] = {
    { "item", 0, 0, G_OPTION_ARG_STRING, &item_key, N_("The catalog item whose rule counts (see “catalog”)"), N_("KEY") },
    { NULL }
  };

  context = g_option_context_new (_("--item KEY DATE"));
  g_option_context_set_summary (context,
                                _("Print the due date (YYYY-MM-DD) the catalog item's deadline rule gives when "
                                  "its period runs from DATE: the decision, award, report or formation date the "
                                  "item names, or a request's receipt date. DATE itself does not count."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 success, 2 bad usage, 3 the calendar has no notice for a year "
                                      "the count needs (nothing is printed on standard output), 4 no such item, or "
                                      "an item without a deadline."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!gk_cli_parse (context, &argc, &argv))
    return gk_cli_usage_error (COMMAND, _("invalid arguments"));
  if (item_key == NULL)
    return gk_cli_usage_error (COMMAND, _("--item KEY is required"));
  if (argc != 2)
    return gk_cli_usage_error (COMMAND, _("expected one DATE"));
  if (!gk_date_from_iso (argv[1], &start, &error))
    return gk_cli_usage_error (COMMAND, "%s", error->message);

  /* A question, not an edit: without a ledger the shipped catalog and
   * calendar answer it, and no ledger is made for it. */
  if (!g_file_test (ctx->db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GkCatalog) catalog = gk_catalog_new_default (&error);

      if (catalog == NULL || (calendar = gk_calendar_new_default (&error)) == NULL)
        return gk_cli_failure (error);
      item = gk_catalog_lookup_item (catalog, item_key);
      item = item != NULL ? g_object_ref (item) : gk_catalog_new_request_item (catalog, item_key);
      if (item == NULL)
        {
          g_set_error (&error, GK_CATALOG_ERROR, GK_CATALOG_ERROR_INVALID, _("No catalog item “%s”"), item_key);
          return gk_cli_failure (error);
        }
      g_printerr (_("gongkai-cli %s: there is no ledger at “%s”; the shipped catalog and calendar answer.\n"),
                  COMMAND, ctx->db_path);
    }
  else
    {
      store = gk_cli_open_store (ctx, FALSE, &status);
      if (store == NULL)
        return status;
      calendar = g_object_ref (gk_store_get_calendar (store));
      item = gk_store_get_item (store, item_key, &error);
      if (item == NULL)
        return gk_cli_failure (error);
    }
  if (!compute_due (calendar, item, &start, &due, &missing_year, &error))
    return gk_cli_failure (error);

  due_text = gk_date_format_iso (&due);
  if (missing_year != 0)
    {
      g_autofree char *warning = gk_calendar_describe_missing_year (missing_year);

      /* A guess must not reach a script as a date. */
      g_printerr ("gongkai-cli %s: %s\n", COMMAND, warning);
      g_printerr (_("Counted without that year's State Council notice, the due date would be %s. "
                    "Add the notice in Preferences or import it before relying on it.\n"), due_text);
      return GK_CLI_EXIT_CALENDAR;
    }

  g_print ("%s\n", due_text);
  return GK_CLI_EXIT_OK;
}
