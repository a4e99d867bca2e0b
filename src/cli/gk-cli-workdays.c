/* gk-cli-workdays.c: `gongkai-cli workdays`, due dates and working-day counts on the official calendar. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-calendar.h"
#include "gk-cli.h"

#define COMMAND "workdays"

static gboolean
parse_date_argument (const char *text,
                     GDate      *date,
                     int        *status)
{
  g_autoptr(GError) error = NULL;

  if (gk_date_from_iso (text, date, &error))
    return TRUE;

  *status = gk_cli_usage_error (COMMAND, "%s", error->message);
  return FALSE;
}

/* Nothing goes to stdout then: a script must not mistake a guess for a date. */
static int
calendar_missing (int year)
{
  g_autofree char *warning = gk_calendar_describe_missing_year (year);

  g_printerr ("gongkai-cli %s: %s\n", COMMAND, warning);
  g_printerr (_("The working-day calendar has no State Council notice for %d (it sets that "
                "year's holidays and may move the last days of the December before it). "
                "Add the notice in Preferences or import it before counting.\n"), year);
  return GK_CLI_EXIT_CALENDAR;
}

static int
run_add (GkCalendar  *calendar,
         char       **args)
{
  g_autofree char *due_text = NULL;
  GDate start, due;
  guint64 n;
  int missing_year = 0;
  int status;

  if (!parse_date_argument (args[0], &start, &status))
    return status;
  if (!g_ascii_string_to_unsigned (args[1], 10, 0, GK_CALENDAR_MAX_WORKDAYS, &n, NULL))
    return gk_cli_usage_error (COMMAND, _("“%s” is not a number of working days from 0 to %u"),
                               args[1], GK_CALENDAR_MAX_WORKDAYS);

  if (!gk_calendar_add_workdays (calendar, &start, n, &due, &missing_year))
    return calendar_missing (missing_year);

  due_text = gk_date_format_iso (&due);
  g_print ("%s\n", due_text);
  return GK_CLI_EXIT_OK;
}

static int
run_between (GkCalendar  *calendar,
             char       **args)
{
  GDate from, to;
  int missing_year = 0;
  int count;
  int status;

  if (!parse_date_argument (args[0], &from, &status) ||
      !parse_date_argument (args[1], &to, &status))
    return status;

  count = gk_calendar_workdays_between (calendar, &from, &to, &missing_year);
  if (missing_year != 0)
    return calendar_missing (missing_year);

  g_print ("%d\n", count);
  return GK_CLI_EXIT_OK;
}

int
gk_cli_workdays (GkCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GkCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { NULL }
  };

  context = g_option_context_new (_("add DATE N | between FROM TO"));
  g_option_context_set_summary (context,
                                _("Count working days on the official calendar (State Council holiday notices).\n\n"
                                  "  add DATE N         print the N-th working day after DATE (DATE itself does not count)\n"
                                  "  between FROM TO    print the number of working days after FROM up to and including TO\n"
                                  "                     (negative when TO is before FROM)\n\n"
                                  "Dates are written YYYY-MM-DD."));
  g_option_context_set_description (context,
                                    _("Exit status: 0 success, 2 bad usage, 3 the calendar has no notice "
                                      "for a year the count needs (nothing is printed on standard output)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!gk_cli_parse (context, &argc, &argv))
    return gk_cli_usage_error (COMMAND, _("invalid arguments"));

  if (argc < 2)
    return gk_cli_usage_error (COMMAND, _("expected “add DATE N” or “between FROM TO”"));

  if (g_str_equal (argv[1], "add") || g_str_equal (argv[1], "between"))
    {
      if (argc != 4)
        return gk_cli_usage_error (COMMAND, _("“%s” takes exactly two arguments"), argv[1]);
    }
  else
    return gk_cli_usage_error (COMMAND, _("unknown action “%s” (expected add or between)"), argv[1]);

  /* The shipped years only for now; the clerk's years will come from ctx->db_path. */
  calendar = gk_calendar_new_default (&error);
  if (calendar == NULL)
    return gk_cli_failure (error);

  if (g_str_equal (argv[1], "add"))
    return run_add (calendar, argv + 2);
  return run_between (calendar, argv + 2);
}
