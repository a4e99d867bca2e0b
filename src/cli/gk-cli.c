/* gk-cli.c: gongkai-cli, the headless tool for reports, publishing and checks. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "gk-cli.h"
#include "gk-core.h"
#include "gk-db.h"
#include "gk-error.h"
#include "gk-store.h"

static const GkCliCommand commands[] = {
  { "setup", N_("Set up or print the organisation: name, index number code, level"), gk_cli_setup },
  { "list", N_("List records (filter by domain, item, status, text)"), gk_cli_list },
  { "show", N_("Show one record with its fields and history"), gk_cli_show },
  { "catalog", N_("Print the disclosure catalog"), gk_cli_catalog },
  { "check", N_("Report overdue and due-soon records (exit 1 if any is overdue)"), gk_cli_check },
  { "workdays", N_("Count working days on the official calendar"), gk_cli_workdays },
  { "due", N_("Print the due date a catalog item's rule gives for a start date"), gk_cli_due },
  { "publish", N_("Write the publication bundle: a static site and open data"), gk_cli_publish },
  { "demo", N_("Fill a ledger with a realistic sample"), gk_cli_demo },
  { "verify", N_("Check the ledger file for damage"), gk_cli_verify },
  { "report", N_("Write the annual report workbook of a year"), gk_cli_report },
  { "duty", N_("List the yearly reports due, or mark one submitted"), gk_cli_duty },
  { "backup", N_("Copy the ledger into its backups folder, or list the copies"), gk_cli_backup },
  { "restore", N_("Put a backup in place of the ledger, keeping the ledger aside"), gk_cli_restore },
  { "import-table", N_("Import a spreadsheet (.xlsx, .csv) as records of a catalog item"), gk_cli_import_table },
  { "imports", N_("List the spreadsheet imports"), gk_cli_imports },
  { "import-undo", N_("Remove the records of one spreadsheet import"), gk_cli_import_undo },
  { "export", N_("Write the ledger’s own data as an exchange file"), gk_cli_export },
  { "import", N_("Merge an exchange file into the ledger"), gk_cli_import },
};

gboolean
gk_cli_parse (GOptionContext  *context,
              int             *argc,
              char          ***argv)
{
  g_autoptr(GError) error = NULL;

  /* "Usage: gongkai-cli list [OPTION…]" for a command's --help. */
  /* Only for a command: the program's own argv[0] is a path or "gongkai-cli". */
  if (*argc > 0 && strchr ((*argv)[0], '/') == NULL && g_strcmp0 ((*argv)[0], "gongkai-cli") != 0)
    {
      g_autofree char *prgname = g_strdup_printf ("gongkai-cli %s", (*argv)[0]);
      g_set_prgname (prgname);
    }

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      g_printerr (_("Try “%s --help” for more information.\n"), g_get_prgname ());
      return FALSE;
    }
  return TRUE;
}

int
gk_cli_usage_error (const char *command,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    g_printerr ("gongkai-cli %s: %s\n", command, message);
  else
    g_printerr ("gongkai-cli: %s\n", message);
  g_printerr (_("Try “gongkai-cli %s%s--help” for more information.\n"),
              command != NULL ? command : "", command != NULL ? " " : "");
  return GK_CLI_EXIT_USAGE;
}

int
gk_cli_failure (GError *error)
{
  g_printerr ("gongkai-cli: %s\n", error->message);

  if (error->domain != GK_DB_ERROR)
    return GK_CLI_EXIT_FAILURE;

  switch (error->code)
    {
    case GK_DB_ERROR_MISSING:
    case GK_DB_ERROR_NOT_LEDGER:
    case GK_DB_ERROR_TOO_NEW:
      return GK_CLI_EXIT_NO_LEDGER;
    case GK_DB_ERROR_CORRUPT:
      return GK_CLI_EXIT_DAMAGED;
    case GK_DB_ERROR_BUSY:
      return GK_CLI_EXIT_BUSY;
    case GK_DB_ERROR_READ_ONLY:
      return GK_CLI_EXIT_READ_ONLY;
    case GK_DB_ERROR_DISK_FULL:
      return GK_CLI_EXIT_DISK_FULL;
    default:
      return GK_CLI_EXIT_FAILURE;
    }
}

