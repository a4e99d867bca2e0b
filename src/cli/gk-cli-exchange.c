/* gk-cli-exchange.c: `gongkai-cli export` and `import`, the ledger's exchange file. */
#include "config.h"

#include <glib/gi18n.h>

#include "gk-cli.h"
#include "gk-exchange.h"

int
gk_cli_export (GkCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *organisation = NULL;
  int status = GK_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the exchange file to FILE (.json, or .zip with the attached files)"), N_("FILE") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("Write the records of the organisation CODE (its index number code) that this ledger imported, as that organisation"), N_("CODE") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Write the ledger’s own records with their channels, changes, attachments’\n"
                                           "details and history, its organisation and units, and the projects and\n"
                                           "catalog items they use, as an exchange file another ledger can import.\n"
                                           "A district’s ledger writes a department’s records with --organisation."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc > 1)
    return gk_cli_usage_error ("export", _("unexpected argument “%s”"), argv[1]);
  if (output == NULL)
    return gk_cli_usage_error ("export", _("-o FILE is required"));

  /* One organisation per file: its code heads the file. */
  if (g_strcmp0 (organisation, "all") == 0)
    return gk_cli_usage_error ("export", _("an exchange file holds one organisation: give its code"));

  store = gk_cli_open_store (ctx, FALSE, &status);
  if (store == NULL)
    return status;
  if (!gk_cli_set_organisation (store, "export", organisation, &status))
    return status;
  if (!gk_exchange_export (store, output, NULL, NULL, NULL, &error))
    return gk_cli_failure (error);
  return GK_CLI_EXIT_OK;
}

int
gk_cli_import (GkCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(GkStore) store = NULL;
  g_autoptr(GkExchangeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  int status = GK_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { NULL }
  };

  g_option_context_set_summary (context, _("Merge an exchange file into the ledger, by record: new records are added,\n"
                                           "records only the sender changed are updated, and records both sides\n"
                                           "changed since the last exchange are listed and left as they are (exit 1).\n"
                                           "Another organisation’s records keep their index numbers. Creates the\n"
                                           "ledger when there is none."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!gk_cli_parse (context, &argc, &argv))
    return GK_CLI_EXIT_USAGE;
  if (argc < 2)
    return gk_cli_usage_error ("import", _("the exchange FILE is required"));
  if (argc > 2)
    return gk_cli_usage_error ("import", _("unexpected argument “%s”"), argv[2]);

  store = gk_cli_open_store (ctx, TRUE, &status);
  if (store == NULL)
    return status;
  result = gk_exchange_import (store, argv[1], NULL, NULL, NULL, &error);
  if (result == NULL)
    return gk_cli_failure (error);

  /* Translators: the organisation's name and code, then counts of records */
  g_print (_("%s (%s): %u added, %u updated, %u unchanged, %u conflicts\n"),
           result->organisation_name, result->organisation_code,
           result->added, result->updated, result->unchanged, result->conflicts->len);
  for (guint i = 0; i < result->conflicts->len; i++)
    {
      const GkExchangeConflict *conflict = g_ptr_array_index (result->conflicts, i);

      g_print ("%s\t%s\t%s\t%s\n", _("conflict"), conflict->index_no, conflict->title != NULL ? conflict->title : "",
               conflict->reason);
    }
  return result->conflicts->len > 0 ? GK_CLI_EXIT_FOUND : GK_CLI_EXIT_OK;
}
