/* gk-cli-backup.c: gongkai-cli backup and restore: copies of the ledger beside it. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-backup.h"
#include "gk-cli.h"

static void
print_backups (GPtrArray *backups)
{
  g_print ("created\trecords\treason\tpath\n");
  for (guint i = 0; i < backups->len; i++)
    {
      GkBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *created = g_date_time_format (backup->created, "%Y-%m-%d %H:%M:%S");
      g_autofree char *records = backup->n_records >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, backup->n_records)
                                                        : g_strdup ("?");

      g_print ("%s\t%s\t%s\t%s\n", created, records, backup->reason, backup->path);
    }
}

int
gk_cli_backup (GkCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gboolean list = FALSE;
  int keep = 0;
  int status = GK_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the backups with their dates and records instead"), NULL },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep, N_("Keep the N newest backups from now on (default 7)"), N_("N") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Copy the ledger into its backups folder, beside it (LEDGER.backups)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc > 1)
    return gk_cli_usage_error ("backup", _("unexpected argument “%s”"), argv[1]);
  if (keep < 0 || keep > 1000)
    return gk_cli_usage_error ("backup", _("--keep takes a number from 1 to 1000"));

  if (list)
    {
      g_autoptr(GPtrArray) backups = gk_backup_list (ctx->db_path, &error);

      if (backups == NULL)
        return gk_cli_failure (error);
      print_backups (backups);
      return GK_CLI_EXIT_OK;
    }

  store = gk_cli_open_store (ctx, FALSE, &status);
  if (store == NULL)
    return status;
  if (keep > 0 && !gk_store_set_backup_keep (store, keep, &error))
    return gk_cli_failure (error);

  path = gk_store_backup (store, "manual", &error);
  if (path == NULL)
    return gk_cli_failure (error);
  g_print ("%s\n", path);
  return GK_CLI_EXIT_OK;
}

int
gk_cli_restore (GkCliContext  *ctx,
                int            argc,
                char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("BACKUP"));
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;

  g_option_context_set_summary (context, _("Put the copy BACKUP (a path, or a file name listed by “backup --list”)\n"
                                           "in place of the ledger. The ledger as it was is first moved into the\n"
                                           "backups folder, never overwritten. Close the window first."));
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc != 2)
    return gk_cli_usage_error ("restore", _("give one backup to restore"));

  if (g_file_test (argv[1], G_FILE_TEST_EXISTS))
    backup = g_strdup (argv[1]);
  else
    {
      g_autofree char *dir = gk_backup_get_dir (ctx->db_path);
      backup = g_build_filename (dir, argv[1], NULL);
    }

  if (!gk_backup_restore (ctx->db_path, backup, &aside, &error))
    return gk_cli_failure (error);

  g_print (_("Restored %s from %s\n"), ctx->db_path, backup);
  if (aside != NULL)
    g_print (_("The ledger as it was is kept as %s\n"), aside);
  return GK_CLI_EXIT_OK;
}