GkStore *
gk_cli_open_store (GkCliContext *ctx,
                   gboolean      create,
                   int          *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) store = NULL;

  store = create ? gk_store_open (ctx->db_path, &error) : gk_store_open_existing (ctx->db_path, &error);
  /* A large ledger opens before its check; a command must not report on
   * (or write into) a damaged one as if it were whole. */
  if (store != NULL && !gk_store_is_verified (store) && !gk_store_verify (store, &error))
    g_clear_object (&store);

  if (store == NULL)
    *status = gk_cli_failure (error);
  return g_steal_pointer (&store);
}

gboolean
gk_cli_set_organisation (GkStore     *store,
                         const char  *command,
                         const char  *organisation,
                         int         *status)
{
  g_autoptr(GError) error = NULL;

  if (organisation == NULL || g_strcmp0 (organisation, "all") == 0)
    return TRUE;
  if (gk_store_set_report_organisation (store, organisation, &error))
    return TRUE;
  if (g_error_matches (error, GK_DB_ERROR, GK_DB_ERROR_NOT_FOUND))
    *status = gk_cli_usage_error (command, _("the ledger holds no organisation with the code “%s”"), organisation);
  else
    *status = gk_cli_failure (error);
  return FALSE;
}

GkStore *
gk_cli_open_store_read_only (GkCliContext *ctx,
                             int          *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GkStore) store = NULL;

  /* A reader leaves nothing beside the ledger, nothing to checkpoint on
   * close, and skips the writer's upkeep at open. A ledger in an older
   * format is brought up to date first, as opening it in the window would. */
  store = gk_store_open_read_only (ctx->db_path, NULL, &error);
  if (g_error_matches (error, GK_DB_ERROR, GK_DB_ERROR_OUTDATED))
    {
      g_autoptr(GkStore) updated = gk_cli_open_store (ctx, FALSE, status);

      if (updated == NULL)
        return NULL;
      g_clear_object (&updated);
      g_clear_error (&error);
      store = gk_store_open_read_only (ctx->db_path, NULL, &error);
    }
  /* Not checked whole first (that needs files beside a ledger in a
   * read-only folder): a damaged page fails the read that meets it. */
  if (store == NULL)
    *status = gk_cli_failure (error);
  return g_steal_pointer (&store);
}

static char *
describe_commands (void)
{
  GString *s = g_string_new (_("Commands:"));

  g_string_append_c (s, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (s, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_c (s, '\n');
  g_string_append (s, _("Run “gongkai-cli COMMAND --help” for a command's options.\n\n"
                        "Exit status: 0 success, 1 check found something overdue, 2 bad usage,\n"
                        "3 the working-day calendar does not cover a date, 4 failure,\n"
                        "5 no ledger at the path (or not a ledger), 6 the ledger is damaged,\n"
                        "7 the ledger is in use by another program, 8 the ledger or its folder\n"
                        "is read-only, 9 the disk is full."));
  return g_string_free (s, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *description = NULL;
  const char *localedir;
  gboolean version = FALSE;
  GkCliContext ctx = { 0 };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("Use the ledger database FILE (default: the window's database)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  localedir = g_getenv ("GONGKAI_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gk_core_init ();

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_summary (context, _("Keep the public resource disclosure ledger from the command line."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;

  if (version)
    {
      g_print ("gongkai-cli %s\n", PACKAGE_VERSION);
      return GK_CLI_EXIT_OK;
    }

  if (argc < 2)
    return gk_cli_usage_error (NULL, _("no command given"));

  ctx.db_path = db_path != NULL ? g_steal_pointer (&db_path) : gk_core_default_db_path ();

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (argv[1], commands[i].name) == 0)
        {
          int status = commands[i].run (&ctx, argc - 1, argv + 1);
          g_free (ctx.db_path);
          return status;
        }
    }

  g_free (ctx.db_path);
  return gk_cli_usage_error (NULL, _("unknown command “%s”"), argv[1]);
}
